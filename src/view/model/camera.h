// camera.h — maps the layout's world coordinates to the screen and back.
//
// Screen coordinates are logical pixels (CSS pixels on the web), origin top-left, y down.
// World coordinates are the layout's, y down as well, so a layout looks the same in an
// exported file and on screen.
#pragma once

#include <cmath>

namespace rgv {

struct Vec2 {
    float x = 0.0f, y = 0.0f;
};

class Camera {
public:
    float center_x = 0.0f, center_y = 0.0f; // world point at the middle of the viewport
    float zoom = 1.0f;                      // logical pixels per world unit
    float viewport_w = 1.0f, viewport_h = 1.0f;

    static constexpr float kMinZoom = 1e-4f;
    static constexpr float kMaxZoom = 1e4f;

    void set_viewport(float w, float h);
    // Whether the two show the same world rectangle the same way (nothing to redraw).
    bool same_view(const Camera& o) const {
        return center_x == o.center_x && center_y == o.center_y && zoom == o.zoom && viewport_w == o.viewport_w &&
               viewport_h == o.viewport_h;
    }
    Vec2 world_to_screen(Vec2 w) const;
    Vec2 screen_to_world(Vec2 s) const;

    // Moves the view by a screen-space delta (what a mouse drag gives).
    void pan_pixels(float dx, float dy);
    // Multiplies the zoom by `factor`, keeping the world point under `anchor` (screen)
    // where it is: zoom at the cursor, like every map.
    void zoom_at(Vec2 anchor, float factor);
    // Frames the world box [min_x, max_x] x [min_y, max_y] with `margin` logical pixels
    // free on each side. A degenerate box (one node) keeps the current zoom.
    void fit(float min_x, float min_y, float max_x, float max_y, float margin, float max_zoom = INFINITY);
};

} // namespace rgv
