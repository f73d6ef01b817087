# Sourced by tests/e2e/run.sh: HTML input (src/html_input.c), the article
# text of a page, findings pointing into the HTML file.

HN=tests/data/html/news-page.html
H4=tests/data/html/sample-004.html
S4=samples/004_5fb067ae175f60a6.txt

begin "HTML: a saved news page is read as its article (nav, ads, scripts, footer dropped)"
run --format json "$HN"
expect_rc 0
expect_no_stderr
expect_json
expect_jq '.documents[0].encoding' '"HTML (UTF-8)"'
expect_jq '.documents[0].paragraphs | length' '15'
expect_jq '.errors' '[]'
run --no-excerpt "$HN"
expect_rc 0
run "$HN"
for w in Hauptnavigation Startseite Cookies Anzeige loadAd dataLayer Impressum \
  'Mehr zum Thema' 'Kommentare' 'Teilen' 'Rundschau Online GmbH' 'Mit Material'; do
  expect_stdout_lacks "$w"
done
expect_stdout_has 'Lage in Passau , wo Donau'
# Lines and columns point into the HTML: " ," in line 46, column 51;
# paragraphs are numbered by their line in the file.
expect_stdout_has "$HN:46:51: minor: space before ',' [punctuation/space-before]"
expect_stdout_has "$HN:39:67: minor: photo credit"
run --format json "$HN"
expect_jq '[.documents[0].paragraphs[].line][:4]' '[32,33,34,36]'
end

begin "HTML: a sample wrapped in a page has the sample's findings, at lines of the HTML"
run --format json "$S4"
jq -c '[.documents[0].findings[].rule]' "$T/out" >"$T/h-rules-txt"
jq -c '[.documents[0].score]' "$T/out" >"$T/h-score-txt"
run --format json "$H4"
expect_rc 0
expect_no_stderr
jq -c '[.documents[0].findings[].rule]' "$T/out" >"$T/h-rules-html"
jq -c '[.documents[0].score]' "$T/out" >"$T/h-score-html"
cmp -s "$T/h-rules-txt" "$T/h-rules-html" || fail "rules differ: $(cat "$T/h-rules-html")"
cmp -s "$T/h-score-txt" "$T/h-score-html" || fail "scores differ"
# Paragraph k of the sample is line 15 + k of the page, column 6 (after
# "  <p>"); "Paria" stands at column 62 of line 24.
expect_jq '[.documents[0].findings[] | select(.rule == "english-leftover/date") | [.line, .column]]' '[[16,6]]'
expect_jq '[.documents[0].findings[] | select(.message | test("Paria")) | [.line, .column]]' '[[24,62]]'
expect_jq '[.documents[0].findings[].line] | min' '16'
end

begin "HTML: SARIF regions point into the HTML (line, column, byte offset)"
run --format sarif "$H4"
expect_rc 0
expect_jq '[.runs[0].results[] | select(.ruleId == "english-leftover/date") | .locations[0].physicalLocation.region | [.startLine, .startColumn]]' '[[16,6]]'
off=$(jq '[.runs[0].results[] | select(.ruleId == "english-leftover/date")][0].locations[0].physicalLocation.region.byteOffset' "$T/out")
got=$(dd if="$H4" bs=1 skip="$off" count=18 2>/dev/null)
[ "$got" = "September 28, 2024" ] || fail "byteOffset $off holds '$got'"
end

begin "HTML: --input-format html reads standard input and any name as a page"
run --input-format html --format json - <"$HN"
expect_rc 0
expect_jq '.documents[0].encoding' '"HTML (UTF-8)"'
expect_jq '.documents[0].paragraphs | length' '15'
cp "$HN" "$T/h-page.dat"
run --input-format html --format json "$T/h-page.dat"
expect_rc 0
expect_jq '.documents[0].paragraphs | length' '15'
# detected without the option: the text starts with <!DOCTYPE html
run --format json "$T/h-page.dat"
expect_rc 0
expect_jq '.documents[0].encoding' '"HTML (UTF-8)"'
end

begin "HTML: a page without article text is refused with one line, exit 2"
printf '<!DOCTYPE html>\n<html><head><title>Nur ein Titel</title></head>\n<body><nav><a href="/">Start</a></nav><script>x()</script></body></html>\n' >"$T/h-empty.html"
run "$T/h-empty.html"
expect_one_error "$T/h-empty.html"
grep -q "^mtaudit: $T/h-empty.html: HTML: no article text found$" "$T/err" ||
  fail "stderr: $(head -n 1 "$T/err")"
printf 'Nur Text, keine Tags.\n' >"$T/h-plain.txt"
run --input-format html "$T/h-plain.txt"
expect_one_error "$T/h-plain.txt"
grep -q "not HTML" "$T/err" || fail "stderr: $(head -n 1 "$T/err")"
printf '<html><body><p>Bin\000\001\002\003 Daten</p></body></html>' >"$T/h-binary.html"
run "$T/h-binary.html"
expect_one_error "$T/h-binary.html"
end

begin "HTML: a directory of pages and texts, a bad page among them: the others still audited"
mkdir -p "$T/h-dir/sub"
cp "$HN" "$T/h-dir/b-seite.html"
cp "$H4" "$T/h-dir/sub/c-seite.HTM"
cp "$T/h-empty.html" "$T/h-dir/a-leer.htm"
cp "$S0" "$T/h-dir/d-text.txt"
printf 'kein Artikel\n' >"$T/h-dir/e-notiz.md"
run --format json "$T/h-dir"
expect_rc 2
expect_jq '[.documents[].file]' "[\"$T/h-dir/b-seite.html\",\"$T/h-dir/d-text.txt\",\"$T/h-dir/sub/c-seite.HTM\"]"
expect_jq '[.errors[] | [.file, .status]]' "[[\"$T/h-dir/a-leer.htm\",\"empty\"]]"
n=$(nlines "$T/err")
[ "$n" = 1 ] || fail "$n stderr lines, expected 1"
rm -rf "$T/h-dir"
end

begin "HTML: --input-format rejects an unknown format and names html"
run --input-format xml "$HN"
expect_usage_error
grep -q "text, html, jsonl" "$T/err" || fail "stderr: $(head -n 1 "$T/err")"
end

begin "HTML: a JSON Lines record holding a page is read as HTML"
printf '{"id": 1, "text": "<html><body><nav>Start</nav><p>Der Staatschef traf am Montag in Berlin ein.</p><p>Er sprach mit der Presse.</p></body></html>"}\n' >"$T/h-rec.jsonl"
run --input-format jsonl --format jsonl "$T/h-rec.jsonl"
expect_rc 0
expect_jq '.encoding' '"HTML (UTF-8)"'
expect_jq '.paragraphs | length' '2'
end
