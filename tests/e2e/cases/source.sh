# Source-aware mode (issue 16): --source FILE, --source-dir DIR and JSON
# Lines records with a "source" member; a source that cannot be used is
# said on stderr ("mtaudit: FILE: source SRC: REASON; audited without it"),
# exit 2, and the report is still written, monolingual.
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN.

mkdir "$T/src-en" "$T/src-de"
cat >"$T/src-en/a.txt" <<'EOT'
Pentagon to send more weapons to Ukraine

The Pentagon will send $4.5 billion in new military aid to Ukraine, officials said on September 28.

Defense Secretary Lloyd Austin said the package includes 20 artillery systems and 1,000 drones.

"We will stand with Ukraine for as long as it takes," Austin told reporters in Washington.
EOT
# The translation, with one number changed ("billion" -> "Millionen").
cat >"$T/src-de/a.txt" <<'EOT'
Pentagon schickt weitere Waffen in die Ukraine

Das Pentagon wird der Ukraine neue Militärhilfe in Höhe von 4,5 Millionen Dollar schicken, sagten Beamte am 28. September.

Verteidigungsminister Lloyd Austin sagte, das Paket umfasse 20 Artilleriesysteme und 1.000 Drohnen.

„Wir werden der Ukraine so lange wie nötig zur Seite stehen“, sagte Austin vor Reportern in Washington.
EOT
cp "$S3" "$T/src-de/b.txt" # its original is missing from src-en/

# src_text_ok FILE: every finding of the first document with a source span
# has as source_text the bytes of FILE at [source_start, source_end).
src_text_ok() {
  jq -c '.documents[0].findings[] | select(has("source_start")) |
    [.source_start, .source_end, .source_text]' "$T/out" |
    while IFS= read -r f; do
      a=$(printf '%s' "$f" | jq '.[0]')
      b=$(printf '%s' "$f" | jq '.[1]')
      want=$(printf '%s' "$f" | jq -r '.[2]')
      got=$(tail -c +$((a + 1)) "$1" | head -c $((b - a)))
      [ "$got" = "$want" ] || echo "source_text '$want' is not bytes $a..$b ('$got')"
    done
}

begin "--source: JSON has the source, paragraph source spans and findings' source text"
run --format json --source "$T/src-en/a.txt" "$T/src-de/a.txt"
expect_rc 0
expect_no_stderr
expect_json
expect_jq '.documents[0].source | [.name, .encoding, .used, has("error"), .paragraphs]' \
  "[\"$T/src-en/a.txt\",\"UTF-8\",true,false,4]"
expect_jq '[.documents[0].paragraphs[] | (.source_end > .source_start)] | all' true
# The paragraph spans are the English paragraphs: the second starts "The Pentagon".
s=$(jqv '.documents[0].paragraphs[1].source_start')
[ "$s" = "$(byte_offset "$T/src-en/a.txt" 'The Pentagon')" ] ||
  fail "paragraph 2 source_start $s"
bad=$(src_text_ok "$T/src-en/a.txt")
[ -z "$bad" ] || fail "$bad"
if "$BIN" --list-rules 2>/dev/null | grep -q 'accuracy/number'; then
  expect_jq '[.documents[0].findings[] | select(.rule == "accuracy/number") |
    has("source_text")] | any' true
fi
end

begin "--source: text report names the source; SARIF is valid"
run --source "$T/src-en/a.txt" "$T/src-de/a.txt"
expect_rc 0
expect_stdout_has "  source: $T/src-en/a.txt (4 paragraphs, aligned)"
if grep -q '\[accuracy/' "$T/out"; then
  expect_stdout_has '= source: "'
fi
run --format sarif --source "$T/src-en/a.txt" "$T/src-de/a.txt"
expect_rc 0
v=$(jq -c -f tests/e2e/sarif-required.jq "$T/out" 2>/dev/null)
[ "$v" = "[]" ] || fail "SARIF violations: $v"
v=$(jq -c '[.runs[0].results[] | .relatedLocations // empty | .[] |
  select(.message.text != "English source" or
    (.physicalLocation.artifactLocation.uri | endswith("src-en/a.txt") | not))] | length' "$T/out")
