#!/usr/bin/env python3
"""pieces_for.py — which font pieces a slice's text needs, and how many bytes they cost:
what the viewer fetches for that slice (lookup rule of pieces.json: a code point is drawn
with the first piece whose ranges hold it; ignorable code points need none).

  tools/fonts/pieces_for.py SLICE.json PIECES_DIR [--all-strings] [--json]

The text is what the viewer draws today (DRAWN below: the profile card, node labels and
types, and the attributes the panels show). --all-strings takes every string of the
profile and the nodes instead (attributes the viewer does not show yet, such as
name_variants, included). Exit status 1 if a code point is in no piece.
Standard library only.
"""
import argparse
import json
import pathlib
import sys

# What the viewer draws (src/view/ui/panel_*.cpp, src/view/model/scene.cpp): profile
# fields, node label (the id when there is none) and type, and these attributes.
PROFILE_KEYS = ['name', 'headline', 'affiliation', 'verification']
DRAWN_ATTRS = ['kind', 'year', 'venue', 'url', 'pdf_url', 'abstract', 'authors', 'alt_labels']


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)


def slice_text(doc, all_strings=False):
    """Every string of the slice the viewer may draw, as a list."""
    out = []
    profile = doc.get('profile') or {}
    nodes = doc.get('nodes') or []
    if all_strings:
        out += strings_in(profile)
        for n in nodes:
            out += strings_in({k: v for k, v in n.items() if k not in ('x', 'y', 'pinned')})
        return out
    out += [profile[k] for k in PROFILE_KEYS if isinstance(profile.get(k), str)]
    trust = profile.get('trust')
    if isinstance(trust, dict) and isinstance(trust.get('band'), str):
        out.append(trust['band'])
    for n in nodes:
        out.append(n.get('label') if isinstance(n.get('label'), str) else str(n.get('id', '')))
        out.append(str(n.get('type', '')))
        attrs = dict(n.get('attrs') or {})
        for k, v in n.items():  # unknown node keys are attributes too (docs/slice-format.md)
            if k not in ('id', 'type', 'label', 'x', 'y', 'pinned', 'attrs'):
                attrs.setdefault(k, v)
        for k in DRAWN_ATTRS:
            if k in attrs and not isinstance(attrs[k], (dict, bool)) and attrs[k] is not None:
                out += strings_in(attrs[k]) if not isinstance(attrs[k], (int, float)) else [str(attrs[k])]
    return out


def load_manifest(pieces_dir):
    return json.loads((pathlib.Path(pieces_dir) / 'pieces.json').read_text(encoding='utf-8'))


def covers(ranges, cp):
    lo, hi = 0, len(ranges)
    while lo < hi:
        mid = (lo + hi) // 2
        if ranges[mid][1] < cp:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(ranges) and ranges[lo][0] <= cp


def pieces_needed(manifest, texts):
    """(pieces in manifest order, {code point: piece name}, [code points in no piece])."""
    cps = sorted({ord(c) for t in texts for c in t})
    where, missing = {}, []
    for cp in cps:
        if covers(manifest['ignorable'], cp):
            continue
        for p in manifest['pieces']:
            if covers(p['ranges'], cp):
                where[cp] = p['name']
                break
        else:
            missing.append(cp)
    names = set(where.values())
    return [p for p in manifest['pieces'] if p['name'] in names], where, missing


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('slice', type=pathlib.Path)
    ap.add_argument('pieces_dir', type=pathlib.Path)
    ap.add_argument('--all-strings', action='store_true', help='every string of the profile and nodes')
    ap.add_argument('--json', action='store_true', help='print a JSON report')
    args = ap.parse_args(argv)
    doc = json.loads(args.slice.read_text(encoding='utf-8'))
    manifest = load_manifest(args.pieces_dir)
    texts = slice_text(doc, args.all_strings)
    pieces, where, missing = pieces_needed(manifest, texts)
    count = {}
    for name in where.values():
        count[name] = count.get(name, 0) + 1
    report = {
        'slice': str(args.slice), 'text': 'all strings' if args.all_strings else 'drawn',
        'codepoints': len(where) + len(missing),
        'pieces': [{'name': p['name'], 'file': p['file'], 'bytes': p['bytes'], 'gzipBytes': p['gzipBytes'],
                    'codepointsUsed': count[p['name']]} for p in pieces],
        'bytes': sum(p['bytes'] for p in pieces), 'gzipBytes': sum(p['gzipBytes'] for p in pieces),
        'missing': [f'U+{cp:04X}' for cp in missing],
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(f'{args.slice}: {report["codepoints"]} distinct code points ({report["text"]}), '
              f'{len(pieces)} piece(s)')
        for p in report['pieces']:
            print(f'  {p["name"]:24} {p["bytes"]:9} bytes {p["gzipBytes"]:9} gzip   {p["codepointsUsed"]:5} used')
        print(f'  {"total":24} {report["bytes"]:9} bytes {report["gzipBytes"]:9} gzip')
        if missing:
            print('  in no piece: ' + ' '.join(report['missing']))
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
