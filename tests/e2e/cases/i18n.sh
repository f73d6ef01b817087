# Sourced by tests/e2e/run.sh. Messages in German and English (GNU
# gettext, docs/DESIGN.md "Messages"): --lang, the locale variables, the
# data of JSON untouched by the language, and the catalogs themselves.
# Every other case runs with LANGUAGE=en (lib.sh).

# lang ENV...: runs the binary with the locale variables cleared, then ENV.
lang() {
  env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE "$@" >"$T/out" 2>"$T/err"
  rc=$?
}

DE_RULE="mtaudit: unbekannte Regel oder Kategorie „nope“ (siehe --list-rules)"
EN_RULE="mtaudit: unknown rule or category 'nope' (see --list-rules)"

begin "i18n: --lang de and en choose the language of messages"
lang "$BIN" --lang de --disable nope "$S0"
expect_usage_error
[ "$(head -n 1 "$T/err")" = "$DE_RULE" ] || fail "de: '$(head -n 1 "$T/err")'"
lang LANGUAGE=de "$BIN" --lang en --disable nope "$S0"
expect_usage_error
[ "$(head -n 1 "$T/err")" = "$EN_RULE" ] || fail "en: '$(head -n 1 "$T/err")'"
end

begin "i18n: --lang with another value is a usage error"
lang "$BIN" --lang fr "$S0"
expect_usage_error
grep -q -e "--lang" "$T/err" || fail "stderr does not name --lang"
lang "$BIN" "$S0" --lang
expect_usage_error
end

begin "i18n: LANGUAGE, LANG and LC_ALL as gettext reads them"
# LANGUAGE alone; LANG naming a locale that is not installed; LC_ALL=C
# (untranslated, LANGUAGE ignored as gettext does); LC_ALL over LANG.
for e in "LANGUAGE=de" "LANG=de_DE.UTF-8" "LC_MESSAGES=de_AT LANG=en_US.UTF-8" \
  "LC_ALL=C LANGUAGE=de" "LC_ALL=C LANG=de_DE.UTF-8" "LANG=en_US.UTF-8" \
  "LC_ALL=en_US.UTF-8 LANG=de_DE.UTF-8"; do
  # shellcheck disable=SC2086
  lang $e "$BIN" --disable nope "$S0"
  case $e in
  LANGUAGE=de | LANG=de_DE.UTF-8 | LC_MESSAGES=de_AT*) want=$DE_RULE ;;
  *) want=$EN_RULE ;;
  esac
  [ "$(head -n 1 "$T/err")" = "$want" ] || fail "$e: '$(head -n 1 "$T/err")'"
done
end

begin "i18n: JSON under --lang de: keys, rule ids, positions and numbers as in English"
lang "$BIN" --lang en --format json "$S0"
cp "$T/out" "$T/en.json"
lang "$BIN" --lang de --format json "$S0"
expect_rc 0
expect_no_stderr
cp "$T/out" "$T/de.json"
jq -e . "$T/de.json" >/dev/null 2>&1 || fail "not JSON"
# Everything but the messages is data: the same in both languages.
strip='del(.. | .message?) | del(.tool?)'
[ "$(jq -S "$strip" "$T/de.json")" = "$(jq -S "$strip" "$T/en.json")" ] ||
  fail "de and en differ beyond the messages"
