#!/bin/sh
# Runs the end-to-end cases of one or more topic files only, with the same
# harness as run.sh (the quick loop while working on one topic):
#
#   sh tests/e2e/one.sh BINARY tests/e2e/cases/output.sh [...]

. "$(dirname -- "$0")/lib.sh"

shift
for f in "$@"; do
  case $f in
  /*) . "$f" ;;
  *) . "$ROOT/$f" ;;
  esac
done

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
