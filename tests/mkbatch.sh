#!/bin/sh
# Writes N different article files into DIR (for the determinism and
# ThreadSanitizer tests): the texts of samples/ and tests/data/clean-de in
# turn, paragraphs rotated, two letters of one ASCII word swapped, and one
# sentence of tests/data/typos/typos.tsv (a real misspelling) appended, so
# that every file asks for suggestions of words the others do not.
#
#   sh tests/mkbatch.sh DIR N
set -eu
dir=$1
n=$2
mkdir -p "$dir"
ROOT=$(cd "$(dirname -- "$0")/.." && pwd)
list=$(mktemp "${TMPDIR:-/tmp}/mkbatch.XXXXXX")
trap 'rm -f "$list"' EXIT
ls "$ROOT"/samples/*.txt "$ROOT"/tests/data/clean-de/*.txt >"$list"
awk -F '\t' -v dir="$dir" -v n="$n" '
  FILENAME == ARGV[1] { src[m++] = $0; next }
  /^#/ || NF < 3 { next }
  { typo[nt++] = $1 }
  END {
    for (i = 0; i < n; i++) {
      f = src[i % m]
      np = 0; p = ""
      while ((getline line < f) > 0) {
        if (line == "") { if (p != "") para[np++] = p; p = "" }
        else p = p == "" ? line : p "\n" line
      }
      close(f)
      if (p != "") para[np++] = p
      out = sprintf("%s/b%04d.txt", dir, i)
      for (k = 0; k < np; k++) {
        t = para[(k + i) % np]
        if (k == 1) {
          nw = split(t, w, " ")
          j = (i % nw) + 1
          if (w[j] ~ /^[A-Za-z][a-z][a-z][a-z]+$/)
            w[j] = substr(w[j], 1, 1) substr(w[j], 3, 1) substr(w[j], 2, 1) substr(w[j], 4)
          t = w[1]; for (q = 2; q <= nw; q++) t = t " " w[q]
        }
        printf "%s\n\n", t > out
      }
      printf "%s\n", typo[i % nt] > out
      close(out)
    }
  }' "$list" "$ROOT/tests/data/typos/typos.tsv"
