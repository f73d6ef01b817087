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

# ---- gate integrity (issue 14) ---------------------------------------------

# An article of 41 words with one major finding ("Mr."), a page of site
# chrome only, an HTML page, and a short note.
cat >"$T/v-article.txt" <<'TXT'
Kim reist nach Moskau

Der Staatschef traf am Montag Mr. Putin in Moskau. Die beiden Politiker
sprachen nach Angaben der Regierung über die Zusammenarbeit ihrer Länder,
über den Handel und über die Lage in der Region. Ein Abkommen wurde nicht
unterzeichnet.
TXT
printf 'Startseite | Politik | Sport | Kultur\n\nWeiterlesen\n\nAnzeige\n\nKommentare\n' >"$T/v-chrome.txt"
# HTML tags in a .txt file that is not a page (no <!DOCTYPE html> or
# <html> at the start): refused (a page is read as HTML: html.sh).
printf '<p>Der Staatschef traf am Montag Putin.</p>\n<p>Er sagte nichts.</p>\n<p>Ende.</p>\n' >"$T/v-page.txt"
printf 'Der Staatschef traf am Montag Putin in Moskau.\n' >"$T/v-short.txt"

begin "gate: a page of site chrome fails every gate with a reason, never 100"
run --fail-under 90 --fail-on minor --format json "$T/v-chrome.txt"
expect_rc 1
expect_jq '.documents[0].score' 'null'
expect_jq '.documents[0].passed' 'false'
expect_jq '.documents[0].reason' '"no article text"'
expect_jq '.documents[0].words' '0'
expect_jq '.documents[0].unscored_words | to_entries | map(.value) | add > 0' 'true'
expect_jq '.summary.failed' '1'
end

begin "gate: the chrome page's text report says why, and each gate alone fails it"
run --fail-under 90 "$T/v-chrome.txt"
expect_rc 1
expect_stdout_has 'no score: no article text'
expect_stdout_has 'FAIL: no article text'
expect_stdout_lacks 'article score: 100.0'
run --fail-on critical "$T/v-chrome.txt"
expect_rc 1
run --fail-unscored 100 "$T/v-chrome.txt"
expect_rc 1
end

begin "gate: the chrome page without a gate has no score and no verdict, exit 0"
run "$T/v-chrome.txt"
expect_rc 0
expect_stdout_has 'no score: no article text'
expect_stdout_lacks 'PASS'
expect_stdout_lacks 'FAIL'
end

begin "no gate: no PASS in text, passed null in JSON, the score still shown"
run "$T/v-article.txt"
expect_rc 0
expect_stdout_has 'article score: '
expect_stdout_lacks 'PASS'
expect_stdout_lacks 'FAIL'
run --format json "$T/v-article.txt"
expect_rc 0
expect_jq '.documents[0].passed' 'null'
expect_jq '.documents[0].reason' 'null'
expect_jq '.documents[0].score | type' '"number"'
run --format csv "$T/v-article.txt" "$T/v-chrome.txt"
expect_rc 0
expect_stdout_has 'unscored,reason'
expect_stdout_has ',no article text'
grep -q '^[^,]*v-chrome.txt,ok,0,,,' "$T/out" || fail 'CSV row of the chrome page: no empty score and verdict'
[ "$(sed -n 2p "$T/out" | cut -d, -f5)" = "" ] || fail "CSV verdict is not empty without a gate"
end

begin "gate: PASS and FAIL with the reason"
run --fail-on critical "$T/v-article.txt"
expect_rc 0
expect_stdout_has 'PASS'
run --fail-on major --format json "$T/v-article.txt"
expect_rc 1
expect_jq '.documents[0].passed' 'false'
expect_jq '.documents[0].reason' '"finding at or above severity"'
run --fail-under 99 "$T/v-article.txt"
expect_rc 1
expect_stdout_has 'FAIL: score '
end

begin "--min-words: too little article text, and the minimum can be lowered"
run --fail-under 50 --format json "$T/v-short.txt"
expect_rc 1
expect_jq '.documents[0].score' 'null'
expect_jq '.documents[0].reason' '"too little article text"'
run --fail-under 50 "$T/v-short.txt"
expect_stdout_has 'no score: 8 scored words, fewer than 30'
run --min-words 5 --fail-under 50 --format json "$T/v-short.txt"
expect_rc 0
expect_jq '.documents[0].passed' 'true'
expect_jq '.documents[0].score' '100'
run --min-words 100 --format json "$T/v-article.txt"
expect_rc 0
expect_jq '.documents[0].score' 'null'
expect_jq '.documents[0].passed' 'null'
run --min-words -1 "$T/v-short.txt"
expect_usage_error
end

begin "--fail-unscored: an article mostly left out of the score fails"
cat "$T/v-article.txt" >"$T/v-mixed.txt"
printf '\nStartseite | Politik | Sport | Kultur\n\nKommentare\n' >>"$T/v-mixed.txt"
run --fail-unscored 50 --format json "$T/v-mixed.txt"
expect_rc 0
expect_jq '.documents[0].passed' 'true'
expect_jq '.documents[0].unscored_words | to_entries | map(.value) | add > 0' 'true'
run --fail-unscored 1 --format json "$T/v-mixed.txt"
expect_rc 1
expect_jq '.documents[0].reason' '"unscored share above limit"'
run --fail-unscored 1 "$T/v-mixed.txt"
expect_stdout_has 'FAIL: '
expect_stdout_has '% of the words unscored, more than 1 %'
run --fail-unscored 101 "$T/v-mixed.txt"
expect_usage_error
printf 'fail-unscored = 1\nmin-words = 5\n' >"$T/v-gate.conf"
run --config "$T/v-gate.conf" --format json "$T/v-mixed.txt" "$T/v-short.txt"
expect_rc 1
expect_jq '[.documents[].reason]' '["unscored share above limit",null]'
end

begin "markup: HTML tags in a .txt file are refused (exit 2), the other files are still reported"
run --format json "$T/v-article.txt" "$T/v-page.txt" "$T/v-chrome.txt"
expect_rc 2
expect_jq '.documents | length' '2'
expect_jq '.errors[0].status' '"markup"'
expect_jq '.errors[0].file' "\"$T/v-page.txt\""
n=$(nlines "$T/err")
[ "$n" = 1 ] || fail "$n stderr lines, expected 1"
grep -q "^mtaudit: $T/v-page.txt: input is HTML, not plain text; read it with --input-format html, or convert it to text first" "$T/err" ||
  fail "stderr: $(head -n 1 "$T/err")"
end

begin "markup: a German article that mentions <b> and a < b is audited"
printf 'Der Browser zeigt den Text zwischen <b> und </b> fett an, sagte der Entwickler am Montag in Berlin. Wenn a < b gilt und b > c, dann folgt daraus auch, dass a kleiner als c ist, wie jeder Schüler weiß.\n' >"$T/v-mention.txt"
run --format json "$T/v-mention.txt"
expect_rc 0
expect_jq '.errors | length' '0'
end

begin "markup: JSON Lines records that are HTML are refused one by one"
# (a record that starts as a page, "<html>...", is read as HTML: html.sh)
printf '{"id": 1, "text": "<p>Hallo</p><p>Welt</p><p>Ende</p>"}\n{"id": 2, "text": "Der Staatschef traf am Montag Putin."}\n' >"$T/v-markup.jsonl"
run --input-format jsonl --format jsonl "$T/v-markup.jsonl"
expect_rc 2
expect_jq_s '[.[] | select(.status == "markup")] | length' '1'
expect_jq_s '[.[] | select(.id == 2)] | length' '1'
end
