// camera_controller.h — the camera and what moves it: framing the graph (and following the
// layout until the user takes over), eased flights (fit, focus, deep links), the pan and
// node-drag gestures, two-finger pinch and pan, the wheel and the zoom keys. sigma.js keeps
// its camera and its mouse / touch captors apart the same way.
//
// Coordinates: the graph area is in logical px of the window; gestures and the camera's
// screen side are relative to the area's top-left corner.
#pragma once

#include "view/model/camera.h"

#include <cstdint>
#include <vector>

namespace rgv {

// A world-space box (the graph's extent, radii included).
struct Bounds {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    // The closest a fit may come: a graph of three nodes fitted to the window would draw
    // them as plates; it stays at the size a larger graph's nodes have.
    float max_zoom = INFINITY;
};

// The graph area in logical px of the window.
struct Area {
    float x = 0, y = 0, w = 1, h = 1;
    bool contains(Vec2 p) const { return p.x >= 0 && p.y >= 0 && p.x < w && p.y < h; } // area-relative p
};

enum class TouchPhase { Down, Move, Up };

class CameraController {
public:
    static constexpr float kFitMargin = 48.0f; // logical px kept free around the graph

    const Camera& camera() const { return camera_; }
    const Area& area() const { return area_; }
    // With `keep_place` (the window kept its size: a panel opened, closed or was resized),
    // the graph stays where it is on the window instead of moving with the area's centre.
    void set_area(Area a, bool keep_place = false);

    // Frames the graph while nothing else holds the camera (a load starts that way; any
    // move by the user or a flight elsewhere ends it).
    void follow(const Bounds& b);
    bool following() const { return auto_fit_; }
    void start_following() { auto_fit_ = true; }

    // Eases to the view (about 90% of the way in 0.25 s); with `follow_after`, framing the
    // graph resumes once there (fit). jump_to moves at once.
    void fly_to(float cx, float cy, float zoom, bool follow_after = false);
    void jump_to(float cx, float cy, float zoom);
    void fit(const Bounds& b, bool animate);
    // One frame of the flight; false when there is none.
    bool animate(float dt);
    bool flying() const { return animating_; }

    // Moves by the user: each ends following and any flight.
    void pan_by(float dx, float dy);
    void zoom_by(float factor); // about the area's centre
    void zoom_at(Vec2 anchor, float factor); // area px
    // The current view, left alone (a new graph: no flight from the old one).
    void stop() { animating_ = false; }
    // The user holds the camera (a node drag): no more following, no flight.
    void take_over() { auto_fit_ = animating_ = false; }

    // [SECTION] gestures: pan (drag on empty space) and node drag, from the pointer.
    enum class Gesture { None, Pan, DragNode };
    Gesture gesture() const { return gesture_; }
    std::uint32_t dragged() const { return dragged_; }
    void begin_pan(Vec2 at) { gesture_ = Gesture::Pan; pan_from_ = at; }
    // Follows the mouse from the press on, never the jump that brought it there.
    void pan_to(Vec2 at);
    void begin_drag(std::uint32_t node, Vec2 offset) { gesture_ = Gesture::DragNode; dragged_ = node; drag_offset_ = offset; }
    // The world offset from the mouse to the dragged node's centre at the grab.
    Vec2 drag_offset() const { return drag_offset_; }
    void end_gesture();

    // [SECTION] touch (logical px of the window). Two fingers pinch-zoom and pan; one
    // finger arrives as mouse input too (SDL synthesises it), so it needs nothing here.
    // over_ui (at Down): the finger landed on a panel or card, which it belongs to until it
    // lifts; it takes no part in a pinch, so two fingers on the sheet never zoom the graph.
    void touch(std::int64_t finger, float x, float y, TouchPhase phase, bool over_ui = false);
    bool pinching() const { return fingers_.size() >= 2; }

private:
    Camera camera_;
    Area area_;
    bool area_known_ = false; // a real area was set (the first one is taken as it is)
    bool auto_fit_ = true;
    bool animating_ = false;
    float target_cx_ = 0, target_cy_ = 0, target_zoom_ = 1;
    Gesture gesture_ = Gesture::None;
    std::uint32_t dragged_ = 0xFFFFFFFFu;
    Vec2 pan_from_, drag_offset_;
    struct Finger {
        std::int64_t id;
        float x, y;
    };
    std::vector<Finger> fingers_; // at most two are used
    std::vector<std::int64_t> ui_fingers_; // down on the UI: not the camera's
};

} // namespace rgv
