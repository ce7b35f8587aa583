#!/usr/bin/env python3
# gl_reset.py — a device reset natively: the viewer replaces its GL context with a new one
# at frame 20 (--reset-gl, the same lost / restored steps the browser's
# webglcontextlost / webglcontextrestored take) and must draw the same picture at frame 40
# as a run that kept its context, with state().gl counting one loss and one restore.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" python3 tests/native/gl_reset.py RGV SLICE OUT_DIR
#
# Prints `ok` / `FAIL` per check and `gl_reset: N passed, M failed`; exits 1 on any failure.
import os
import sys

from checks import Checks, run_viewer

rgv, slice_path, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
check = Checks('gl_reset')


def run(shot, *extra):
    return run_viewer(rgv, slice_path, os.path.join(out, shot), *extra, timeout=120)


kept, kept_px = run('gl-kept.ppm')
reset, reset_px = run('gl-reset.ppm', '--reset-gl', '20')
check('without a reset: no loss counted', kept['gl'] == {'lost': False, 'losses': 0, 'restores': 0}, kept['gl'])
check('after the reset: one loss, one restore, not lost now',
      reset['gl'] == {'lost': False, 'losses': 1, 'restores': 1}, reset['gl'])
check('the same frame size', len(kept_px) == len(reset_px), f'{len(kept_px)} vs {len(reset_px)}')
differ = sum(1 for a, b in zip(kept_px, reset_px) if a != b)
print(f'figure: {differ} of {len(kept_px)} bytes differ between the kept and the new context')
check('the new context draws the same picture (graph, labels, panels)', differ == 0, f'{differ} bytes differ')
for key in ['selected', 'camera', 'nodes', 'edges', 'layout']:
    check(f'the model went on through the reset: {key}', kept[key] == reset[key], f'{kept[key]} vs {reset[key]}')
sys.exit(check.finish())
