#!/usr/bin/env python3
# mouse.py — real X11 pointer input on the native viewer, checked through its state file
# (rgv --state-file: the web API's state() plus the pinned ids): hover, click select and
# clear, dragging a node (it follows the mouse and stays pinned), wheel zoom at the cursor,
# pan, double-click focus, and input over the explorer's side panel leaving the graph alone;
# then touch (pinch zoom about the fingers' midpoint, two-finger pan), whose events reach the
# viewer through SDL's queue (--touch-file: Xvfb has no touch screen); last the themes:
# --theme dark shows a dark graph area (its state and a --screenshot's pixels), --theme
# light a light one, and the key T, pressed through XTEST, switches a running viewer.
# The pointer moves through xdotool, that is the X server's XTEST extension, so the input
# takes the path a user's does: X, SDL's event queue, imgui's backend, the App. The checks
# are those of tests/browser/input.mjs for the mouse.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" python3 tests/native/mouse.py RGV SLICE OUT_DIR
#
# Prints `ok` / `FAIL` per check and `native_mouse: N passed, M failed`; exits 1 on any
# failure. Waits are on frames the viewer reports, never fixed sleeps: software GL under
# Xvfb on a busy machine may draw only a few frames a second.
#
# [SECTION] the viewer      start rgv, read its state, wait for frames and for a still picture
# [SECTION] aiming          isolated nodes, empty points, screen <-> world
# [SECTION] the pointer     xdotool: move, press, release, click, wheel, keys
# [SECTION] checks          named checks that print ok / FAIL; a check that raises fails
# [SECTION] compact mode    hover, click, drag-pin, wheel, pan, double-click, touch
# [SECTION] explorer mode   wheel and drag over the side panel
# [SECTION] themes          --theme dark draws dark (state and pixels), the key T toggles
import json
import math
import os
import shutil
import subprocess
import sys
import time

# [SECTION] the viewer


class ViewerError(Exception):
    pass


class Viewer:
    """One `rgv` process on SLICE, with a state file, a log and its X window."""

    def __init__(self, rgv, slice_path, out_dir, name, args):
        self.name = name
        self.state_path = os.path.join(out_dir, f'{name}-state.json')
        self.log_path = os.path.join(out_dir, f'{name}.log')
        for stale in (self.state_path, self.state_path + '.tmp'):
            if os.path.exists(stale):
                os.remove(stale)
        self.log = open(self.log_path, 'wb')
        self.proc = subprocess.Popen([rgv, *args, '--state-file', self.state_path, slice_path],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        try:
            # An ASan build loads slowly: generous, and cut short if the process dies.
            self.wait_for(lambda s: s['status'] == 'ready' and s['frames'] > 10, 'the graph to load', 120)
            # The window exists: it has drawn frames. No window manager runs under Xvfb, so
            # it sits where SDL put it; every position below is relative to it.
            out = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid)],
                                 capture_output=True, text=True, timeout=20)
            ids = out.stdout.split()
            if not ids:
                raise ViewerError(f'{name}: no visible X window for pid {self.proc.pid}: '
                                  f'{out.stderr.strip()}')
            self.window = ids[0]
        except BaseException:
            self.quit()
            raise

    def alive(self):
        if self.proc.poll() is not None:
            raise ViewerError(f'{self.name}: rgv exited with {self.proc.returncode}; log: {self.log_tail()}')

    def log_tail(self, lines=8):
        try:
            with open(self.log_path, 'rb') as f:
                return ' | '.join(f.read().decode('utf-8', 'replace').strip().splitlines()[-lines:])
        except OSError:
            return '(no log)'

    def state(self):
        # The file is replaced by a rename, so it is whole or absent (before the first frame).
        try:
            with open(self.state_path, 'rb') as f:
                return json.loads(f.read())
        except FileNotFoundError:
            return None

    def wait_for(self, pred, what, timeout=30.0):
        started = time.monotonic()
        while True:
            self.alive()
            s = self.state()
            if s is not None and pred(s):
                return s
            if time.monotonic() - started > timeout:
                raise ViewerError(f'{self.name}: timed out after {timeout:.0f} s waiting for {what}')
            time.sleep(0.01)

    def frames(self, n=3):
        # Frame f's state is written after its input was read, so once frame f + 2 is
        # written, a whole frame has polled the input sent before f was seen.
        start = self.state()['frames']
        return self.wait_for(lambda s: s['frames'] >= start + n, f'{n} frames')

    def still(self, timeout=60.0):
        # The layout stopped and the camera and every node stayed put for 5 frames.
        seen = {'frame': -1, 'key': None, 'same': 0}

        def settled(s):
            if s['frames'] != seen['frame']:
                seen['frame'] = s['frames']
                key = json.dumps([s['layout']['converged'], s['camera'], s['screen']])
                seen['same'] = seen['same'] + 1 if key == seen['key'] and s['layout']['converged'] else 0
                seen['key'] = key
            return seen['same'] >= 5

        return self.wait_for(settled, 'a still picture', timeout)

    def quit(self):
        # SDL turns SIGTERM into SDL_QUIT: the viewer leaves its loop and tears down.
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


