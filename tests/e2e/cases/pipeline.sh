# Pipeline data (issue 17, part 5): JSON Lines records named by id in every
# output, ids on error lines, --errors inline for engines (Hadoop
# Streaming, Spark pipe), "did you mean", option values checked once at
# start-up, --list-rules --format json, SARIF fixes and URIs, and the
# README's GNU parallel and Hadoop Streaming recipes.
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN, $S0/$S1/$S3.

# p_usage TEXT: a usage error "mtaudit: TEXT", then the pointer to --help.
p_usage() {
  expect_usage_error
  [ "$(head -n 1 "$T/err")" = "mtaudit: $1" ] ||
    fail "first stderr line is '$(head -n 1 "$T/err")', expected 'mtaudit: $1'"
  [ "$(sed -n 2p "$T/err")" = "Try 'mtaudit --help'." ] ||
    fail "second stderr line is '$(sed -n 2p "$T/err")'"
}

printf '%s\n' '{"id": 1, "text": "Er sagte, das sei gros gewesen."}' \
  '{"id": 2, "text": ' '{"id":3,"txt":"Die Bahn streikt."}' \
  '{"text": 5, "id": "a7"}' '{"id": 4, "text": ""}' \
  '{"id": "b 5", "text": "Die Bahn streikt am Montag."}' >"$T/p-bad.jsonl"

begin "jsonl: every error line keeps the record id; an empty text is not an empty file"
run --input-format jsonl --format jsonl "$T/p-bad.jsonl"
expect_rc 2
expect_jq_s '[.[] | .id]' '[1,2,3,"a7",4,"b 5"]'
expect_jq_s '[.[] | .status // "ok"]' '["ok","parse","parse","parse","empty","ok"]'
expect_jq_s '[.[] | .line]' '[null,2,3,4,5,null]'
expect_jq_s '.[4].message' '"record has an empty text"'
expect_jq_s '[.[] | .file]' "[\"$T/p-bad.jsonl[id=1]\",\"$T/p-bad.jsonl[id=2]\",\"$T/p-bad.jsonl[id=3]\",\"$T/p-bad.jsonl[id=a7]\",\"$T/p-bad.jsonl[id=4]\",\"$T/p-bad.jsonl[line=6]\"]"
grep -q 'p-bad.jsonl\[id=3\]: line 3, column 1: missing "text"' "$T/err" ||
  fail "stderr does not name id and line: $(cat "$T/err")"
grep -q 'empty file' "$T/out" "$T/err" && fail "an empty text is called an empty file"
end

begin "jsonl: stdin records are NAME[id=ID]; text keeps NAME:LINE:COL parseable"
$VALGRIND "$BIN" --input-format jsonl --color never - <"$T/p-bad.jsonl" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 2
grep -q '^<stdin>\[id=1\]:1:19: major: ' "$T/out" || fail "no '<stdin>[id=1]:1:19:' line: $(head -n 3 "$T/out")"
# A file:line:col parser takes the name up to the last two numbers.
n=$(grep -c -E '^[^:]+:[0-9]+:[0-9]+: (critical|major|minor): ' "$T/out")
[ "$n" -ge 1 ] || fail "no line parses as NAME:LINE:COL"
grep -q '<stdin>:' "$T/out" && fail "a record is still named '<stdin>:N'"
$VALGRIND "$BIN" --input-format jsonl --format sarif - <"$T/p-bad.jsonl" >"$T/out" 2>"$T/err"
v=$(jq -c -f tests/e2e/sarif-required.jq "$T/out" 2>&1)
[ "$v" = "[]" ] || fail "SARIF of records: $v"
expect_jq '[.runs[0].results[0].locations[0].physicalLocation.artifactLocation | .uri, .uriBaseId]' '["%3Cstdin%3E%5Bid%3D1%5D","SRCROOT"]'
expect_jq '.runs[0].results[0].properties.recordId' '1'
$VALGRIND "$BIN" --input-format jsonl --format csv - <"$T/p-bad.jsonl" >"$T/out" 2>"$T/err"
grep -q '^<stdin>\[id=4\],empty,' "$T/out" || fail "CSV does not name the record by id: $(cat "$T/out")"
end

