#!/usr/bin/python3
"""build_pieces.py — the viewer's fonts, cut at build time into pieces that the viewer
loads on demand: a small base piece (DejaVu Sans: Latin-1 and Extended-A, punctuation,
the UI's symbols) that every slice needs, one piece per script (Noto Sans), symbols and
monochrome emoji, and CJK (Noto Sans CJK SC) cut into pieces ordered by character
frequency (cjk_order.py). Sources are Debian packages; subsetting is fontTools.subset
(python3-fonttools) used as a library.

  /usr/bin/python3 tools/fonts/build_pieces.py --out DIR [--cache DIR] [--jobs N]

Writes into DIR: the piece files, pieces.json (the manifest, format below) and
LICENSES/ (each source package's copyright file). Files of an earlier build listed in
DIR/pieces.json that this build no longer makes are removed; nothing else in DIR is
touched. With --cache, the whole output is kept in CACHE/<key>/ and reused when the key
matches: the key hashes this folder's scripts and data, the versions of the font
packages, of unicode-data and of fontTools.

Manifest (pieces.json), format "rgv-font-pieces" version 1:
  {"format": "rgv-font-pieces", "version": 1, "generator": ..., "key": ...,
   "gzipLevel": 9, "lookup": "first",
   "ignorable": [[first, last], ...],      code points that need no glyph (ZWJ, VS16...)
   "sources": [{"package", "version", "licence"}, ...],
   "pieces": [{"name", "file", "family", "package", "source", "faceIndex", "scripts", "purpose", "outlines",
               "bytes", "gzipBytes", "sha256", "glyphs", "codepoints", "features",
               "ranges": [[first, last], ...], "licence"}, ...]}
  Pieces are in priority order, the base piece first. "lookup": "first" means: a code
  point is drawn with the first piece whose ranges hold it. Ranges are exactly the
  piece's cmap (sorted, merged). A script piece also maps the few shared characters a
  run of its script may hold (space, digits, dotted circle, ZWJ/ZWNJ), so that a run
  can be shaped with one font; lookup by first piece still sends those to base.
"""
import argparse
import concurrent.futures
import gzip
import hashlib
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent


def _need_fonttools():
    try:
        import fontTools  # noqa: F401
    except ImportError:
        # The pyenv/venv python3 on PATH may lack Debian's python3-fonttools: use Debian's.
        if sys.executable != '/usr/bin/python3' and os.path.exists('/usr/bin/python3'):
            os.execv('/usr/bin/python3', ['/usr/bin/python3', *sys.argv])
        sys.exit('build_pieces: fontTools not found; install python3-fonttools (./emsdk-setup.sh) '
                 'and run with /usr/bin/python3')


_need_fonttools()
from fontTools import subset  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402
import fontTools  # noqa: E402

sys.path.insert(0, str(HERE))
import cjk_order  # noqa: E402

FORMAT_VERSION = 1
GZIP_LEVEL = 9
DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
NOTO = '/usr/share/fonts/truetype/noto/'
NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
NOTO_CJK_SC = 2  # face number of Noto Sans CJK SC in the collection
SYMBOLA = '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf'
PACKAGE_OF = {DEJAVU: 'fonts-dejavu-core', NOTO_CJK: 'fonts-noto-cjk', SYMBOLA: 'fonts-symbola'}
PACKAGES = ['fonts-dejavu-core', 'fonts-noto-core', 'fonts-noto-cjk', 'fonts-symbola']


def package_of(path):
    return PACKAGE_OF.get(path, 'fonts-noto-core' if path.startswith(NOTO) else None)


def R(*pairs):
    """Code points of inclusive ranges given as (first, last) pairs or single ints."""
    out = []
    for p in pairs:
        a, b = (p, p) if isinstance(p, int) else p
        out.extend(range(a, b + 1))
    return out


# Characters that runs of most scripts hold besides their own letters: a script piece
# maps them too (when its font has them) so that a run shapes with one font: space,
# digits, punctuation, joiners, the dotted circle HarfBuzz shows under a lone mark,
# combining marks.
SHARED = R(0x20, 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2E, 0x2F, (0x30, 0x39), 0x3A, 0x3B, 0x3F,
           0xA0, (0x200B, 0x200D), 0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
           0x2026, 0x25CC,
           (0x300, 0x36F),                 # combining diacritics (Armenian + U+0308 ...)
           0x951, 0x952, (0x1CD0, 0x1CFF))  # Vedic signs, written with several Indic scripts
