#!/bin/sh
# Writes N different article files into DIR (for the determinism and
# ThreadSanitizer tests): the texts of samples/ and tests/data/clean-de in
# turn, each with its paragraphs rotated by a different amount and one
# word misspelt (a letter doubled), so that no two files are equal.
#
#   sh tests/mkbatch.sh DIR N
set -eu
dir=$1
n=$2
mkdir -p "$dir"
ROOT=$(cd "$(dirname -- "$0")/.." && pwd)
ls "$ROOT"/samples/*.txt "$ROOT"/tests/data/clean-de/*.txt >"$dir/.list"
awk -v n="$n" -v dir="$dir" '
  NR == FNR { src[m++] = $0; next }
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
      out = sprintf("%s/a%04d.txt", dir, i)
      for (k = 0; k < np; k++) {
        t = para[(k + i) % np]
        if (k == 1) {           # misspell one word of the second paragraph
          nw = split(t, w, " ")
          j = (i % nw) + 1
          if (length(w[j]) > 3) w[j] = substr(w[j], 1, 2) substr(w[j], 2)
          t = w[1]; for (q = 2; q <= nw; q++) t = t " " w[q]
        }
        printf "%s\n\n", t > out
      }
      close(out)
    }
  }' "$dir/.list" /dev/null
rm -f "$dir/.list"