[ "$v" = 0 ] || fail "$v related locations not in the source file"
end

begin "XLIFF: the text report says the units pair source and target"
run tests/data/xliff/budget-1.2.xlf
expect_rc 0
expect_stdout_has "  source: tests/data/xliff/budget-1.2.xlf (6 paragraphs, paired unit by unit)"
end

begin "--source: HTML page shows source and target side by side"
run --format html -o "$T/src-html" --source "$T/src-en/a.txt" "$T/src-de/a.txt"
expect_rc 0
p="$T/src-html/a.txt.html"
[ -s "$p" ] || fail "no page"
n=$(grep -c '<section class="para pair' "$p")
[ "$n" -eq 4 ] || fail "$n pair rows, expected 4"
grep -q 'Militärhilfe' "$p" && grep -q 'military aid' "$p" || fail "a side is missing"
grep -q '<script' "$p" && fail "the article page has a script"
end

begin "--source in German: said on stderr, exit 2, audited without it"
run --format json --source "$T/src-de/a.txt" "$T/src-de/a.txt"
expect_one_error "$T/src-de/a.txt"
case $(cat "$T/err") in
"mtaudit: $T/src-de/a.txt: source $T/src-de/a.txt: looks German, not English ("*"); audited without it") ;;
*) fail "message: $(cat "$T/err")" ;;
esac
expect_json
expect_jq '.documents[0].source | [.used, .encoding, .paragraphs]' '[false,null,null]'
expect_jq '.documents[0].source.error | startswith("looks German")' true
expect_jq '[.documents[0].paragraphs[] | has("source_start")] | any' false
expect_jq '.documents[0].words > 0' true
end

begin "--source missing: said on stderr, exit 2, report still written"
run --format json --source "$T/src-en/none.txt" "$T/src-de/a.txt"
expect_one_error "$T/src-de/a.txt"
case $(cat "$T/err") in
"mtaudit: $T/src-de/a.txt: source $T/src-en/none.txt: "*"; audited without it") ;;
*) fail "message: $(cat "$T/err")" ;;
esac
expect_jq '.documents[0].source.used' false
expect_jq '.summary.documents' 1
run --source "$T/src-en/none.txt" "$T/src-de/a.txt"
expect_rc 2
expect_stdout_has "  source: $T/src-en/none.txt not used: "
end

begin "--source with two inputs: usage error"
run --source "$T/src-en/a.txt" "$T/src-de/a.txt" "$T/src-de/b.txt"
expect_usage_error
end

begin "--source-dir: the original of every input, one missing"
run --format jsonl --source-dir "$T/src-en" "$T/src-de"
expect_rc 2
n=$(nlines "$T/err")
[ "$n" -eq 1 ] || fail "$n stderr lines, expected 1"
case $(cat "$T/err") in
"mtaudit: $T/src-de/b.txt: source $T/src-en/b.txt: "*"; audited without it") ;;
*) fail "message: $(cat "$T/err")" ;;
esac
expect_jq_s '[.[] | [(.file | sub(".*/"; "")), .source.used]] | sort' \
  '[["a.txt",true],["b.txt",false]]'
end

begin "JSON Lines input: a record's \"source\" member"
jq -n -c --rawfile de "$T/src-de/a.txt" --rawfile en "$T/src-en/a.txt" \
  '{id: 1, text: $de, source: $en}, {id: 2, text: $de}' >"$T/src.jsonl"
run --input-format jsonl --format jsonl "$T/src.jsonl"
expect_rc 0
expect_jq_s '[.[] | [.id, .source.used]]' '[[1,true],[2,null]]'
expect_jq_s '[.[0].paragraphs[] | has("source_start")] | all' true
expect_jq_s '[.[1] | has("source")]' '[false]'
end

rm -rf "$T/src-en" "$T/src-de" "$T/src-html" "$T/src.jsonl"