SHARED_CJK = R(0x20, 0xA0, 0x3000)

# [SECTION] the base piece
# What the first frame of a Latin slice and the UI need: every slice fetches it before its
# first frame. The UI draws … · — ▲ ▼ ↗ (src/view/ui, src/view/model) and the exporters
# U+FFFD: all in these ranges. Greek, Cyrillic, Vietnamese and the rarer Latin letters are
# the next piece (latin-greek-cyrillic), fetched when a slice has them: DejaVu Sans as well,
# so a word that mixes the two pieces ("Nguyễn") reads as one font.
BASE = R((0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x17F),                   # Latin-1, Extended-A
         0x2C6, 0x2C7, (0x2D8, 0x2DD),                                 # spacing accents ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝
         # combining marks: a mark is shaped in its letter's piece (5 KB of gzip with their
         # GPOS anchors; in another piece a decomposed "é" would lose its placement)
         (0x300, 0x36F),
         (0x2000, 0x206F), 0x20AC, 0x2122, 0x2212,                     # punctuation, € ™ −
         (0x2190, 0x2199),                                             # plain arrows (the UI's ↗)
         0x25A0, 0x25A1, 0x25B2, 0x25B6, 0x25BC, 0x25C0, 0x25CB, 0x25CC, 0x25CF,  # ■ □ ▲ ▶ ▼ ◀ ○ ◌ ●
         (0xFB00, 0xFB06),                                             # ﬁ ﬂ ligatures (titles from PDFs)
         0xFFFD)
# The second piece: the rest of DejaVu's Latin (Extended-B, IPA, spacing modifiers,
# Extended Additional: Vietnamese), Greek and Cyrillic (with its supplement), super- and
# subscripts and currency signs. Letterlike symbols, arrows and math operators are the
# symbols piece; geometric shapes the dingbats piece.
LATIN_GREEK_CYRILLIC = R((0x180, 0x24F), (0x250, 0x2AF), (0x2B0, 0x2FF), (0x370, 0x3FF), (0x400, 0x4FF),
                         (0x500, 0x52F), (0x1E00, 0x1EFF), (0x2070, 0x209F), (0x20A0, 0x20CF))

