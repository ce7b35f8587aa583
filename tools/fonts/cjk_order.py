"""cjk_order.py — the order in which the CJK pieces hold Han characters and Hangul
syllables: most frequent first, so that the text of a typical slice (names above all)
needs the first few pieces only. Everything is read offline: Unihan from Debian's
unicode-data package (/usr/share/unicode) and the hand-made name lists in data/.

  han_order(font_cps)     -> (frequency-ordered list, code-point-ordered rest)
  hangul_order(font_cps)  -> (frequency-ordered list, code-point-ordered rest)

Han, in this order (each tier skips what an earlier one placed):
  1. names      data/zh-surnames.txt and data/zh-given.txt, interleaved by rank
  1b. jieba     characters of the person names (part of speech "nr", two or three
                characters, a listed surname first) in the dictionary of Debian's
                python3-jieba, by the number of distinct names holding them
  2. modern     Unihan kHanyuPinlu (Xiandai Hanyu Pinlu Cidian: counts in a corpus of
                modern Chinese), highest count first
  3. common     Tongyong Guifan Hanzi Biao level 1 (kTGH index <= 3500, the 3500
                characters of everyday simplified Chinese), then GB 2312 level 1
  4. trad       traditional forms (kTraditionalVariant) of tiers 1-3, in their order,
                when they are Big5 level-1 characters; then the rest of Big5 level 1 by
                kFrequency (1 = most frequent on Chinese newsgroups)
  5. ja         Japanese Joyo kanji, then Jinmeiyo kanji (the kanji allowed in names)
  6. ko         Korean education hanja, then the hanja allowed in Korean names
  7. wider      TGH level 2, GB 2312 level 2, JIS X 0208, KS X 1001 hanja, any kFrequency
  then every other Han character the font has, in code point order.
Hangul syllables:
  1. names      data/ko-names.txt
  2. KS X 1001  the 2350 syllables of the Korean national character set (the everyday
                ones), in code point order (the euc_kr codec says which they are)
  then the other syllables, in code point order.
"""
import bz2
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / 'data'
UNIHAN = pathlib.Path('/usr/share/unicode')
JIEBA_DICT = pathlib.Path('/usr/lib/python3/dist-packages/jieba/dict.txt')

# Blocks whose characters the Han pieces hold (Unified Ideographs and extensions,
# compatibility ideographs). Radicals, strokes and CJK symbols go to other pieces.
HAN_BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF),
              (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F), (0x30000, 0x3134F)]
HANGUL_SYLLABLES = (0xAC00, 0xD7A3)


def is_han(cp):
    return any(a <= cp <= b for a, b in HAN_BLOCKS)


def read_list(name):
    """Characters of a data/ list in order, once each; '#' lines are comments."""
    text = ''.join(line.strip() for line in (DATA / name).read_text(encoding='utf-8').splitlines()
                   if not line.startswith('#'))
    return list(dict.fromkeys(ord(c) for c in text if not c.isspace()))


