// camera.cpp — see camera.h.
#include "view/model/camera.h"

#include <algorithm>

namespace rgv {

void Camera::set_viewport(float w, float h) {
    viewport_w = std::max(w, 1.0f);
    viewport_h = std::max(h, 1.0f);
}

Vec2 Camera::world_to_screen(Vec2 w) const {
    return {(w.x - center_x) * zoom + viewport_w * 0.5f, (w.y - center_y) * zoom + viewport_h * 0.5f};
}

Vec2 Camera::screen_to_world(Vec2 s) const {
    return {(s.x - viewport_w * 0.5f) / zoom + center_x, (s.y - viewport_h * 0.5f) / zoom + center_y};
}

void Camera::pan_pixels(float dx, float dy) {
    center_x -= dx / zoom;
    center_y -= dy / zoom;
}

void Camera::zoom_at(Vec2 anchor, float factor) {
    const Vec2 before = screen_to_world(anchor);
    zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
    const Vec2 after = screen_to_world(anchor);
    center_x += before.x - after.x;
    center_y += before.y - after.y;
}

void Camera::fit(float min_x, float min_y, float max_x, float max_y, float margin, float max_zoom) {
    center_x = (min_x + max_x) * 0.5f;
    center_y = (min_y + max_y) * 0.5f;
    const float w = max_x - min_x, h = max_y - min_y;
    const float avail_w = std::max(viewport_w - 2.0f * margin, 1.0f);
    const float avail_h = std::max(viewport_h - 2.0f * margin, 1.0f);
    if (w <= 0.0f && h <= 0.0f) return;
    const float zx = w > 0.0f ? avail_w / w : kMaxZoom;
    const float zy = h > 0.0f ? avail_h / h : kMaxZoom;
    zoom = std::clamp(std::min({zx, zy, max_zoom}), kMinZoom, kMaxZoom);
}

} // namespace rgv