# [SECTION] the script pieces
# (name, Noto font file, ISO 15924 scripts, purpose, ranges)
SCRIPTS = [
    ('arabic', 'NotoSansArabic-Regular.ttf', ['Arab'], 'Arabic, Persian, Urdu letters: joining forms, marks',
     [(0x600, 0x6FF), (0x750, 0x77F), (0x870, 0x89F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]),
    ('hebrew', 'NotoSansHebrew-Regular.ttf', ['Hebr'], 'Hebrew letters and points', [(0x590, 0x5FF), (0xFB1D, 0xFB4F)]),
    ('devanagari', 'NotoSansDevanagari-Regular.ttf', ['Deva'], 'Hindi, Marathi, Nepali, Sanskrit: conjuncts',
     [(0x900, 0x97F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF), 0x20B9]),
    ('bengali', 'NotoSansBengali-Regular.ttf', ['Beng'], 'Bengali and Assamese: conjuncts', [(0x980, 0x9FF)]),
    ('tamil', 'NotoSansTamil-Regular.ttf', ['Taml'], 'Tamil', [(0xB80, 0xBFF)]),
    ('thai', 'NotoSansThai-Regular.ttf', ['Thai'], 'Thai', [(0xE00, 0xE7F)]),
    ('armenian', 'NotoSansArmenian-Regular.ttf', ['Armn'], 'Armenian', [(0x530, 0x58F), (0xFB13, 0xFB17)]),
    ('georgian', 'NotoSansGeorgian-Regular.ttf', ['Geor'], 'Georgian',
     [(0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)]),
    ('ethiopic', 'NotoSansEthiopic-Regular.ttf', ['Ethi'], 'Amharic, Tigrinya (Ge\'ez)',
     [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F), (0x1E7E0, 0x1E7FF)]),
    ('gujarati', 'NotoSansGujarati-Regular.ttf', ['Gujr'], 'Gujarati', [(0xA80, 0xAFF)]),
    ('gurmukhi', 'NotoSansGurmukhi-Regular.ttf', ['Guru'], 'Punjabi (Gurmukhi)', [(0xA00, 0xA7F)]),
    ('oriya', 'NotoSansOriya-Regular.ttf', ['Orya'], 'Odia', [(0xB00, 0xB7F)]),
    ('telugu', 'NotoSansTelugu-Regular.ttf', ['Telu'], 'Telugu', [(0xC00, 0xC7F)]),
    ('kannada', 'NotoSansKannada-Regular.ttf', ['Knda'], 'Kannada', [(0xC80, 0xCFF)]),
    ('malayalam', 'NotoSansMalayalam-Regular.ttf', ['Mlym'], 'Malayalam', [(0xD00, 0xD7F)]),
    ('sinhala', 'NotoSansSinhala-Regular.ttf', ['Sinh'], 'Sinhala', [(0xD80, 0xDFF), (0x111E0, 0x111FF)]),
    ('khmer', 'NotoSansKhmer-Regular.ttf', ['Khmr'], 'Khmer', [(0x1780, 0x17FF), (0x19E0, 0x19FF)]),
    ('lao', 'NotoSansLao-Regular.ttf', ['Laoo'], 'Lao', [(0xE80, 0xEFF)]),
    ('myanmar', 'NotoSansMyanmar-Regular.ttf', ['Mymr'], 'Burmese',
     [(0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F)]),
    ('tibetan', 'NotoSerifTibetan-Regular.ttf', ['Tibt'], 'Tibetan (Noto Serif: no Sans in the package)',
     [(0xF00, 0xFFF)]),
    ('thaana', 'NotoSansThaana-Regular.ttf', ['Thaa'], 'Dhivehi (Thaana)', [(0x780, 0x7BF)]),
    ('syriac', 'NotoSansSyriac-Regular.ttf', ['Syrc'], 'Syriac', [(0x700, 0x74F), (0x860, 0x86F)]),
    ('mongolian', 'NotoSansMongolian-Regular.ttf', ['Mong'], 'Mongolian script',
     [(0x1800, 0x18AF), (0x11660, 0x1167F)]),
    ('nko', 'NotoSansNKo-Regular.ttf', ['Nkoo'], 'N\'Ko', [(0x7C0, 0x7FF)]),
    ('tifinagh', 'NotoSansTifinagh-Regular.ttf', ['Tfng'], 'Tifinagh (Berber)', [(0x2D30, 0x2D7F)]),
    ('cherokee', 'NotoSansCherokee-Regular.ttf', ['Cher'], 'Cherokee', [(0x13A0, 0x13FF), (0xAB70, 0xABBF)]),
    ('canadian', 'NotoSansCanadianAboriginal-Regular.ttf', ['Cans'], 'Canadian syllabics (Inuktitut, Cree)',
     [(0x1400, 0x167F), (0x18B0, 0x18FF)]),
    ('adlam', 'NotoSansAdlam-Regular.ttf', ['Adlm'], 'Adlam (Fulani)', [(0x1E900, 0x1E95F)]),
    ('javanese', 'NotoSansJavanese-Regular.ttf', ['Java'], 'Javanese', [(0xA980, 0xA9DF)]),
    ('olchiki', 'NotoSansOlChiki-Regular.ttf', ['Olck'], 'Santali (Ol Chiki)', [(0x1C50, 0x1C7F)]),
    ('yi', 'NotoSansYi-Regular.ttf', ['Yiii'], 'Yi syllables', [(0xA000, 0xA4CF)]),
]

# [SECTION] extra Latin, symbols and emoji
# What the base piece leaves out, in pieces of their own: rarer Latin/Greek/Cyrillic
# (DejaVu first, then Noto Sans for what DejaVu lacks), symbols and math (DejaVu, then
# Noto Sans Symbols, Symbols2 and Math), emoji (Symbola: monochrome outlines).
EXTRA_LATIN = R((0x1AB0, 0x1AFF), (0x1D00, 0x1DBF), (0x1DC0, 0x1DFF), (0x1F00, 0x1FFF), (0x20D0, 0x20FF),
                (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F),
                (0x1C80, 0x1C8F), (0xFE20, 0xFE2F), (0x2E00, 0x2E7F))
