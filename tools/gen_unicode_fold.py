#!/usr/bin/env python3
"""gen_unicode_fold.py — the search folding tables (src/core/unicode_fold_data.inc),
generated from Python's unicodedata so that no Unicode table is written by hand.

  python3 tools/gen_unicode_fold.py                 write src/core/unicode_fold_data.inc
  python3 tools/gen_unicode_fold.py --check [FILE]  exit 1 if FILE differs from what
                                                    this Python generates (a ctest case);
                                                    exit 77 (skipped) when this Python's
                                                    Unicode version is not the file's
  python3 tools/gen_unicode_fold.py --stats         table sizes, then the --check result

The output depends only on the Unicode version of unicodedata (Python 3.11: 14.0.0),
which the file's header names. search.cpp includes it inside its anonymous namespace.

Index
    Policy      what search folding means, code point by code point
    Tables      pairs, runs, pool, compositions, classes, upper case
    Output      the .inc text; write or check
"""

import sys
import unicodedata as ud
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / 'src' / 'core' / 'unicode_fold_data.inc'
MAX_CP = 0x110000


def chars():
    """Every code point but the surrogates (they never come out of the UTF-8 decoder)."""
    for cp in range(MAX_CP):
        if not 0xD800 <= cp <= 0xDFFF:
            yield cp


def name(c):
    try:
        return ud.name(c)
    except ValueError:
        return ''


# [SECTION] Policy
# Which combining marks are diacritics a searcher may leave out: the marks (Mn, Mc, Me)
# of these blocks. Latin, Greek and Cyrillic accents (the combining diacritical blocks),
# Hebrew points and cantillation (niqqud), Arabic harakat and Quranic marks, Syriac
# vowel points. Marks of other scripts (Devanagari vowel signs and virama, Thai vowels
# and tone marks, the kana voicing marks U+3099/U+309A) spell different words and are kept.
DIACRITIC_BLOCKS = [
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x0483, 0x0489),  # Cyrillic combining marks
    (0x0591, 0x05C7),  # Hebrew points and cantillation
    (0x0610, 0x061A),  # Arabic honorific and Quranic marks
    (0x064B, 0x065F),  # Arabic harakat (tashkeel), hamza above / below
    (0x0670, 0x0670),  # Arabic superscript alef
    (0x06D6, 0x06ED),  # Arabic Quranic annotation marks
    (0x0730, 0x074A),  # Syriac vowel points
    (0x0898, 0x08FF),  # Arabic Extended-A/B marks
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1DC0, 0x1DFF),  # Combining Diacritical Marks Supplement
    (0x20D0, 0x20FF),  # Combining Diacritical Marks for Symbols
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A (combining letters)
    (0xA66F, 0xA67D),  # Cyrillic Extended-B combining marks
    (0xA69E, 0xA69F),
    (0xFB1E, 0xFB1E),  # Hebrew point judeo-spanish varika
    (0xFE20, 0xFE2F),  # Combining Half Marks
]
# Variation selectors: they choose a glyph, not a letter.
SELECTORS = [(0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180D), (0x180F, 0x180F)]
TATWEEL = 0x0640  # Arabic kashida: stretches a joined letter, typed or not
# Letters with no decomposition that a searcher spells with other Latin letters (ß is
# case folding's: ss). Letters "WITH STROKE / HOOK / BAR ..." and "DOTLESS" ones come
# from their Unicode names instead (ł -> l, đ -> d, ø -> o, ı -> i), see base_letter().
SPELLED = {'æ': 'ae', 'œ': 'oe', 'ð': 'd', 'þ': 'th'}
# Characters a word is made of without spaces between words: every one of them starts a
# word for scoring (a Han character or a kana is a syllable; Korean names are written
# without spaces too). Found by the start of their Unicode names.
CJK_NAMES = ('CJK UNIFIED IDEOGRAPH', 'CJK COMPATIBILITY IDEOGRAPH', 'HIRAGANA LETTER',
             'KATAKANA LETTER', 'HALFWIDTH KATAKANA LETTER', 'HANGUL SYLLABLE',
             'KATAKANA-HIRAGANA PROLONGED SOUND MARK', 'HALFWIDTH KATAKANA-HIRAGANA PROLONGED SOUND MARK')


