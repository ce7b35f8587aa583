// merge.h — "expand" a node: merge another slice (the node's own) into the one showing,
// with an undo.
//
// Index
//   merge_slice     add what is new, keep what is there
//   Undo            SliceSnapshot, MergeHistory
//
// Positions: nodes already in `into` keep x, y and pins. New nodes get has_position = 0
// (the other slice's coordinates belong to another picture) and x, y of the node they
// attach to (an existing neighbour, else the anchor), so the layout's incremental path
// (ForceLayout::step / add_nodes_incremental) starts them beside it and holds the old
// picture still. The profile, the focus, `extra` and `warnings` of `into` do not change.
//
// src/core/: no SDL, GL, ImGui or Emscripten include.
#pragma once

#include "core/slice.h"

#include <cstddef>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace rgv {

struct SliceSnapshot;

// [SECTION] merge_slice
struct MergeResult {
    std::size_t nodes_added = 0;
    std::size_t edges_added = 0;
    std::size_t nodes_enriched = 0; // existing nodes that got new attribute keys or a label
    std::vector<std::uint32_t> new_nodes; // indices in `into`
    std::vector<std::string> warnings;    // one line each (type conflicts, a bad anchor)
};

// Adds the nodes of `other` whose id `into` lacks, and the edges it lacks (an edge is
// present when one with the same source id, target id and type exists, or the reverse of
// an undirected one). Existing nodes: attribute keys they lack are added (existing values
// win), an empty label is filled; a different type is kept and reported. `anchor` is a
// node of `into` (kNoNode: none). When `undo` is given it is filled first so that
// restore_snapshot() gives `into` back.
MergeResult merge_slice(Slice& into, const Slice& other, std::uint32_t anchor,
                        SliceSnapshot* undo = nullptr);

// [SECTION] Undo
// What a merge changes, kept small: merges only append nodes and edges and add keys, so
// the counts, the positions and the attributes / labels of the nodes it touched suffice.
struct SliceSnapshot {
    std::size_t node_count = 0, edge_count = 0;
    std::vector<float> x, y;
    std::vector<std::uint8_t> pinned, has_position;
    std::vector<std::pair<std::uint32_t, nlohmann::json>> attrs;   // before the merge
    std::vector<std::pair<std::uint32_t, std::string>> labels;     // before the merge
};

// Positions and pins of every node as they are now (merge_slice adds the rest).
SliceSnapshot take_snapshot(const Slice& slice);
// Drops the nodes and edges added since, puts attributes, labels, positions and pins
// back. The Graph object stays the same object (a ForceLayout keeps its pointer) but
// node counts shrink: reset the layout afterwards. False (and nothing changed) when the
// slice has fewer nodes or edges than the snapshot, i.e. it is not the same slice.
bool restore_snapshot(Slice& slice, const SliceSnapshot& snapshot);

// Bounded undo stack: the oldest snapshot is dropped past `depth`.
class MergeHistory {
public:
    explicit MergeHistory(std::size_t depth = 10) : depth_(depth == 0 ? 1 : depth) {}
    // merge_slice with its snapshot pushed (only when something was added or changed).
    MergeResult merge(Slice& into, const Slice& other, std::uint32_t anchor);
    void push(SliceSnapshot snapshot);
    // Undoes the last merge; false when there is nothing to undo (or it does not fit).
    bool undo(Slice& slice);
    bool can_undo() const { return !stack_.empty(); }
    std::size_t size() const { return stack_.size(); }
    std::size_t depth() const { return depth_; }
    void clear() { stack_.clear(); }

private:
    std::size_t depth_;
    std::deque<SliceSnapshot> stack_;
};

} // namespace rgv
