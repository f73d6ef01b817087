#!/bin/sh
# ThreadSanitizer over the worker pool (make tsan): the -j paths of the
# command line (directory batch, JSON Lines input, HTML directory output)
# under a -fsanitize=thread build, and a 500-file batch at -j 8 whose JSON
# must equal -j 1 byte for byte. Any data race report fails the run.
#
#   sh tests/tsan.sh BINARY
set -u
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: sh tests/tsan.sh BINARY" >&2
  exit 2
fi
BIN=$(cd "$(dirname -- "$1")" && pwd)/$(basename -- "$1")
ROOT=$(cd "$(dirname -- "$0")/.." && pwd) || exit 2
cd "$ROOT" || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/mtaudit-tsan.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
export MTAUDIT_FREE_AT_EXIT=1

nfail=0
check() { # NAME STATUS: a status of 66 is a ThreadSanitizer report
  if [ "$2" -eq 66 ] || [ "$2" -gt 2 ]; then
    nfail=$((nfail + 1))
    echo "not ok - $1 (exit $2)"
    grep -m 5 -E 'WARNING: ThreadSanitizer|#[0-4] ' "$T/err" | sed 's/^/#   /'
  else
    echo "ok - $1"
  fi
}

# 500 different files, each asking for spelling suggestions
# (tests/mkbatch.sh).
sh tests/mkbatch.sh "$T/batch" 500 || exit 2

"$BIN" -j 2 --format json samples/ >"$T/out" 2>"$T/err"
check "samples/ at -j 2" $?
"$BIN" -j 4 --format html -o "$T/html" samples/ >"$T/out" 2>"$T/err"
check "HTML directory at -j 4" $?
jq -R -c '{id: input_line_number, text: .}' samples/*.txt | head -n 200 >"$T/in.jsonl"
"$BIN" -j 4 --input-format jsonl --format jsonl "$T/in.jsonl" >"$T/out" 2>"$T/err"
check "JSON Lines input at -j 4" $?

"$BIN" -j 1 --format json "$T/batch" >"$T/j1.json" 2>"$T/err"
check "500 files at -j 1" $?
"$BIN" -j 8 --format json "$T/batch" >"$T/j8.json" 2>"$T/err"
check "500 files at -j 8" $?
if cmp -s "$T/j1.json" "$T/j8.json"; then
  echo "ok - -j 8 output equals -j 1"
else
  nfail=$((nfail + 1))
  echo "not ok - -j 8 output differs from -j 1"
  diff "$T/j1.json" "$T/j8.json" | head -n 10 | sed 's/^/#   /'
fi
[ "$nfail" -eq 0 ] && echo "tsan: no data race" || echo "tsan: $nfail failed"
[ "$nfail" -eq 0 ]