SYMBOL_RANGES = R((0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
                  (0x27C0, 0x27EF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2980, 0x29FF), (0x2A00, 0x2AFF),
                  (0x1D400, 0x1D7FF))
DINGBAT_RANGES = R((0x2300, 0x23FF), (0x2400, 0x243F), (0x2440, 0x245F), (0x2500, 0x257F), (0x2580, 0x259F),
                   (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x2800, 0x28FF), (0x2B00, 0x2BFF),
                   (0x1F000, 0x1F0FF), (0x1F100, 0x1F1FF), (0x1F780, 0x1F7FF), (0x1F800, 0x1F8FF), (0x1FB00, 0x1FBFF))
EMOJI_DATA = pathlib.Path('/usr/share/unicode/emoji')


def emoji_codepoints():
    """Emoji=Yes and Extended_Pictographic code points above U+00FF (digits, # and *
    are Emoji=Yes too), from Debian's unicode-data."""
    out = []
    for line in (EMOJI_DATA / 'emoji-data.txt').read_text(encoding='utf-8').splitlines():
        line = line.split('#')[0].strip()
        if not line:
            continue
        cps, prop = (s.strip() for s in line.split(';'))
        if prop not in ('Emoji', 'Extended_Pictographic', 'Emoji_Component'):
            continue
        a, _, b = cps.partition('..')
        out.extend(cp for cp in range(int(a, 16), int(b or a, 16) + 1) if cp > 0xFF)
    return sorted(set(out))


def emoji_groups():
    """[(group, [code points])] in the order of emoji-test.txt (CLDR's emoji order:
    smileys, people, components, animals, food, travel, activities, objects, symbols,
    flags). A code point goes to the group where it is an emoji of its own (🎓 to Objects,
    not to People with 👩‍🎓); one seen only inside sequences, to the first such group."""
    groups = []
    for line in (EMOJI_DATA / 'emoji-test.txt').read_text(encoding='utf-8').splitlines():
        if line.startswith('# group:'):
            groups.append((line.split(':', 1)[1].strip(), []))
        elif line and not line.startswith('#') and groups:
            cps = [int(h, 16) for h in line.split(';')[0].split()]
            groups[-1][1].append([cp for cp in cps if cp > 0xFF and cp not in (0x200D, 0xFE0F)])
    home = {}
    for single in (True, False):
        for name, seqs in groups:
            for seq in seqs:
                if (len(seq) == 1) == single:
                    for cp in seq:
                        home.setdefault(cp, name)
    return [(name, sorted(cp for cp, g in home.items() if g == name)) for name, _ in groups]


def ignorable_codepoints():
    """Default_Ignorable_Code_Point plus the C0/C1 controls: no glyph needed."""
    out = set(R((0, 0x1F), (0x7F, 0x9F)))
    for line in pathlib.Path('/usr/share/unicode/DerivedCoreProperties.txt').read_text(encoding='utf-8').splitlines():
        line = line.split('#')[0].strip()
        if not line or not line.endswith('Default_Ignorable_Code_Point'):
            continue
        a, _, b = line.split(';')[0].strip().partition('..')
        out.update(range(int(a, 16), int(b or a, 16) + 1))
    return out


# [SECTION] CJK pieces
# Layout features kept in the CJK pieces: HarfBuzz's default horizontal features. Noto
# CJK's locl (the JP/KR/TC forms inside the SC face: applied only to text tagged with
# those languages), vert/vrt2 (vertical text) and aalt/jp78/... (chosen by the user)
# nearly double the glyphs of a piece, and the viewer uses none of them.
CJK_FEATURES = ['ccmp', 'rlig', 'liga', 'clig', 'calt', 'kern', 'mark', 'mkmk', 'ljmo', 'vjmo', 'tjmo']
CJK_KANA = R((0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF),   # punct., kana
             (0xFF00, 0xFFEF))                                                          # full/halfwidth
HANGUL_JAMO = R((0x3130, 0x318F), (0x1100, 0x11FF), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))
CJK_SYMBOLS = R((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0x2FF0, 0x2FFF), (0x3100, 0x312F), (0x31A0, 0x31BF),
                (0x31C0, 0x31EF), (0x3200, 0x32FF), (0x3300, 0x33FF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F),
                (0x1F200, 0x1F2FF))
# Sizes of the frequency-ordered Han pieces: (up to this rank, characters per piece).
# Tuned on names (see tools/fonts/README.md): two pieces for the most common name
# characters (a slice with one or two Chinese names often needs the first only), then
# small pieces where the long tail of names falls, then larger ones.
HAN_SCHEDULE = [(400, 400), (1100, 700), (7000, 40), (None, 200)]
HAN_REST_SIZE = 1000      # code-point-ordered rest: consecutive pieces of this many characters
HANGUL_SCHEDULE = [(None, 250)]   # after the names tier (a piece of its own)
HANGUL_REST_SIZE = 1500


