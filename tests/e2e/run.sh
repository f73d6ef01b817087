#!/bin/sh
# End-to-end tests of the mtaudit command line (POSIX sh; needs jq, iconv,
# GNU grep for -b).
#
#   sh tests/e2e/run.sh BINARY
#   VALGRIND="valgrind --error-exitcode=99 --leak-check=full -q" \
#     sh tests/e2e/run.sh BINARY
#   sh tests/e2e/one.sh BINARY tests/e2e/cases/FILE.sh   (one topic only)
#
# Each case prints "ok - NAME" or "not ok - NAME (details)" (followed by
# the first lines of the binary's stderr as "#" lines); the last line is
# "N passed, M failed", and the exit status is 1 when a case failed.
# $VALGRIND, when set, is put in front of every invocation of the binary.

. "$(dirname -- "$0")/lib.sh"

# ---- directory ---------------------------------------------------------------

begin "samples/ as a directory: every file reported, summary table last"
run samples/
expect_rc 0
expect_no_stderr
nsamples=0
for f in samples/*.txt; do
  nsamples=$((nsamples + 1))
  expect_stdout_has "$f (UTF-8): "
done
[ "$nsamples" -eq 5 ] || fail "$nsamples samples, expected 5"
sed -n '/^summary (worst first)$/,$p' "$T/out" >"$T/summary"
if [ -s "$T/summary" ]; then
  for f in samples/*.txt; do
    grep -q -F -e " $f" "$T/summary" || fail "summary table lacks $f"
  done
  [ "$(tail -n 1 "$T/out")" = "  $nsamples documents, 0 failed, 0 errors" ] ||
    fail "last line is '$(tail -n 1 "$T/out")'"
else
  fail "no summary table"
fi
end

begin "directory walk: *.txt below it, sorted, other files ignored"
mkdir -p "$T/tree/sub" "$T/tree/a.d"
cp "$S3" "$T/tree/b.txt"
cp "$S3" "$T/tree/a.txt"
cp "$S3" "$T/tree/sub/c.txt"
cp "$S3" "$T/tree/notes.md"
run --format json "$T/tree"
expect_rc 0
expect_no_stderr
expect_jq '[.documents[].file]' \
  "$(jq -n -c --arg d "$T/tree" '[$d + "/a.txt", $d + "/b.txt", $d + "/sub/c.txt"]')"
end

# ---- JSON positions ----------------------------------------------------------

begin "--format json: Mr. in paragraph 20, ' .' in paragraph 5, byte offsets"
run --format json "$S0"
expect_rc 0
expect_no_stderr
expect_json
cp "$T/out" "$T/s0.json"
off=$(byte_offset "$S0" 'Mr.')
if [ -z "$off" ]; then
  fail "'Mr.' not in $S0"
else
  expect_jq '[.documents[0].findings[] | select(.rule == "english-leftover/honorific" and .text == "Mr.") | [.paragraph, .start, .end]]' \
    "[[20,$off,$((off + 3))]]"
fi
off=$(byte_offset "$S0" ' .')
if [ -z "$off" ]; then
  fail "' .' not in $S0"
else
  expect_jq '[.documents[0].findings[] | select(.rule == "punctuation/space-before" and .text == " .") | [.paragraph, .start, .end]]' \
    "[[5,$off,$((off + 2))]]"
fi
expect_jq '.documents[0].file' "\"$S0\""
expect_jq '.documents[0].encoding' '"UTF-8"'
expect_jq '.summary' '{"documents":1,"failed":0,"errors":0}'
expect_jq '.errors' '[]'
end
S0_FINDINGS=$(jqv "$FINDINGS" "$T/s0.json")
[ -n "$S0_FINDINGS" ] || S0_FINDINGS='(no reference: sample 000 gave no JSON)'

# ---- encodings -----------------------------------------------------------------

# same_findings FILE ENCODING [OPTION...]: FILE gives the findings of sample
# 000 and reports ENCODING.
same_findings() {
  f=$1
  enc=$2
  shift 2
  run "$@" --format json "$f"
  expect_rc 0
  expect_no_stderr
  expect_jq '.documents[0].encoding' "\"$enc\""
  v=$(jqv "$FINDINGS")
  [ "$v" = "$S0_FINDINGS" ] || fail "findings differ from the UTF-8 file: $v"
}

begin "Windows-1252 file: same findings as UTF-8, encoding WINDOWS-1252"
if iconv -f UTF-8 -t WINDOWS-1252 "$S0" >"$T/cp1252.txt"; then
  cmp -s "$S0" "$T/cp1252.txt" && fail "iconv did not change the file"
  same_findings "$T/cp1252.txt" WINDOWS-1252
else
  fail "iconv to WINDOWS-1252 failed"
fi
end

begin "UTF-8 file with BOM: same findings, offsets into the text"
printf '\357\273\277' >"$T/bom8.txt"
cat "$S0" >>"$T/bom8.txt"
same_findings "$T/bom8.txt" UTF-8
end

begin "UTF-16LE file with BOM: same findings, offsets into the UTF-8 text"
printf '\377\376' >"$T/utf16le.txt"
if iconv -f UTF-8 -t UTF-16LE "$S0" >>"$T/utf16le.txt"; then
  same_findings "$T/utf16le.txt" UTF-16LE
else
  fail "iconv to UTF-16LE failed"
fi
end

begin "Latin-1 file: detected as WINDOWS-1252, offsets into the UTF-8 text"
run --format json "$T/utf8.txt"
ref=$(jqv "$FINDINGS")
[ -n "$ref" ] || ref='(no reference: the UTF-8 version gave no JSON)'
run --format json "$T/latin1.txt"
expect_rc 0
expect_no_stderr
expect_jq '.documents[0].encoding' '"WINDOWS-1252"'
expect_jq "$FINDINGS" "$ref"
off=$(byte_offset "$T/utf8.txt" 'Mr.')
[ "$off" = "$(byte_offset "$T/latin1.txt" 'Mr.')" ] &&
  fail "test input: 'Mr.' at the same offset in both encodings"
expect_jq '[.documents[0].findings[] | select(.text == "Mr.") | [.paragraph, .start, .end]]' \
  "[[2,$off,$((off + 3))]]"
end

begin "--encoding ISO-8859-1 on a Latin-1 file"
run --encoding ISO-8859-1 --format json "$T/latin1.txt"
expect_rc 0
expect_no_stderr
expect_jq '.documents[0].encoding' '"ISO-8859-1"'
expect_jq "$FINDINGS" "$ref"
end

# ---- gates ---------------------------------------------------------------------

begin "--fail-under 100 exits 1 (a score below 100)"
run --fail-under 100 "$S0"
expect_rc 1
expect_no_stderr
expect_stdout_has "FAIL"
end

begin "--fail-under 0 is no gate: exit 0, no verdict"
run --fail-under 0 "$S0"
expect_rc 0
expect_no_stderr
expect_stdout_lacks "PASS"
expect_stdout_lacks "FAIL"
end

begin "--fail-on major exits 1 on a major finding"
run --fail-on major "$S0"
expect_rc 1
expect_no_stderr
expect_stdout_has "FAIL"
end

begin "--fail-on critical exits 0 without a critical finding"
run --fail-on critical "$S0"
expect_rc 0
expect_no_stderr
expect_stdout_has "PASS"
expect_stdout_lacks "FAIL"
end

begin "--fail-under=100 --format json: passed false, summary.failed 1"
run --fail-under=100 --format json "$S0"
expect_rc 1
expect_no_stderr
expect_jq '[.documents[0].passed, .summary.failed]' '[false,1]'
end

# ---- usage errors ----------------------------------------------------------------

usage_case() {
  begin "usage error: $1"
  shift
  run "$@"
  expect_usage_error
  end
}

usage_case "--fail-under abc" --fail-under abc "$S0"
usage_case "--fail-under -5" --fail-under -5 "$S0"
usage_case "--fail-under nan" --fail-under nan "$S0"
usage_case "--fail-under 0x10" --fail-under 0x10 "$S0"
usage_case "--fail-on fatal" --fail-on fatal "$S0"
usage_case "--format xml" --format xml "$S0"
usage_case "--color sometimes" --color sometimes "$S0"
usage_case "unknown option" --no-such-option "$S0"
usage_case "option without its value" "$S0" --format
usage_case "no arguments"

begin "--help and --version exit 0"
run --help
expect_rc 0
expect_no_stderr
expect_stdout_has "usage: mtaudit"
run --version
expect_rc 0
expect_no_stderr
expect_stdout_has "mtaudit "
end

# ---- bad inputs, each alone ---------------------------------------------------------

# bad_input NAME PATH [OPTION...]: exit 2, one stderr line for PATH.
bad_input() {
  begin "bad input: $1"
  p=$2
  shift 2
  run "$@" "$p"
  expect_one_error "$p"
  end
}

bad_input "missing file" "$T/missing.txt"
bad_input "binary file (NUL bytes)" "$T/binary.txt"
bad_input "empty file" "$T/empty.txt"
bad_input "whitespace-only file" "$T/blank.txt"
bad_input "directory without .txt files" "$T/notxt"
bad_input "directory named like a file (folder.txt)" "$T/folder.txt"
bad_input "file path used as a directory (plain.txt/)" "$T/plain.txt/"
bad_input "--encoding UTF-8 on a Latin-1 file" "$T/latin1.txt" --encoding UTF-8
# An unknown --encoding is one error at start-up, not per file:
# tests/e2e/cases/pipeline.sh.

begin "bad input: file above 64 MiB"
if dd if=/dev/null of="$T/huge.txt" bs=1 count=0 seek=67108865 2>/dev/null; then
  run "$T/huge.txt"
  expect_one_error "$T/huge.txt"
else
  fail "cannot create a sparse file"
fi
rm -f "$T/huge.txt"
end

# ---- a batch with bad files ------------------------------------------------------------

batch_stderr() {
  n=$(nlines "$T/err")
  if [ "$n" -ne 2 ]; then
    fail "$n stderr lines, expected 2"
  else
    expect_err_line 1 "$T/missing.txt"
    expect_err_line 2 "$T/binary.txt"
  fi
}

begin "batch, text: bad files reported, good files still audited"
run "$S0" "$T/missing.txt" "$T/binary.txt" "$S1"
expect_rc 2
batch_stderr
expect_stdout_has "$S0 (UTF-8): "
expect_stdout_has "$S1 (UTF-8): "
[ "$(grep -c 'article score:' "$T/out")" -eq 2 ] || fail "not 2 article scores"
expect_stdout_has "2 documents, 0 failed, 2 errors"
end

begin "batch, json: 2 documents, summary.errors 2, both errors listed"
run --format json "$S0" "$T/missing.txt" "$T/binary.txt" "$S1"
expect_rc 2
batch_stderr
expect_json
expect_jq '[.documents[].file]' "$(jq -n -c --arg a "$S0" --arg b "$S1" '[$a, $b]')"
expect_jq '.summary' '{"documents":2,"failed":0,"errors":2}'
expect_jq '[.errors[] | [.file, .status]]' \
  "$(jq -n -c --arg a "$T/missing.txt" --arg b "$T/binary.txt" '[[$a, "io"], [$b, "binary"]]')"
expect_jq '[.errors[] | .message | length > 0]' '[true,true]'
end

begin "batch, jsonl: one JSON object per line, 2 documents and 2 errors"
run --format jsonl "$S0" "$T/missing.txt" "$T/binary.txt" "$S1"
expect_rc 2
batch_stderr
n=$(nlines "$T/out")
[ "$n" -eq 4 ] || fail "$n lines, expected 4"
while IFS= read -r line; do
  printf '%s\n' "$line" | jq -e 'type == "object"' >/dev/null 2>&1 ||
    fail "line is not a JSON object: $line"
done <"$T/out"
expect_jq_s '[.[] | .file]' \
  "$(jq -n -c --arg a "$S0" --arg m "$T/missing.txt" --arg b "$T/binary.txt" --arg c "$S1" '[$a, $m, $b, $c]')"
expect_jq_s '[.[] | has("findings")]' '[true,false,false,true]'
expect_jq_s '[.[] | .status]' '[null,"io","binary",null]'
end

# ---- standard input -------------------------------------------------------------------

begin "stdin: cat sample | mtaudit - names the document <stdin>"
# shellcheck disable=SC2002 # a pipe on purpose, not a regular file
cat "$S0" | $VALGRIND "$BIN" - >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0
expect_no_stderr
expect_stdout_has "<stdin> (UTF-8): "
expect_stdout_has "<stdin>:39:1: major: "
expect_stdout_lacks "$S0"
end

begin "stdin, json: same findings as the file"
# shellcheck disable=SC2002
cat "$S0" | $VALGRIND "$BIN" --format json - >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0
expect_no_stderr
expect_jq '.documents[0].file' '"<stdin>"'
expect_jq "$FINDINGS" "$S0_FINDINGS"
end

begin "stdin: empty input is an error for <stdin>"
run - </dev/null
expect_one_error "<stdin>"
end

# ---- hostile input --------------------------------------------------------------------

printf 'Der "Test" mit \\ Backslash, <script>alert("x")</script> und Mr. Smith sagte\t.\n\nZweiter \001 Absatz mit \377 und \\"Zitat\\" und Stra\337e .\n' >"$T/nasty.txt"
NASTY=$(printf '%s/q"b\\s\tc\001d<script>\377.txt' "$T")
cp "$T/nasty.txt" "$NASTY"
printf '%s/q"b\\s\tc\001d<script>\357\277\275.txt' "$T" >"$T/nasty-name.want"

begin "json stays valid: quotes, backslashes, tabs, \\001, <script>, invalid UTF-8"
run --format json "$T/nasty.txt" "$NASTY"
expect_rc 0
expect_no_stderr
expect_json
[ "$(control_bytes "$T/out")" -eq 0 ] || fail "raw control characters in the JSON"
iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1 || fail "JSON is not valid UTF-8"
expect_jq '[.documents[].encoding]' '["WINDOWS-1252","WINDOWS-1252"]'
expect_jq '[.documents[0].findings[] | select(.text == "\t.") | .rule]' '["punctuation/space-before"]'
expect_jq '[.documents[0].findings[] | select(.text == "Mr.") | .rule]' '["english-leftover/honorific"]'
expect_jq '.documents[0].findings == .documents[1].findings' 'true'
jq -j '.documents[1].file' "$T/out" >"$T/nasty-name.got" 2>/dev/null
cmp -s "$T/nasty-name.want" "$T/nasty-name.got" || fail "file name not preserved"
end

begin "jsonl stays valid for the same input"
run --format jsonl "$T/nasty.txt" "$NASTY" "$NASTY.missing"
expect_rc 2
n=$(nlines "$T/out")
[ "$n" -eq 3 ] || fail "$n lines, expected 3"
while IFS= read -r line; do
  printf '%s\n' "$line" | jq -e 'type == "object"' >/dev/null 2>&1 ||
    fail "line is not a JSON object"
done <"$T/out"
[ "$(control_bytes "$T/out")" -eq 0 ] || fail "raw control characters in the JSON"
iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null 2>&1 || fail "JSON is not valid UTF-8"
end

begin "text output of the same input: no raw control characters"
run --color never "$T/nasty.txt"
expect_rc 0
expect_no_stderr
expect_stdout_has "<script>"
[ "$(control_bytes "$T/out")" -eq 0 ] || fail "raw control characters in the text"
end

# ---- colour ------------------------------------------------------------------------------

begin "--color always: ANSI escapes"
run --color always "$S0"
expect_rc 0
expect_no_stderr
grep -q -F -e "${ESC}[" "$T/out" || fail "no ESC [ in stdout"
end

begin "--color never: no ANSI escapes"
run --color never "$S0"
expect_rc 0
expect_no_stderr
grep -q -F -e "$ESC" "$T/out" && fail "ESC in stdout"
expect_stdout_has "english-leftover/honorific"
end

begin "default colour with stdout not a terminal: no ANSI escapes"
run "$S0"
expect_rc 0
expect_no_stderr
grep -q -F -e "$ESC" "$T/out" && fail "ESC in stdout"
expect_stdout_has "english-leftover/honorific"
end

begin "--color=always --format json: no escapes in JSON"
run --color=always --format json "$S0"
expect_rc 0
expect_no_stderr
expect_json
grep -q -F -e "$ESC" "$T/out" && fail "ESC in stdout"
end

# ---- output errors -----------------------------------------------------------------------

if [ -w /dev/full ]; then
  begin "stdout on a full device: exit 2 and a message"
  $VALGRIND "$BIN" --format json "$S3" >/dev/full 2>"$T/err"
  rc=$?
  expect_rc 2
  grep -q '^mtaudit: ' "$T/err" || fail "no 'mtaudit: ' message on stderr"
  [ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
  end

  begin "--help on a full device: exit 2"
  $VALGRIND "$BIN" --help >/dev/full 2>"$T/err"
  rc=$?
  expect_rc 2
  grep -q '^mtaudit: ' "$T/err" || fail "no 'mtaudit: ' message on stderr"
  end
fi

# ---- dictionaries ------------------------------------------------------------------------

begin "--dict-dir /nonexistent exits 2 with a message naming the directory"
run --dict-dir /nonexistent "$S0"
expect_usage_error
[ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
grep -q -F '/nonexistent' "$T/err" || fail "message does not name /nonexistent"
end

# Without dictionaries the checks that need them are off: spelling, name
# variants, English words and transliterations.
begin "--dict-dir /nonexistent --no-spell works without dictionary findings"
run --dict-dir /nonexistent --no-spell --format json "$S0"
expect_rc 0
expect_no_stderr
want=$(jqv "[.documents[0].findings[] | select(.rule | test(\"^(spelling/|consistency/|english-leftover/(word|transliteration)$)\") | not) | [.rule, .paragraph, .start, .end, .text]]" "$T/s0.json")
[ -n "$want" ] || want='(no reference)'
expect_jq "$FINDINGS" "$want"
expect_jq '[.documents[0].findings[] | select(.rule == "english-leftover/honorific") | .paragraph]' '[20]'
end

# ---- article structure -------------------------------------------------------------------

S4=samples/004_5fb067ae175f60a6.txt
begin "paragraph kinds in JSON: 004 chrome marked, repeated headline not scored"
run --format json "$S4"
expect_rc 0
expect_jq '[.documents[0].paragraphs[] | select(.kind == "boilerplate") | .index]' '[1,2,3,13,20,27]'
expect_jq '[.documents[0].paragraphs[] | select(.scored | not) | .index]' '[1,2,3,5,13,20,27]'
expect_jq '.documents[0].paragraphs[4].repeats' '4'
expect_jq '[.documents[0].findings[] | select(.rule == "duplicate/paragraph") | .paragraph]' '[5]'
end

begin "--score-all counts boilerplate words and findings"
run --format json "$S4"
w1=$(jqv '.documents[0].words')
s1=$(jqv '.documents[0].score')
run --format json --score-all "$S4"
expect_rc 0
w2=$(jqv '.documents[0].words')
s2=$(jqv '.documents[0].score')
[ "$w2" -gt "$w1" ] || fail "words $w2 with --score-all, $w1 without"
[ "$(jq -n "$s2 < $s1")" = true ] || fail "score $s2 with --score-all, $s1 without"
expect_jq '[.documents[0].paragraphs[] | select(.scored | not)] | length' '0'
end

begin "text report marks boilerplate paragraphs as not scored"
run "$S3"
expect_rc 0
grep -q '^     1     1  boilerplate .*not scored$' "$T/out" || fail "no 'not scored' boilerplate row"
end

# ---- reports for editors and pipelines ---------------------------------------------------

begin "--format sarif: valid SARIF 2.1.0 (required properties), one result per finding"
run --format sarif samples/
expect_rc 0
expect_json
v=$(jq -c -f tests/e2e/sarif-required.jq "$T/out" 2>&1)
[ "$v" = "[]" ] || fail "SARIF violations: $v"
run --format json samples/
nj=$(jqv '[.documents[].findings | length] | add')
run --format sarif samples/
expect_jq '.runs[0].results | length' "$nj"
expect_jq '[.runs[0].results[] | select(.ruleId == "english-leftover/honorific")][0].locations[0].physicalLocation.region | [.startLine, .startColumn, .byteOffset, .byteLength]' '[39,1,7983,3]'
expect_jq '.runs[0].tool.driver.rules | length > 30' 'true'
end

begin "--format sarif: a failed input becomes a tool notification"
run --format sarif "$S0" /nonexistent.txt
expect_rc 2
expect_jq '.runs[0].invocations[0].executionSuccessful' 'false'
expect_jq '.runs[0].invocations[0].toolExecutionNotifications | length' '1'
end

begin "--format csv: header and one row per article, errors as rows"
run --format csv samples/ /nonexistent.txt
expect_rc 2
[ "$(head -n 1 "$T/out" | tr -d '\r')" = "file,status,words,score,passed,critical,major,minor,findings,categories,unscored,reason" ] || fail "bad header: $(head -n 1 "$T/out")"
[ "$(nlines "$T/out")" -eq 7 ] || fail "$(nlines "$T/out") lines, expected 7"
grep -q '^/nonexistent.txt,io,' "$T/out" || fail "no error row"
grep -q '^samples/000_68df5a6bf045e0b4.txt,ok,1206,' "$T/out" || fail "no row for sample 000"
end

begin "--list-rules lists every rule; --explain shows examples"
run --list-rules
expect_rc 0
grep -q '^compound/split  *compound  *major ' "$T/out" || fail "compound/split missing"
[ "$(nlines "$T/out")" -gt 30 ] || fail "too few rules"
run --explain word-order/verb-position
expect_rc 0
grep -q 'wrong: ' "$T/out" || fail "no wrong example"
grep -q 'right: ' "$T/out" || fail "no right example"
run --explain no/such-rule
expect_usage_error
end

begin "--disable and --enable switch rules; unknown rules are usage errors"
run --format json --disable spelling "$S0"
expect_rc 0
expect_jq '[.documents[0].findings[] | select(.category == "spelling")] | length' '0'
run --format json --disable spelling --enable spelling/unknown "$S0"
expect_jq '[.documents[0].findings[] | select(.category == "spelling")] | length > 0' 'true'
run --disable no-such-rule "$S0"
expect_usage_error
end

begin "config file: rules, severity, thresholds; options override it"
cat > "$T/mtaudit.conf" <<'CONF'
# test configuration
fail-under = 99.5
[rules]
spelling = off
[severity]
english-leftover/honorific = critical
CONF
run --config "$T/mtaudit.conf" --format json "$S0"
expect_rc 1
expect_jq '[.documents[0].findings[] | select(.category == "spelling")] | length' '0'
expect_jq '[.documents[0].findings[] | select(.rule == "english-leftover/honorific") | .severity] | unique' '["critical"]'
run --config "$T/mtaudit.conf" --fail-under 50 --format json "$S0"
expect_rc 0
# Inputs under $T would find it (config discovery): not left behind.
rm -f "$T/mtaudit.conf"
end

begin "config file: a malformed file is one clear error with the line number"
printf 'fail-under = 90\nfial-under = 80\n' > "$T/bad.conf"
run --config "$T/bad.conf" "$S0"
expect_rc 2
[ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines"
grep -q 'bad.conf:2:' "$T/err" || fail "no line number: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "output despite a bad config"
end

begin "--input-format jsonl: one document per line in order, id and extra keys passed through"
printf '%s\n' '{"id": "a1", "text": "Mr. Kim kam nach Berlin.", "src": "x"}' \
  '{"id": 2, "text": "Die Regierung hat die Steuern gesenkt."}' > "$T/in.jsonl"
run --input-format jsonl --format jsonl "$T/in.jsonl"
expect_rc 0
expect_jq_s '[.[] | .id]' '["a1",2]'
expect_jq_s '.[0].record.src' '"x"'
expect_jq_s '[.[0].findings[] | .rule] | index("english-leftover/honorific") != null' 'true'
end

begin "--input-format jsonl: a malformed line is reported with its id and line number; the stream goes on"
printf '%s\n' '{"id": 1, "text": "Der Kanzler reist nach Paris."}' '{"id": 2, "text": ' \
  '{"id": 3}' '{"id": 4, "text": "Die Bahn streikt am Montag."}' > "$T/bad.jsonl"
run --input-format jsonl --format jsonl "$T/bad.jsonl"
expect_rc 2
expect_jq_s '[.[] | .id]' '[1,2,3,4]'
expect_jq_s '[.[] | .line]' '[null,2,3,null]'
expect_jq_s '.[1].file' "\"$T/bad.jsonl[id=2]\""
grep -q 'bad.jsonl\[id=2\]: line 2, column' "$T/err" || fail "no id and line number on stderr"
[ "$(nlines "$T/err")" -eq 2 ] || fail "$(nlines "$T/err") stderr lines, expected 2"
end

begin "-j 2 gives the same output as -j 1, in input order"
run --format json -j 1 samples/
cp "$T/out" "$T/j1.json"
run --format json -j 2 samples/ "$S0"
expect_rc 0
a=$(jq -c '[.documents[] | [.file, .score, (.findings | length)]]' "$T/j1.json")
b=$(jqv '[.documents[] | [.file, .score, (.findings | length)]] | .[0:5]')
[ "$a" = "$b" ] || fail "-j 2 differs: $b"
expect_jq '.documents[5].file' "\"$S0\""
end

begin "-o FILE writes the report atomically; -o for html writes a directory"
run --format json -o "$T/report.json" samples/
expect_rc 0
[ ! -s "$T/out" ] || fail "stdout not empty with -o"
jq -e '.summary.documents == 5' "$T/report.json" >/dev/null || fail "bad report file"
ls "$T"/report.json.tmp.* >/dev/null 2>&1 && fail "temporary file left behind"
run --format html -o "$T/html" samples/
expect_rc 0
[ -f "$T/html/index.html" ] || fail "no index.html"
[ "$(ls "$T/html" | grep -c '\.html$')" -eq 6 ] || fail "expected 5 pages and an index"
grep -q '000_68df5a6bf045e0b4.txt.html' "$T/html/index.html" || fail "index does not link the page"
run --format html samples/
expect_usage_error
end

begin "README example: GNU parallel over a JSON Lines stream keeps order and counts"
if ! command -v parallel >/dev/null 2>&1; then
  fail "GNU parallel is not installed (sh scripts/install-deps.sh test)"
else
  i=0
  : > "$T/arch.jsonl"
  while [ $i -lt 30 ]; do
    printf '{"id": %d, "text": "Mr. Kim traf am Montag den Kanzler in Berlin."}\n' $i >> "$T/arch.jsonl"
    i=$((i + 1))
  done
  parallel --will-cite --pipe --keep-order -N 7 \
    "$BIN" --input-format jsonl --format jsonl - < "$T/arch.jsonl" > "$T/out" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_jq_s '[.[] | .id] == [range(30)]' 'true'
  expect_jq_s '[.[] | .findings[] | select(.rule == "english-leftover/honorific")] | length' '30'
fi
end

# ---- hostile inputs ------------------------------------------------------------------------

# A valid JSON report of one document, or a clean one-line error: never a
# crash (exit 2 with a message, or 0/1 with a report).
hostile() { # hostile NAME FILE [OPTIONS...]
  begin "hostile input: $1"
  f=$2
  shift 2
  run --format json "$@" "$f"
  case $rc in
  0 | 1)
    expect_json
    expect_jq '.summary.documents' '1'
    ;;
  2)
    [ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
    grep -q "^mtaudit: $f: " "$T/err" || fail "message does not name the file: $(head -n 1 "$T/err")"
    expect_json
    ;;
  *) fail "exit $rc (a crash?)" ;;
  esac
  end
}

: > "$T/h-empty.txt"
hostile "0 bytes" "$T/h-empty.txt"
printf '.,;:!?()[]{}„“"…–—/\\|#*+\n\n!!! ??? ...\n' > "$T/h-punct.txt"
hostile "only punctuation" "$T/h-punct.txt"
printf ' \t\n\r\n\n   \n' > "$T/h-space.txt"
hostile "only whitespace" "$T/h-space.txt"
printf 'Der Kanzler reist\000 nach Paris.\n' > "$T/h-nul.txt"
hostile "a NUL byte in the middle" "$T/h-nul.txt"
printf 'Die Stra\300\276e und \355\240\200 Surrogat \364\220\200\200 Ende.\n' > "$T/h-overlong.txt"
hostile "overlong UTF-8, an encoded surrogate, a code point above U+10FFFF" "$T/h-overlong.txt"
printf 'D\000i\000e\000 \000B\000a\000h\000n\000 \000s\000t\000r\000e\000i\000k\000t\000.\000\n\000' > "$T/h-utf16.txt"
hostile "UTF-16 without a byte-order mark" "$T/h-utf16.txt"
grep -q 'UTF-16LE without a byte-order mark' "$T/err" || fail "no UTF-16 hint: $(cat "$T/err")"
printf '\357\273\277' > "$T/h-bomonly.txt"
hostile "a byte-order mark and nothing else" "$T/h-bomonly.txt"
printf 'Wort %.0s' $(seq 1 3000) > "$T/h-repeat.txt"
hostile "one word repeated 3,000 times (thousands of findings)" "$T/h-repeat.txt"

begin "hostile input: a FIFO is refused at once, not waited on"
mkfifo "$T/h-fifo.txt"
run "$T/h-fifo.txt"
expect_one_error "$T/h-fifo.txt"
grep -q 'not a regular file' "$T/err" || fail "no reason: $(cat "$T/err")"
rm -f "$T/h-fifo.txt"
end

begin "hostile input: a directory loop through symbolic links terminates"
mkdir -p "$T/loop/a"
ln -s .. "$T/loop/a/up"
ln -s "$T/loop" "$T/loop/a/self"
cp "$S0" "$T/loop/a/x.txt"
run --format json "$T/loop"
expect_rc 0
expect_jq '.summary.documents' '1'
rm -rf "$T/loop"
end

begin "hostile input: an unreadable file is one error, the batch goes on"
cp "$S1" "$T/h-noread.txt"
chmod 000 "$T/h-noread.txt"
if [ "$(id -u)" -eq 0 ]; then
  # root reads anyway: check that the file is audited, not that it fails
  run --format json "$T/h-noread.txt" "$S0"
  expect_rc 0
else
  run --format json "$T/h-noread.txt" "$S0"
  expect_rc 2
  expect_jq '.summary.documents' '1'
  expect_jq '.summary.errors' '1'
fi
chmod 644 "$T/h-noread.txt"
end

begin "hostile input: a file truncated while it is read gives a report or an error, never a crash"
i=0
while [ $i -lt 200 ]; do cat "$S0"; i=$((i + 1)); done > "$T/h-trunc.txt"
( sleep 0.05; : > "$T/h-trunc.txt" ) &
run --format json "$T/h-trunc.txt"
wait
case $rc in 0 | 1 | 2) expect_json ;; *) fail "exit $rc" ;; esac
end

begin "hostile input: -o into a missing directory leaves no file and exits 2"
run --format json -o "$T/no/such/dir/out.json" "$S0"
expect_rc 2
[ ! -e "$T/no/such/dir/out.json" ] || fail "output file created"
end

# The 50 MB cases are skipped under valgrind and ASan (MTAUDIT_E2E_HEAVY=0):
# they test the optimized build's time and memory, not memory errors.
if [ -z "$VALGRIND" ] && [ "${MTAUDIT_E2E_HEAVY:-1}" = 1 ]; then
  begin "hostile input: one 50 MB line without a newline"
  head -c 52428800 /dev/zero | tr '\0' 'a' > "$T/h-line.txt"
  run --format jsonl "$T/h-line.txt"
  expect_rc 0
  expect_jq '.words' '1'
  rm -f "$T/h-line.txt"
  end

  begin "hostile input: 1,000,000 tiny paragraphs"
  awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "a\n\n" }' > "$T/h-paras.txt"
  run --format jsonl "$T/h-paras.txt"
  expect_rc 0
  expect_jq '.paragraphs | length' '1000000'
  rm -f "$T/h-paras.txt"
  end

  begin "hostile input: 50 MB of 'Wort Wort ...': findings capped, report valid"
  awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "Wort Wort Wort Wort Wort Wort Wort Wort Wort Wort " }' > "$T/h-words.txt"
  run --format jsonl "$T/h-words.txt"
  expect_rc 0
  expect_jq '.findings | length' '10000'
  expect_jq '.findings_dropped > 0' 'true'
  rm -f "$T/h-words.txt"
  end
fi

# ---- more cases, one file per topic (sourced: same harness, same $T) --------

for f in "$ROOT"/tests/e2e/cases/*.sh; do
  [ -f "$f" ] || continue
  . "$f"
done

# ---- total ---------------------------------------------------------------------------------

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
