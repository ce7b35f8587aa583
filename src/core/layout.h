// layout.h — the layout engine: two force models and a stress model behind one
// interface, Barnes-Hut repulsion, multilevel start, incremental growth, radial (ego)
// option, component packing.
//
// Index
//   LayoutModel    d3-force (velocity Verlet, alpha cooling), ForceAtlas2 (adaptive speed)
//                    or stress majorisation (layout_stress.cpp)
//   LayoutParams   every knob, with d3-force's / Gephi's defaults where they have one
//   ForceLayout    reset / step / run_for / run, convergence, pins, reheat, growth
//   Packing        pack_components(): connected components side by side, focus in the middle
//
// d3 model (as d3-force): each step cools alpha towards alpha_target, every force adds
// alpha-scaled velocity, then velocities decay by velocity_decay and move the nodes.
// Forces: many-body (Barnes-Hut charge), link (weighted springs of rest length
// link_distance, strength 1/min(deg) by default), gravity (d3's forceX/forceY), optional
// radial rings and collision.
//
// ForceAtlas2 model (Jacomy et al. 2014, as graphology/Gephi): repulsion kr (deg+1)(deg+1)/d
// through the same quadtree, attraction w d (or w log(1 + d) with LinLog), gravity
// kg (deg+1), per-node swinging and a global adaptive speed. Alpha still cools on the
// same schedule: it drives progress(), convergence, and a final damping of the speed so
// the picture comes to rest instead of jittering at the adaptive speed's limit.
//
// Stress model (Gansner, Koren, North 2004; sparse: Ortmann, Klimenta, Brandes 2016):
// each step is one localized-SMACOF sweep over every node, minimising
// sum w_ij (|x_i - x_j| - D_ij)^2 with D_ij the shortest-path distance times
// link_distance and w_ij = D_ij^-2. Components up to stress_full_max_nodes use all pairs;
// bigger ones use stress_pivots MaxMin pivots (each node's pivot terms weighted by the
// size of the part of the pivot's region nearer to it) plus exact terms for its
// neighbours. Every component is laid out on its own and the components are packed after
// every step (see pack_components); radial rings, collision and incremental anchors are
// force-model features the stress model does not apply.
//
// All models share start positions (pivot MDS per component, multilevel for big ones),
// pins, radial rings, collision, time slicing and convergence. Everything is
// single-threaded with portable arithmetic (no libm transcendental in the simulation, a
// libc-independent quadtree partition), so a seed gives the same bits natively and in
// wasm (see bench/RESULTS.md for the measured agreement).
//
// The graph is borrowed: the caller keeps it alive while the layout refers to it.
// Nodes with g.pinned set never move.
#pragma once

#include "core/graph.h"
#include "core/quadtree.h"

#include <cstdint>
#include <vector>

namespace rgv {

// [SECTION] LayoutModel
enum class LayoutModel : std::uint8_t { D3 = 0, ForceAtlas2, Stress };

// How the stress model turns an edge's weight into its ideal length (w' = the weight
// normalised to mean 1, see weight_influence): Uniform ignores weights (every edge one
// link_distance), InvSqrt uses 1 / sqrt(w'), Log 1 - 0.5 ln w' (both within 0.4-2.5x).
enum class StressEdgeLength : std::uint8_t { Uniform = 0, InvSqrt, Log };

// "d3" / "fa2" (also "forceatlas2") / "stress"; false when unknown.
bool parse_layout_model(const char* name, LayoutModel& out);

// [SECTION] LayoutParams
struct LayoutParams {
    LayoutModel model = LayoutModel::D3;
    std::uint64_t seed = 1;          // start positions (and coincidence jiggle)

    // Many-body (d3 forceManyBody): negative = repulsion.
    float charge = -30.0f;
    float theta = 0.9f;              // Barnes-Hut accuracy, both models; 0 = exact O(n^2)
    float charge_distance_min = 1.0f; // softening below this distance
    // Scale each node's charge by sqrt(degree + 1) (normalised to the mean): hubs push
    // harder, so their many leaves fan out instead of piling up (ForceAtlas2's idea).
    bool charge_by_degree = true;

    // Links (d3 forceLink). With w' = (w / mean w)^weight_influence (0 = ignore weights),
    // the d3 model scales a spring's strength by w' (capped at 1, where d3's integration
    // would start to overshoot) and its rest length by 1 / sqrt(w') (within 0.4-2.5x), so
    // heavy edges are short even where the strength is already at the cap; ForceAtlas2
    // multiplies its attraction by w'.
    float link_distance = 30.0f;
    float link_strength = -1.0f;     // < 0: d3 default 1 / min(deg(s), deg(t))
    int link_iterations = 1;
    float weight_influence = 1.0f;   // both models (FA2: Gephi's edgeWeightInfluence)

    // Gravity towards (center_x, center_y) (d3 forceX/forceY strength).
    float gravity = 0.05f;
    float center_x = 0.0f, center_y = 0.0f;

