# Sourced by tests/e2e/run.sh: the verdict a pipeline gates on (findings
# cap, input framing).

begin "findings cap: a major finding past 10,000 minor ones still fails --fail-on major"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Das Haus , "; printf "\n\nMr. Kim kam gestern nach Berlin.\n" }' >"$T/v-cap.txt"
run --fail-on major --format json "$T/v-cap.txt"
expect_rc 1
expect_jq '.documents[0].passed' 'false'
expect_jq '.documents[0].findings | length' '10000'
expect_jq '.documents[0].findings_dropped > 0' 'true'
expect_jq '.documents[0].findings_dropped_by_severity.major' '1'
end

begin "findings cap: text summary counts the dropped major finding"
run --fail-on major "$T/v-cap.txt"
expect_rc 1
grep -q 'findings: 0 critical, [1-9][0-9]* major' "$T/out" || fail "major count in the summary is 0"
end

begin "JSON Lines input: a byte-order mark on the first line is the file's, not an error"
printf '\357\273\277{"id": 1, "text": "Er traf Mr. Kim in Berlin."}\n{"id": 2, "text": "Gut so."}\n' >"$T/v-bom.jsonl"
run --input-format jsonl --format jsonl "$T/v-bom.jsonl"
expect_rc 0
expect_jq_s '[.[] | .id]' '[1,2]'
expect_jq_s '[.[] | select(.error != null)] | length' '0'
end