def dropped(c):
    """Left out of the folded text entirely (a mark highlights with its base)."""
    cp, cat = ord(c), ud.category(c)
    if cat == 'Cf' or cp == TATWEEL:  # format characters: ZWJ, ZWNJ, soft hyphen, bidi marks
        return True
    if any(a <= cp <= b for a, b in SELECTORS):
        return True
    return cat[0] == 'M' and any(a <= cp <= b for a, b in DIACRITIC_BLOCKS)


def base_letter(c):
    """ł -> l: a Latin letter "WITH ..." that Unicode does not decompose, to the letter its
    name starts with; "DOTLESS I" to i. Anything else unchanged."""
    if c in SPELLED:
        return SPELLED[c]
    n = name(c)
    if not n.startswith('LATIN '):
        return c
    base = None
    if ' WITH ' in n:
        base = n.split(' WITH ')[0]
    elif ' LETTER DOTLESS ' in n:
        base = n.replace('DOTLESS ', '')
    if base is None:
        return c
    try:
        return ud.lookup(base)
    except KeyError:
        return c


def fold_char(c):
    """The folded form of one code point: compatibility decomposition (NFKD), diacritics
    and ignorables dropped, full case folding, base letters; repeated until nothing
    changes, then recomposed (NFC) so that kana and Hangul syllables come back whole."""
    cat = ud.category(c)
    if cat in ('Zs', 'Zl', 'Zp'):
        return ' '  # every space is a blank: U+3000, NBSP, thin spaces
    if dropped(c):
        return ''
    s = c
    for _ in range(8):
        t = ud.normalize('NFKD', s)
        t = ''.join(x for x in t if not dropped(x))
        t = t.casefold()
        t = ''.join(base_letter(x) for x in t)
        if t == s:
            break
        s = t
    else:
        raise RuntimeError(f'folding U+{ord(c):04X} does not settle')
    s = ud.normalize('NFC', s)
    if ' ' in s:
        # A spacing accent (´ = space + acute) or a phrase ligature (U+FDFA) would fold to
        # text with a blank, which splits a query: keep the character (case-folded).
        s = c.casefold() if ' ' not in c.casefold() else c
    return s


def char_class(c):
    """0 separator (punctuation, symbols, spaces, controls), 1 letter / mark / digit,
    2 CJK (every character starts a word)."""
    cat = ud.category(c)
    if cat[0] in 'PZS' or cat in ('Cc', 'Cf'):
        return 0
    if cat[0] == 'L' and name(c).startswith(CJK_NAMES):
        return 2
    return 1


# [SECTION] Tables
def fold_table():
    """{code point: folded string} for every code point that folding changes."""
    table = {}
    for cp in chars():
        c = chr(cp)
        f = fold_char(c)
        if f != c:
            table[cp] = f
    # Folding twice must give the same text as folding once.
    for cp, f in table.items():
        again = ''.join(table.get(ord(x), x) for x in f)
        if again != f:
            raise RuntimeError(f'U+{cp:04X}: folding is not idempotent ({f!r} -> {again!r})')
    return table


KIND_DELTA, KIND_CONST, KIND_MULTI, KIND_DROP = 0, 1, 2, 3
MAX_RUN = 256