def cut(items, schedule):
    """Consecutive slices of items: [(until rank or None, size)], each size used up to its
    rank (None = to the end)."""
    out, i = [], 0
    for until, size in schedule:
        end = len(items) if until is None else min(until, len(items))
        while i < end:
            out.append(items[i:min(i + size, end)])
            i += len(out[-1])
    return out


# [SECTION] planning
def plan():
    """The pieces to make, in priority order: dicts with name, source, font number,
    wanted code points (before the shared ones), shared code points, features."""
    cmaps = {}

    def cmap(path, num=0):
        if (path, num) not in cmaps:
            cmaps[(path, num)] = set(TTFont(path, fontNumber=num, lazy=True).getBestCmap())
        return cmaps[(path, num)]

    claimed = set()
    pieces = []

    def add(name, path, scripts, purpose, wanted, num=0, shared=(), features=('*',), group=None, order=None):
        have = cmap(path, num)
        primary = sorted(set(wanted) & have - claimed)
        if not primary:
            return
        claimed.update(primary)
        pieces.append(dict(name=name, path=path, num=num, scripts=scripts, purpose=purpose, primary=primary,
                           shared=sorted(set(shared) & have), features=list(features), group=group,
                           order=order))

    add('base', DEJAVU, ['Latn', 'Zyyy', 'Zinh'],
        'Latin-1 and Latin Extended-A, punctuation, the UI\'s symbols: every slice needs it',
        BASE)
    add('latin-greek-cyrillic', DEJAVU, ['Latn', 'Grek', 'Cyrl', 'Zinh'],
        'Greek, Cyrillic, Vietnamese, IPA and the rest of Latin Extended (DejaVu Sans)', LATIN_GREEK_CYRILLIC,
        shared=SHARED)
    for name, file, scripts, purpose, ranges in SCRIPTS:
        add(name, NOTO + file, scripts, purpose, R(*ranges), shared=SHARED)
    add('latin-extra', DEJAVU, ['Latn', 'Grek', 'Cyrl', 'Zinh'],
        'rarer Latin, polytonic Greek, Cyrillic extensions, combining marks (DejaVu Sans)', EXTRA_LATIN,
        shared=SHARED)
    add('latin-extra-noto', NOTO + 'NotoSans-Regular.ttf', ['Latn', 'Grek', 'Cyrl', 'Zinh'],
        'the same ranges where DejaVu Sans has no glyph (Noto Sans)', EXTRA_LATIN, shared=SHARED)
    add('symbols', DEJAVU, ['Zyyy'], 'letterlike, number forms, arrows, math operators (DejaVu Sans)',
        SYMBOL_RANGES, shared=SHARED)
    add('math', NOTO + 'NotoSansMath-Regular.ttf', ['Zyyy'], 'math alphanumerics and operators (Noto Sans Math)',
        SYMBOL_RANGES, shared=SHARED)
    add('dingbats', DEJAVU, ['Zyyy', 'Brai'], 'technical, box drawing, blocks, misc symbols, dingbats, braille '
        '(DejaVu Sans)', DINGBAT_RANGES, shared=SHARED)
    add('symbols2', NOTO + 'NotoSansSymbols2-Regular.ttf', ['Zyyy'], 'more symbols (Noto Sans Symbols2)',
        SYMBOL_RANGES + DINGBAT_RANGES, shared=SHARED)
    add('symbols3', NOTO + 'NotoSansSymbols-Regular.ttf', ['Zyyy'], 'more symbols (Noto Sans Symbols)',
        SYMBOL_RANGES + DINGBAT_RANGES, shared=SHARED)
    emoji_shared = SHARED + R(0x200D, 0xFE0E, 0xFE0F, (0x1F3FB, 0x1F3FF))
    for group, cps in emoji_groups():
        slug = group.lower().replace(' & ', '-').replace(' ', '-')
        add('emoji-' + slug, SYMBOLA, ['Zyyy'], f'emoji: {group}, monochrome outlines (Symbola)', cps,
            shared=emoji_shared, group='emoji')
    add('emoji-other', SYMBOLA, ['Zyyy'], 'other pictographs (Symbola)', emoji_codepoints(),
        shared=emoji_shared, group='emoji')

    cjk = cmap(NOTO_CJK, NOTO_CJK_SC)
    cjk_args = dict(num=NOTO_CJK_SC, features=CJK_FEATURES)
    add('kana', NOTO_CJK, ['Hira', 'Kana', 'Zyyy'],
        'hiragana, katakana, CJK punctuation, fullwidth and halfwidth forms (Noto Sans CJK SC)', CJK_KANA,
        shared=SHARED, **cjk_args)
    add('hangul-jamo', NOTO_CJK, ['Hang'], 'Hangul jamo and compatibility jamo, with old-Hangul composition',
        HANGUL_JAMO, shared=SHARED_CJK, **cjk_args)
    add('cjk-symbols', NOTO_CJK, ['Hani', 'Bopo', 'Zyyy'],
        'CJK radicals, strokes, bopomofo, enclosed and compatibility forms', CJK_SYMBOLS, shared=SHARED_CJK,
        **cjk_args)
    ordered, rest = cjk_order.han_order(cjk)
    chunks = [(c, 'frequency') for c in cut(ordered, HAN_SCHEDULE)]
    chunks += [([(cp, None) for cp in c], 'codepoint') for c in cut(rest, [(None, HAN_REST_SIZE)])]
    for i, (chunk, order) in enumerate(chunks, 1):
        if order == 'frequency':
            tiers = list(dict.fromkeys(t for _, t in chunk))
            purpose = f'Han characters by frequency ({", ".join(tiers)})'
        else:
            purpose = f'rarer Han characters, U+{chunk[0][0]:04X}..U+{chunk[-1][0]:04X}'
        add(f'han-{i:03d}', NOTO_CJK, ['Hani'], purpose, [cp for cp, _ in chunk], shared=SHARED_CJK,
            group='han', order=order, **cjk_args)
    ordered, rest = cjk_order.hangul_order(cjk)
    names = [cp for cp, t in ordered if t == 'names']
    chunks = [(names, 'frequency', 'Hangul syllables of names')]
    chunks += [([cp for cp, _ in c], 'frequency', 'Hangul syllables of KS X 1001')
               for c in cut([x for x in ordered if x[1] != 'names'], HANGUL_SCHEDULE)]
    chunks += [(c, 'codepoint', 'rarer Hangul syllables') for c in cut(rest, [(None, HANGUL_REST_SIZE)])]
    for i, (chunk, order, what) in enumerate(chunks, 1):
        add(f'hangul-{i:02d}', NOTO_CJK, ['Hang'], f'{what}, U+{min(chunk):04X}..U+{max(chunk):04X}', chunk,
            shared=SHARED_CJK, group='hangul', order=order, **cjk_args)
    return pieces


