# Sourced by tests/e2e/run.sh: the forms of the command line (getopt_long):
# attached values, --opt=value, bundling, "--" ending the options, and the
# one-line usage errors (exit 2, "mtaudit: ...", then "Try 'mtaudit
# --help'.").

# expect_usage_message TEXT: a usage error whose first line is
# "mtaudit: TEXT" and whose second line points to --help.
expect_usage_message() {
  expect_usage_error
  [ "$(head -n 1 "$T/err")" = "mtaudit: $1" ] ||
    fail "first stderr line is '$(head -n 1 "$T/err")', expected 'mtaudit: $1'"
  [ "$(sed -n 2p "$T/err")" = "Try 'mtaudit --help'." ] ||
    fail "second stderr line is '$(sed -n 2p "$T/err")'"
  [ "$(nlines "$T/err")" -eq 2 ] || fail "$(nlines "$T/err") stderr lines, expected 2"
}

run --format json "$S0" "$S1"
cp "$T/out" "$T/o-ref.json"

begin "options: -j2 (attached value) is -j 2"
run --format json -j2 "$S0" "$S1"
expect_rc 0
expect_no_stderr
cmp -s "$T/o-ref.json" "$T/out" || fail "output differs from -j 1"
end

begin "options: -fjson (attached value) is --format json"
run -fjson "$S0" "$S1"
expect_rc 0
expect_no_stderr
cmp -s "$T/o-ref.json" "$T/out" || fail "output differs from --format json"
end

begin "options: --format=json is --format json"
run --format=json "$S0" "$S1"
expect_rc 0
expect_no_stderr
cmp -s "$T/o-ref.json" "$T/out" || fail "output differs from --format json"
end

begin "options: options after the paths still count, paths keep their order (also with POSIXLY_CORRECT)"
run "$S1" -j2 "$S0" -fjson
expect_rc 0
expect_no_stderr
expect_jq '[.documents[].file]' "$(jq -n -c --arg a "$S1" --arg b "$S0" '[$a, $b]')"
POSIXLY_CORRECT=1 $VALGRIND "$BIN" "$S1" -j2 "$S0" -fjson >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0
expect_no_stderr
expect_jq '[.documents[].file]' "$(jq -n -c --arg a "$S1" --arg b "$S0" '[$a, $b]')"
end

begin "options: -- ends the options: a file named -x.txt and one named --help"
cp "$S3" "$T/-x.txt"
cp "$S3" "$T/--help"
(cd "$T" && $VALGRIND "$BIN" --format json -- -x.txt --help >"$T/out" 2>"$T/err")
rc=$?
expect_rc 0
expect_no_stderr
expect_jq '[.documents[].file]' '["-x.txt","--help"]'
expect_jq '.summary' '{"documents":2,"failed":0,"errors":0}'
end

begin "options: without --, -x.txt is an unknown option"
(cd "$T" && $VALGRIND "$BIN" --format json -x.txt >"$T/out" 2>"$T/err")
rc=$?
expect_usage_message "unknown option '-x.txt'"
end

begin "options: - is standard input, also among options"
run -fjson - -j2 <"$S0"
expect_rc 0
expect_no_stderr
expect_jq '.documents[0].file' '"<stdin>"'
end

begin "options: an unknown long option"
run --no-such-option "$S0"
expect_usage_message "unknown option '--no-such-option'"
end

begin "options: an unknown short option"
run -Z "$S0"
expect_usage_message "unknown option '-Z'"
end

begin "options: a missing value names the option as written"
run "$S0" --format
expect_usage_message "--format needs a value"
run "$S0" -j
expect_usage_message "-j needs a value"
run -o "" "$S0"
expect_usage_message "-o needs a value"
end

begin "options: a value for an option that takes none"
run --no-spell=yes "$S0"
expect_usage_message "--no-spell takes no value"
end

begin "options: an ambiguous prefix lists the candidates; a unique one works"
run --no "$S0"
expect_usage_message "ambiguous option '--no' (--no-excerpt, --no-config, --no-spell)"
run --form json "$S0" "$S1"
expect_rc 0
expect_no_stderr
cmp -s "$T/o-ref.json" "$T/out" || fail "--form json differs from --format json"
end

begin "options: bad values keep their messages (-j0, -fxml)"
run -j0 "$S0"
expect_usage_message "--jobs: '0' is not a number from 1 to 256"
run -fxml "$S0"
expect_usage_message "unknown format 'xml' (text, json, jsonl, html, sarif, csv)"
end

begin "options: the first action wins (-hV prints the help only)"
run -hV
expect_rc 0
expect_no_stderr
expect_stdout_has "usage: mtaudit"
expect_stdout_lacks "mtaudit 0"
end

begin "options: --config=FILE is read before the other options; --config without a value"
printf '[rules]\nspelling = off\n' >"$T/o.conf"
run --format=json --config="$T/o.conf" "$S0"
expect_rc 0
expect_jq '[.documents[0].findings[] | select(.category == "spelling")] | length' '0'
run "$S0" --config
expect_usage_message "--config needs a value"
end
