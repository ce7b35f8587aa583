#!/usr/bin/env python3
"""sections.py — the section markers of big files, checked so they cannot go stale.

A file may open with an index (a comment line "Index" followed by indented entries,
"name   what it holds"); each entry must name a "[SECTION] name" line of the file, and
each "[SECTION]" line must be in the index. Files without an index may still use
[SECTION] lines freely. Exit 1 with one line per mismatch, naming file and section.

  tools/sections.py check [ROOT]     (a ctest case runs this)
"""
import pathlib
import re
import sys

COMMENT = r'(?://|#)'
SECTION = re.compile(r'^\s*' + COMMENT + r' \[SECTION\] (.+?)\s*(?:-{3,})?\s*$')
INDEX_HEAD = re.compile(r'^' + COMMENT + r' Index\s*$')
INDEX_ENTRY = re.compile(r'^' + COMMENT + r'   (\S.*?)(?:\s{2,}.*)?$')


def check(path):
    lines = path.read_text(encoding='utf-8', errors='replace').split('\n')
    sections = [m.group(1).strip() for m in map(SECTION.match, lines) if m]
    index = None
    for i, line in enumerate(lines[:80]):
        if INDEX_HEAD.match(line):
            index = []
            for entry in lines[i + 1:]:
                if entry.startswith(('//     ', '#     ')):  # a continuation line
                    continue
                m = INDEX_ENTRY.match(entry)
                if not m:
                    break
                index.append(m.group(1).strip())
            break
    if index is None:
        return []
    # An entry may say more than its section's name, and a section line more than its
    # entry: "Limits: string length" is the entry of "[SECTION] Limits".
    def same(a, b):
        return a == b or a.startswith(b + ' ') or a.startswith(b + ':') or b.startswith(a + ' ') or b.startswith(a + ':')
    problems = [f'{path}: index names "{n}", which has no [SECTION] line' for n in index
                if not any(same(n, s) for s in sections)]
    problems += [f'{path}: [SECTION] {n} is not in the index' for n in sections if not any(same(n, e) for e in index)]
    return problems


def main(argv):
    root = pathlib.Path(argv[2] if len(argv) > 2 else pathlib.Path(__file__).resolve().parent.parent)
    files = [p for d in ('src', 'tests', 'bench') for p in (root / d).rglob('*')
             if p.suffix in ('.cpp', '.h') and p.is_file()]
    files.append(root / 'CMakeLists.txt')
    problems = [p for f in sorted(files) for p in check(f)]
    for p in problems:
        print(p)
    print(f'sections: {len(files)} files, {len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
