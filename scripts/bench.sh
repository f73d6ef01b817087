#!/bin/sh
# make bench: throughput and memory of mtaudit against peers measured in the
# same run on the same files (see docs/PERFORMANCE.md).
#
#   sh scripts/bench.sh [MB]        (default 20 MB per corpus)
#
# Corpora (tools/gencorpus.c, under build/bench/):
#   rep   samples/ repeated                       -- caches help
#   wide  paragraphs of samples/ and the test texts with new compounds,
#         invented names and random numbers      -- caches cannot hide cost
# Runs, best of 3 wall-clock seconds and peak RSS (/usr/bin/time):
#   mtaudit --format jsonl -j 1 and -j 2 on the corpus (20 files)
#   hunspell -i UTF-8 -d de_DE -l (the peer) and wc -w (the floor) on the same files
# plus one article end to end against hunspell -l, and the peak RSS of a
# 200 MB batch against the 20 MB one.
set -eu
MB=${1:-20}
BIG=$((MB * 10))
B=build
OUT=$B/bench
BIN=$B/mtaudit
TIME=/usr/bin/time
for t in hunspell wc "$TIME"; do
  command -v "$t" >/dev/null 2>&1 || {
    echo "bench: $t is missing (sh scripts/install-deps.sh bench)" >&2
    exit 1
  }
done
DICT=de_DE
[ -f /usr/share/hunspell/de_DE.dic ] || DICT=de_DE_frami

mkdir -p "$OUT"
cc -std=c11 -O2 -Wall -Wextra -o "$OUT/gencorpus" tools/gencorpus.c
gen() { # gen NAME MODE MB NFILES
  if [ ! -d "$OUT/$1" ] || [ "$(cat "$OUT/$1/.mb" 2>/dev/null)" != "$3/$4" ]; then
    rm -rf "$OUT/$1" && mkdir -p "$OUT/$1"
    if [ "$2" = rep ]; then
      "$OUT/gencorpus" rep "$OUT/$1" "$3" "$4" samples/*.txt
    else
      "$OUT/gencorpus" wide "$OUT/$1" "$3" "$4" samples/*.txt \
        tests/data/clean-de/*.txt
    fi
    echo "$3/$4" > "$OUT/$1/.mb"
  fi
}
gen rep rep "$MB" 20
gen wide wide "$MB" 20
gen rep-big rep "$BIG" 200

# best3 LABEL CMD...: best wall time and its peak RSS over 3 runs.
best3() {
  label=$1
  shift
  bt=""
  brss=""
  for i in 1 2 3; do
    "$TIME" -f "%e %M" -o "$OUT/time.txt" sh -c "$* >/dev/null 2>&1 || [ \$? -le 1 ]"
    read -r t rss < "$OUT/time.txt"
    if [ -z "$bt" ] || [ "$(echo "$t < $bt" | awk '{print ($1 < $3)}')" = 1 ]; then
      bt=$t
      brss=$rss
    fi
  done
  echo "$label $bt $brss"
}

bytes() { cat "$@" | wc -c; }
words() { cat "$@" | wc -w; }

row() { # row CORPUS NAME SECONDS RSS_KB BYTES WORDS
  awk -v c="$1" -v n="$2" -v s="$3" -v r="$4" -v b="$5" -v w="$6" 'BEGIN {
    if (s < 0.001) s = 0.001
    printf "%-6s %-22s %8.2f %9.2f %12.0f %9.1f\n", c, n, s, b / 1e6 / s, w / s, r / 1024 }'
}

echo "mtaudit benchmark: $(nproc) CPUs, $(uname -m), corpora of $MB MB (20 files)"
printf '%-6s %-22s %8s %9s %12s %9s\n' corpus run "wall s" "MB/s" "words/s" "RSS MB"
: > "$OUT/results.tsv"
for c in rep wide; do
  files=$(ls "$OUT/$c"/part-*.txt)
  nb=$(bytes $files)
  nw=$(words $files)
  set -- $(best3 m1 "$BIN" --format jsonl -j 1 "$OUT/$c")
  m1=$2; m1r=$3
  set -- $(best3 m2 "$BIN" --format jsonl -j 2 "$OUT/$c")
  m2=$2; m2r=$3
  set -- $(best3 hs hunspell -i UTF-8 -d "$DICT" -l $files)
  hs=$2; hsr=$3
  set -- $(best3 wc wc -w $files)
  wcs=$2; wcr=$3
  row "$c" "mtaudit -j 1" "$m1" "$m1r" "$nb" "$nw"
  row "$c" "mtaudit -j 2" "$m2" "$m2r" "$nb" "$nw"
  row "$c" "hunspell -l" "$hs" "$hsr" "$nb" "$nw"
  row "$c" "wc -w" "$wcs" "$wcr" "$nb" "$nw"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$m1" "$m2" "$hs" "$wcs" "$m1r" >> "$OUT/results.tsv"
done
echo
echo "ratios (throughput; > 1 means mtaudit is faster):"
while IFS="$(printf '\t')" read -r c m1 m2 hs wcs rss; do
  awk -v c="$c" -v m1="$m1" -v m2="$m2" -v hs="$hs" -v wcs="$wcs" 'BEGIN {
    if (wcs < 0.001) wcs = 0.001
    printf "  %-5s mtaudit/hunspell %6.2fx   mtaudit/wc %7.4fx   -j 2 vs -j 1 %5.2fx\n",
      c, hs / m1, wcs / m1, m1 / m2 }'
done < "$OUT/results.tsv"

echo
art=samples/000_68df5a6bf045e0b4.txt
set -- $(best3 a1 "$BIN" "$art")
am=$2
set -- $(best3 a2 hunspell -i UTF-8 -d "$DICT" -l "$art")
ah=$2
awk -v m="$am" -v h="$ah" 'BEGIN {
  printf "one article end to end (%s): mtaudit %.3f s, hunspell -l %.3f s: %.2fx the time of hunspell\n",
    "'"$art"'", m, h, m / (h < 0.001 ? 0.001 : h) }'

echo
m20=$(awk -F'\t' '$1 == "rep" { print $6 }' "$OUT/results.tsv")
"$TIME" -f "%e %M" -o "$OUT/time.txt" sh -c "$BIN --format jsonl $OUT/rep-big >/dev/null 2>&1 || [ \$? -le 1 ]"
read -r tb rb < "$OUT/time.txt"
nbb=$(bytes "$OUT"/rep-big/part-*.txt)
awk -v a="$m20" -v b="$rb" -v t="$tb" -v n="$nbb" 'BEGIN {
  printf "peak RSS: %d MB batch %.1f MB, %.0f MB batch %.1f MB (%+.1f %%), %.2f MB/s\n",
    '"$MB"', a / 1024, n / 1e6, b / 1024, (b - a) * 100 / a, n / 1e6 / t }'

# A document above the limit is refused with a clear error.
head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' 'a' > "$OUT/huge.txt"
if "$BIN" "$OUT/huge.txt" >/dev/null 2>"$OUT/huge.err"; then
  echo "a 65 MiB document was not refused" >&2
  exit 1
fi
echo "65 MiB document: $(cat "$OUT/huge.err")"
rm -f "$OUT/huge.txt"