def read_unihan(fields):
    """{field: {code point: value}} for the Unihan fields asked for."""
    out = {f: {} for f in fields}
    for path in sorted(UNIHAN.glob('Unihan_*.txt.bz2')):
        with bz2.open(path, 'rt', encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                cp, field, value = line.rstrip('\n').split('\t', 2)
                if field in out:
                    out[field][int(cp[2:], 16)] = value
    return out


def unihan_files():
    return sorted(UNIHAN.glob('Unihan_*.txt.bz2'))


def _interleave(a, b):
    """Merge two rank lists by relative rank (position / length), a first on ties."""
    keyed = [(i / len(a), 0, i, c) for i, c in enumerate(a)] + [(i / len(b), 1, i, c) for i, c in enumerate(b)]
    return [c for *_, c in sorted(keyed)]


def jieba_name_chars(surnames):
    """Given-name characters of jieba's person names, most names first."""
    counts = {}
    sur = set(surnames)
    with JIEBA_DICT.open(encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or parts[2] != 'nr' or len(parts[0]) not in (2, 3):
                continue
            word = [ord(c) for c in parts[0]]
            if word[0] not in sur:
                continue
            for cp in word[1:]:
                counts[cp] = counts.get(cp, 0) + 1
    return sorted(counts, key=lambda cp: (-counts[cp], cp))


def han_tiers():
    """[(tier name, [code points])] in priority order, before intersecting with a font."""
    u = read_unihan(['kHanyuPinlu', 'kTGH', 'kGB0', 'kBigFive', 'kFrequency', 'kTraditionalVariant',
                     'kJoyoKanji', 'kJinmeiyoKanji', 'kKoreanEducationHanja', 'kKoreanName',
                     'kJis0', 'kKSC0', 'kGB1'])
    tiers = []
    surnames = read_list('zh-surnames.txt')
    tiers.append(('names', _interleave(surnames, read_list('zh-given.txt'))))
    tiers.append(('jieba-names', jieba_name_chars(surnames)))

    def pinlu_count(v):  # "yī(32747) yí(12)" -> 32759
        return sum(int(part.split('(')[1].rstrip(')')) for part in v.split())
    pinlu = sorted(u['kHanyuPinlu'], key=lambda cp: (-pinlu_count(u['kHanyuPinlu'][cp]), cp))
    tiers.append(('modern', pinlu))

    def tgh_index(cp):
        return int(u['kTGH'][cp].split(':')[1])
    tgh1 = sorted((cp for cp in u['kTGH'] if tgh_index(cp) <= 3500), key=tgh_index)
    gb1 = sorted((cp for cp, v in u['kGB0'].items() if 16 <= int(v) // 100 <= 55), key=lambda cp: int(u['kGB0'][cp]))
    tiers.append(('common', tgh1 + gb1))

    def big5_level1(cp):
        v = u['kBigFive'].get(cp)
        return v is not None and 0xA440 <= int(v, 16) <= 0xC67E
    placed = [cp for _, t in tiers for cp in t]
    trad = []
    for cp in placed:
        for var in u['kTraditionalVariant'].get(cp, '').split():
            t = int(var[2:], 16)
            if big5_level1(t):
                trad.append(t)
    big5 = sorted((cp for cp in u['kBigFive'] if big5_level1(cp)),
                  key=lambda cp: (int(u['kFrequency'].get(cp, '9')), int(u['kBigFive'][cp], 16)))
    tiers.append(('trad', trad + big5))

    tiers.append(('ja', sorted(u['kJoyoKanji']) + sorted(u['kJinmeiyoKanji'])))
    tiers.append(('ko', sorted(u['kKoreanEducationHanja']) + sorted(u['kKoreanName'])))

    wider = sorted((cp for cp in u['kTGH'] if tgh_index(cp) > 3500), key=tgh_index)
    wider += sorted((cp for cp, v in u['kGB0'].items() if int(v) // 100 > 55), key=lambda cp: int(u['kGB0'][cp]))
    wider += sorted(u['kJis0'], key=lambda cp: int(u['kJis0'][cp]))
    wider += sorted(u['kKSC0'], key=lambda cp: int(u['kKSC0'][cp]))
    wider += sorted(u['kFrequency'], key=lambda cp: (int(u['kFrequency'][cp]), cp))
    tiers.append(('wider', wider))
    return tiers


def han_order(font_cps):
    """(ordered, rest): the font's Han code points by frequency tier, and the others by
    code point. `ordered` items are (code point, tier name)."""
    have = {cp for cp in font_cps if is_han(cp)}
    seen, ordered = set(), []
    for name, tier in han_tiers():
        for cp in tier:
            if cp in have and cp not in seen:
                seen.add(cp)
                ordered.append((cp, name))
    rest = sorted(have - seen)
    return ordered, rest


def ks_x_1001(cp):
    try:
        return len(chr(cp).encode('euc_kr')) == 2
    except UnicodeEncodeError:
        return False


def hangul_order(font_cps):
    a, b = HANGUL_SYLLABLES
    have = {cp for cp in font_cps if a <= cp <= b}
    seen, ordered = set(), []
    for name, tier in [('names', read_list('ko-names.txt')),
                       ('ks-x-1001', [cp for cp in range(a, b + 1) if ks_x_1001(cp)])]:
        for cp in tier:
            if cp in have and cp not in seen:
                seen.add(cp)
                ordered.append((cp, name))
    return ordered, sorted(have - seen)