    // Collision (d3 forceCollide): nodes are disks of node_radius[i] (or collide_radius
    // when node_radius is shorter than the graph) plus collide_padding; 0 radius = off.
    float collide_radius = 0.0f;
    std::vector<float> node_radius;
    float collide_padding = 0.0f;
    float collide_strength = 0.7f;

    // Radial / ego layout: when radial_focus is a node, every node is pulled onto the
    // ring of radius (hop distance from the focus) * ring_spacing around (center_x,
    // center_y); unreachable nodes go on the ring after the last. The caller pins the
    // focus at the centre. ring_spacing <= 0: 2 * link_distance.
    std::uint32_t radial_focus = kNoNode;
    float radial_strength = 1.0f;
    float ring_spacing = 0.0f;

    // ForceAtlas2 (Gephi's names and defaults; graphology's barnesHutOptimize = theta).
    float fa2_scaling = 2.0f;        // kr, repulsion
    float fa2_gravity = 1.0f;        // kg
    bool fa2_strong_gravity = false; // gravity grows with distance
    bool fa2_linlog = false;         // attraction log(1 + d) instead of d
    float fa2_jitter_tolerance = 1.0f;
    float fa2_slow_down = 1.0f;

    // Cooling and integration (d3 simulation; also the FA2 schedule).
    float alpha = 1.0f;
    float alpha_min = 0.001f;
    float alpha_decay = 0.0227627790f; // 1 - pow(alpha_min, 1/300): 300 steps to alpha_min
    float alpha_target = 0.0f;
    float velocity_decay = 0.4f;

    // Converged early when the mean step length per free node falls below this fraction
    // of the layout's size (bounding-box diagonal); 0 disables the movement test.
    float movement_tolerance = 1e-4f;

    // Start positions for nodes without has_position: a phyllotaxis spiral with this
    // spacing (d3's initialRadius), in a seeded order.
    float initial_radius = 10.0f;
    // Components of 20+ nodes with nothing placed start from a pivot-MDS layout instead
    // (global shape first, forces refine), scaled so the mean edge is link_distance.
    bool initial_mds = true;
    // Components of at least this many nodes start from a multilevel layout (coarsen by
    // matching, lay out the coarsest graph, refine level by level); the final layout then
    // only needs multilevel_final_steps steps of cooling. 0 disables.
    std::uint32_t multilevel_min_nodes = 8000;
    int multilevel_final_steps = 40;

    // Incremental growth: nodes that exist when new ones arrive (after the first step) are
    // held near where they were by a spring of this strength until the layout converges
    // again, so merging a neighbour's slice does not reshuffle the picture. 0 disables.
    float incremental_anchor = 0.5f;

    // Stress model. Components up to stress_full_max_nodes nodes: all-pairs terms (O(c^2)
    // memory and time per step); bigger: stress_pivots pivots (O(c k)).
    std::uint32_t stress_full_max_nodes = 3000;
    std::uint32_t stress_pivots = 200;
    StressEdgeLength stress_edge_length = StressEdgeLength::Uniform;

    // Component packing (stress model every step; pack_components() for any positions):
    // boxes gap * link_distance apart, rows laid out to about this width / height.
    float pack_gap = 2.0f;
    float pack_aspect = 1.6f;
    // Force models: pack the components once when the layout converges (off by default:
    // the picture jumps at the end; on netscience it lifts d3's NP 0.64 -> 0.77).
    bool pack_on_converge = false;
    // The focal node: its component goes in the middle of the packing (else the component
    // of a pinned node, else the largest).
    std::uint32_t focus = kNoNode;
};

// [SECTION] ForceLayout
class ForceLayout {
public:
    // Takes the graph (kept by pointer) and the parameters. Nodes with has_position keep
    // x, y; unpositioned nodes next to positioned ones start beside them, the rest from
    // pivot MDS / multilevel / a spiral (or on their rings in radial mode). Deterministic
    // per seed.
    void reset(Graph& g, const LayoutParams& p);

    // One iteration: cool, apply forces, integrate; writes g.x / g.y. Picks up nodes or
    // edges added to the graph since the last call: new nodes without has_position start
    // next to a placed neighbour, and the nodes that were there are anchored (see
    // LayoutParams::incremental_anchor); call reheat() too so the change gets room to settle.
    void step();
    // Steps until the wall-clock budget is spent or the layout has converged; stops early
    // when another step would likely overrun the budget, but does at least one step if
    // not converged. Returns the number of steps done.
    int run_for(double budget_ms);
    // Steps until converged or max_iterations; returns the steps done.
    int run(int max_iterations);

    // alpha < alpha_min, or the last step moved nodes less than movement_tolerance.
    bool converged() const;
    // 0..1 for the UI: log(alpha) / log(alpha_min), 1 once converged.
    float progress() const;

    void pin(std::uint32_t node, float x, float y); // sets g.pinned and moves the node
    void unpin(std::uint32_t node);
    // Warms the simulation up again (after a drag or a graph change).
    void reheat(float alpha = 0.3f);

