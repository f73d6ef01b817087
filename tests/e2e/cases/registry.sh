# Sourced by tests/e2e/run.sh. The check registry: every src/check_*.c
# that defines a check (const struct mta_check mtai_check_NAME) is listed
# in the one list of src/checks.c, so a new check cannot be forgotten.

begin "registry: every src/check_*.c is listed in src/checks.c"
for f in "$ROOT"/src/check_*.c; do
  names=$(sed -n 's/^const struct mta_check mtai_check_\([a-z0-9_]*\) *=.*/\1/p' "$f")
  [ -n "$names" ] || fail "$(basename "$f") defines no const struct mta_check mtai_check_NAME"
  for n in $names; do
    grep -q "^ *X($n) *\\\\\{0,1\}$" "$ROOT/src/checks.c" ||
      fail "mtai_check_$n ($(basename "$f")) is not in the list of src/checks.c"
  done
done
end
