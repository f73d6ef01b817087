#!/bin/sh
# make nearmiss-check: the near-miss guard's model of Hunspell
# (src/spell_model.c) against Hunspell itself (tools/nearmiss_check.c):
# every one-edit variant the guard enumerates of every word of WORDS that
# Hunspell_spell accepts must pass the model (exit status 1 otherwise).
#
#   sh scripts/nearmiss-check.sh [WORDS...]
#
# Default WORDS: the words `make spell-diff` printed (build/spell-diff/
# new.txt, run it first) whose split column is 1 or whose verdict is
# compound or unknown (~7,800 words, ~4.6 M variants, ~5 minutes).
set -eu
B=build
OUT=$B/nearmiss-check
LIBS="$(pkg-config --libs icu-uc icu-i18n hunspell libxml-2.0 gumbo) -lm -pthread"
mkdir -p "$OUT"
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude -iquote src \
  $(pkg-config --cflags hunspell) tools/nearmiss_check.c "$B/libmtaudit.a" \
  $LIBS -o "$OUT/nearmiss_check"
if [ $# -eq 0 ]; then
  [ -f "$B/spell-diff/new.txt" ] || {
    echo "nearmiss-check: run make spell-diff first (or give word files)" >&2
    exit 2
  }
  awk -F'\t' '$3 == "1" || $2 == "compound" || $2 == "unknown" { print $1 }' \
    "$B/spell-diff/new.txt" | LC_ALL=C sort -u >"$OUT/words.txt"
  set -- "$OUT/words.txt"
fi
st=0
"$OUT/nearmiss_check" "$@" >"$OUT/report.txt" || st=$?
grep '^MISSED' "$OUT/report.txt" || true
tail -2 "$OUT/report.txt"
exit $st
