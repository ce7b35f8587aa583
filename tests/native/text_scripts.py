#!/usr/bin/env python3
# text_scripts.py — the native viewer draws every script: it opens a slice, runs some
# frames, and its state (the web API's state(), printed after --screenshot) must say that
# no text is drawn as boxes (fonts.missing empty), nothing waits for a piece, and the
# pieces that the slice's scripts need were loaded — only those (a Latin slice loads the
# base piece alone). Prints the font bytes each slice made the viewer read (gzip, as a
# server would send them) from the pieces' manifest.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" python3 tests/native/text_scripts.py RGV PIECES_DIR SRC_DIR OUT_DIR
#
# Prints `ok` / `FAIL` per check and `text_scripts: N passed, M failed`; exits 1 on any failure.
import json
import os
import sys

from checks import Checks, run_viewer

rgv, pieces_dir, src, out = sys.argv[1:5]
manifest = {p['name']: p for p in json.load(open(os.path.join(pieces_dir, 'pieces.json')))['pieces']}
check = Checks('text_scripts')


def run(slice_path, shot):
    return run_viewer(rgv, slice_path, os.path.join(out, shot))[0]


def gzip_kb(names):
    return sum(manifest[n]['gzipBytes'] for n in names) / 1000


# Every script: CJK, Hangul, kana, Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai,
# Greek, Cyrillic, decomposed Latin, emoji.
s = run(os.path.join(src, 'tests/data/scripts/every-script.json'), 'text-every-script.ppm')
fonts = s['fonts']
check('every script: no text drawn as boxes', fonts['missing'] == [], fonts['missing'])
check('every script: nothing waits for a piece', fonts['pending'] is False)
for piece in ['base', 'arabic', 'hebrew', 'devanagari', 'bengali', 'tamil', 'thai', 'kana', 'han-001']:
    check(f'every script: the {piece} piece is loaded', piece in fonts['loaded'], fonts['loaded'])
check('every script: the profile card is the researcher\'s', s['profileName'] == '王小明', s['profileName'])
check('every script: every work is in the works list', len(s['works']['order']) == 8)
print(f'figure: every-script slice loads {len(fonts["loaded"])} pieces, {gzip_kb(fonts["loaded"]):.0f} KB gzip')

# A hundred Chinese names: the frequency-ordered Han pieces keep the fetch small.
s = run(os.path.join(src, 'tests/data/scripts/chinese-names-100.json'), 'text-chinese-names.ppm')
fonts = s['fonts']
check('100 Chinese names: no boxes', fonts['missing'] == [], fonts['missing'])
han = [n for n in fonts['loaded'] if n.startswith('han-')]
print(f'figure: 100 Chinese names load {len(han)} Han pieces, {gzip_kb(han):.0f} KB gzip of CJK '
      f'({gzip_kb(fonts["loaded"]):.0f} KB with the rest)')
check('100 Chinese names: at most 300 KB gzip of Han pieces', gzip_kb(han) <= 300, f'{gzip_kb(han):.0f} KB')

# The Latin sample: its labels and panels need the base piece only (the Chinese name variant
# in the focal person's attributes is not drawn, so its pieces are not fetched).
s = run(os.path.join(src, 'assets/sample-slice.json'), 'text-sample.ppm')
fonts = s['fonts']
check('sample: only the base piece', fonts['loaded'] == ['base'], fonts['loaded'])
print(f'figure: sample loads {fonts["loaded"]}, {gzip_kb(fonts["loaded"]):.0f} KB gzip')

sys.exit(check.finish())
