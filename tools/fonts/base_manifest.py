#!/usr/bin/env python3
"""pieces-compact.json -> pieces-base.json: the manifest a page fetches before its first
frame. It lists the base piece as it is and one more entry, "more", that stands for every
other code point and names the full manifest as its file ("manifest": true). A slice in
Latin, Greek or Cyrillic never meets a "more" character and never fetches the full
manifest (about 50 KB gzip, most of it the CJK pieces' coverage); the first text that
needs another piece is pending, the viewer asks for "more" like any piece, and the page
fetches the full manifest and then the pieces the text needs.

    python3 tools/fonts/base_manifest.py FONTS_DIR
"""
import json
import pathlib
import sys


def base_manifest(compact):
    pieces = compact.get('pieces') or []
    if not pieces:
        raise ValueError('pieces-compact.json lists no pieces')
    keep = ('name', 'file', 'bytes', 'gzipBytes', 'deltas', 'family', 'licence')
    base = {k: v for k, v in pieces[0].items() if k in keep}
    more = {'name': 'more', 'file': 'pieces-compact.json', 'manifest': True, 'deltas': [0, 0x10FFFF]}
    return {'format': 'rgv-font-pieces-compact', 'version': compact.get('version'),
            'generator': 'tools/fonts/base_manifest.py', 'key': compact.get('key'), 'lookup': 'first',
            'pieces': [base, more]}


def main(argv):
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    d = pathlib.Path(argv[0])
    compact = json.loads((d / 'pieces-compact.json').read_text(encoding='utf-8'))
    text = json.dumps(base_manifest(compact), ensure_ascii=False, separators=(',', ':')) + '\n'
    out = d / 'pieces-base.json'
    if not out.exists() or out.read_text(encoding='utf-8') != text:
        out.write_text(text, encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