# [SECTION] aiming


def in_overlay(s, p):
    # The compact overlay (counts, "Open full explorer", "Fit") at the graph area's top-left.
    ax, ay = s['graphArea'][0], s['graphArea'][1]
    return s['mode'] == 'compact' and p[0] < ax + 260 and p[1] < ay + 80


def isolated_nodes(s, margin=40, exclude=()):
    # Nodes well inside the graph area and off the overlay, most isolated first, so the
    # pointer over one cannot be taken for a neighbour.
    ax, ay, aw, ah = s['graphArea']
    pts = s['screen']
    out = []
    for nid, p in pts.items():
        if nid in exclude or in_overlay(s, p):
            continue
        if not (ax + margin < p[0] < ax + aw - margin and ay + margin < p[1] < ay + ah - margin):
            continue
        gap = min(math.dist(p, q) for oid, q in pts.items() if oid != nid)
        out.append((gap, nid, p))
    out.sort(key=lambda t: -t[0])
    if not out:
        raise ViewerError('no node inside the graph area')
    return [(nid, p) for _, nid, p in out]


def empty_point(s, clear=40, near=None):
    # A point of the graph area at least `clear` px from every node: nearest to `near`, or
    # the farthest from all nodes.
    ax, ay, aw, ah = s['graphArea']
    nodes = list(s['screen'].values())
    best = None
    for y in range(int(ay) + 30, int(ay + ah) - 30, 10):
        for x in range(int(ax) + 30, int(ax + aw) - 30, 10):
            if in_overlay(s, (x, y)):
                continue
            gap = min(math.dist((x, y), q) for q in nodes)
            if gap < clear:
                continue
            score = math.dist((x, y), near) if near else -gap
            if best is None or score < best[0]:
                best = (score, (x, y))
    if best is None:
        raise ViewerError(f'no point {clear} px clear of every node')
    return best[1]


def world_at(s, p):
    ax, ay, aw, ah = s['graphArea']
    c = s['camera']
    return ((p[0] - ax - aw / 2) / c['zoom'] + c['x'],
            (p[1] - ay - ah / 2) / c['zoom'] + c['y'])


def drift(before, after, at):
    # Where the world point under `at` in `before` is on screen in `after`, off `at` (px).
    wx, wy = world_at(before, at)
    ax, ay, aw, ah = after['graphArea']
    c = after['camera']
    now = ((wx - c['x']) * c['zoom'] + ax + aw / 2, (wy - c['y']) * c['zoom'] + ay + ah / 2)
    return math.dist(now, at)


def pixel(p):
    # xdotool moves to whole pixels; aim at the pixel the point is in.
    return (int(round(p[0])), int(round(p[1])))


def fmt(v):
    if isinstance(v, float):
        return f'{v:.2f}'
    if isinstance(v, (list, tuple)):
        return '[' + ', '.join(fmt(x) for x in v) + ']'
    if isinstance(v, dict):
        return '{' + ', '.join(f'{k}: {fmt(x)}' for k, x in v.items()) + '}'
    return str(v)


