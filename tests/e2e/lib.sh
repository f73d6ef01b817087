#!/bin/sh
# The harness of the end-to-end tests (sourced by run.sh and one.sh): the
# binary in $BIN, a temporary directory $T, begin/run/expect_*/end, and
# the common inputs. POSIX sh; needs jq, iconv, GNU grep for -b.
#
# Each case prints "ok - NAME" or "not ok - NAME (details)" (followed by
# the first lines of the binary's stderr as "#" lines); the last line is
# "N passed, M failed", and the exit status is 1 when a case failed.
# $VALGRIND, when set, is put in front of every invocation of the binary.

set -u

if [ $# -lt 1 ]; then
  echo "usage: sh tests/e2e/run.sh BINARY, sh tests/e2e/one.sh BINARY CASES.sh" >&2
  exit 2
fi
BIN=$1
case $BIN in
*/*) BIN=$(cd "$(dirname -- "$BIN")" && pwd)/$(basename -- "$BIN") ;;
*) BIN=$(command -v -- "$BIN") ;;
esac
if [ ! -f "$BIN" ] || [ ! -x "$BIN" ]; then
  printf 'run.sh: %s: not an executable\n' "$1" >&2
  exit 2
fi
for tool in jq iconv; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run.sh: $tool is required" >&2
    exit 2
  fi
done
VALGRIND=${VALGRIND-}
# The cases expect English messages, whatever the machine's locale (the
# German cases, cases/i18n.sh, set the language themselves).
LANGUAGE=en
export LANGUAGE

ROOT=$(cd "$(dirname -- "$0")/../.." && pwd) || exit 2
cd "$ROOT" || exit 2

T=$(mktemp -d "${TMPDIR:-/tmp}/mtaudit-e2e.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
# No user configuration (~/.config/mtaudit/mtaudit.conf) in any case.
XDG_CONFIG_HOME=$T/no-user-config
export XDG_CONFIG_HOME
trap 'exit 130' INT
trap 'exit 143' HUP TERM

S0=samples/000_68df5a6bf045e0b4.txt
S1=samples/001_d0bb9953f3c08d8f.txt
S3=samples/003_e3cee3cb09918c7e.txt
ESC=$(printf '\033')

# ---- harness ---------------------------------------------------------------

npass=0
nfail=0
name=
why=

begin() {
  name=$1
  why=
}

fail() {
  why="${why:+$why; }$*"
}

end() {
  if [ -z "$why" ]; then
    npass=$((npass + 1))
    printf 'ok - %s\n' "$name"
  else
    nfail=$((nfail + 1))
    printf 'not ok - %s (%s)\n' "$name" "$why"
    if [ -s "$T/err" ]; then
      head -n 5 "$T/err" | sed 's/^/#   stderr: /'
    fi
  fi
}

# run ARG...: runs the binary; stdout to $T/out, stderr to $T/err, status
# in $rc. Standard input is inherited.
run() {
  $VALGRIND "$BIN" "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "exit $rc, expected $1"
}

expect_no_stderr() {
  [ -s "$T/err" ] && fail "unexpected stderr: $(head -n 1 "$T/err")"
}

expect_no_stdout() {
  [ -s "$T/out" ] && fail "unexpected stdout: $(head -n 1 "$T/out")"
}

# Lines in a file (a last line without newline counts).
nlines() {
  grep -c '' "$1"
}

# expect_err_line N PATH: line N of stderr is "mtaudit: PATH: REASON".
expect_err_line() {
  l=$(sed -n "$1p" "$T/err")
  case $l in
  "mtaudit: $2: "?*) ;;
  *) fail "stderr line $1 is '$l', expected 'mtaudit: $2: REASON'" ;;
  esac
}

# expect_one_error PATH: exit 2 and exactly one stderr line for PATH.
expect_one_error() {
  expect_rc 2
  n=$(nlines "$T/err")
  if [ "$n" -ne 1 ]; then
    fail "$n stderr lines, expected 1"
  else
    expect_err_line 1 "$1"
  fi
}

# expect_usage_error: exit 2, nothing on stdout, stderr starts "mtaudit: ".
expect_usage_error() {
  expect_rc 2
  expect_no_stdout
  case $(head -n 1 "$T/err") in
  "mtaudit: "?*) ;;
  *) fail "stderr does not start with 'mtaudit: ': '$(head -n 1 "$T/err")'" ;;
  esac
}

expect_stdout_has() {
  grep -F -q -e "$1" "$T/out" || fail "stdout lacks '$1'"
}

expect_stdout_lacks() {
  grep -F -q -e "$1" "$T/out" && fail "stdout has '$1'"
}

# jqv FILTER [FILE]: compact jq result, empty when FILE is not JSON.
jqv() {
  jq -c "$1" "${2:-$T/out}" 2>/dev/null
}

# expect_json: stdout is exactly one JSON object.
expect_json() {
  jq -s -e 'length == 1 and (.[0] | type == "object")' "$T/out" >/dev/null 2>&1 ||
    fail "stdout is not one valid JSON object"
}

# expect_jq FILTER VALUE: the compact jq value of FILTER on stdout.
expect_jq() {
  v=$(jqv "$1")
  [ "$v" = "$2" ] || fail "$1 is '$v', expected '$2'"
}

# expect_jq_s FILTER VALUE: the same over all JSON values of stdout (jq -s).
expect_jq_s() {
  v=$(jq -s -c "$1" "$T/out" 2>/dev/null)
  [ "$v" = "$2" ] || fail "$1 is '$v', expected '$2'"
}

# Findings of the first document as [rule, paragraph, start, end, text].
FINDINGS='[.documents[0].findings[] | [.rule, .paragraph, .start, .end, .text]]'

# Byte offset of the first occurrence of fixed string $2 in file $1.
byte_offset() {
  LC_ALL=C grep -b -o -F -e "$2" "$1" | head -n 1 | cut -d: -f1
}

# Number of control bytes (other than newline) in a file.
control_bytes() {
  LC_ALL=C tr -d '\n\040-\176\200-\377' <"$1" | wc -c | tr -d ' '
}

# ---- inputs ------------------------------------------------------------------

printf 'Ein Satz.\000\001\002 Noch ein Satz.\n' >"$T/binary.txt"
: >"$T/empty.txt"
printf ' \t\n\n   \r\n\n\n' >"$T/blank.txt"
mkdir "$T/notxt" "$T/folder.txt" # for the cases left out below
printf 'Ein Text, aber kein .txt.\n' >"$T/notxt/readme.md"
cp "$S3" "$T/plain.txt"
# A short German text with umlauts before the findings, in UTF-8 and Latin-1.
printf 'Gr\303\274\303\237e aus M\303\274nchen\n\nDie B\303\274rger von K\303\266ln trafen Mr. M\303\274ller am Montag .\n' >"$T/utf8.txt"
iconv -f UTF-8 -t ISO-8859-1 "$T/utf8.txt" >"$T/latin1.txt"

