#!/usr/bin/python3
"""test_pieces.py — the font pieces that tools/fonts/build_pieces.py wrote.

  /usr/bin/python3 tests/fonts/test_pieces.py PIECES_DIR [unittest options, e.g. -k Manifest]

Manifest   pieces.json matches the files: bytes, gzip bytes, hashes, glyph counts, and each
           piece's cmap is exactly its ranges; pieces-compact.json says the same; every
           piece is one font with a .notdef box, no hinting, trimmed names, a licence.
Layout     script pieces keep their source's GSUB/GPOS and every feature of it, and shape
           like their source (HarfBuzz's hb-shape on both: same advances, offsets and
           clusters); the CJK pieces keep the default features only (build_pieces.py).
Budget     the base piece (what every Latin slice downloads) and the manifests stay small.
Slices     the sample slice needs the base piece only; the 100 Chinese names need the pieces
           and bytes measured; each name of the every-script slice needs its script's piece.
Needs python3-fonttools (Debian) and libharfbuzz-bin (hb-shape).
"""
import gzip
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'tools/fonts'))
from fontTools.ttLib import TTFont  # noqa: E402
import build_pieces  # noqa: E402
import pieces_for  # noqa: E402

PIECES = None      # set from argv
MANIFEST = None

# Budgets, from the measurement of this build (tools/fonts/README.md): a few per cent above.
BASE_GZIP_BUDGET = 28_000     # 26,927: Latin-1, Extended-A, marks, punctuation, the UI's symbols
BASE_BYTES_BUDGET = 60_000    # 56,832
COMPACT_MANIFEST_GZIP_BUDGET = 56_000
NAMES_100_GZIP_BUDGET = 300_000   # the CJK pieces a slice of 100 Chinese names needs (issue 14)

# Source features that a piece may lose, because their lookups touch only characters that
# are in another piece (fontTools drops a feature left without glyphs).
FEATURE_EXCEPTIONS = {
    # Noto Sans Tamil's blwm places Grantha marks only (U+1133B, U+1133C: in no piece).
    'tamil': {'blwm'},
    # Noto Sans Oriya's mark places marks on bracket variants that none of its
    # substitutions produce: no text reaches them (Odia shapes the same, shaping test).
    'oriya': {'mark'},
}


def load(p):
    return TTFont(str(PIECES / p['file']), lazy=True)


def source_of(piece):
    """(path, face index) of the Debian font the piece was cut from."""
    return piece['source'], piece['faceIndex']


def feature_tags(font):
    return {fr.FeatureTag for tag in ('GSUB', 'GPOS') if tag in font and font[tag].table.FeatureList
            for fr in font[tag].table.FeatureList.FeatureRecord}


class Manifest(unittest.TestCase):
    def test_format(self):
        m = MANIFEST
        self.assertEqual((m['format'], m['version']), ('rgv-font-pieces', 1))
        self.assertEqual(m['lookup'], 'first')
        self.assertEqual(m['pieces'][0]['name'], 'base')
        names = [p['name'] for p in m['pieces']]
        self.assertEqual(len(names), len(set(names)))
        keys = {'name', 'file', 'family', 'package', 'source', 'faceIndex', 'scripts', 'purpose', 'outlines', 'bytes', 'gzipBytes',
                'sha256', 'glyphs', 'codepoints', 'features', 'ranges', 'licence'}
        for p in m['pieces']:
            self.assertLessEqual(keys, set(p), p['name'])
            self.assertIn(p['outlines'], ('glyf', 'CFF'))
            self.assertTrue((PIECES / p['licence']).stat().st_size > 500, p['licence'])
            self.assertIn(p['licence'], {s['licence'] for s in m['sources']})
        for s in m['sources']:
            self.assertRegex(s['version'], r'^[0-9]', s['package'])

    def test_bytes_and_hashes(self):
        for p in MANIFEST['pieces']:
            data = (PIECES / p['file']).read_bytes()
            self.assertEqual(len(data), p['bytes'], p['name'])
            self.assertEqual(hashlib.sha256(data).hexdigest(), p['sha256'], p['name'])
            self.assertEqual(len(gzip.compress(data, MANIFEST['gzipLevel'], mtime=0)), p['gzipBytes'], p['name'])

    def test_ranges_are_the_cmap(self):
        for p in MANIFEST['pieces']:
            font = load(p)
            cmap = font.getBestCmap()
            self.assertEqual(build_pieces.to_ranges(cmap), p['ranges'], p['name'])
            self.assertEqual(len(cmap), p['codepoints'], p['name'])
            self.assertEqual(font['maxp'].numGlyphs, p['glyphs'], p['name'])
            for (a, b), (c, _) in zip(p['ranges'], p['ranges'][1:]):
                self.assertLessEqual(a, b)
                self.assertGreater(c, b + 1, f'{p["name"]}: ranges not merged')

    def test_compact_manifest_says_the_same(self):
        c = json.loads((PIECES / 'pieces-compact.json').read_text(encoding='utf-8'))
        self.assertEqual(c['format'], 'rgv-font-pieces-compact')
        self.assertEqual(build_pieces.from_deltas(c['ignorable']), MANIFEST['ignorable'])
        for p, q in zip(MANIFEST['pieces'], c['pieces'], strict=True):
            self.assertEqual(build_pieces.from_deltas(q['deltas']), p['ranges'], p['name'])
            self.assertEqual({k: v for k, v in p.items() if k != 'ranges'},
                             {k: v for k, v in q.items() if k != 'deltas'})

    def test_one_font_each_with_notdef_box_no_hinting_trimmed_names(self):
        for p in MANIFEST['pieces']:
            head = (PIECES / p['file']).read_bytes()[:4]
            self.assertEqual(head, b'OTTO' if p['outlines'] == 'CFF' else b'\x00\x01\x00\x00', p['name'])
            font = load(p)
            self.assertEqual(font.getGlyphOrder()[0], '.notdef', p['name'])
            gs = font.getGlyphSet()
            from fontTools.pens.boundsPen import BoundsPen
            pen = BoundsPen(gs)
            gs['.notdef'].draw(pen)
            self.assertIsNotNone(pen.bounds, f'{p["name"]}: .notdef is empty')
            for t in ('fpgm', 'prep', 'cvt ', 'hdmx', 'VDMX', 'LTSH', 'DSIG'):
                self.assertNotIn(t, font, f'{p["name"]} keeps {t}')
            if p['outlines'] == 'CFF':
                self.assertEqual(len(font['CFF '].cff.fontNames), 1, p['name'])
            else:
                glyf = font['glyf']
                for g in font.getGlyphOrder()[:50]:
                    self.assertFalse(getattr(glyf[g], 'program', None) and glyf[g].program.getBytecode(),
                                     f'{p["name"]}/{g}: hinting instructions')
            self.assertLessEqual({n.nameID for n in font['name'].names}, {0, 1, 2, 3, 4, 5, 6, 13, 14}, p['name'])


