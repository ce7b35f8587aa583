// layout.h — the force-directed layout engine (d3-force semantics, Barnes-Hut repulsion).
//
// Index
//   1. LayoutParams   every knob, with d3-force's defaults where d3 has one
//   2. ForceLayout    reset / step / run_for / run, convergence, pins, reheat
//
// Model (as d3-force): each step cools alpha towards alpha_target, every force adds
// alpha-scaled velocity, then velocities decay by velocity_decay and move the nodes.
// Forces: many-body (Barnes-Hut charge), link (springs of rest length link_distance,
// strength 1/min(deg) by default), gravity (a pull to the centre proportional to the
// distance, d3's forceX/forceY: keeps disconnected components from drifting away).
//
// The graph is borrowed: the caller keeps it alive while the layout refers to it.
// Nodes with g.pinned set never move. Everything is deterministic for a seed.
#pragma once

#include "core/graph.h"
#include "core/quadtree.h"

#include <cstdint>
#include <vector>

namespace rgv {

// 1. LayoutParams --------------------------------------------------------------
struct LayoutParams {
    std::uint64_t seed = 1;          // start positions (and coincidence jiggle)

    // Many-body (d3 forceManyBody): negative = repulsion.
    float charge = -30.0f;
    float theta = 0.9f;              // Barnes-Hut accuracy; 0 = exact O(n^2)
    float charge_distance_min = 1.0f; // softening below this distance
    // Scale each node's charge by sqrt(degree + 1) (normalised to the mean): hubs push
    // harder, so their many leaves fan out instead of piling up (ForceAtlas2's idea).
    bool charge_by_degree = true;

    // Links (d3 forceLink).
    float link_distance = 30.0f;
    float link_strength = -1.0f;     // < 0: d3 default 1 / min(deg(s), deg(t))
    int link_iterations = 1;

    // Gravity towards (center_x, center_y) (d3 forceX/forceY strength).
    float gravity = 0.05f;
    float center_x = 0.0f, center_y = 0.0f;

    // Cooling and integration (d3 simulation).
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
};

// 2. ForceLayout ---------------------------------------------------------------
class ForceLayout {
public:
    // Takes the graph (kept by pointer) and the parameters. Nodes with has_position keep
    // x, y; unpositioned nodes next to positioned ones start beside them, the rest on a
    // spiral around the positioned nodes' centre (or the origin). Deterministic per seed.
    void reset(Graph& g, const LayoutParams& p);

    // One iteration: cool, apply forces, integrate; writes g.x / g.y. Picks up nodes or
    // edges added to the graph since the last call (new nodes without has_position are
    // placed like in reset()); call reheat() too so the change gets room to settle.
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

    std::uint32_t iterations() const { return iterations_; }
    float alpha() const { return alpha_; }
    float mean_movement() const { return mean_movement_; } // last step, world units
    const LayoutParams& params() const { return params_; }
    LayoutParams& params() { return params_; } // tweak live; structural caches follow on step()
    Graph* graph() const { return graph_; }

private:
    void sync_graph();            // rebuild per-node / per-edge caches if the graph changed
    void seed_positions_from(std::size_t first); // place nodes [first, n) lacking a position
    void apply_many_body(float alpha);
    void apply_links(float alpha);
    void apply_gravity(float alpha);
    void integrate();
    float jiggle();               // tiny seeded offset for exactly coincident link ends

    Graph* graph_ = nullptr;
    LayoutParams params_;
    float alpha_ = 1.0f;
    std::uint32_t iterations_ = 0;
    float mean_movement_ = 0.0f;
    bool moved_converged_ = false;
    double step_ms_estimate_ = 0.0;
    std::uint64_t rng_ = 0;

    std::size_t synced_nodes_ = 0, synced_edges_ = 0;
    std::vector<float> vx_, vy_;
    std::vector<float> charge_;   // per-node many-body weight (> 0), multiplied by charge
    std::vector<std::uint32_t> link_s_, link_t_; // usable edges (no self-loops, in range)
    std::vector<float> link_bias_, link_k_;      // share moved by the target; strength
    std::vector<std::uint32_t> degree_;
    QuadTree tree_;
};

} // namespace rgv
