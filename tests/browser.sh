#!/bin/sh
# Browser test of the HTML report: renders samples/ with --format html,
# loads every page in headless Chromium (--dump-dom) and checks that every
# finding of the JSON report became a highlighted element (id="f-N"),
# checks the side-by-side page of source-aware mode, and takes a
# screenshot of one article page. At phone width (390x844, issue 17) the
# index, an article page and the side-by-side page are loaded in a
# 390 px frame and checked for horizontal overflow: the page must not
# scroll sideways (scrollWidth <= clientWidth) and no element may stick
# out of it (cut off inside a scrolling box); screenshots of the index and
# an article page are taken at that width.
#
#   sh tests/browser.sh BINARY [SCREENSHOT.png [PHONE-SHOT-PREFIX]]
#
# PHONE-SHOT-PREFIX: keep the phone screenshots as PREFIX-index.png and
# PREFIX-article.png (else they go to the temporary directory).
#
# Needs Debian's chromium (sh scripts/install-deps.sh test).
set -u
BIN=$1
SHOT=${2-}
PHONE=${3-}
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  echo "browser: chromium is not installed (sh scripts/install-deps.sh test)" >&2
  exit 1
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/mtaudit-browser.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
"$BIN" --format html --fail-under 98.5 -o "$T/html" samples/ || [ $? -eq 1 ] || exit 1
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
# ---- phone width ------------------------------------------------------------
# The page is loaded in a 390x844 frame of a probe page (headless Chromium
# keeps its window at least 500 px wide); the frame's onload writes what it
# measured into the probe's DOM, which --dump-dom prints: "fits" when the
# page does not scroll sideways, then the number of elements sticking out
# of the frame (left or right) and the first three of them.
narrow() { # URL LABEL
  cat >"$T/probe.html" <<EOF
<!DOCTYPE html><html><body style="margin:0"><iframe src="$1" style="width:390px;height:844px;border:0" onload="
var d=this.contentDocument,r='no access';
if(d){var w=d.documentElement.clientWidth,sw=d.documentElement.scrollWidth,bad=[];
Array.prototype.forEach.call(d.querySelectorAll('body *'),function(e){var b=e.getBoundingClientRect();
if(b.width&&(b.right>w+1||b.left<-1))bad.push(e.tagName.toLowerCase()+(e.className&&e.className.split?'.'+e.className.split(' ')[0]:''));});
r=(sw<=w?'fits':'scrolls '+sw+' > '+w)+' '+bad.length+' '+bad.slice(0,3).join(',');}
document.body.setAttribute('data-narrow',r);"></iframe></body></html>
EOF
  chrome --allow-file-access-from-files --window-size=800,900 --dump-dom \
    "file://$T/probe.html" >"$T/probe.dom"
  got=$(sed -n 's/.*data-narrow="\([^"]*\)".*/\1/p' "$T/probe.dom")
  case $got in
  "fits 0 ") echo "ok - $2 at 390 px: no horizontal overflow" ;;
  *)
    echo "not ok - $2 at 390 px: ${got:-no measurement}"
    fail=1
    ;;
  esac
}
narrow "file://$T/html/index.html" "index.html"
narrow "file://$T/html/000_68df5a6bf045e0b4.txt.html" "article page"
narrow "file://$T/bi/de.txt.html" "side-by-side page"
if grep -q '<nav class="back"[^>]*><a href="index.html">' \
  "$T/html/000_68df5a6bf045e0b4.txt.html"; then
  echo "ok - article page links back to index.html"
else
  echo "not ok - article page has no link back to index.html"
  fail=1
fi
if grep -q '<time datetime="[0-9-]*T[0-9:]*[+-][0-9][0-9]:[0-9][0-9]"' \
  "$T/html/index.html" &&
  grep -q 'score at least <b>98.5</b>' "$T/html/index.html"; then
  echo "ok - index.html shows the date of the run and the gate"
else
  echo "not ok - index.html lacks the date of the run or the gate"
  fail=1
fi
# Phone screenshots: a PNG 390 px wide (bytes 16-19: the width).
for p in index:index.html article:000_68df5a6bf045e0b4.txt.html; do
  out=${PHONE:+$PHONE-${p%%:*}.png}
  out=${out:-$T/phone-${p%%:*}.png}
  chrome --screenshot="$out" --window-size=390,844 --hide-scrollbars \
    "file://$T/html/${p#*:}" >/dev/null
  if [ -s "$out" ] &&
    [ "$(od -An -tu1 -j16 -N4 "$out" | tr -s ' ')" = " 0 0 1 134" ]; then
    echo "ok - phone screenshot $out (390 px wide)"
  else
    echo "not ok - no phone screenshot of ${p#*:}"
    fail=1
  fi
done
exit $fail
