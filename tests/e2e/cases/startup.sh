# Start-up (issue 18, part 3): --version and inputs that are all missing
# never load a Hunspell dictionary (the command line makes its shared
# dictionaries only once some input exists); their messages and exit
# codes stay. Checked through strace when it is installed.
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN, $S0.

# S_no_dict_opened: fails when the trace $T/trace shows a .dic file opened.
S_no_dict_opened() {
  if grep -q '\.dic"' "$T/trace"; then
    fail "a dictionary was opened: $(grep -m 1 '\.dic"' "$T/trace")"
  fi
}

begin "a missing file: its error, exit 2"
run "$T/startup-missing.txt"
expect_rc 2
expect_no_stdout
[ "$(cat "$T/err")" = "mtaudit: $T/startup-missing.txt: No such file or directory" ] ||
  fail "stderr: $(cat "$T/err")"
end

begin "a batch of missing files at -j 2: one error each, in order, exit 2"
run -j 2 --format json "$T/startup-a.txt" "$T/startup-b.txt"
expect_rc 2
[ "$(nlines "$T/err")" -eq 2 ] || fail "$(nlines "$T/err") error lines"
head -n 1 "$T/err" | grep -q "startup-a.txt: No such file or directory" ||
  fail "first error: $(head -n 1 "$T/err")"
expect_jq '.summary' '{"documents":0,"failed":0,"errors":2}'
end

if command -v strace >/dev/null 2>&1 && [ -z "${VALGRIND:-}" ]; then
  begin "--version and missing files load no dictionary"
  strace -f -e trace=open,openat -o "$T/trace" "$BIN" --version >/dev/null 2>&1
  S_no_dict_opened
  # (the exit status is checked above: LeakSanitizer fails under ptrace)
  strace -f -e trace=open,openat -o "$T/trace" "$BIN" -j 2 \
    "$T/startup-a.txt" "$T/startup-b.txt" >/dev/null 2>&1
  S_no_dict_opened
  end

  begin "an existing input does load the dictionaries"
  strace -f -e trace=open,openat -o "$T/trace" "$BIN" "$S0" >/dev/null 2>&1
  grep -q '\.dic"' "$T/trace" || fail "no dictionary opened"
  end
fi