# [SECTION] the pointer


def xdo(*args):
    r = subprocess.run(['xdotool', *map(str, args)], capture_output=True, text=True, timeout=20)
    if r.returncode != 0:
        raise ViewerError(f'xdotool {" ".join(map(str, args))}: exit {r.returncode}: {r.stderr.strip()}')


def move(v, p):
    # Window-relative; xdotool moves the real pointer (XTEST), which X reports to SDL as
    # motion and, across the window's edge, enter / leave.
    xdo('mousemove', '--window', v.window, *pixel(p))


def drag(v, frm, to, steps=8):
    # In steps, as a hand does, a frame each: one jump would be a teleport, not a drag.
    frm, to = pixel(frm), pixel(to)
    move(v, frm)
    v.frames(2)
    xdo('mousedown', 1)
    v.frames(2)
    for i in range(1, steps + 1):
        move(v, (frm[0] + (to[0] - frm[0]) * i / steps, frm[1] + (to[1] - frm[1]) * i / steps))
        v.frames(1)
    v.frames(2)
    xdo('mouseup', 1)
    return v.frames(3)


def key(v, name):
    # XTEST key presses go to the focused window; no window manager runs under Xvfb, so
    # the test gives the viewer the focus itself.
    xdo('windowfocus', v.window)
    v.frames(2)
    xdo('key', name)
    return v.frames(3)


def wheel(v, at, button, times=1):
    # X buttons 4 / 5 are the wheel up / down (SDL: wheel y +1 / -1, one 1.15x zoom step).
    move(v, at)
    v.frames(3)
    before = v.state()
    xdo('click', '--repeat', times, '--delay', 30, button)
    return before, v.frames(3)


# [SECTION] checks

passed = 0
failed = 0


def check(label, fn):
    global passed, failed
    try:
        ok, detail = fn()
    except (ViewerError, subprocess.TimeoutExpired, KeyError, TypeError, ValueError) as e:
        ok, detail = False, f'{type(e).__name__}: {e}'
    if ok:
        passed += 1
        print(f'ok   {label}', flush=True)
    else:
        failed += 1
        print(f'FAIL {label} {detail}', flush=True)
    return ok


def near(a, b, tol):
    return abs(a - b) <= tol


def main():
    if len(sys.argv) != 4:
        print('usage: mouse.py RGV SLICE OUT_DIR (under xvfb-run)', file=sys.stderr)
        return 2
    rgv, slice_path, out_dir = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    if not os.environ.get('DISPLAY'):
        print('mouse.py: no DISPLAY; run it under xvfb-run', file=sys.stderr)
        return 2
    if not shutil.which('xdotool'):
        print('mouse.py: xdotool not found; ./emsdk-setup.sh installs it (Debian package xdotool)',
              file=sys.stderr)
        return 1
    try:
        compact_checks(rgv, slice_path, out_dir)
        explorer_checks(rgv, slice_path, out_dir)
        theme_checks(rgv, slice_path, out_dir)
    except ViewerError as e:
        # A viewer that would not start or died: the remaining checks cannot run.
        global failed
        failed += 1
        print(f'FAIL {e}', flush=True)
    print(f'native_mouse: {passed} passed, {failed} failed', flush=True)
    return 0 if failed == 0 and passed > 0 else 1


# [SECTION] compact mode