def utf16(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 0x10000:
            out.append(cp)
        else:
            cp -= 0x10000
            out += [0xD800 | (cp >> 10), 0xDC00 | (cp & 0x3FF)]
    return out


def fold_runs(table):
    """Runs of code points first, first+step, ... (step 1 or 2, at most 256) that fold
    alike: by a constant delta, to one constant character, to nothing, or to expansions of
    one length laid out back to back in the pool (UTF-16). Greedy, longest run first."""
    items = sorted(table.items())
    runs, pool = [], []
    i = 0
    while i < len(items):
        cp, f = items[i]
        best = (1, 1, KIND_MULTI if len(f) > 1 else KIND_DROP if not f else KIND_CONST)
        for step in (1, 2):
            for kind in (KIND_DELTA, KIND_CONST, KIND_DROP, KIND_MULTI):
                n = 0
                while i + n < len(items) and n < MAX_RUN:
                    cp2, f2 = items[i + n]
                    if cp2 != cp + n * step:
                        break
                    if kind == KIND_DROP:
                        ok = f2 == ''
                    elif kind == KIND_MULTI:
                        ok = len(f2) > 1 and len(utf16(f2)) == len(utf16(f)) and len(f) > 1
                    elif kind == KIND_DELTA:
                        ok = len(f2) == 1 and len(f) == 1 and ord(f2) - cp2 == ord(f) - cp
                    else:
                        ok = len(f2) == 1 and f2 == f
                    if not ok:
                        break
                    n += 1
                if n > best[0]:
                    best = (n, step, kind)
        n, step, kind = best
        if kind == KIND_DELTA:
            value = (ord(f) - cp) & 0xFFFFFFFF
        elif kind == KIND_CONST:
            value = ord(f)
        elif kind == KIND_DROP:
            value = 0
        else:
            units = len(utf16(f))
            value = (len(pool) << 8) | units
            for k in range(n):
                pool += utf16(items[i + k][1])
        runs.append((cp << 11 | (n - 1) << 3 | (step - 1) << 2 | kind, value))
        i += n
    return runs, pool


def split_pairs(runs):
    """The one-character runs of the BMP that fold to one BMP character (CJK compatibility
    ideographs, Kangxi radicals, most precomposed letters) as cp << 16 | target: half the
    bytes of a run."""
    pairs, rest = [], []
    for w0, value in runs:
        cp, count, kind = w0 >> 11, ((w0 >> 3) & 0xFF) + 1, w0 & 3
        target = (cp + value) & 0xFFFFFFFF if kind == KIND_DELTA else value
        if count == 1 and kind in (KIND_DELTA, KIND_CONST) and cp < 0x10000 and target < 0x10000:
            pairs.append(cp << 16 | target)
        else:
            rest.append((w0, value))
    return pairs, rest


def compositions(table):
    """(first, second, composed) for the canonical pairs that survive folding: the kana
    voicing marks (か + U+3099 -> が), Indic two-part vowels. fold() composes a kept mark
    with the character before it, so decomposed text folds like precomposed text.
    Hangul jamo compose by the Unicode algorithm in search.cpp, not by table."""
    def folded(x):
        return table.get(ord(x), x)
    out = []
    for cp in chars():
        c = chr(cp)
        if 0xAC00 <= cp <= 0xD7A3 or folded(c) != c:
            continue
        d = ud.decomposition(c)
        if not d or d.startswith('<'):
            continue
        parts = [chr(int(h, 16)) for h in d.split()]
        if len(parts) != 2 or ud.normalize('NFC', ''.join(parts)) != c:
            continue  # singletons and composition exclusions do not compose
        a, b = parts
        if folded(a) == a and folded(b) == b:
            out.append((ord(a), ord(b), cp))
    return sorted(out)


def class_bounds():
    """(first code point of a stretch, its class), sorted."""
    bounds, prev = [], None
    for cp in range(MAX_CP):
        k = 1 if 0xD800 <= cp <= 0xDFFF else char_class(chr(cp))
        if k != prev:
            bounds.append((cp, k))
            prev = k
    return bounds


def upper_runs():
    """Runs (step 1 or 2, at most 1024) of upper- and title-case letters: a lower-to-upper
    change inside a word starts a word (camelCase)."""
    ups = [cp for cp in chars() if ud.category(chr(cp)) in ('Lu', 'Lt')]
    runs, i = [], 0
    while i < len(ups):
        best = (1, 1)
        for step in (1, 2):
            n = 1
            while i + n < len(ups) and n < 1024 and ups[i + n] == ups[i] + n * step:
                n += 1
            if n > best[0]:
                best = (n, step)
        n, step = best
        runs.append(ups[i] << 11 | (n - 1) << 1 | (step - 1))
        i += n
    return runs


# [SECTION] Output
def hex_rows(values, width, per_line):
    lines, row = [], []
    for v in values:
        row.append(f'0x{v:0{width}X}')
        if len(row) == per_line:
            lines.append('    ' + ', '.join(row) + ',')
            row = []
    if row:
        lines.append('    ' + ', '.join(row) + ',')
    return '\n'.join(lines)


def generate():
    table = fold_table()
    runs, pool = fold_runs(table)
    pairs, runs = split_pairs(runs)
    comps = compositions(table)
    bounds = class_bounds()
    uppers = upper_runs()
    max_fold = max(len(f) for f in table.values())
    version = ud.unidata_version
    text = f'''// unicode_fold_data.inc — GENERATED by tools/gen_unicode_fold.py from Python's
// unicodedata, Unicode {version}. Do not edit: change the generator and run
//   python3 tools/gen_unicode_fold.py
// (ctest's unicode_fold_data test fails when this file differs from its output).
// Included by search.cpp inside its anonymous namespace; the format of each table is
// described in the generator and read by search.cpp's lookups.
//
// {len(table)} code points fold to something else: {len(pairs)} pairs, {len(runs)} runs, {len(pool)} pool units;
// {len(comps)} compositions, {len(bounds)} class stretches, {len(uppers)} upper-case runs.

constexpr const char* kUnicodeVersion = "{version}";
constexpr int kMaxFoldLength = {max_fold}; // code points one character folds to, at most

// One BMP character folding to one BMP character: cp << 16 | folded; sorted. Looked up
// before kFoldRuns.
constexpr std::uint32_t kFoldPairs[] = {{
{hex_rows(pairs, 8, 8)}
}};

// Fold runs, two words each, sorted, none overlapping kFoldPairs. Word 0: first << 11 | (count - 1) << 3 | (step - 1) << 2 | kind;
// word 1 by kind: 0 delta (added to the code point, mod 2^32), 1 the one character,
// 2 pool offset << 8 | UTF-16 units per code point (back to back), 3 nothing (dropped).
constexpr std::uint32_t kFoldRuns[] = {{
{hex_rows([w for r in runs for w in r], 8, 6)}
}};

// Expansions of kind-2 runs, UTF-16.
constexpr std::uint16_t kFoldPool[] = {{
{hex_rows(pool, 4, 12)}
}};

// Canonical compositions that survive folding: first, second, composed; sorted.
constexpr std::uint32_t kCompose[] = {{
{hex_rows([w for t in comps for w in t], 5, 9)}
}};

// Character classes: first << 2 | class (0 separator, 1 letter/mark/digit, 2 CJK), each
// class holding up to the next entry's first; sorted.
constexpr std::uint32_t kClassBounds[] = {{
{hex_rows([cp << 2 | k for cp, k in bounds], 8, 8)}
}};

// Upper- and title-case letters: first << 11 | (count - 1) << 1 | (step - 1); sorted.
constexpr std::uint32_t kUpperRuns[] = {{
{hex_rows(uppers, 8, 8)}
}};
'''
    stats = {
        'unicode': version, 'folded code points': len(table), 'pairs': len(pairs), 'runs': len(runs),
        'pool units': len(pool), 'compositions': len(comps), 'class stretches': len(bounds),
        'upper runs': len(uppers), 'max fold length': max_fold,
        'bytes': len(pairs) * 4 + len(runs) * 8 + len(pool) * 2 + len(comps) * 12 + len(bounds) * 4 + len(uppers) * 4,
    }
    return text, stats


def main(argv):
    text, stats = generate()
    if '--stats' in argv:
        for k, v in stats.items():
            print(f'{k}: {v}')
    if '--check' in argv or '--stats' in argv:
        rest = [a for a in argv[1:] if not a.startswith('--')]
        path = Path(rest[0]) if rest else OUT
        committed = path.read_text(encoding='utf-8') if path.exists() else ''
        if committed == text:
            print(f'{path.name}: up to date (Unicode {stats["unicode"]})')
            return 0
        marker = 'unicodedata, Unicode '
        at = committed.find(marker)
        theirs = committed[at + len(marker):].split('.', 3)[:3] if at >= 0 else []
        theirs = '.'.join(theirs).split()[0] if theirs else '?'
        if theirs != stats['unicode']:
            print(f'{path.name}: made from Unicode {theirs}, this Python has {stats["unicode"]}; '
                  'not comparable here (skipped)')
            return 77
        print(f'{path.name}: differs from the generator\'s output; run python3 tools/gen_unicode_fold.py')
        return 1
    OUT.write_text(text, encoding='utf-8')
    print(f'wrote {OUT} ({stats["bytes"]} bytes of tables, Unicode {stats["unicode"]})')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
