#!/bin/sh
# make spell-diff: the speller's answers for every distinct word of a corpus
# (tools/spelldiff.c: verdict, split, german_typo, near_word, suggestions)
# from the working tree's library and from REF's (default main); their diff
# must be empty. Speed work on the speller (docs/PERFORMANCE.md, issue 18)
# must not move a verdict.
#
#   sh scripts/spell-diff.sh [REF]
#
# Corpus: samples/*.txt, every file under tests/data/ except the held-out
# sets (names containing "heldout") and the MQM TSV, the MQM development
# targets except talk 5 (held out), and a 1 MB wide-vocabulary corpus of
# tools/gencorpus.c. REF is exported with git archive and built under
# build/spell-diff/ref (its own make, optimized).
set -eu
REF=${1:-main}
B=build
OUT=$B/spell-diff
LIBS="$(pkg-config --libs icu-uc icu-i18n hunspell libxml-2.0 gumbo) -lm -pthread"
mkdir -p "$OUT/corpus"

# The corpus.
cc -std=c11 -O2 -Wall -Wextra -o "$OUT/gencorpus" tools/gencorpus.c
[ -f "$OUT/corpus/wide/.done" ] || {
  rm -rf "$OUT/corpus/wide" && mkdir -p "$OUT/corpus/wide"
  "$OUT/gencorpus" wide "$OUT/corpus/wide" 1 2 samples/*.txt \
    tests/data/clean-de/*.txt >/dev/null
  touch "$OUT/corpus/wide/.done"
}
awk -F'\t' 'NR > 1 && $2 != "talk.5" { print $7 }' \
  tests/data/mqm-ted-ende-dev/mqm_ted_ende.dev.tsv >"$OUT/corpus/mqm-dev.txt"
FILES="samples/*.txt $(find tests/data -type f ! -name '*heldout*' \
  ! -path '*heldout*' ! -path '*mqm-ted-ende-dev*' | LC_ALL=C sort | tr '\n' ' ')"
FILES="$FILES $OUT/corpus/mqm-dev.txt $OUT/corpus/wide/part-*.txt"

# REF's library.
rm -rf "$OUT/ref" && mkdir -p "$OUT/ref"
git archive "$REF" | tar -x -C "$OUT/ref"
make -C "$OUT/ref" -j2 --no-print-directory build/libmtaudit.a >/dev/null

# Both tools: the same source (this tree's), each library's headers.
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude -iquote src tools/spelldiff.c \
  "$B/libmtaudit.a" $LIBS -o "$OUT/spelldiff-new"
cc -std=c11 -O2 -D_GNU_SOURCE -I"$OUT/ref/include" -iquote "$OUT/ref/src" \
  tools/spelldiff.c "$OUT/ref/build/libmtaudit.a" $LIBS -o "$OUT/spelldiff-ref"

# shellcheck disable=SC2086
"$OUT/spelldiff-ref" $FILES >"$OUT/ref.txt" &
# shellcheck disable=SC2086
"$OUT/spelldiff-new" $FILES >"$OUT/new.txt"
wait
# The last line is the speller's work, which may differ.
echo "spell-diff: $(grep -vc '^#' "$OUT/new.txt") distinct words;" \
  "work $REF $(sed -n 's/^# work //p' "$OUT/ref.txt")," \
  "this tree $(sed -n 's/^# work //p' "$OUT/new.txt")"
if diff "$OUT/ref.txt" "$OUT/new.txt" | grep '^[<>] [^#]' >"$OUT/diff.txt"; then
  echo "spell-diff: answers differ from $REF (see $OUT/diff.txt):" >&2
  head -20 "$OUT/diff.txt" >&2
  exit 1
fi
echo "spell-diff: identical answers"
