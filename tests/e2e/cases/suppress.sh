# Sourced by tests/e2e/run.sh: suppressions (--write-baseline, --baseline,
# the [accept] section) and configuration discovery (upward from the
# input's directory, then $XDG_CONFIG_HOME/mtaudit/mtaudit.conf; --verbose
# names it). Every case runs in its own directories under $T, with
# XDG_CONFIG_HOME pointing into $T, so the user's own configuration never
# counts.

SX=$T/suppress
rm -rf "$SX"
mkdir -p "$SX/proj/sub/deeper" "$SX/xdg/mtaudit" "$SX/empty"
sx_text='Die Regierung hat gestern einen neuen Plan vorgestelt.

Der Minister sagte, das sei ein wichtiger Schritt.
'
printf '%s' "$sx_text" >"$SX/proj/sub/a.txt"

# sx ARG...: runs the binary in $SX with no user configuration.
sx() {
  (cd "$SX" && XDG_CONFIG_HOME=$SX/empty $VALGRIND "$BIN" "$@" >"$T/out" 2>"$T/err")
  rc=$?
}

begin "baseline: --write-baseline then --baseline: no findings, 'N suppressed' in the summaries"
sx --format json --write-baseline bl.json proj/sub/a.txt
expect_rc 0
expect_jq '[.documents[0].findings[].rule]' '["spelling/unknown"]'
jq -e '.version == 1 and .tool == "mtaudit" and (.findings | length) == 1 and
  .findings[0].rule == "spelling/unknown" and .findings[0].file == "proj/sub/a.txt" and
  .findings[0].text == "vorgestelt" and (.findings[0].fingerprint | test("^[0-9a-f]{16}$"))' \
  "$SX/bl.json" >/dev/null 2>&1 || fail "baseline file: $(head -c 300 "$SX/bl.json")"
sx --format json --baseline bl.json proj/sub/a.txt
expect_rc 0
expect_no_stderr
expect_jq '.documents[0].findings | length' '0'
expect_jq '.documents[0].suppressed' '{"baseline":1,"accept":0}'
expect_jq '.summary.suppressed' '1'
sx --baseline bl.json proj/sub/a.txt
expect_stdout_has '1 suppressed (baseline 1, accept list 0)'
sx --format sarif --baseline bl.json proj/sub/a.txt
expect_jq '.runs[0].properties.suppressed' '1'
expect_jq '[.runs[0].results[] | [.baselineState, .suppressions[0].kind]]' '[["unchanged","external"]]'
sx --format html -o html --baseline bl.json proj/sub/a.txt
grep -q '<b>1</b>suppressed' "$SX/html/index.html" || fail "the HTML index does not count the suppressed finding"
sx --format json --baseline bl.json --write-baseline bl2.json proj/sub/a.txt
cmp -s "$SX/bl.json" "$SX/bl2.json" || fail "--baseline with --write-baseline does not record the suppressed findings"
end

begin "baseline: a paragraph inserted at the top: still suppressed; a changed sentence: reported (baselineState new)"
{ printf 'Ganz oben steht jetzt ein neuer Absatz.\n\n'; printf '%s' "$sx_text"; } >"$SX/proj/sub/a.txt"
sx --format json --baseline bl.json proj/sub/a.txt
expect_rc 0
expect_jq '.documents[0].findings | length' '0'
printf '%s' "$sx_text" | sed 's/gestern/heute/' >"$SX/proj/sub/a.txt"
sx --format json --baseline bl.json --fail-on major proj/sub/a.txt
expect_rc 1
expect_jq '[.documents[0].findings[].rule]' '["spelling/unknown"]'
sx --format sarif --baseline bl.json proj/sub/a.txt
expect_jq '[.runs[0].results[].baselineState]' '["new"]'
end

begin "baseline: a suppressed finding fails no gate"
printf '%s' "$sx_text" >"$SX/proj/sub/a.txt"
sx --baseline bl.json --fail-on minor --min-words 1 proj/sub/a.txt
expect_rc 0
sx --fail-on minor --min-words 1 proj/sub/a.txt
expect_rc 1
end

begin "baseline: a missing or malformed file is an error (exit 2, nothing audited)"
sx --baseline nosuch.json proj/sub/a.txt
expect_rc 2
expect_no_stdout
grep -q 'nosuch.json' "$T/err" || fail "stderr does not name the file"
printf '{"version": 7, "findings": []}\n' >"$SX/bad.json"
sx --baseline bad.json proj/sub/a.txt
expect_rc 2
grep -q 'version' "$T/err" || fail "stderr does not name the version"
end

begin "config: found upward from the input's folder; --verbose names it; the JSON names it"
printf '[accept]\nspelling = vorgestelt\n' >"$SX/proj/mtaudit.conf"
cp "$SX/proj/sub/a.txt" "$SX/proj/sub/deeper/b.txt"
sx --verbose --format json proj/sub/deeper/b.txt
expect_rc 0
expect_jq '.documents[0].findings | length' '0'
expect_jq '.documents[0].suppressed' '{"baseline":0,"accept":1}'
grep -q "proj/sub/deeper/b.txt: configuration .*proj/mtaudit.conf" "$T/err" ||
  fail "--verbose: $(head -n 1 "$T/err")"
v=$(jqv '.documents[0].config')
case $v in *proj/mtaudit.conf\") ;; *) fail "config is $v" ;; esac
v=$(jqv '.tool.config')
case $v in *proj/mtaudit.conf\") ;; *) fail "tool.config is $v" ;; esac
# Run from the sub-folder: the same configuration.
(cd "$SX/proj/sub" && XDG_CONFIG_HOME=$SX/empty $VALGRIND "$BIN" --format json a.txt >"$T/out" 2>"$T/err")
expect_jq '.documents[0].suppressed.accept' '1'
# --no-config reads none, --config FILE wins for every input.
sx --no-config --verbose --format json proj/sub/a.txt
expect_jq '.documents[0].findings | length' '1'
grep -q "proj/sub/a.txt: no configuration file" "$T/err" || fail "--no-config --verbose: $(head -n 1 "$T/err")"
printf 'fail-on = minor\n' >"$SX/other.conf"
sx --config other.conf --format json proj/sub/a.txt
expect_rc 1
rm -f "$SX/proj/mtaudit.conf"
end

begin "config: inputs in two folders get their own configurations (-j 2)"
mkdir -p "$SX/p1" "$SX/p2"
printf '%s' "$sx_text" >"$SX/p1/a.txt"
printf '%s' "$sx_text" >"$SX/p2/a.txt"
printf '[accept]\n* = vorgestelt\n' >"$SX/p1/mtaudit.conf"
sx -j 2 --format json p1/a.txt p2/a.txt
expect_rc 0
expect_jq '[.documents[] | .findings | length]' '[0,1]'
expect_jq '[.documents[] | .config]' '["p1/mtaudit.conf",null]'
expect_jq '.tool.config' 'null'
end

begin "config: \$XDG_CONFIG_HOME/mtaudit/mtaudit.conf when none is found upward"
printf 'fail-on = minor\n' >"$SX/xdg/mtaudit/mtaudit.conf"
(cd "$SX" && XDG_CONFIG_HOME=$SX/xdg $VALGRIND "$BIN" --verbose proj/sub/a.txt >"$T/out" 2>"$T/err")
rc=$?
expect_rc 1
grep -q "configuration $SX/xdg/mtaudit/mtaudit.conf" "$T/err" || fail "--verbose: $(head -n 1 "$T/err")"
end
