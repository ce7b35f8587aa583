// camera_controller.cpp — see camera_controller.h.
#include "view/model/camera_controller.h"

#include <algorithm>
#include <cmath>

namespace rgv {

void CameraController::set_area(Area a, bool keep_place) {
    a.w = std::max(a.w, 1.0f);
    a.h = std::max(a.h, 1.0f);
    // A window point is area.x + (world - centre) * zoom + area.w / 2: the centre moves by
    // the change of the area's middle, in world units. While following, the fit reframes.
    // A flight (a deep link, a focus) already aims at the middle of the new area.
    if (keep_place && area_known_ && !auto_fit_ && !animating_) {
        camera_.center_x += ((a.x - area_.x) + (a.w - area_.w) * 0.5f) / camera_.zoom;
        camera_.center_y += ((a.y - area_.y) + (a.h - area_.h) * 0.5f) / camera_.zoom;
    }
    area_known_ = true;
    area_ = a;
    camera_.set_viewport(a.w, a.h);
}

void CameraController::follow(const Bounds& b) {
    if (auto_fit_ && !animating_) camera_.fit(b.x0, b.y0, b.x1, b.y1, kFitMargin, b.max_zoom);
}

void CameraController::fly_to(float cx, float cy, float zoom, bool follow_after) {
    target_cx_ = cx;
    target_cy_ = cy;
    target_zoom_ = std::clamp(zoom, Camera::kMinZoom, Camera::kMaxZoom);
    animating_ = true;
    auto_fit_ = follow_after;
}

void CameraController::jump_to(float cx, float cy, float zoom) {
    camera_.center_x = cx;
    camera_.center_y = cy;
    camera_.zoom = std::clamp(zoom, Camera::kMinZoom, Camera::kMaxZoom);
    animating_ = auto_fit_ = false;
}

void CameraController::fit(const Bounds& b, bool animate) {
    Camera target = camera_;
    target.fit(b.x0, b.y0, b.x1, b.y1, kFitMargin, b.max_zoom);
    if (animate) {
        fly_to(target.center_x, target.center_y, target.zoom, true); // keep following once there
    } else {
        camera_ = target;
        animating_ = false;
        auto_fit_ = true;
    }
}

bool CameraController::animate(float dt) {
    if (!animating_) return false;
    // Exponential ease: about 90% of the way in 0.25 s, whatever the frame rate.
    const float k = 1.0f - std::exp(-9.0f * std::clamp(dt, 0.0f, 0.1f));
    camera_.center_x += (target_cx_ - camera_.center_x) * k;
    camera_.center_y += (target_cy_ - camera_.center_y) * k;
    camera_.zoom *= std::pow(target_zoom_ / camera_.zoom, k); // zoom eases in log space
    const float dx = (target_cx_ - camera_.center_x) * camera_.zoom, dy = (target_cy_ - camera_.center_y) * camera_.zoom;
    if (std::abs(dx) < 0.25f && std::abs(dy) < 0.25f && std::abs(target_zoom_ / camera_.zoom - 1.0f) < 1e-3f) {
        camera_.center_x = target_cx_;
        camera_.center_y = target_cy_;
        camera_.zoom = target_zoom_;
        animating_ = false;
    }
    return true;
}

void CameraController::pan_by(float dx, float dy) {
    camera_.pan_pixels(dx, dy);
    auto_fit_ = animating_ = false;
}

void CameraController::zoom_by(float factor) { zoom_at({area_.w * 0.5f, area_.h * 0.5f}, factor); }

void CameraController::zoom_at(Vec2 anchor, float factor) {
    camera_.zoom_at(anchor, factor);
    auto_fit_ = animating_ = false;
}

void CameraController::pan_to(Vec2 at) {
    if (gesture_ != Gesture::Pan || (at.x == pan_from_.x && at.y == pan_from_.y)) return;
    pan_by(at.x - pan_from_.x, at.y - pan_from_.y);
    pan_from_ = at;
}

void CameraController::end_gesture() {
    gesture_ = Gesture::None;
    dragged_ = 0xFFFFFFFFu;
}

void CameraController::touch(std::int64_t finger, float x, float y, TouchPhase phase, bool over_ui) {
    const auto on_ui = std::find(ui_fingers_.begin(), ui_fingers_.end(), finger);
    if (on_ui != ui_fingers_.end()) {
        if (phase == TouchPhase::Up) ui_fingers_.erase(on_ui);
        return;
    }
    auto it = std::find_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == finger; });
    if (phase == TouchPhase::Up) {
        if (it != fingers_.end()) fingers_.erase(it);
        return;
    }
    if (phase == TouchPhase::Down && over_ui && it == fingers_.end()) {
        ui_fingers_.push_back(finger);
        return;
    }
    if (it == fingers_.end()) {
        fingers_.push_back({finger, x, y});
        if (fingers_.size() == 2) end_gesture(); // a second finger turns a pan or drag into a pinch
        return;
    }
    if (fingers_.size() >= 2 && (it - fingers_.begin()) < 2) {
        const Finger a = fingers_[0], b = fingers_[1];
        const float old_mid_x = (a.x + b.x) * 0.5f, old_mid_y = (a.y + b.y) * 0.5f;
        const float old_dist = std::hypot(a.x - b.x, a.y - b.y);
        it->x = x;
        it->y = y;
        const Finger na = fingers_[0], nb = fingers_[1];
        const float mid_x = (na.x + nb.x) * 0.5f, mid_y = (na.y + nb.y) * 0.5f;
        const float dist = std::hypot(na.x - nb.x, na.y - nb.y);
        pan_by(mid_x - old_mid_x, mid_y - old_mid_y);
        if (old_dist > 4.0f && dist > 4.0f) zoom_at({mid_x - area_.x, mid_y - area_.y}, dist / old_dist);
        return;
    }
    it->x = x;
    it->y = y;
}

} // namespace rgv
