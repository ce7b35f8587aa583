# checks.py — what the native test scripts share: counting checks, running the viewer for
# some frames and reading the state it prints after --screenshot.
import json
import os
import subprocess


class Checks:
    """Counts `ok` / `FAIL` lines; `finish()` prints the summary and gives the exit code."""

    def __init__(self, suite):
        self.suite, self.passed, self.failed = suite, 0, 0

    def __call__(self, name, cond, detail=''):
        if cond:
            self.passed += 1
            print(f'ok    {name}')
        else:
            self.failed += 1
            print(f'FAIL  {name} {detail}')

    def finish(self):
        print(f'{self.suite}: {self.passed} passed, {self.failed} failed')
        return 1 if self.failed else 0


def run_viewer(rgv, slice_path, shot, *extra, timeout=300):
    """Runs `rgv --frames 40 [extra] --screenshot SHOT SLICE`; gives (state, screenshot bytes).
    Exits the script with rgv's stderr when it fails or prints no state."""
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0')
    p = subprocess.run([rgv, '--frames', '40', *extra, '--screenshot', shot, slice_path],
                       capture_output=True, text=True, env=env, timeout=timeout)
    lines = [l for l in p.stdout.splitlines() if l.startswith('{')]
    if p.returncode != 0 or not lines:
        raise SystemExit(f'rgv {" ".join(extra)} failed on {slice_path}: {p.returncode}\n{p.stderr[-2000:]}')
    with open(shot, 'rb') as f:
        return json.loads(lines[-1]), f.read()