def compact_checks(rgv, slice_path, out_dir):
    # 1000x700 on a 1280x800 screen: the window is not at the screen's origin, so a mix-up
    # of screen and window coordinates shows.
    touch_path = os.path.join(out_dir, 'compact-touch.txt')
    v = Viewer(rgv, slice_path, out_dir, 'compact', ['--mode', 'compact', '--size', '1000x700',
                                                     '--touch-file', touch_path])

    def touch(lines):
        # Written whole (rename); the viewer sends the lines as SDL finger events and
        # deletes the file, then a frame handles them.
        with open(touch_path + '.tmp', 'w') as f:
            f.write(''.join(f'{kind} {finger} {x:.2f} {y:.2f}\n' for kind, finger, x, y in lines))
        os.replace(touch_path + '.tmp', touch_path)
        v.wait_for(lambda s: not os.path.exists(touch_path), 'the touch events to be taken')
        return v.frames(3)

    try:
        s0 = v.still()
        target, tp = isolated_nodes(s0)[0]
        pinned_at_start = set(s0['pinned'])  # the layout holds the researcher in the middle

        def hover():
            move(v, tp)
            over = v.frames()
            move(v, empty_point(s0, near=tp))
            off = v.frames()
            return (over['hovered'] == target and off['hovered'] is None,
                    f'over {target} at {fmt(tp)}: hovered {over["hovered"]}; '
                    f'then over empty space: {off["hovered"]}')
        check('hover: the pointer over a node makes it hovered, over empty space nothing', hover)

        def click_select():
            move(v, tp)
            v.frames(2)
            xdo('click', 1)
            s = v.frames()
            return (s['selected'] == target and s['camera'] == s0['camera']
                    and set(s['pinned']) == pinned_at_start,
                    f'selected {s["selected"]} (wanted {target}), pinned {s["pinned"]}, '
                    f'camera {fmt(s["camera"])}')
        check('click on a node selects it (and neither pins it nor moves the camera)', click_select)

        def click_clear():
            # Far from the node: not a double click for SDL (32 px) or imgui (6 px).
            move(v, empty_point(s0))
            v.frames(2)
            xdo('click', 1)
            s = v.frames()
            return (s['selected'] is None and s['camera'] == s0['camera'],
                    f'selected {s["selected"]}, camera {fmt(s0["camera"])} -> {fmt(s["camera"])}')
        check('click on empty space clears the selection', click_clear)

        dropped = {}

        def drag_node():
            ax, _, aw, _ = s0['graphArea']
            dx = 80 if tp[0] + 80 < ax + aw - 40 else -80
            frm = pixel(tp)
            to = (frm[0] + dx, frm[1])
            s = drag(v, frm, to)
            p = s['screen'][target]
            # The grab point stays under the pointer: the node moves by the drag, in world
            # units the drag over the zoom (the camera must not have moved).
            w0, w1 = world_at(s0, tp), world_at(s, p)
            z = s['camera']['zoom']
            moved = ((w1[0] - w0[0]) * z, (w1[1] - w0[1]) * z)
            dropped['p'] = (tp[0] + dx, tp[1])
            ok = (near(moved[0], dx, 1.5) and near(moved[1], 0, 1.5) and s['camera'] == s0['camera']
                  and target in s['pinned'] and len(s['pinned']) == len(pinned_at_start) + 1)
            world = (w1[0] - w0[0], w1[1] - w0[1])
            return ok, (f'moved {fmt(moved)} px in world x zoom ({fmt(world)} world), '
                        f'wanted ({dx}, 0); at {fmt(p)}; pinned {s["pinned"]}; camera {fmt(s["camera"])}')
        check('drag a node 80 px: it follows the pointer (80 px / zoom in the world) and is pinned',
              drag_node)

        def stays():
            s = v.still()
            p = s['screen'][target]
            moved = [nid for nid, q in s['screen'].items()
                     if nid != target and math.dist(q, s0['screen'][nid]) > 0.5]
            # The layout was reheated: the rest moved to make room, the pinned node did not.
            return (near(p[0], dropped['p'][0], 1.5) and near(p[1], dropped['p'][1], 1.5) and moved,
                    f'at {fmt(p)}, dropped at {fmt(dropped["p"])}; {len(moved)} other nodes moved')
        check('the dragged node stays where it was dropped once the layout settles', stays)

        def wheel_in():
            s = v.state()
            ax, ay, aw, ah = s['graphArea']
            at = pixel((ax + aw * 0.72, ay + ah * 0.3))  # off centre
            before, after = wheel(v, at, 4)
            ratio = after['camera']['zoom'] / before['camera']['zoom']
            d = drift(before, after, at)
            return near(ratio, 1.15, 0.005) and d <= 1.0, f'zoom x{fmt(ratio)}, drift {fmt(d)} px at {at}'
        check('wheel up zooms in 1.15x at the cursor: the point under it stays put', wheel_in)

        def wheel_out():
            s = v.state()
            ax, ay, aw, ah = s['graphArea']
            at = pixel((ax + aw * 0.25, ay + ah * 0.7))
            before, after = wheel(v, at, 5, times=2)
            ratio = after['camera']['zoom'] / before['camera']['zoom']
            d = drift(before, after, at)
            return (near(ratio, 1 / 1.15 ** 2, 0.005) and d <= 1.0,
                    f'zoom x{fmt(ratio)}, drift {fmt(d)} px at {at}')
        check('two wheel steps down zoom out 1.15^2 at the cursor', wheel_out)

        def pan():
            before = v.still()
            frm = empty_point(before)
            ax, ay, aw, ah = before['graphArea']
            dx = 100 if frm[0] < ax + aw / 2 else -100
            dy = 40 if frm[1] < ay + ah / 2 else -40
            after = drag(v, frm, (frm[0] + dx, frm[1] + dy))
            z = before['camera']['zoom']
            c = ((after['camera']['x'] - before['camera']['x']) * z,
                 (after['camera']['y'] - before['camera']['y']) * z)
            return (near(c[0], -dx, 1) and near(c[1], -dy, 1) and after['camera']['zoom'] == z
                    and after['selected'] is None and after['pinned'] == before['pinned'],
                    f'centre moved {fmt(c)} px for a drag of ({dx}, {dy}) from {frm}; zoom {fmt(z)} -> '
                    f'{fmt(after["camera"]["zoom"])}; selected {after["selected"]}')
        check('drag on empty space pans by the drag (the world follows the pointer)', pan)

        def double_click():
            s = v.still()
            node, p = isolated_nodes(s, margin=60, exclude=(target, s['focus']))[0]
            move(v, p)
            v.frames(2)
            # Both presses may come within one frame: SDL's click count catches that.
            xdo('click', '--repeat', 2, '--delay', 40, 1)
            v.frames(2)
            f = v.still()
            q = f['screen'][node]
            ax, ay, aw, ah = f['graphArea']
            return (near(q[0], ax + aw / 2, 1) and near(q[1], ay + ah / 2, 1)
                    and f['camera']['zoom'] >= s['camera']['zoom'] * 0.999 and f['selected'] == node,
                    f'{node} at {fmt(q)}, centre {fmt((ax + aw / 2, ay + ah / 2))}; '
                    f'zoom {fmt(s["camera"]["zoom"])} -> {fmt(f["camera"]["zoom"])}; selected {f["selected"]}')
        check('double-click on a node focuses it: the camera centres on it, never zooming out', double_click)

        def pinch():
            # Two fingers 100 px apart spread to 200 px about a fixed midpoint: zoom x2, and
            # the world point under the midpoint stays under it.
            s = v.still()
            ax, ay, aw, ah = s['graphArea']
            mid = (ax + aw * 0.6, ay + ah * 0.55)
            lines = [('down', 1, mid[0] - 50, mid[1]), ('down', 2, mid[0] + 50, mid[1])]
            for i in range(1, 11):
                d = 50 + 5 * i
                lines += [('move', 1, mid[0] - d, mid[1]), ('move', 2, mid[0] + d, mid[1])]
            lines += [('up', 1, mid[0] - 100, mid[1]), ('up', 2, mid[0] + 100, mid[1])]
            after = touch(lines)
            ratio = after['camera']['zoom'] / s['camera']['zoom']
            moved = drift(s, after, mid)
            return (near(ratio, 2.0, 0.01) and moved <= 1.0 and after['selected'] == s['selected'],
                    f'zoom x{fmt(ratio)}, the point under the midpoint moved {fmt(moved)} px')
        check('touch: a pinch zooms by the fingers\' spread about their midpoint', pinch)

        def two_finger_pan():
            s = v.still()
            ax, ay, aw, ah = s['graphArea']
            a, b = (ax + aw * 0.4, ay + ah * 0.5), (ax + aw * 0.5, ay + ah * 0.5)
            lines = [('down', 1, *a), ('down', 2, *b)]
            for i in range(1, 9):
                lines += [('move', 1, a[0] + 10 * i, a[1] + 5 * i), ('move', 2, b[0] + 10 * i, b[1] + 5 * i)]
            lines += [('up', 1, a[0] + 80, a[1] + 40), ('up', 2, b[0] + 80, b[1] + 40)]
            after = touch(lines)
            z = s['camera']['zoom']
            c = ((after['camera']['x'] - s['camera']['x']) * z,
                 (after['camera']['y'] - s['camera']['y']) * z)
            return (near(c[0], -80, 1) and near(c[1], -40, 1) and near(after['camera']['zoom'], z, z * 1e-4),
                    f'centre moved {fmt(c)} px for fingers moved (80, 40); zoom {fmt(z)} -> '
                    f'{fmt(after["camera"]["zoom"])}')
        check('touch: two fingers moving together pan by their move', two_finger_pan)
    finally:
        code = v.quit()
    check('the viewer quits cleanly on SIGTERM (exit 0)',
          lambda: (code == 0, f'exit {code}; log: {v.log_tail()}'))


