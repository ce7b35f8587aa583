#!/usr/bin/env python3
"""make_names_slice.py — a deterministic test slice of 100 Chinese researchers, the way a
co-author graph from OpenAlex looks when the names are in Chinese characters: a focal
researcher, 99 co-authors, 30 works with English titles, authored and coauthor edges.

  tools/fonts/make_names_slice.py [OUT]   (default tests/data/scripts/chinese-names-100.json)

Names: a surname from data/zh-surnames.txt (rank r drawn with weight 1/r: the top ten
take about 45 %, as in China's population), then a given name of two characters (four
names in five) or one. Each given-name character comes from data/zh-given.txt (rank r
with weight 1/r^0.8), except one in sixteen, drawn at random from the 3500 characters of
Tongyong Guifan Hanzi Biao level 1 (Unihan kTGH, Debian's unicode-data): a stand-in for
the long tail of real given names, set so that about 4 % of the given-name characters
fall outside the first 1100 of the frequency order, as measured on real names
(tools/fonts/README.md). The Latin spelling (attrs.name_latin) is the first
Mandarin reading in Unihan (kMandarin) without tones. Seeded: the same file every run.
"""
import json
import pathlib
import random
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import cjk_order  # noqa: E402

SEED = 14  # issue 14
TITLE_WORDS = ['Graph', 'Neural', 'Learning', 'Robust', 'Efficient', 'Sparse', 'Quantum', 'Protein', 'Climate',
               'Retrieval', 'Causal', 'Federated', 'Adversarial', 'Molecular', 'Optical', 'Networks', 'Inference',
               'Models', 'Materials', 'Imaging', 'Catalysis', 'Genomics', 'Transformers', 'Control']


def latin(cp, mandarin):
    reading = mandarin.get(cp, '').split()
    if not reading:
        return '?'
    return ''.join(c for c in unicodedata.normalize('NFD', reading[0]) if not unicodedata.combining(c))


def make():
    rng = random.Random(SEED)
    surnames = cjk_order.read_list('zh-surnames.txt')
    given = cjk_order.read_list('zh-given.txt')
    u = cjk_order.read_unihan(['kTGH', 'kMandarin'])
    tail = sorted(cp for cp, v in u['kTGH'].items() if int(v.split(':')[1]) <= 3500)
    s_weights = [1 / (r + 1) for r in range(len(surnames))]
    g_weights = [1 / (r + 1) ** 0.8 for r in range(len(given))]

    def given_char():
        if rng.random() < 1 / 16:
            return rng.choice(tail)
        return rng.choices(given, weights=g_weights)[0]

    people, seen = [], set()
    while len(people) < 100:
        s = rng.choices(surnames, weights=s_weights)[0]
        g = [given_char() for _ in range(2 if rng.random() < 0.8 else 1)]
        name = chr(s) + ''.join(map(chr, g))
        if name in seen:
            continue
        seen.add(name)
        latin_name = ''.join(latin(cp, u['kMandarin']) for cp in g).capitalize() + ' ' + \
            latin(s, u['kMandarin']).capitalize()
        people.append((f'person:zh-{len(people):03d}', name, latin_name))

    nodes = [{'id': pid, 'type': 'person', 'label': name, 'attrs': {'name_latin': latin_name}}
             for pid, name, latin_name in people]
    edges, shared = [], {}
    for w in range(30):
        title = ' '.join(rng.sample(TITLE_WORDS, 4)) + f' (synthetic work {w + 1})'
        authors = [people[0]] + rng.sample(people[1:], rng.randint(2, 6))
        rng.shuffle(authors)
        wid = f'work:synthetic:{w + 1:02d}'
        nodes.append({'id': wid, 'type': 'work', 'label': title,
                      'attrs': {'year': 2015 + w % 10, 'kind': 'article', 'venue': 'Synthetic Journal',
                                'authors': [a[1] for a in authors]}})
        for pos, a in enumerate(authors):
            edges.append({'source': a[0], 'target': wid, 'type': 'authored', 'directed': True,
                          'attrs': {'position': pos}})
            if a[0] != people[0][0]:
                shared.setdefault(a[0], []).append(wid)
    for pid, _, _ in people[1:]:
        if pid in shared:
            edges.append({'source': people[0][0], 'target': pid, 'type': 'coauthor', 'weight': len(shared[pid])})
        else:  # every co-author shares at least one work in a real slice: link them to the first
            edges.append({'source': pid, 'target': 'work:synthetic:01', 'type': 'authored', 'directed': True})
    return {
        'schema': 'rgv-slice', 'version': 1, 'focus': people[0][0],
        'meta': {'generator': 'tools/fonts/make_names_slice.py', 'seed': SEED,
                 'notes': ['Synthetic: names drawn from tools/fonts/data (see its README.md for their provenance); '
                           'titles are random words. Used to measure the CJK font pieces a slice of Chinese '
                           'names needs.']},
        'profile': {'name': people[0][1], 'headline': 'Synthetic researcher (test slice of Chinese names)',
                    'affiliation': None},
        'nodes': nodes, 'edges': edges,
    }


def main(argv):
    out = pathlib.Path(argv[0]) if argv else HERE.parent.parent / 'tests/data/scripts/chinese-names-100.json'
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(make(), ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
    print(f'wrote {out}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
