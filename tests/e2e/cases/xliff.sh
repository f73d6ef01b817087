# Sourced by tests/e2e/run.sh: XLIFF 1.2 and 2.0 input (src/xliff.c), the
# targets audited against the sources the file carries.

X12=tests/data/xliff/budget-1.2.xlf
X20=tests/data/xliff/storm-2.0.xlf
cat >"$T/x-bad.xlf" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en" target-language="de" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>The vote was 31 to 12.</source>
        <target>Die Abstimmung endete 31 zu 12.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
XML

begin "XLIFF 1.2 and 2.0: the targets audited, one paragraph per translated unit"
run --format json "$X12" "$X20"
expect_rc 0
expect_no_stderr
expect_json
expect_jq '[.documents[].encoding]' '["XLIFF 1.2 (UTF-8)","XLIFF 2.0 (UTF-8)"]'
expect_jq '[.documents[].paragraphs | length]' '[6,5]'
expect_jq '.errors' '[]'
# The sources are used, paragraph for paragraph.
expect_jq '[.documents[].source | [.used, .paragraphs]]' '[[true,6],[true,5]]'
expect_jq '[.documents[].paragraphs[] | has("source_start")] | all' 'true'
# A paragraph's line is its <target>'s line in the file.
expect_jq '[.documents[0].paragraphs[].line]' '[14,19,27,34,41,55]'
# No markup and no untranslated or locked unit is audited as text.
run --format json "$X12"
expect_stdout_lacks 'The vote was'
expect_stdout_lacks 'City News Service'
expect_stdout_lacks 'trans-unit'
end

begin "XLIFF: the text report names the format"
run "$X20"
expect_rc 0
expect_stdout_has "$X20 (XLIFF 2.0 (UTF-8)): 5 paragraphs"
end

# Accuracy findings need an accuracy check that reads numbers; the case
# checks them once one is registered.
if "$BIN" --list-rules 2>/dev/null | grep -q 'accuracy/number'; then
  begin "XLIFF: a changed number is an accuracy finding with its source span"
  run --format json "$X12"
  expect_json
  expect_jq '[.documents[0].findings[] | select(.rule == "accuracy/number") | [.paragraph, .line]]' '[[4,34]]'
  expect_jq '[.documents[0].findings[] | select(.rule | startswith("accuracy/")) | keys[] | select(startswith("source"))] | length > 0' 'true'
  # The faithful 2.0 file has no number finding.
  run --format json "$X20"
  expect_jq '[.documents[0].findings[] | select(.rule == "accuracy/number")] | length' '0'
  end
fi

begin "XLIFF: a malformed file is one line with the parser's message, exit 2, the batch goes on"
run --format json "$X12" "$T/x-bad.xlf" "$X20"
expect_one_error "$T/x-bad.xlf"
grep -q -E "^mtaudit: $T/x-bad.xlf: XLIFF: line 7: .*mismatch" "$T/err" ||
  fail "stderr is '$(head -n 1 "$T/err")'"
expect_jq '[.documents[].file]' "[\"$X12\",\"$X20\"]"
expect_jq '[.errors[].file]' "[\"$T/x-bad.xlf\"]"
expect_jq '.summary.errors' '1'
end

begin "XLIFF: with --source it is an error (the file carries its own)"
printf 'The vote was 31 to 12.\n' >"$T/x-src.txt"
run --source "$T/x-src.txt" "$X12"
expect_one_error "$X12"
grep -q -F "mtaudit: $X12: XLIFF carries its own source; drop --source" "$T/err" ||
  fail "stderr is '$(head -n 1 "$T/err")'"
end

begin "XLIFF: no translated unit is an error, not a score"
printf '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file id="f"><unit id="1"><segment><source>Hello.</source></segment></unit></file></xliff>\n' >"$T/x-none.xlf"
run "$T/x-none.xlf"
expect_one_error "$T/x-none.xlf"
grep -q -F "no translated units" "$T/err" || fail "stderr is '$(head -n 1 "$T/err")'"
end

begin "XLIFF: an external entity is not read"
printf 'GEHEIMNIS-4711\n' >"$T/x-secret.txt"
cat >"$T/x-xxe.xlf" <<XML
<?xml version="1.0"?>
<!DOCTYPE xliff [ <!ENTITY s SYSTEM "file://$T/x-secret.txt"> ]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>The secret: &s;.</source><target>Das Geheimnis: &s;.</target></trans-unit></body></file></xliff>
XML
run --format json "$T/x-xxe.xlf"
expect_rc 0
expect_stdout_lacks 'GEHEIMNIS'
end

begin "XLIFF: other XML is still refused as markup"
printf '<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="de"><seg>Ein Satz.</seg></tuv></tu></body></tmx>\n' >"$T/x-tmx.xml"
run "$T/x-tmx.xml"
expect_one_error "$T/x-tmx.xml"
grep -q -F "input is XML, not plain text" "$T/err" || fail "stderr is '$(head -n 1 "$T/err")'"
end

begin "XLIFF: -j 2 gives the output of -j 1"
run --format json -j 1 "$X12" "$X20" "$T/x-bad.xlf" "$X12" "$X20"
cp "$T/out" "$T/x-j1.json"
run --format json -j 2 "$X12" "$X20" "$T/x-bad.xlf" "$X12" "$X20"
expect_rc 2
cmp -s "$T/out" "$T/x-j1.json" || fail "-j 2 output differs from -j 1"
end

begin "XLIFF: a UTF-16 file (byte-order mark, declaration UTF-16) is decoded first"
sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$X12" | iconv -f UTF-8 -t UTF-16 >"$T/x-u16.xlf"
run --format json "$T/x-u16.xlf"
expect_rc 0
expect_jq '.documents[0].encoding' '"XLIFF 1.2 (UTF-16LE)"'
expect_jq '.documents[0].source.paragraphs' '6'
end