class Layout(unittest.TestCase):
    def test_script_pieces_keep_layout_tables_and_features(self):
        for p in MANIFEST['pieces']:
            if p.get('group') in ('han', 'hangul') or p['name'] in ('kana', 'hangul-jamo', 'cjk-symbols'):
                continue
            path, num = source_of(p)
            src = TTFont(path, fontNumber=num, lazy=True)
            piece = load(p)
            for t in ('GSUB', 'GPOS', 'GDEF'):
                if t in src and feature_tags_of(src, t):
                    self.assertIn(t, piece, f'{p["name"]} lost {t}')
            lost = feature_tags(src) - feature_tags(piece) - FEATURE_EXCEPTIONS.get(p['name'], set())
            if p['name'] in ('base', 'latin-greek-cyrillic') or p['name'].startswith(('latin-extra', 'symbols', 'dingbats', 'math', 'emoji')):
                continue  # a few ranges of a big font: its other scripts' features go with them
            self.assertFalse(lost, f'{p["name"]} lost features {sorted(lost)}')

    def test_named_script_features(self):
        want = {
            'arabic': {'init', 'medi', 'fina', 'isol', 'rlig', 'mark', 'mkmk', 'ccmp'},
            'devanagari': {'nukt', 'akhn', 'rphf', 'blwf', 'half', 'pres', 'abvs', 'blws', 'psts', 'abvm', 'blwm'},
            'bengali': {'akhn', 'rphf', 'blwf', 'half', 'pstf', 'init', 'pres', 'abvs', 'blws', 'psts'},
            'tamil': {'akhn', 'haln', 'psts', 'abvs', 'abvm'},
            'thai': {'ccmp', 'mark', 'mkmk'},
            'base': {'kern', 'mark', 'mkmk', 'ccmp', 'liga'},
            'hangul-jamo': {'ljmo', 'vjmo', 'tjmo'},
        }
        pieces = {p['name']: p for p in MANIFEST['pieces']}
        for name, feats in want.items():
            self.assertLessEqual(feats, set(pieces[name]['features']), name)

    def test_cjk_pieces_keep_default_features_only(self):
        for p in MANIFEST['pieces']:
            if p.get('group') in ('han', 'hangul') or p['name'] in ('kana', 'hangul-jamo', 'cjk-symbols'):
                self.assertLessEqual(set(p['features']), set(build_pieces.CJK_FEATURES), p['name'])
                self.assertEqual(p['outlines'], 'CFF')

    @unittest.skipUnless(shutil.which('hb-shape'), 'hb-shape not installed (libharfbuzz-bin)')
    def test_pieces_shape_like_their_source(self):
        doc = json.loads((ROOT / 'tests/data/scripts/every-script-names.json').read_text(encoding='utf-8'))
        texts = [n['label'] for n in doc['nodes']]
        checked = 0
        for text in texts:
            pieces, where, _ = pieces_for.pieces_needed(MANIFEST, [text])
            # The piece of the text's first letter, when the whole text is in its cmap.
            letters = [cp for cp in map(ord, text) if cp in where and where[cp] != 'base']
            if not letters:
                continue
            piece = next(p for p in pieces if p['name'] == where[letters[0]])
            if not all(pieces_for.covers(piece['ranges'], ord(c)) for c in text):
                continue
            path, num = source_of(piece)
            self.assertEqual(hb_shape(path, num, text), hb_shape(str(PIECES / piece['file']), 0, text),
                             f'{piece["name"]}: {text}')
            checked += 1
        self.assertGreaterEqual(checked, 20)