begin "--errors inline: bad records in-band, exit 0; an unreadable stream still exits 2"
run --errors inline --input-format jsonl --format jsonl "$T/p-bad.jsonl"
expect_rc 0
expect_jq_s 'length' '6'
expect_jq_s '[.[] | select(.status) | .id]' '[2,3,"a7",4]'
[ "$(nlines "$T/err")" -eq 4 ] || fail "$(nlines "$T/err") stderr lines, expected 4 (one per bad record)"
run --errors inline --input-format jsonl --format jsonl "$T/p-bad.jsonl" "$T/p-missing.jsonl"
expect_rc 2
run --errors inline --input-format jsonl --format jsonl --fail-on major "$T/p-bad.jsonl"
expect_rc 1
# Files too: an empty file is in-band, a missing one is not.
: >"$T/p-empty.txt"
run --errors inline --format json "$T/p-empty.txt" "$S3"
expect_rc 0
expect_jq '.errors[0].status' '"empty"'
run --errors exit --format json "$T/p-empty.txt" "$S3"
expect_rc 2
run --errors sometimes "$S3"
p_usage "--errors: 'sometimes' is not exit or inline"
end

begin "did you mean: long options, rules, config [rules]"
run --formt json "$S3"
p_usage "unknown option '--formt' (did you mean '--format'?)"
run --fail-undr 90 "$S3"
p_usage "unknown option '--fail-undr' (did you mean '--fail-under'?)"
run --disable spelling/unknwn "$S3"
p_usage "unknown rule or category 'spelling/unknwn' (did you mean 'spelling/unknown'?)"
run --enable compund "$S3"
p_usage "unknown rule or category 'compund' (did you mean 'compound'?)"
run --explain compound/splt
p_usage "--explain: unknown rule 'compound/splt' (did you mean 'compound/split'?)"
run --no-such-option "$S3"
p_usage "unknown option '--no-such-option'"
run --lang de --formt json "$S3"
expect_rc 2
[ "$(head -n 1 "$T/err")" = "mtaudit: unbekannte Option „--formt“ (gemeint: „--format“?)" ] ||
  fail "German: $(head -n 1 "$T/err")"
printf '[rules]\ncompund/split = off\n' >"$T/p-typo.conf"
run --config "$T/p-typo.conf" "$S3"
expect_rc 2
grep -q "unknown rule 'compund/split' (did you mean 'compound/split'?)" "$T/err" ||
  fail "config: no did you mean: $(cat "$T/err")"
end

begin "option values checked once at start-up: --encoding, --source-dir"
run --encoding NO-SUCH-CODE "$S0" "$S1" "$S3"
expect_rc 2
expect_no_stdout
[ "$(nlines "$T/err")" -eq 1 ] || fail "$(nlines "$T/err") stderr lines, expected 1"
grep -q "unknown encoding 'NO-SUCH-CODE'" "$T/err" || fail "no reason: $(cat "$T/err")"
run --encoding latin1 --format json "$S3"
expect_rc 0
run --source-dir "$T/p-no-such-dir" "$S3"
p_usage "--source-dir: '$T/p-no-such-dir' is not a directory"
end

begin "--list-rules --format json: every rule, valid JSON; text as before"
run --list-rules
expect_rc 0
n=$(($(nlines "$T/out") - 1))
run --list-rules --format json
expect_rc 0
expect_json_array=$(jq -e 'type == "array"' "$T/out" 2>/dev/null)
[ "$expect_json_array" = true ] || fail "not a JSON array"
expect_jq 'length' "$n"
expect_jq '[.[] | keys] | unique' '[["category","examples","explanation","id","severity","summary"]]'
expect_jq '[.[] | select(.id == "spelling/unknown") | .severity]' '["major"]'
run --format=json --list-rules
expect_jq 'length' "$n"
run --list-rules --format sarif
p_usage "--list-rules: only --format text or json"
end