# [SECTION] explorer mode


def explorer_checks(rgv, slice_path, out_dir):
    v = Viewer(rgv, slice_path, out_dir, 'explorer', ['--size', '1100x720'])
    try:
        s0 = v.still()
        check('explorer: the side panel takes the left of the window',
              lambda: (s0['graphArea'][0] >= 200, f'graph area {fmt(s0["graphArea"])}'))

        def wheel_panel():
            s = v.state()
            # (hovered may change: the panel's works list highlights the work under the pointer.)
            before, after = wheel(v, (s['graphArea'][0] / 2, s['graphArea'][3] / 2), 4, times=3)
            return (after['camera'] == before['camera'],
                    f'camera {fmt(before["camera"])} -> {fmt(after["camera"])}')
        check('wheel over the side panel does not zoom the graph', wheel_panel)

        def drag_panel():
            s = v.still()
            ax, _, _, ah = s['graphArea']
            after = drag(v, (ax / 2, ah * 0.55), (ax + 300, ah * 0.7), steps=12)
            return (after['camera'] == s['camera'] and after['selected'] is None,
                    f'camera {fmt(s["camera"])} -> {fmt(after["camera"])}, selected {after["selected"]}')
        check('a drag that starts on the panel does not pan the graph, even into the graph area', drag_panel)

        def wheel_graph():
            # The counterpart: the same wheel over the graph area does zoom.
            s = v.still()
            before, after = wheel(v, empty_point(s), 4)
            ratio = after['camera']['zoom'] / before['camera']['zoom']
            return near(ratio, 1.15, 0.005), f'zoom x{fmt(ratio)}'
        check('the same wheel over the graph area zooms it', wheel_graph)
    finally:
        code = v.quit()
    check('the explorer quits cleanly on SIGTERM (exit 0)',
          lambda: (code == 0, f'exit {code}; log: {v.log_tail()}'))


