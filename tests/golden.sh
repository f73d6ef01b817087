#!/bin/sh
# Golden tests: the report of every samples/*.txt, in text (--color never)
# and JSON, against samples/expected/NAME.text and samples/expected/NAME.json.
# POSIX sh.
#
# The text reports are NAME.text, not NAME.txt: mtaudit audits every *.txt
# below a directory, so NAME.txt files would be audited as articles by
# "mtaudit samples/" (make audit).
#
#   sh tests/golden.sh BINARY            compare, show the differences
#   sh tests/golden.sh BINARY --update   (re)write the expected files
#
# Prints "ok - ..." / "not ok - ..." per file and format, then
# "N passed, M failed"; exits 1 when a case failed.

set -u

usage() {
  echo "usage: sh tests/golden.sh BINARY [--update]" >&2
  exit 2
}

[ $# -eq 1 ] || [ $# -eq 2 ] || usage
BIN=$1
UPDATE=0
if [ $# -eq 2 ]; then
  [ "$2" = --update ] || usage
  UPDATE=1
fi
case $BIN in
*/*) BIN=$(cd "$(dirname -- "$BIN")" && pwd)/$(basename -- "$BIN") ;;
*) BIN=$(command -v -- "$BIN") ;;
esac
if [ ! -f "$BIN" ] || [ ! -x "$BIN" ]; then
  printf 'golden.sh: %s: not an executable\n' "$1" >&2
  exit 2
fi

# The expected files are English: the language is pinned (mtaudit follows
# LANGUAGE, LC_ALL, LC_MESSAGES and LANG otherwise).
LANGUAGE=en
export LANGUAGE

# Run from the top of the tree: the reports name files as samples/NAME.txt.
ROOT=$(cd "$(dirname -- "$0")/.." && pwd) || exit 2
cd "$ROOT" || exit 2
EXP=samples/expected

T=$(mktemp -d "${TMPDIR:-/tmp}/mtaudit-golden.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
# No user configuration (~/.config/mtaudit/mtaudit.conf) in the reports.
XDG_CONFIG_HOME=$T/no-user-config
export XDG_CONFIG_HOME
trap 'exit 130' INT
trap 'exit 143' HUP TERM

npass=0
nfail=0

ok() {
  npass=$((npass + 1))
  printf 'ok - %s\n' "$1"
}

not_ok() {
  nfail=$((nfail + 1))
  printf 'not ok - %s (%s)\n' "$1" "$2"
}

# mask FORMAT: stdin to stdout with the suggestions of spelling findings
# replaced by "...".
mask() {
  case $1 in
  json)
    sed -e 's/\(did you mean: \)[^"]*?", "suggestion": "[^"]*"/\1...?", "suggestion": "..."/g' \
      -e 's/\(did you mean: \)[^"]*?"/\1...?"/g'
    ;;
  text)
    awk '/\[spelling\/[a-z-]*\]$/ { sub(/did you mean: .*\? \[/, "did you mean: ...? ["); sp = 1; print; next }
         /^[^ ]/ { sp = 0 }
         sp && /^ *= suggestion: / { sub(/= suggestion: .*/, "= suggestion: ...") }
         { print }'
    ;;
  esac
}

[ "$UPDATE" -eq 0 ] || mkdir -p "$EXP" || exit 2

found=0
for f in samples/*.txt; do
  [ -f "$f" ] || continue
  found=1
  name=$(basename "$f" .txt)
  for ext in text json; do
    case $ext in
    text) LC_ALL=C "$BIN" --color never "$f" >"$T/$name.$ext" 2>"$T/err" ;;
    json) LC_ALL=C "$BIN" --format json "$f" >"$T/$name.$ext" 2>"$T/err" ;;
    esac
    rc=$?
    # Hunspell's suggest() works under a time limit, so for hard words
    # (long compounds, hyphenated words) the suggestion list can differ from
    # run to run; the golden files keep the finding but mask its list.
    # (Suggestions are tested in tests/check_quality.c.)
    mask "$ext" <"$T/$name.$ext" >"$T/masked" && mv "$T/masked" "$T/$name.$ext"
    exp=$EXP/$name.$ext
    if [ "$rc" -ne 0 ] || [ -s "$T/err" ]; then
      not_ok "$exp" "exit $rc: $(head -n 1 "$T/err")"
    elif [ "$UPDATE" -eq 1 ]; then
      if cmp -s "$T/$name.$ext" "$exp"; then
        ok "$exp (unchanged)"
      elif cp "$T/$name.$ext" "$exp"; then
        ok "$exp (written)"
      else
        not_ok "$exp" "cannot write"
      fi
    elif [ ! -f "$exp" ]; then
      not_ok "$exp" "missing; run make golden-update"
    elif diff -u "$exp" "$T/$name.$ext" >"$T/diff"; then
      ok "$exp"
    else
      not_ok "$exp" "differs"
      # JSON is a few long lines: show the difference pretty-printed.
      if [ "$ext" = json ] && command -v jq >/dev/null 2>&1 &&
        jq . "$exp" >"$T/exp.pretty" 2>/dev/null &&
        jq . "$T/$name.$ext" >"$T/$name.pretty" 2>/dev/null; then
        diff -u "$T/exp.pretty" "$T/$name.pretty" |
          sed "1s|^--- [^[:space:]]*|--- $exp (pretty)|; 2s|^+++ [^[:space:]]*|+++ actual (pretty)|"
      else
        cat "$T/diff"
      fi
    fi
  done
done
if [ "$found" -eq 0 ]; then
  echo "golden.sh: no samples/*.txt" >&2
  exit 2
fi

# An expected file whose sample is gone is stale.
# A .txt file below samples/ would be audited as an article.
for exp in "$EXP"/*.text "$EXP"/*.json "$EXP"/*.txt; do
  [ -f "$exp" ] || continue
  base=$(basename "$exp")
  case $base in
  *.txt) not_ok "$exp" "a .txt file below samples/ is audited by 'mtaudit samples/'; remove it" ;;
  *) [ -f "samples/${base%.*}.txt" ] ||
    not_ok "$exp" "no samples/${base%.*}.txt; remove it" ;;
  esac
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