# [SECTION] subsetting
def subset_one(piece):
    """(font bytes, glyph count, cmap code points, outline kind, feature tags). Runs in a
    worker process."""
    font = TTFont(piece['path'], fontNumber=piece['num'], recalcTimestamp=False)
    opts = subset.Options()
    opts.layout_features = piece['features']
    opts.layout_scripts = ['*']
    opts.hinting = False                    # no TrueType instructions, no CFF hints
    opts.desubroutinize = True              # CFF: smaller after gzip (measured)
    opts.notdef_outline = True              # keep .notdef's box: shown for a missing glyph
    opts.notdef_glyph = True
    opts.glyph_names = False                # post format 3
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    opts.name_languages = [0x409]
    opts.drop_tables += ['BASE', 'VORG', 'vhea', 'vmtx', 'MATH', 'FFTM', 'DSIG', 'hdmx', 'VDMX', 'LTSH']
    opts.prune_unicode_ranges = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=piece['primary'] + piece['shared'])
    sub.subset(font)
    notdef_box(font)
    decompose_scaled_components(font)
    buf = io.BytesIO()
    font.save(buf)
    feats = sorted({fr.FeatureTag for tag in ('GSUB', 'GPOS') if tag in font and font[tag].table.FeatureList
                    for fr in font[tag].table.FeatureList.FeatureRecord})
    return (buf.getvalue(), font['maxp'].numGlyphs, sorted(font.getBestCmap()),
            'CFF' if 'CFF ' in font else 'glyf', feats)


def notdef_box(font):
    """Give .notdef a box outline where the source's is empty (Noto Sans Yi): the viewer
    shows .notdef for a code point no piece has."""
    if 'glyf' not in font or font['glyf']['.notdef'].numberOfContours != 0:
        return
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    upm = font['head'].unitsPerEm
    width = font['hmtx']['.notdef'][0] or upm // 2
    x0, x1, y0, y1, t = upm // 20, width - upm // 20, 0, upm * 7 // 10, upm // 20
    pen = TTGlyphPen(None)
    for (a, b, c, d), clockwise in (((x0, y0, x1, y1), True), ((x0 + t, y0 + t, x1 - t, y1 - t), False)):
        pts = [(a, b), (a, d), (c, d), (c, b)] if clockwise else [(a, b), (c, b), (c, d), (a, d)]
        pen.moveTo(pts[0])
        for pt in pts[1:]:
            pen.lineTo(pt)
        pen.closePath()
    font['glyf']['.notdef'] = pen.glyph()
    font['hmtx']['.notdef'] = (width, x0)