def feature_tags_of(font, tag):
    t = font[tag].table if tag in font else None
    if tag == 'GDEF':
        return bool(t)
    return t and t.FeatureList and t.FeatureList.FeatureRecord


def hb_shape(path, num, text):
    """[(cluster, x advance, y advance, x offset, y offset)] of HarfBuzz's shaping."""
    out = subprocess.run(['hb-shape', '--no-glyph-names', '--output-format=json', f'--face-index={num}',
                          '--font-funcs=ot', path, text], capture_output=True, text=True, check=True).stdout
    return [(g['cl'], g['ax'], g['ay'], g['dx'], g['dy']) for g in json.loads(out)]


class Budget(unittest.TestCase):
    def test_base_piece_is_small(self):
        base = MANIFEST['pieces'][0]
        self.assertLessEqual(base['gzipBytes'], BASE_GZIP_BUDGET)
        self.assertLessEqual(base['bytes'], BASE_BYTES_BUDGET)

    def test_compact_manifest_is_small(self):
        data = (PIECES / 'pieces-compact.json').read_bytes()
        self.assertLessEqual(len(gzip.compress(data, 9, mtime=0)), COMPACT_MANIFEST_GZIP_BUDGET)


def needs(slice_file, all_strings=False):
    doc = json.loads((ROOT / slice_file).read_text(encoding='utf-8'))
    return pieces_for.pieces_needed(MANIFEST, pieces_for.slice_text(doc, all_strings))


class Slices(unittest.TestCase):
    def test_sample_slice_needs_the_base_piece_only(self):
        pieces, _, missing = needs('assets/sample-slice.json')
        self.assertEqual([p['name'] for p in pieces], ['base'])
        self.assertEqual(missing, [])

    def test_hundred_chinese_names(self):
        pieces, _, missing = needs('tests/data/scripts/chinese-names-100.json')
        self.assertEqual(missing, [])
        names = [p['name'] for p in pieces]
        self.assertEqual(names[:2], ['base', 'han-001'])
        self.assertTrue(all(n.startswith('han-') for n in names[1:]), names)
        # The frequency-ordered pieces only, none of the big code-point-ordered ones.
        self.assertTrue(all(p.get('order') == 'frequency' for p in pieces[1:]), names)
        cjk = sum(p['gzipBytes'] for p in pieces[1:])
        self.assertLessEqual(cjk, NAMES_100_GZIP_BUDGET, names)

    def test_every_script_name_needs_its_piece(self):
        doc = json.loads((ROOT / 'tests/data/scripts/every-script-names.json').read_text(encoding='utf-8'))
        expect = {'zh': 'han-001', 'ko': 'hangul-01', 'ja': 'kana', 'ar': 'arabic', 'fa': 'arabic', 'he': 'hebrew',
                  'hi': 'devanagari', 'bn': 'bengali', 'ta': 'tamil', 'th': 'thai', 'el': 'latin-greek-cyrillic', 'ru': 'latin-greek-cyrillic',
                  'hy': 'armenian', 'ka': 'georgian', 'am': 'ethiopic', 'gu': 'gujarati', 'pa': 'gurmukhi',
                  'te': 'telugu', 'or': 'oriya', 'kn': 'kannada', 'ml': 'malayalam', 'si': 'sinhala', 'km': 'khmer', 'lo': 'lao',
                  'my': 'myanmar', 'ja-Hani': 'han-', 'vi': 'latin-greek-cyrillic', 'de': 'base', 'mixed': 'arabic', 'zh-Hant': 'han-'}
        for n in doc['nodes']:
            lang = n['attrs'].get('lang')
            if lang is None:
                continue
            pieces, _, missing = pieces_for.pieces_needed(MANIFEST, [n['label']])
            self.assertEqual(missing, [], n['label'])
            names = [p['name'] for p in pieces]
            self.assertTrue(any(x.startswith(expect[lang]) for x in names), f'{n["label"]}: {names}')
            self.assertLessEqual(len(names), 3, f'{n["label"]}: {names}')
        pieces, _, missing = needs('tests/data/scripts/every-script-names.json')
        self.assertEqual(missing, [])
        self.assertTrue(any(p['name'].startswith('emoji-') for p in pieces))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    PIECES = pathlib.Path(sys.argv.pop(1))
    MANIFEST = json.loads((PIECES / 'pieces.json').read_text(encoding='utf-8'))
    unittest.main(verbosity=1, warnings='ignore')  # lazy fonts keep their files open