# [SECTION] themes


def read_ppm(path):
    # The binary PPM of rgv --screenshot: "P6\nW H\n255\n" and RGB rows, top row first.
    with open(path, 'rb') as f:
        data = f.read()
    parts = data.split(maxsplit=4)
    if parts[0] != b'P6' or parts[3] != b'255':
        raise ViewerError(f'{path}: not a binary 8-bit PPM')
    w, h = int(parts[1]), int(parts[2])
    pixels = parts[4]
    if len(pixels) < w * h * 3:
        raise ViewerError(f'{path}: {len(pixels)} bytes of pixels for {w}x{h}')
    return w, h, pixels


def patch_colour(ppm, p, r=4):
    # The median colour of the (2r+1)^2 pixels about p: a thin edge through the patch does
    # not change it.
    w, h, px = ppm
    x0, y0 = pixel(p)
    cols = []
    for y in range(max(0, y0 - r), min(h, y0 + r + 1)):
        for x in range(max(0, x0 - r), min(w, x0 + r + 1)):
            i = (y * w + x) * 3
            cols.append(tuple(px[i:i + 3]))
    cols.sort(key=sum)
    return cols[len(cols) // 2]


def screenshot(rgv, slice_path, out_dir, theme):
    # A viewer that draws 40 frames, saves the last one and quits; its state file holds the
    # last frame's state (written before the picture is saved, in the same frame).
    name = f'theme-{theme}'
    ppm_path = os.path.join(out_dir, f'{name}.ppm')
    state_path = os.path.join(out_dir, f'{name}-state.json')
    for stale in (ppm_path, state_path):
        if os.path.exists(stale):
            os.remove(stale)
    r = subprocess.run([rgv, '--theme', theme, '--mode', 'compact', '--size', '900x600', '--frames', '40',
                        '--screenshot', ppm_path, '--state-file', state_path, slice_path],
                       capture_output=True, text=True, timeout=240)
    if r.returncode != 0:
        raise ViewerError(f'rgv --theme {theme} --screenshot: exit {r.returncode}: {r.stderr.strip()[-400:]}')
    with open(state_path, 'rb') as f:
        s = json.loads(f.read())
    return s, read_ppm(ppm_path)


def theme_checks(rgv, slice_path, out_dir):
    shots = {}

    def shot(theme):
        s, ppm = screenshot(rgv, slice_path, out_dir, theme)
        at = empty_point(s)
        shots[theme] = (s, patch_colour(ppm, at), at)
        return shots[theme]

    def dark():
        s, colour, at = shot('dark')
        return (s['theme']['dark'] is True and s['theme']['name'] == 'dark' and sum(colour) / 3 < 80,
                f'theme {fmt(s["theme"].get("name"))} dark={s["theme"].get("dark")}; '
                f'empty graph area at {at} is {colour}')
    check('--theme dark: the state says dark and the empty graph area is dark', dark)

    def light():
        s, colour, at = shot('light')
        return (s['theme']['dark'] is False and sum(colour) / 3 > 180,
                f'theme {fmt(s["theme"].get("name"))} dark={s["theme"].get("dark")}; '
                f'empty graph area at {at} is {colour}')
    check('--theme light: the state says light and the empty graph area is light', light)

    v = Viewer(rgv, slice_path, out_dir, 'theme', ['--theme', 'dark', '--mode', 'compact', '--size', '900x600'])
    try:
        s0 = v.state()
        check('--theme dark on a running viewer: its state says dark',
              lambda: (s0['theme']['dark'] is True, f'theme {fmt(s0["theme"])}'))

        def toggle():
            # Over the graph area, so no panel widget holds the keyboard.
            move(v, empty_point(s0))
            key(v, 't')
            once = v.wait_for(lambda s: s['theme']['dark'] is False, 'the theme to turn light', 20)
            key(v, 't')
            twice = v.wait_for(lambda s: s['theme']['dark'] is True, 'the theme to turn dark again', 20)
            return (once['theme']['name'] == 'light' and twice['theme']['name'] == 'dark',
                    f'after T: {once["theme"]["name"]}, after T again: {twice["theme"]["name"]}')
        check('the key T switches dark -> light, and again light -> dark', toggle)

        def ctrl_t():
            before = v.state()['theme']['dark']
            key(v, 'ctrl+t')
            after = v.frames(3)['theme']['dark']
            return after == before, f'dark {before} -> {after}'
        check('Ctrl+T is not T: the theme stays', ctrl_t)
    finally:
        code = v.quit()
    check('the themed viewer quits cleanly on SIGTERM (exit 0)',
          lambda: (code == 0, f'exit {code}; log: {v.log_tail()}'))


if __name__ == '__main__':
    sys.exit(main())