def decompose_scaled_components(font):
    """Outline the composite glyphs whose components are scaled (Noto Sans draws combining
    letters such as U+1DDC as a small copy of a letter): stb_truetype scales such a
    component's offset too and draws it far outside its box, i.e. nothing."""
    if 'glyf' not in font:
        return
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    glyf, glyphs = font['glyf'], font.getGlyphSet()
    for name in font.getGlyphOrder():
        g = glyf[name]
        if g.isComposite() and any(getattr(c, 'transform', [[1, 0], [0, 1]]) != [[1, 0], [0, 1]]
                                   for c in g.components):
            rec = DecomposingRecordingPen(glyphs)
            glyphs[name].draw(rec)
            pen = TTGlyphPen(None)
            rec.replay(pen)
            glyf[name] = pen.glyph()


def to_ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def family_of(path, num):
    return TTFont(path, fontNumber=num, lazy=True)['name'].getDebugName(1)


def package_version(pkg):
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return 'unknown'


# What the pieces are made from: the cache key hashes these, the source packages'
# versions and fontTools' version (CMake reruns the script when one of these files changes).
INPUTS = ['build_pieces.py', 'cjk_order.py', 'data/zh-surnames.txt', 'data/zh-given.txt', 'data/ko-names.txt']
KEY_PACKAGES = PACKAGES + ['unicode-data', 'python3-jieba', 'python3-fonttools']


def cache_key():
    h = hashlib.sha256()
    for name in INPUTS:
        h.update(name.encode() + b'\0' + (HERE / name).read_bytes() + b'\0')
    for pkg in KEY_PACKAGES:
        h.update(f'{pkg}={package_version(pkg)}\0'.encode())
    h.update(f'fonttools={fontTools.version}'.encode())
    return h.hexdigest()[:16]


# [SECTION] output
def build(out_dir, jobs, log):
    t0 = time.time()
    pieces = plan()
    log(f'{len(pieces)} pieces planned in {time.time() - t0:.1f} s; subsetting with {jobs} job(s)')
    results = [None] * len(pieces)
    # Largest sources first so that the two workers finish together.
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]['primary']))
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(subset_one, pieces[i]): i for i in order}
        for fut in concurrent.futures.as_completed(futures):
            results[futures[fut]] = fut.result()
    log(f'subset in {time.time() - t0:.1f} s')

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / 'LICENSES').mkdir(exist_ok=True)
    sources = []
    for pkg in PACKAGES:
        lic = f'LICENSES/{pkg}.txt'
        shutil.copyfile(f'/usr/share/doc/{pkg}/copyright', out_dir / lic)
        sources.append({'package': pkg, 'version': package_version(pkg), 'licence': lic})
    families = {}
    entries = []
    for piece, (data, glyphs, cps, outlines, feats) in zip(pieces, results):
        file = piece['name'] + ('.otf' if outlines == 'CFF' else '.ttf')
        (out_dir / file).write_bytes(data)
        key = (piece['path'], piece['num'])
        if key not in families:
            families[key] = family_of(*key)
        pkg = package_of(piece['path'])
        entry = {
            'name': piece['name'], 'file': file, 'family': families[key], 'package': pkg,
            'source': piece['path'], 'faceIndex': piece['num'],
            'scripts': piece['scripts'], 'purpose': piece['purpose'], 'outlines': outlines,
            'bytes': len(data), 'gzipBytes': len(gzip.compress(data, GZIP_LEVEL, mtime=0)),
            'sha256': hashlib.sha256(data).hexdigest(), 'glyphs': glyphs, 'codepoints': len(cps),
            'features': feats, 'ranges': to_ranges(cps), 'licence': f'LICENSES/{pkg}.txt',
        }
        if piece['group']:
            entry['group'] = piece['group']
            entry['order'] = piece['order']
        entries.append(entry)
    manifest = {
        'format': 'rgv-font-pieces', 'version': FORMAT_VERSION, 'generator': 'tools/fonts/build_pieces.py',
        'key': cache_key(), 'gzipLevel': GZIP_LEVEL, 'lookup': 'first',
        'ignorable': to_ranges(ignorable_codepoints()), 'sources': sources, 'pieces': entries,
    }
    old = read_manifest(out_dir)
    text = json.dumps(manifest, ensure_ascii=False, separators=(',', ':')) + '\n'
    (out_dir / 'pieces.json').write_text(text, encoding='utf-8')
    compact = json.dumps(compact_manifest(manifest), ensure_ascii=False, separators=(',', ':')) + '\n'
    (out_dir / 'pieces-compact.json').write_text(compact, encoding='utf-8')
    remove_stale(out_dir, old, manifest)
    total = sum(e['bytes'] for e in entries)
    gz = lambda t: len(gzip.compress(t.encode(), GZIP_LEVEL))  # noqa: E731
    log(f'{len(entries)} pieces, {total} bytes; pieces.json {len(text)} bytes ({gz(text)} gzip), '
        f'pieces-compact.json {len(compact)} bytes ({gz(compact)} gzip); {time.time() - t0:.1f} s')
    return manifest


