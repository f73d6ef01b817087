# --quiet, --min-severity and the progress bar (issue 17, part 7).
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN, $S0/$S1/$S3, $ESC.

begin "-q: one line per article and the totals line, nothing on stderr"
run -q --color never samples/
expect_rc 0
expect_no_stderr
n=$(ls samples/*.txt | wc -l)
[ "$(nlines "$T/out")" -eq $((n + 1)) ] ||
  fail "$(nlines "$T/out") lines for $n articles (expected $((n + 1)))"
grep -q "^$S0: score [0-9.]* over [0-9]* words; findings: " "$T/out" ||
  fail "no verdict line for $S0"
tail -n 1 "$T/out" | grep -q "^  $n documents, 0 failed, 0 errors$" ||
  fail "last line is not the totals: $(tail -n 1 "$T/out")"
end

begin "-q: the verdict line agrees with the full report (score, counts, FAIL)"
run -q --color never --fail-under 99 "$S0"
expect_rc 1
q=$(cat "$T/out")
run --color never --fail-under 99 "$S0"
full=$(grep '  article score: ' "$T/out" | sed 's/^  article score: [0-9.]* over [0-9]* words//; s/ ([0-9]* words unscored[^)]*)//')
case $q in
*"$full") ;;
*) fail "quiet '$q' does not end like the full report's '$full'" ;;
esac
end

begin "-q: errors still go to stderr, exit 2"
run -q "$S0" "$T/missing.txt"
expect_rc 2
grep -q "missing.txt" "$T/err" || fail "no error on stderr"
end

begin "--min-severity major: no minor finding listed, counted as hidden, same score and gate"
run --format json --min-severity major --fail-on minor "$S0"
r1=$rc
cp "$T/out" "$T/ms.json"
run --format json --fail-on minor "$S0"
[ "$rc" -eq "$r1" ] || fail "exit status $r1 with the filter, $rc without"
cp "$T/out" "$T/all.json"
jq -e '[.documents[0].findings[] | select(.severity == "minor")] | length == 0' "$T/ms.json" >/dev/null ||
  fail "a minor finding is listed"
minor=$(jq '[.documents[0].findings[] | select(.severity == "minor")] | length' "$T/all.json")
[ "$minor" -gt 0 ] || fail "the sample has no minor finding: nothing tested"
h=$(jq '.documents[0].findings_hidden' "$T/ms.json")
[ "$h" = "$minor" ] || fail "findings_hidden $h, expected $minor"
jq -e '.documents[0].findings_hidden_by_severity.minor == .documents[0].findings_hidden' "$T/ms.json" >/dev/null ||
  fail "findings_hidden_by_severity"
s1=$(jq '.documents[0].score' "$T/ms.json")
s2=$(jq '.documents[0].score' "$T/all.json")
[ "$s1" = "$s2" ] || fail "score $s1 with the filter, $s2 without"
end

begin "--min-severity: text says how many are hidden; SARIF and CSV too"
run --color never --min-severity critical "$S0" "$S1"
grep -q "findings hidden by --min-severity: 0 critical" "$T/out" ||
  fail "no hidden line in the text report"
tail -n 1 "$T/out" | grep -q "findings hidden by --min-severity$" ||
  fail "the totals do not say how many are hidden"
run --format sarif --min-severity critical "$S0"
jq -e '.runs[0].results == [] and .runs[0].properties.findingsHidden > 0' "$T/out" >/dev/null ||
  fail "SARIF: results listed or findingsHidden missing"
run --format csv --min-severity critical "$S0"
f1=$(sed -n 2p "$T/out")
run --format csv "$S0"
[ "$(sed -n 2p "$T/out")" = "$f1" ] || fail "CSV row changed: counts include hidden findings"
end

begin "--min-severity: an unknown severity is a usage error"
run --min-severity severe "$S0"
expect_usage_error "--min-severity: 'severe' is not minor, major or critical"
end

# The progress bar needs a terminal: script(1) from util-linux gives the
# binary a pseudo-terminal on stdout and stderr.
if command -v script >/dev/null 2>&1; then
  begin "progress bar on a terminal: bar, counts, files/s, ETA, name; cleared at the end"
  COLUMNS=100 script -qec "'$BIN' -o '$T/pty-report.txt' samples/" /dev/null \
    >"$T/pty.raw" 2>&1 </dev/null
  n=$(ls samples/*.txt | wc -l)
  grep -aq "\[[#.]*\] [0-9]*/$n " "$T/pty.raw" || fail "no bar with N/$n"
  grep -aq "files/s  ETA [0-9:-]*  " "$T/pty.raw" || fail "no files/s and ETA"
  grep -aq "samples/0" "$T/pty.raw" || fail "no file name"
  [ "$(tail -c 4 "$T/pty.raw" | od -An -c | tr -d ' \n')" = '\r033[K' ] ||
    fail "the bar is not cleared at the end: $(tail -c 20 "$T/pty.raw" | od -An -c)"
  # Each redraw: ESC [ K (3 bytes), then at most 99 columns.
  awk -v RS='\r' 'length > 102 { bad = 1 } END { exit bad }' "$T/pty.raw" ||
    fail "a line wider than the terminal"
  [ -s "$T/pty-report.txt" ] || fail "no report"
  end

  begin "progress bar: none with -q, on a terminal"
  script -qec "'$BIN' -q -o '$T/pty-report.txt' samples/" /dev/null \
    >"$T/pty.raw" 2>&1 </dev/null
  [ ! -s "$T/pty.raw" ] || fail "output on the terminal: $(head -c 80 "$T/pty.raw" | od -An -c | head -3)"
  end
fi

begin "progress bar: nothing on stderr when it is not a terminal"
run -o "$T/notty.txt" samples/
expect_rc 0
expect_no_stderr
end
