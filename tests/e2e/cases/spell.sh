# The speller in a pipeline (issue 12): a garbage token must not stall a
# batch (the compound splitter was exponential), suggestions must not
# depend on -j or the load (Hunspell's suggest() stops on CPU-time limits),
# and word lists and configuration files must be regular files of bounded
# size, read with lines of any length.
#
# Sourced by tests/e2e/run.sh: same harness (begin/run/expect_rc/end), $T,
# $BIN, $S0/$S1/$S3.

# run_limited SECONDS ARG...: run() under timeout(1), a guard against
# hangs only (never a measure of speed): rc 124 means it was killed.
# Under valgrind the limit is ten times longer.
run_limited() {
  lim=$1
  shift
  [ -n "$VALGRIND" ] && lim=$((lim * 10))
  timeout "$lim" $VALGRIND "$BIN" "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

expect_not_killed() {
  [ "$rc" -ne 124 ] || fail "killed after the time limit (hang)"
}

# sp_repeat UNIT COUNT: UNIT written COUNT times, without a newline.
sp_repeat() {
  awk -v u="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", u }'
}

# ---- adversarial tokens ------------------------------------------------------

begin "garbage tokens (digits after a word, no vowels, Haus x 250): audited, no hang"
{
  printf 'Die Preise sind im letzten Jahr deutlich gestiegen (sieh%se Grafik), sagte der Minister.\n\n' "$(sp_repeat 1 150)"
  printf 'sieh%se\n\n' "$(sp_repeat 1 170)"
  printf 'Im Bericht steht %s als Kennung.\n\n' "$(sp_repeat bcdfg 1000)"
  printf 'Im Bericht steht %s als Kennung.\n\n' "$(sp_repeat 1a 150)"
  printf 'Im Bericht steht %s als Kennung.\n\n' "$(sp_repeat Haus 250)"
  printf 'Im Bericht steht %sx als Kennung.\n\n' "$(sp_repeat haus 49)"
  printf 'Im Bericht steht Sieh%se und %s als Kennung.\n\n' "$(sp_repeat 7 190)" "$(sp_repeat Sieh111e- 40)"
  cat "$S3"
} >"$T/sp-garbage.txt"
run_limited 20 --format json "$T/sp-garbage.txt"
expect_not_killed
expect_rc 0
expect_json
expect_jq '.documents[0].file' "\"$T/sp-garbage.txt\""
rm -f "$T/sp-garbage.txt"
end

# ---- suggestions do not depend on -j -----------------------------------------

if [ -z "$VALGRIND" ] && [ "${MTAUDIT_E2E_HEAVY:-1}" = 1 ]; then
  begin "500-file batch: -j 1, -j 2 and -j 8 give byte-identical JSON (suggestions too)"
  mkdir "$T/sp-batch"
  sh tests/mkbatch.sh "$T/sp-batch" 500
  nfiles=$(ls "$T/sp-batch" | wc -l | tr -d ' ')
  [ "$nfiles" -eq 500 ] || fail "$nfiles files generated, expected 500"
  for j in 1 2 8; do
    run --format json -j "$j" "$T/sp-batch"
    expect_rc 0
    expect_no_stderr
    cp "$T/out" "$T/sp-j$j.json"
  done
  nsug=$(grep -o 'did you mean' "$T/sp-j1.json" | wc -l | tr -d ' ')
  [ "$nsug" -ge 500 ] || fail "only $nsug findings with suggestions, expected >= 500"
  jq -e '.summary.documents == 500' "$T/sp-j1.json" >/dev/null 2>&1 ||
    fail "-j 1: not 500 documents"
  cmp -s "$T/sp-j1.json" "$T/sp-j2.json" ||
    fail "-j 2 differs from -j 1: $(diff "$T/sp-j1.json" "$T/sp-j2.json" | grep -o 'did you mean: [^?]*' | head -n 2 | tr '\n' ' ')"
  cmp -s "$T/sp-j1.json" "$T/sp-j8.json" ||
    fail "-j 8 differs from -j 1: $(diff "$T/sp-j1.json" "$T/sp-j8.json" | grep -o 'did you mean: [^?]*' | head -n 2 | tr '\n' ' ')"
  rm -rf "$T/sp-batch" "$T"/sp-j*.json
  end
fi

# ---- word lists (--dict) -----------------------------------------------------

printf 'Das Quarkelbrunz ist neu.\n' >"$T/sp-word.txt"

begin "--dict /dev/zero: exit 2 naming the file, at once"
run_limited 10 --dict /dev/zero "$T/sp-word.txt"
expect_not_killed
expect_one_error /dev/zero
expect_no_stdout
end

begin "--dict FIFO: exit 2 naming the file, without waiting for a writer"
mkfifo "$T/sp-fifo"
run_limited 10 --dict "$T/sp-fifo" "$T/sp-word.txt"
expect_not_killed
expect_one_error "$T/sp-fifo"
end

begin "--dict directory: exit 2 naming it"
run_limited 10 --dict "$T" "$T/sp-word.txt"
expect_one_error "$T"
end

begin "--dict: a 1,024-byte word with 'ä' across bytes 1,022-1,023 is UTF-8"
{
  sp_repeat a 1022
  printf '\303\244\n# %s\nQuarkelbrunz\n' "$(sp_repeat '#' 3000)"
} >"$T/sp-long.dict"
run --dict "$T/sp-long.dict" --format json "$T/sp-word.txt"
expect_rc 0
expect_no_stderr
expect_jq '[.documents[0].findings[] | select(.rule == "spelling/unknown")] | length' '0'
end

begin "--dict: a word over 1,024 bytes is an error naming file and line"
{
  printf 'Quarkelbrunz\n'
  sp_repeat b 1025
  printf '\n'
} >"$T/sp-long2.dict"
run --dict "$T/sp-long2.dict" "$T/sp-word.txt"
expect_one_error "$T/sp-long2.dict:2"
grep -q 'longer than 1024 bytes' "$T/err" || fail "stderr does not name the limit"
end

begin "--dict above 16 MiB: exit 2 naming the file, not read"
: >"$T/sp-big.dict"
truncate -s 16777217 "$T/sp-big.dict"
run_limited 10 --dict "$T/sp-big.dict" "$T/sp-word.txt"
expect_not_killed
expect_one_error "$T/sp-big.dict"
rm -f "$T/sp-big.dict"
end

# ---- configuration files (--config) --------------------------------------------

begin "--config /dev/zero: exit 2 naming the file, at once"
run_limited 10 --config /dev/zero "$T/sp-word.txt"
expect_not_killed
expect_one_error /dev/zero
end

begin "--config FIFO: exit 2 naming the file, without waiting for a writer"
run_limited 10 --config "$T/sp-fifo" "$T/sp-word.txt"
expect_not_killed
expect_one_error "$T/sp-fifo"
rm -f "$T/sp-fifo" "$T/sp-word.txt" "$T"/sp-long*.dict
end
