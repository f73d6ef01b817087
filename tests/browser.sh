#!/bin/sh
# Browser test of the HTML report: renders samples/ with --format html,
# loads every page in headless Chromium (--dump-dom) and checks that every
# finding of the JSON report became a highlighted element (id="f-N"),
# checks the side-by-side page of source-aware mode, and takes a
# screenshot of one article page.
#
#   sh tests/browser.sh BINARY [SCREENSHOT.png]
#
# Needs Debian's chromium (sh scripts/install-deps.sh test).
set -u
BIN=$1
SHOT=${2-}
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  echo "browser: chromium is not installed (sh scripts/install-deps.sh test)" >&2
  exit 1
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/mtaudit-browser.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
"$BIN" --format html -o "$T/html" samples/ || [ $? -eq 1 ] || exit 1
"$BIN" --format json samples/ > "$T/report.json" || [ $? -eq 1 ] || exit 1
chrome() {
  # A fresh profile per call; no sandbox (containers, root).
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
    --disable-dev-shm-usage --user-data-dir="$T/profile" "$@" 2>/dev/null
}
fail=0
n=0
for f in samples/*.txt; do
  b=$(basename "$f")
  page="$T/html/$b.html"
  want=$(jq --arg f "$f" '[.documents[] | select(.file == $f) | .findings[]] | length' "$T/report.json")
  chrome --dump-dom "file://$page" > "$T/dom.html"
  got=$(grep -o 'id="f-[0-9]*"' "$T/dom.html" | sort -u | wc -l)
  marks=$(grep -o '<mark class="f ' "$T/dom.html" | wc -l)
  if [ "$got" -ne "$want" ] || [ "$marks" -lt "$want" ]; then
    echo "not ok - $b: $got highlighted findings in the DOM ($marks marks), $want in the report"
    fail=1
  else
    echo "ok - $b: all $want findings highlighted in the rendered DOM"
  fi
  n=$((n + 1))
done
chrome --dump-dom "file://$T/html/index.html" > "$T/index.html"
rows=$(grep -o 'href="\./[^"]*\.html"' "$T/index.html" | sort -u | wc -l)
if [ "$rows" -ne "$n" ]; then
  echo "not ok - index.html links $rows pages, expected $n"
  fail=1
else
  echo "ok - index.html links all $n pages"
fi
# Source-aware mode: the side-by-side page, one row per paragraph pair and
# every finding's source span highlighted in the English column.
printf 'Pentagon to send more weapons to Ukraine\n\nThe Pentagon will send $4.5 billion in new military aid to Ukraine, officials said on September 28.\n\nDefense Secretary Lloyd Austin said the package includes 20 artillery systems and 1,000 drones.\n' >"$T/en.txt"
printf 'Pentagon schickt weitere Waffen in die Ukraine\n\nDas Pentagon wird der Ukraine neue Milit\303\244rhilfe in H\303\266he von 4,5 Millionen Dollar schicken, sagten Beamte am 28. September.\n\nVerteidigungsminister Lloyd Austin sagte, das Paket umfasse 20 Artilleriesysteme und 1.000 Drohnen.\n' >"$T/de.txt"
"$BIN" --format html -o "$T/bi" --source "$T/en.txt" "$T/de.txt" || [ $? -eq 1 ] || exit 1
"$BIN" --format json --source "$T/en.txt" "$T/de.txt" > "$T/bi.json" || [ $? -eq 1 ] || exit 1
want=$(jq '[.documents[0].findings[] | select(has("source_text"))] | length' "$T/bi.json")
chrome --dump-dom "file://$T/bi/de.txt.html" > "$T/bi.html"
rows=$(grep -o '<section class="para pair' "$T/bi.html" | wc -l)
got=$(grep -o 'id="s-[0-9]*"' "$T/bi.html" | sort -u | wc -l)
if [ "$rows" -ne 3 ] || [ "$got" -ne "$want" ]; then
  echo "not ok - side-by-side page: $rows pair rows (3 expected), $got source marks ($want in the report)"
  fail=1
else
  echo "ok - side-by-side page: 3 pair rows, all $want source spans highlighted"
fi
out=${SHOT:-$T/shot.png}
chrome --screenshot="$out" --window-size=1440,1800 --hide-scrollbars \
  "file://$T/html/000_68df5a6bf045e0b4.txt.html" >/dev/null
if [ -s "$out" ] && [ "$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
  echo "ok - screenshot $out"
else
  echo "not ok - no screenshot"
  fail=1
fi
exit $fail