begin "SARIF: fixes from replacement suggestions, file:// URIs, no placeholder informationUri"
printf 'Er sagte, das sei gros gewesen. Die Wahl war am Monday.\n' >"$T/p-fix.txt"
run --format sarif "$T/p-fix.txt" p-rel-missing.txt
v=$(jq -c -f tests/e2e/sarif-required.jq "$T/out" 2>&1)
[ "$v" = "[]" ] || fail "SARIF: $v"
expect_jq '.runs[0].tool.driver | has("informationUri")' 'false'
expect_jq '[.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri | startswith("file:///")]' '[true]'
expect_jq '[.runs[0].results[] | .fixes[0].artifactChanges[0].replacements[0].insertedContent.text]' '["groß","Montag"]'
expect_jq '[.runs[0].results[0].fixes[] | .artifactChanges[0].replacements[0].insertedContent.text]' '["groß","Gros","grob"]'
expect_jq '.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion | [.startColumn, .endColumn, .byteOffset, .byteLength]' '[19,23,18,4]'
expect_jq '[.runs[0].results[] | .partialFingerprints["mtauditFinding/v1"] | test("^[0-9a-f]{16}$")]' '[true,true]'
# The same finding on another line keeps its fingerprint.
cp "$T/out" "$T/p-fix.sarif"
printf '\nEr sagte, das sei gros gewesen. Die Wahl war am Monday.\n' >"$T/p-fix2.txt"
run --format sarif "$T/p-fix2.txt"
[ "$(jq -c '[.runs[0].results[] | .partialFingerprints]' "$T/out")" = \
  "$(jq -c '[.runs[0].results[] | .partialFingerprints]' "$T/p-fix.sarif")" ] ||
  fail "the fingerprints changed with the line"
run --format sarif "$T/p-fix.txt" p-rel-missing.txt
rm -f "$T/p-fix.sarif" "$T/p-fix2.txt"
expect_jq '.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation' '{"uri":"p-rel-missing.txt","uriBaseId":"SRCROOT"}'
end

begin "JSON: counts by severity and category, gate reason as data, every suggestion"
run --format json --fail-on major --min-words 1 "$T/p-fix.txt"
expect_rc 1
expect_jq '.documents[0].gate | [.reason, .fail_on, .fail_under]' '["severity","major",null]'
expect_jq '.documents[0].counts | [.critical, .major, .minor, .by_category.spelling]' '[0,1,1,1]'
expect_jq '[.documents[0].findings[] | .suggestions]' '[["groß","Gros","grob"],["Montag"]]'
expect_jq '[.documents[0].findings[] | .suggestion]' '["groß","Montag"]'
end

begin "README recipe: GNU parallel over files, one JSON Lines report"
if ! command -v parallel >/dev/null 2>&1; then
  fail "GNU parallel is not installed (sh scripts/install-deps.sh test)"
else
  printf '%s\n' "$S0" "$S1" "$S3" "$T/p-empty.txt" |
    parallel --will-cite -X -j 2 --keep-order \
      "$BIN" --format jsonl --errors inline >"$T/out" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_jq_s '[.[] | .file]' "[\"$S0\",\"$S1\",\"$S3\",\"$T/p-empty.txt\"]"
fi
end

begin "README recipe: Hadoop Streaming / Spark pipe mapper, simulated over split input"
# The mapper reads records on stdin and writes one line per record; each
# split is one task, which must exit 0 although its split holds bad records.
i=0
: >"$T/p-arch.jsonl"
while [ $i -lt 20 ]; do
  printf '{"id": %d, "text": "Mr. Kim traf am Montag den Kanzler in Berlin."}\n' $i >>"$T/p-arch.jsonl"
  [ $i = 7 ] && printf '{"id": "bad-%d", "text": \n' $i >>"$T/p-arch.jsonl"
  [ $i = 13 ] && printf '{"id": "empty-%d", "text": ""}\n' $i >>"$T/p-arch.jsonl"
  i=$((i + 1))
done
rm -rf "$T/p-splits" && mkdir "$T/p-splits"
split -l 6 "$T/p-arch.jsonl" "$T/p-splits/part-"
: >"$T/p-mapped"
tasks_failed=0
for part in "$T/p-splits"/part-*; do
  $VALGRIND "$BIN" --input-format jsonl --format jsonl --errors inline - \
    <"$part" >"$T/p-task.out" 2>>"$T/p-task.err" || tasks_failed=$((tasks_failed + 1))
  cat "$T/p-task.out" >>"$T/p-mapped"
done
[ "$tasks_failed" = 0 ] || fail "$tasks_failed mapper tasks exited non-zero"
cp "$T/p-mapped" "$T/out"
expect_jq_s 'length' '22'
expect_jq_s '[.[] | select(.status) | .id]' '["bad-7","empty-13"]'
expect_jq_s '[.[] | select(.status | not) | .id] == [range(20)]' 'true'
rm -rf "$T/p-splits" "$T/p-mapped" "$T/p-task.out" "$T/p-task.err" "$T/p-arch.jsonl"
end

rm -f "$T/p-bad.jsonl" "$T/p-empty.txt" "$T/p-typo.conf" "$T/p-fix.txt"
