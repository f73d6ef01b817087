# Sourced by tests/e2e/run.sh: the man page, the bash completion and
# make install / make uninstall (issue 17.2).
#
# The long options are those of the getopt_long table in
# src/cli_options.c (every {"name", ...} line of S_longopts).

long_options() {
  sed -n '/S_longopts\[\] = {/,/{NULL, 0, NULL, 0}/p' "$ROOT/src/cli_options.c" |
    grep -o '{"[a-z][a-z0-9-]*"' | sed 's/^{"/--/; s/"$//'
}

begin "man page: man --warnings renders man/mtaudit.1 without a warning"
if ! command -v man >/dev/null 2>&1; then
  fail "man is not installed (package man-db)"
else
  MANWIDTH=80 man --warnings -l "$ROOT/man/mtaudit.1" >"$T/man.txt" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_no_stderr
  th=$(sed -n 's/^\.TH MTAUDIT 1 [0-9-]* "mtaudit \([^"]*\)".*/\1/p' "$ROOT/man/mtaudit.1")
  [ "$th" = "$("$BIN" --version | cut -d' ' -f2)" ] ||
    fail ".TH names version '$th', mtaudit --version '$("$BIN" --version)'"
  for s in NAME SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS' ENVIRONMENT FILES \
    EXAMPLES 'SEE ALSO'; do
    grep -q "^$s\$" "$T/man.txt" || fail "no section $s"
  done
fi
end

begin "man page and --help name every long option of the getopt_long table"
opts=$(long_options)
[ "$(printf '%s\n' "$opts" | grep -c .)" -ge 20 ] ||
  fail "only $(printf '%s\n' "$opts" | grep -c .) options read from src/cli_options.c"
run --help
sed 's/\\-/-/g' "$ROOT/man/mtaudit.1" >"$T/man.src"
for o in $opts; do
  # a whole option: not followed by a letter, digit or hyphen ("--dict"
  # is not found in "--dict-dir")
  grep -q -E -e "$o([^a-z0-9-]|\$)" "$T/man.src" || fail "$o not in man/mtaudit.1"
  grep -q -E -e "$o([^a-z0-9-]|\$)" "$T/out" || fail "$o not in --help"
done
end