def to_deltas(ranges):
    """[[first, last], ...] -> [gap, extent, gap, extent, ...]: first = previous last +
    gap (previous last = 0 at the start), last = first + extent."""
    out, prev = [], 0
    for first, last in ranges:
        out += [first - prev, last - first]
        prev = last
    return out


def from_deltas(deltas):
    out, prev = [], 0
    for gap, extent in zip(deltas[0::2], deltas[1::2]):
        first = prev + gap
        out.append([first, first + extent])
        prev = first + extent
    return out


def compact_manifest(manifest):
    """The same manifest with each "ranges" (and "ignorable") written as "deltas": the
    Han pieces' thousands of scattered ranges take a quarter of the gzip bytes so."""
    m = dict(manifest, format='rgv-font-pieces-compact')
    m['ignorable'] = to_deltas(manifest['ignorable'])
    m['pieces'] = [{('deltas' if k == 'ranges' else k): (to_deltas(v) if k == 'ranges' else v)
                    for k, v in p.items()} for p in manifest['pieces']]
    return m


def read_manifest(d):
    try:
        return json.loads((d / 'pieces.json').read_text(encoding='utf-8'))
    except (OSError, ValueError):
        return None


def files_of(manifest):
    return {p['file'] for p in manifest.get('pieces', [])} | {s['licence'] for s in manifest.get('sources', [])}


def remove_stale(out_dir, old, new):
    if old:
        for f in files_of(old) - files_of(new):
            (out_dir / f).unlink(missing_ok=True)


def copy_output(src, dst):
    old = read_manifest(dst)
    new = read_manifest(src)
    dst.mkdir(parents=True, exist_ok=True)
    (dst / 'LICENSES').mkdir(exist_ok=True)
    for f in sorted(files_of(new)):
        shutil.copyfile(src / f, dst / f)
    for f in ('pieces.json', 'pieces-compact.json'):
        shutil.copyfile(src / f, dst / f)
    remove_stale(dst, old, new)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', required=True, type=pathlib.Path, help='output folder')
    ap.add_argument('--cache', type=pathlib.Path, help='cache folder (e.g. $RGV_CACHE/font-pieces)')
    ap.add_argument('--jobs', type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument('--quiet', action='store_true')
    args = ap.parse_args(argv)
    log = (lambda *_: None) if args.quiet else (lambda m: print(f'[font pieces] {m}', flush=True))
    if args.cache:
        key = cache_key()
        hit = args.cache / key
        if (hit / 'pieces.json').exists():
            copy_output(hit, args.out)
            log(f'from the cache {hit}')
            return 0
        tmp = args.cache / f'{key}.tmp-{os.getpid()}'
        shutil.rmtree(tmp, ignore_errors=True)
        build(tmp, args.jobs, log)
        # Keep the newest few keys only.
        for old in sorted((p for p in args.cache.iterdir() if p.is_dir() and '.tmp-' not in p.name),
                          key=lambda p: p.stat().st_mtime)[:-3]:
            shutil.rmtree(old, ignore_errors=True)
        try:
            tmp.rename(hit)
        except OSError:  # another build put it there first
            shutil.rmtree(tmp, ignore_errors=True)
        copy_output(hit, args.out)
        log(f'cached in {hit}')
        return 0
    build(args.out, args.jobs, log)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