grep -q '"score": [0-9]*\.[0-9]' "$T/de.json" || fail "no score with a decimal point"
# Every finding message is German under de: none equals its English.
n=$(jq -n --slurpfile a "$T/de.json" --slurpfile b "$T/en.json" \
  '[$a[0].documents[0].findings, $b[0].documents[0].findings] | transpose |
   map(select(.[0].message == .[1].message)) | length')
[ "$n" -eq 0 ] || fail "$n finding messages the same in de and en"
jq -e '.documents[0].findings | length > 0' "$T/de.json" >/dev/null ||
  fail "no findings to compare"

end

begin "i18n: LANGUAGE=de audits in German (text), LANGUAGE=en in English"
lang LANGUAGE=de "$BIN" --color never "$S0"
expect_rc 0
grep -q '^Übersicht (schlechteste zuerst)$' "$T/out" ||
  grep -q 'Qualitätswert des Artikels: ' "$T/out" || fail "no German label"
grep -q ': leicht: \|: schwer: \|: kritisch: ' "$T/out" || fail "no German severity"
# Scores for readers with a decimal comma, in the data formats a point.
grep -q 'Qualitätswert des Artikels: [0-9]*,[0-9] bei ' "$T/out" ||
  fail "no German decimal comma in the article score"
lang LANGUAGE=en "$BIN" --color never "$S0"
cmp -s "$T/out" samples/expected/"$(basename "$S0" .txt)".text ||
  fail "English text report differs from the golden file"
lang LANGUAGE=de "$BIN" --color never --lang en "$S0"
cmp -s "$T/out" samples/expected/"$(basename "$S0" .txt)".text ||
  fail "--lang en: text report differs from the golden file"
end

begin "i18n: --help, --list-rules and the summary table in German"
lang "$BIN" --lang de --help
expect_rc 0
grep -q '^Aufruf: mtaudit' "$T/out" || fail "--help: no German usage line"
grep -q -e '--lang SPRACHE' "$T/out" || fail "--help: --lang not in German"
lang "$BIN" --lang de --list-rules
head -n 1 "$T/out" | grep -q '^REGEL ' || fail "--list-rules: header '$(head -n 1 "$T/out")'"
grep -q '^spelling/unknown ' "$T/out" || fail "--list-rules: rule ids not English"
lang "$BIN" --lang de --no-excerpt --fail-under 99 "$S0" "$S3"
tail -n 1 "$T/out" | grep -q '^  2 Artikel, ' || fail "summary: '$(tail -n 1 "$T/out")'"
grep -q '^   Wert  Freig.  Wörter' "$T/out" || fail "no German table head"
end

begin "i18n: the catalogs: msgfmt -c, nothing fuzzy or untranslated, no msgid twice"
if command -v msgfmt >/dev/null 2>&1; then
  for f in po/*.po; do
    if ! msgfmt -c --statistics -o /dev/null "$f" 2>"$T/stat"; then
      fail "$f: $(head -n 1 "$T/stat")"
      continue
    fi
    grep -q -e fuzzy -e untranslated "$T/stat" && fail "$f: $(cat "$T/stat")"
  done
  d=$(msgcat --more-than=1 po/*.po | grep -c '^msgid ')
  [ "$d" -le 1 ] || fail "a msgid in two catalogs (msgcat --more-than=1 po/*.po)"
  # Messages of the code without German: a note here (make po-check fails
  # on them).
  if command -v xgettext >/dev/null 2>&1 && [ -f po/mtaudit.pot ]; then
    msgcat --use-first -o "$T/all.po" po/de.po po/de-*.po 2>/dev/null &&
      n=$(msgcmp "$T/all.po" po/mtaudit.pot 2>&1 | grep -c 'used but not defined') &&
      [ "$n" -gt 0 ] && echo "# i18n: $n messages of po/mtaudit.pot without German (make pot po-check)"
  fi
else
  fail "msgfmt missing (gettext)"
fi
end

begin "i18n: the HTML report in German: no lang=\"en\" on labels, German footer"
lang "$BIN" --lang de -f html -o "$T/h" "$S0"
[ "$rc" -le 1 ] || fail "rc $rc: $(cat "$T/err")"
for f in "$T"/h/*.html; do
  grep -q '<html lang="de">' "$f" || fail "$f: no <html lang=\"de\">"
  grep -q 'lang="en"' "$f" && fail "$f: lang=\"en\" on a German page"
  grep -q '<footer>mtaudit [^<]*Qualitätswert nach MQM' "$f" ||
    fail "$f: no German footer"
done
lang "$BIN" --lang en -f html -o "$T/he" "$S0"
grep -q '<footer lang="en">mtaudit [^<]*MQM-style score' "$T/he/index.html" ||
  fail "English footer lost under --lang en"
end

begin "i18n: a configuration file's error in German"
printf '[audit]\nfail-under = abc\n' >"$T/bad.conf"
lang "$BIN" --lang de --config "$T/bad.conf" "$S0"
[ "$rc" -eq 2 ] || fail "rc $rc"
grep -q 'bad.conf:2: fail-under: „abc“ ist keine Zahl' "$T/err" ||
  fail "not German: $(cat "$T/err")"
lang "$BIN" --lang en --config "$T/bad.conf" "$S0"
grep -q "bad.conf:2: fail-under: 'abc' is not a number" "$T/err" ||
  fail "not English: $(cat "$T/err")"
end