# complete_words WORD...: the words of a command line (the last one is
# completed; "--format = s" is how bash splits "--format=s") given to the
# completion function in bash, COMPREPLY one per line in $T/out. The
# program is $BIN (the completion runs it for the options and rule ids).
# With $BC set, bash-completion's library is loaded first (then the
# function uses _init_completion).
complete_words() {
  bash -c '
    [ -z "$2" ] || . "$2" || exit 3
    . "$1/completions/mtaudit.bash" || exit 3
    complete -p mtaudit >/dev/null || exit 4
    shift 2
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_LINE=${COMP_LINE// = /=}
    [[ $COMP_LINE == *" =" ]] && COMP_LINE=${COMP_LINE% =}=
    COMP_POINT=${#COMP_LINE}
    _mtaudit mtaudit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' complete "$ROOT" "$BC" "$BIN" "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

# expect_reply WORD...: COMPREPLY holds exactly these words (any order).
expect_reply() {
  got=$(grep . "$T/out" | sort | tr '\n' ' ')
  want=
  [ $# -eq 0 ] || want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "COMPREPLY is '$got', expected '$want'"
}

# completion_cases: the completion cases, $BC empty or bash-completion's
# library.
completion_cases() {
  with=
  [ -z "$BC" ] || with=" (with bash-completion)"
  begin "bash completion$with: registered for mtaudit; every long option completes"
  complete_words ''
  expect_rc 0
  complete_words --
  expect_rc 0
  for o in $(long_options); do
    grep -q -x -e "$o" "$T/out" || fail "$o not offered after --"
  done
  complete_words --form
  expect_reply --format
  complete_words --no-
  for o in --no-config --no-excerpt --no-spell; do
    grep -q -x -e "$o" "$T/out" || fail "--no- does not offer $o"
  done
  end

  begin "bash completion$with: option values (formats, severities, colours, languages)"
  complete_words --format ''
  expect_reply text json jsonl html sarif csv
  complete_words -f j
  expect_reply json jsonl
  complete_words --fail-on m
  expect_reply minor major
  complete_words --color ''
  expect_reply auto always never
  complete_words --min-severity ''
  expect_reply minor major critical
  complete_words --errors ''
  expect_reply exit inline
  complete_words --lang ''
  expect_reply de en
  complete_words --input-format ''
  grep -q -x text "$T/out" && grep -q -x jsonl "$T/out" && grep -q -x html "$T/out" ||
    fail "--input-format offers '$(tr '\n' ' ' <"$T/out")'"
  complete_words --format=s
  expect_reply sarif
  # bash splits "--format=s" at '=' (COMP_WORDBREAKS): three words
  complete_words --format = s
  expect_reply sarif
  complete_words --fail-on = ''
  expect_reply minor major critical
  complete_words -j ''
  expect_reply
  end

  begin "bash completion$with: rule ids from --list-rules for --disable, --enable, --explain"
  "$BIN" --list-rules 2>/dev/null | awk 'NR > 1 && $1 ~ /\// { print $1 }' >"$T/rules"
  [ "$(nlines "$T/rules")" -ge 40 ] || fail "only $(nlines "$T/rules") rules listed"
  complete_words --explain ''
  for r in $(cat "$T/rules"); do
    grep -q -x -F -e "$r" "$T/out" || fail "--explain does not offer $r"
  done
  grep -q -x RULE "$T/out" && fail "the header RULE is offered"
  complete_words --disable english-leftover/hon
  expect_reply english-leftover/honorific
  complete_words --enable spell
  grep -q -x spelling "$T/out" || fail "--enable spell does not offer the category spelling"
  end

  begin "bash completion$with: files for paths and --dict, directories for --dict-dir"
  complete_words samples/000
  expect_reply samples/000_68df5a6bf045e0b4.txt
  complete_words --dict samples/00
  grep -q -x samples/000_68df5a6bf045e0b4.txt "$T/out" || fail "--dict offers no file"
  complete_words --dict-dir sam
  expect_reply samples
  complete_words --source-dir samples/000
  expect_reply
  end
}

if ! command -v bash >/dev/null 2>&1; then
  begin "bash completion"
  fail "bash is not installed"
  end
else
  BC=
  completion_cases
  # bash-completion (package bash-completion, as on a desktop): the
  # function then splits the words with _init_completion
  if [ -f /usr/share/bash-completion/bash_completion ]; then
    BC=/usr/share/bash-completion/bash_completion
    completion_cases
  fi
fi

# ---- make install / make uninstall ------------------------------------------------

# Only for the default build (build/mtaudit: the binary make install
# installs), not under valgrind.
if [ -z "$VALGRIND" ] && [ "$BIN" = "$ROOT/build/mtaudit" ]; then
  begin "make install DESTDIR PREFIX=/usr: the files, the SONAME, pkg-config, the binary, the man page"
  D=$T/stage
  # make install PREFIX=/usr recompiles the catalog directory into the
  # library when the build has another one (then restored below)
  built_localedir=$(cat "$ROOT/build/gen/localedir" 2>/dev/null)
  make -s --no-print-directory -C "$ROOT" install DESTDIR="$D" PREFIX=/usr \
    >"$T/mk" 2>"$T/err"
  rc=$?
  expect_rc 0
  for f in bin/mtaudit lib/libmtaudit.so.1.0.0 lib/libmtaudit.a \
    lib/pkgconfig/mtaudit.pc include/mtaudit.h share/man/man1/mtaudit.1 \
    share/bash-completion/completions/mtaudit; do
    [ -f "$D/usr/$f" ] || fail "no /usr/$f"
  done
  [ "$(readlink "$D/usr/lib/libmtaudit.so.1")" = libmtaudit.so.1.0.0 ] ||
    fail "libmtaudit.so.1 -> '$(readlink "$D/usr/lib/libmtaudit.so.1")'"
  [ "$(readlink "$D/usr/lib/libmtaudit.so")" = libmtaudit.so.1 ] ||
    fail "libmtaudit.so -> '$(readlink "$D/usr/lib/libmtaudit.so")'"
  [ -x "$D/usr/bin/mtaudit" ] || fail "the binary is not executable"
  [ "$(stat -c %a "$D/usr/include/mtaudit.h")" = 644 ] || fail "mtaudit.h not mode 644"
  for mo in "$ROOT"/build/locale/*/LC_MESSAGES/mtaudit.mo; do
    [ -f "$mo" ] || continue
    l=${mo#"$ROOT"/build/locale/}
    [ -f "$D/usr/share/locale/$l" ] || fail "no /usr/share/locale/$l"
  done
  readelf -d "$D/usr/lib/libmtaudit.so.1.0.0" >"$T/dyn" 2>&1
  grep -q 'SONAME.*\[libmtaudit\.so\.1\]' "$T/dyn" || fail "no SONAME libmtaudit.so.1"
  grep -q 'prefix=/usr$' "$D/usr/lib/pkgconfig/mtaudit.pc" || fail "mtaudit.pc: prefix is not /usr"

  # A program against the installed shared library, flags from pkg-config.
  cat >"$T/api.c" <<'EOF'
#include <mtaudit.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  static const char text[] = "Mr. Kim traf am Montag den Kanzler in Berlin.\n";
  mta_options o = {0};
  o.flags = MTA_OPT_NO_SPELL;
  mta_auditor *a;
  char *why = NULL;
  if (mta_auditor_new(&o, &a, &why) != MTA_OK) {
    fprintf(stderr, "auditor: %s\n", why ? why : "?");
    return 2;
  }
  mta_report *r;
  if (mta_audit_buffer(a, "buf", text, strlen(text), &r) != MTA_OK)
    return 3;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_finding_info f;
    if (mta_report_finding(r, i, &f) == MTA_OK)
      printf("%s %zu:%zu\n", f.rule, f.line, f.column);
  }
  printf("version %s\n", mta_version_string());
  printf("localedir %s\n", mta_localedir_default());
  mta_report_free(r);
  mta_auditor_free(a);
  return 0;
}
EOF
  flags=$(PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" pkg-config --define-prefix --cflags --libs mtaudit 2>"$T/err")
  case $flags in
  *"-I$D/usr/include"*"-L$D/usr/lib"*"-lmtaudit"*) ;;
  *) fail "pkg-config --cflags --libs mtaudit: '$flags'" ;;
  esac
  # shellcheck disable=SC2086 # the flags are words
  if ${CC:-cc} -std=c11 -Wall -Wextra -Werror "$T/api.c" -o "$T/api" $flags 2>"$T/err"; then
    readelf -d "$T/api" | grep -q 'NEEDED.*\[libmtaudit\.so\.1\]' ||
      fail "the program does not need libmtaudit.so.1"
    LD_LIBRARY_PATH="$D/usr/lib" "$T/api" >"$T/out" 2>"$T/err"
    rc=$?
    expect_rc 0
    expect_stdout_has "english-leftover/honorific 1:1"
    expect_stdout_has "version $("$BIN" --version | cut -d' ' -f2)"
    # the catalogs' directory compiled in is the one installed to
    expect_stdout_has "localedir /usr/share/locale"
  else
    fail "the program does not compile against the installed library"
  fi
  static=$(PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" pkg-config --define-prefix --static --libs mtaudit 2>&1)
  for l in -lhunspell -licuuc -lxml2 -lgumbo -lm -pthread; do
    case $static in *"$l"*) ;; *) fail "pkg-config --static lacks $l: '$static'" ;; esac
  done

  # The installed binary audits a sample; the installed page renders.
  "$D/usr/bin/mtaudit" --format json "$S0" >"$T/out" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_jq '.summary.documents' '1'
  expect_jq '[.documents[0].findings[] | select(.rule == "english-leftover/honorific")] | length > 0' 'true'
  # German from the installed catalog (MTAUDIT_LOCALEDIR: it is below
  # DESTDIR, not in /usr/share/locale)
  if [ -f "$ROOT/build/locale/de/LC_MESSAGES/mtaudit.mo" ]; then
    "$D/usr/bin/mtaudit" --lang en --fail-on bogus "$S0" 2>"$T/err.en"
    MTAUDIT_LOCALEDIR="$D/usr/share/locale" "$D/usr/bin/mtaudit" --lang de \
      --fail-on bogus "$S0" 2>"$T/err.de"
    [ -s "$T/err.de" ] && ! cmp -s "$T/err.en" "$T/err.de" ||
      fail "--lang de with the installed catalog: '$(head -n 1 "$T/err.de")'"
  fi
  MANWIDTH=80 man --warnings -l "$D/usr/share/man/man1/mtaudit.1" >"$T/out" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_no_stderr
  expect_stdout_has "mtaudit - audit German machine-translated articles"
  end

  begin "make uninstall DESTDIR PREFIX=/usr leaves no file behind"
  make -s --no-print-directory -C "$ROOT" uninstall DESTDIR="$D" PREFIX=/usr \
    >"$T/mk" 2>"$T/err"
  rc=$?
  expect_rc 0
  left=$(find "$D" ! -type d | head -n 5)
  [ -z "$left" ] || fail "left behind: $(printf '%s' "$left" | tr '\n' ' ')"
  rm -rf "$D"
  if [ -n "$built_localedir" ] && [ "$built_localedir" != /usr/share/locale ]; then
    make -s --no-print-directory -C "$ROOT" all LOCALEDIR="$built_localedir" \
      >"$T/mk" 2>"$T/err" || fail "the build could not be restored"
  fi
  end
fi
