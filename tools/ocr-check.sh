#!/usr/bin/env bash
# ocr-check.sh — what a person sees, read back by a machine: the graph labels of a slice
# (default: tests/data/scripts/every-script.json) are cropped large from the web viewer
# (tools/ocr/label_crops.mjs) and read with Debian's tesseract in the language of each
# label's script; prints expected and read text and a similarity per label (difflib's
# ratio over characters, spaces ignored) and their mean.
#
# Not a CI test: tesseract and its language packs are about 60 MB and its reading of
# some scripts is poor whatever the drawing. It installs them with apt-get when missing
# (as root, or through sudo), else says what to install.
#
#   tools/ocr-check.sh [WEB_DIR] [SLICE.json] [OUT_DIR]
#     WEB_DIR  default build/web-release/web
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=${1:-build/web-release/web}
SLICE=${2:-tests/data/scripts/every-script.json}
OUT=${3:-build/ocr}

LANGS=(chi-sim kor jpn ara hin heb ben tam tha ell rus vie)
PKGS=(tesseract-ocr)
for l in "${LANGS[@]}"; do PKGS+=("tesseract-ocr-$l"); done
missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then as_root=(); elif command -v sudo >/dev/null; then as_root=(sudo); else
        echo "ocr-check: needs ${missing[*]} (apt-get install them as root)" >&2; exit 2; fi
    echo "ocr-check: installing ${missing[*]}"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -f "$WEB/rgv.js" ] || { echo "ocr-check: no web build in $WEB (cmake --build --preset web-release)" >&2; exit 2; }

rm -rf "$OUT"
NODE_PATH=${NODE_PATH:-$PWD/node_modules} node tools/ocr/label_crops.mjs "$WEB" "$SLICE" "$OUT"
python3 - "$OUT" <<'PY'
import difflib, json, os, subprocess, sys, unicodedata

out = sys.argv[1]
# Tesseract's language for a label, from the first letter's script (Unicode names).
def lang_of(text):
    names = [unicodedata.name(c, '') for c in text if c.isalpha()]
    joined = ' '.join(names)
    if 'HIRAGANA' in joined or 'KATAKANA' in joined: return 'jpn'
    for key, lang in [('HANGUL', 'kor'), ('CJK', 'chi_sim'), ('ARABIC', 'ara'), ('HEBREW', 'heb'),
                      ('DEVANAGARI', 'hin'), ('BENGALI', 'ben'), ('TAMIL', 'tam'), ('THAI', 'tha'),
                      ('GREEK', 'ell'), ('CYRILLIC', 'rus')]:
        if key in joined: return lang
    return 'vie+eng' if any(unicodedata.combining(c) for c in unicodedata.normalize('NFD', text)) else 'eng'

def norm(s):
    return unicodedata.normalize('NFC', ''.join(s.split()))

labels = json.load(open(os.path.join(out, 'labels.json')))
ratios = []
for l in labels:
    lang = lang_of(l['text'])
    # --psm 7: one line of text.
    r = subprocess.run(['tesseract', os.path.join(out, l['file']), '-', '-l', lang, '--psm', '7'],
                       capture_output=True, text=True)
    read = r.stdout.strip()
    ratio = difflib.SequenceMatcher(None, norm(l['text']), norm(read)).ratio()
    ratios.append(ratio)
    print(f'{ratio:4.2f}  {lang:8} expected {l["text"]!r:44} read {read!r}')
print(f'ocr-check: {len(labels)} labels, mean similarity {sum(ratios) / max(len(ratios), 1):.2f}, '
      f'{sum(r >= 0.8 for r in ratios)} read at 0.8 or better')
PY