    // Growth in one call: picks up the nodes and edges added since the last step, places
    // the new ones beside the nodes they attach to, anchors the old ones and reheats to
    // `alpha` (low: the old picture mostly stays). Same as what step() does by itself,
    // with the reheat added.
    void add_nodes_incremental(float alpha = 0.25f);
    // Number of nodes currently held by incremental anchors (0 once settled).
    std::size_t anchored_count() const { return anchor_count_; }

    std::uint32_t iterations() const { return iterations_; }
    float alpha() const { return alpha_; }
    float mean_movement() const { return mean_movement_; } // last step, world units
    bool used_multilevel() const { return used_multilevel_; }
    const LayoutParams& params() const { return params_; }
    LayoutParams& params() { return params_; } // tweak live; structural caches follow on step()
    Graph* graph() const { return graph_; }

private:
    void sync_graph();            // rebuild per-node / per-edge caches if the graph changed
    void build_csr();             // undirected adjacency of the usable links
    void seed_positions_from(std::size_t first); // place nodes [first, n) lacking a position
    void compute_rings();         // radial targets from hop distances to the focus
    // d3 model
    void apply_many_body(float alpha);
    void apply_links(float alpha);
    void apply_gravity(float alpha);
    void apply_radial(float alpha);
    void apply_anchors(float alpha);
    void apply_collision();
    void integrate();
    // ForceAtlas2 model (layout_fa2.cpp)
    void step_fa2();
    // Stress model (layout_stress.cpp)
    void stress_build();
    void step_stress();
    void finish_movement(double moved, std::size_t free_count);
    float jiggle();               // tiny seeded offset for exactly coincident link ends

    Graph* graph_ = nullptr;
    LayoutParams params_;
    float alpha_ = 1.0f;
    std::uint32_t iterations_ = 0;
    float mean_movement_ = 0.0f;
    bool moved_converged_ = false;
    bool used_multilevel_ = false;
    double step_ms_estimate_ = 0.0;
    std::uint64_t rng_ = 0;

    std::size_t synced_nodes_ = 0, synced_edges_ = 0;
    std::vector<float> vx_, vy_;
    std::vector<float> charge_;   // per-node many-body weight (> 0), multiplied by charge
    std::vector<std::uint32_t> link_s_, link_t_; // usable edges (no self-loops, in range)
    std::vector<float> link_bias_, link_k_;      // share moved by the target; strength
    std::vector<float> link_len_; // rest length (d3 model)
    std::vector<float> link_w_;   // normalised weight^influence (FA2 attraction)
    std::vector<std::uint32_t> degree_;
    std::vector<std::uint32_t> csr_off_, csr_adj_;
    QuadTree tree_;
    QuadTree collide_tree_;
    std::vector<std::uint32_t> scratch_;
    // Radial targets (radius per node), empty when radial mode is off.
    std::vector<float> ring_;
    std::uint32_t ring_focus_ = kNoNode;
    // Incremental anchors: position to hold, or NaN for none.
    std::vector<float> anchor_x_, anchor_y_;
    std::size_t anchor_count_ = 0;
    // ForceAtlas2 state: previous forces (swinging), mass, global speed.
    std::vector<float> fa_mass_, fa_fx_, fa_fy_, fa_old_fx_, fa_old_fy_;
    float fa_speed_ = 1.0f, fa_speed_efficiency_ = 1.0f;
    // Stress state (layout_stress.cpp). Nodes are grouped by component into "slots"
    // (st_node_[slot]); components are st_comp_[c] .. st_comp_[c + 1]. The deduplicated
    // adjacency over slots carries 1 / ideal length. Full components keep a c x c matrix
    // of 1 / D_ij at st_full_base_[c]; sparse ones k pivots (slots) at st_piv_base_[c] and
    // per node and pivot the term weights w and w D at st_term_base_[c] + local * k.
    bool st_built_ = false;
    bool packed_ = false;         // pack_on_converge done for this convergence
    std::vector<std::uint32_t> st_node_, st_slot_, st_comp_;
    std::vector<std::uint32_t> st_off_, st_adj_;
    std::vector<float> st_inv_;
    std::vector<std::uint32_t> st_xoff_, st_xadj_; // sparse components' exact terms
    std::vector<float> st_xinv_;
    std::vector<std::uint8_t> st_full_;
    std::vector<std::size_t> st_full_base_, st_piv_base_, st_term_base_;
    std::vector<std::uint32_t> st_piv_count_, st_piv_;
    std::vector<float> st_full_inv_, st_term_w_, st_term_wd_;
    std::vector<double> st_x_, st_y_;
};

// [SECTION] Packing
// Lays the connected components side by side without overlap: each component's bounding
// box (plus p.pack_gap * p.link_distance between boxes) goes into rows about
// p.pack_aspect wide per unit of height, filled from the middle outwards, biggest
// first: the focal component (p.focus; else one with a pinned node; else the largest) in
// the middle of the middle row, rows alternately above and below. Isolated nodes go in a
// grid under the rows. Components are only translated. A component with pinned nodes
// stays where it is (when it is the middle one, the others are placed around it).
void pack_components(Graph& g, const LayoutParams& p);

} // namespace rgv
