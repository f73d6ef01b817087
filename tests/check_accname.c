/*
 * accuracy/name (src/check_accname.c) end to end: English source and
 * German target through mta_audit_buffer_source() with the real
 * dictionaries. Names dropped are found (with the source span of the
 * name); names kept as written, declined, transliterated, as German
 * exonyms or equivalents, or as the surname alone are not reported; nor
 * are capitalized common words, titles, months, nationality adjectives
 * or sentence-initial English words. Without a source the rule is
 * silent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* Audits target 't' against source 's'; the caller frees. */
static mta_report *S_audit(const char *s, const char *t) {
  mta_report *r = NULL;
  mta_status st = mta_audit_buffer_source(
      test_auditor(), "target", t, strlen(t), "source", s, strlen(s), &r);
  ck_assert_msg(st == MTA_OK, "audit failed: %s",
                mta_auditor_errmsg(test_auditor()));
  ck_assert_msg(mta_report_source_error(r) == NULL, "source not used: %s",
                mta_report_source_error(r));
  return r;
}

/* The number of accuracy/name findings of 'r'; the source text of the
 * first goes to 'name' (when not NULL), its severity to 'sev'. */
static size_t S_names(const mta_report *r, char *name, size_t namesz,
                      mta_severity *sev) {
  size_t n = 0;
  mta_finding_info fi;
  for (size_t k = 0; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, &fi);
    if (strcmp(fi.rule, "accuracy/name"))
      continue;
    if (!n && name && fi.source_text) {
      size_t l = fi.source_end - fi.source_start;
      if (l >= namesz)
        l = namesz - 1;
      memcpy(name, fi.source_text, l);
      name[l] = '\0';
    }
    if (!n && sev)
      *sev = fi.severity;
    n++;
  }
  return n;
}

/* Pairs whose target drops a name: SOURCE, TARGET, the name reported. */
static const char *const S_dropped[][3] = {
    {"Defense Secretary Lloyd Austin met his counterpart in Kyiv.",
     "Der Verteidigungsminister traf seinen Amtskollegen in Kiew.",
     "Lloyd Austin"},
    {"The talks in Geneva ended without agreement.",
     "Die Gespräche endeten ohne Einigung.", "Geneva"},
    {"Officials in Moscow rejected the plan on Tuesday.",
     "Beamte lehnten den Plan am Dienstag ab.", "Moscow"},
    {"The report was written by Angela Merkel's advisers.",
     "Der Bericht wurde von den Beratern der Kanzlerin verfasst.",
     "Angela Merkel"},
    {"He said NATO would not send troops.",
     "Er sagte, man werde keine Truppen schicken.", NULL},
    {"The FBI opened an investigation into the company.",
     "Die Behörde leitete eine Untersuchung gegen das Unternehmen ein.", "FBI"},
    {"Mr. Zelensky thanked the allies for their support.",
     "Er dankte den Verbündeten für ihre Unterstützung.", "Zelensky"},
    {"The United Nations called for a ceasefire.",
     "Die Organisation forderte eine Waffenruhe.", "United Nations"},
    {"Her research at Stanford University changed the field.",
     "Ihre Forschung an der Universität veränderte das Fachgebiet.",
     "Stanford University"},
    {"We flew from Nairobi to Addis Ababa in the morning.",
     "Wir flogen am Morgen von Nairobi in die Hauptstadt.", "Addis Ababa"},
};

/* Pairs whose target keeps every name. */
static const char *const S_kept[][2] = {
    {"Defense Secretary Lloyd Austin met his counterpart in Kyiv.",
     "Verteidigungsminister Lloyd Austin traf seinen Amtskollegen in Kiew."},
    {"Putin's spokesman Dmitry Peskov criticised the decision.",
     "Putins Sprecher Dmitri Peskow kritisierte die Entscheidung."},
    {"President Joe Biden spoke with Zelensky on Monday.",
     "Biden sprach am Montag mit Selenskyj."},
    {"NATO and the UN condemned the attack on Kharkiv.",
     "Die Nato und die Vereinten Nationen verurteilten den Angriff auf "
     "Charkiw."},
    {"Russia's economy is shrinking, the IMF said.",
     "Die russische Wirtschaft schrumpft, sagte der IWF."},
    {"The White House said the US would respond.",
     "Das Weiße Haus sagte, die USA würden reagieren."},
    {"The Russian army attacked in March; American officials were "
     "surprised.",
     "Die russische Armee griff im März an; amerikanische Beamte waren "
     "überrascht."},
    {"Last year I visited Long Beach, California, with Einstein's letters.",
     "Letztes Jahr besuchte ich Long Beach in Kalifornien mit Einsteins "
     "Briefen."},
    {"Imagine the Earth and the Sun after the Big Bang.",
     "Stellen Sie sich die Erde und die Sonne nach dem Urknall vor."},
    {"So this is the Milky Way, and this is what we see.",
     "Das ist also die Milchstraße, und das sehen wir."},
    {"If you're fighting the Cylons, don't hide behind a black hole.",
     "Wenn Sie gegen die Zylonen kämpfen, verstecken Sie sich nicht hinter "
     "einem Schwarzen Loch."},
    {"The Biden administration and the Kremlin disagree.",
     "Die Biden-Regierung und der Kreml sind uneins."},
    {"Kim Jong-un travelled to Vladivostok.",
     "Kim Jong Un reiste nach Wladiwostok."},
    {"The talks will resume on Monday in Geneva.",
     "Die Gespräche werden am Montag in Geneva fortgesetzt."},
    {"Thank you. Applause. Now, Science is hard.",
     "Danke. Applaus. Nun, Wissenschaft ist schwer."},
    {"The Prime Minister of the United Kingdom arrived in Brussels.",
     "Der britische Premierminister traf in Brüssel ein."},
    /* News: titles, transliterations, exonyms, compounds, adjectives. */
    {"Secretary of State Antony Blinken arrived in Beijing on Sunday.",
     "Außenminister Antony Blinken traf am Sonntag in Peking ein."},
    {"Ukrainian President Volodymyr Zelenskyy said Kharkiv was under fire.",
     "Der ukrainische Präsident Wolodymyr Selenskyj sagte, Charkiw stehe unter "
     "Beschuss."},
    {"Hezbollah and Hamas praised the attack, while the Houthis threatened "
     "ships.",
     "Die Hisbollah und die Hamas lobten den Angriff, während die Huthi "
     "Schiffe bedrohten."},
    {"Al-Qaeda claimed responsibility in Iraq and Qatar condemned it.",
     "Al-Kaida bekannte sich in Irak zu dem Anschlag, und Katar verurteilte "
     "ihn."},
    {"Saudi Arabia's Crown Prince Mohammed bin Salman met Erdogan in Ankara.",
     "Der saudische Kronprinz Mohammed bin Salman traf Erdoğan in Ankara."},
    {"Pope Francis met King Charles at the Vatican.",
     "Papst Franziskus traf König Charles im Vatikan."},
    {"The Israelis and Palestinians resumed talks in Cairo, Egypt's capital.",
     "Israelis und Palästinenser nahmen die Gespräche in Kairo, der Hauptstadt "
     "Ägyptens, wieder auf."},
    {"Many Gazans fled south as Israel's army advanced.",
     "Viele Bewohner des Gazastreifens flohen nach Süden, als die israelische "
     "Armee vorrückte."},
    {"Democrats in the Senate blocked the bill, and Republicans in the House "
     "were furious.",
     "Die Demokraten im Senat blockierten das Gesetz, und die Republikaner im "
     "Repräsentantenhaus waren wütend."},
    {"The Federal Reserve raised rates, Wall Street fell and the dollar rose.",
     "Die US-Notenbank erhöhte die Zinsen, die Börse fiel und der Dollar "
     "stieg."},
    {"Supreme Leader Ali Khamenei warned Washington.",
     "Der Oberste Führer Ali Chamenei warnte Washington."},
    {"Xi Jinping and Vladimir Putin signed the deal in the Kremlin.",
     "Xi Jinping und Wladimir Putin unterzeichneten das Abkommen im Kreml."},
    {"The Omicron variant spread from South Africa to Europe.",
     "Die Omikron-Variante breitete sich von Südafrika nach Europa aus."},
    {"The Neanderthals lived in Europe long before Homo sapiens.",
     "Die Neandertaler lebten lange vor dem Homo sapiens in Europa."},
    {"Microsoft, Google and Amazon reported higher profits.",
     "Microsoft, Google und Amazon meldeten höhere Gewinne."},
    {"The German Chancellor Olaf Scholz met Emmanuel Macron in Paris.",
     "Bundeskanzler Olaf Scholz traf Emmanuel Macron in Paris."},
    {"Last week, Britain's Prime Minister Rishi Sunak visited Kyiv.",
     "Letzte Woche besuchte der britische Premierminister Rishi Sunak Kiew."},
    {"Munich and Cologne saw protests; in Vienna, police arrested ten people.",
     "In München und Köln gab es Proteste; in Wien nahm die Polizei zehn "
     "Menschen fest."},
    {"The European Commission fined Apple in Brussels.",
     "Die EU-Kommission verhängte in Brüssel eine Strafe gegen Apple."},
    {"Donald Trump's lawyer Rudy Giuliani spoke to Fox News.",
     "Donald Trumps Anwalt Rudy Giuliani sprach mit Fox News."},
    {"The Taliban seized Kabul in August 2021.",
     "Die Taliban eroberten Kabul im August 2021."},
    {"Kim Jong Un watched the launch with his daughter.",
     "Kim Jong-un verfolgte den Start mit seiner Tochter."},
    {"\"We will never give up,\" Zelensky told the BBC.",
     "„Wir werden niemals aufgeben\", sagte Selenskyj der BBC."},
    {"The Middle East conflict dominated the G7 summit in Hiroshima.",
     "Der Nahostkonflikt beherrschte den G7-Gipfel in Hiroshima."},
    {"In Syria, Assad's forces shelled Idlib.",
     "In Syrien beschossen Assads Truppen Idlib."},
    {"Tehran denied the report by Reuters.",
     "Teheran dementierte den Bericht von Reuters."},
    {"The World Health Organization declared the end of the emergency.",
     "Die Weltgesundheitsorganisation erklärte das Ende des Notstands."},
    {"Angela Merkel's successor faces the Bundestag in Berlin.",
     "Angela Merkels Nachfolger stellt sich dem Bundestag in Berlin."},
    {"The US and UK imposed sanctions on Russian oligarchs.",
     "Die USA und Großbritannien verhängten Sanktionen gegen russische "
     "Oligarchen."},
    {"Mr. Navalny died in an Arctic prison colony, his spokeswoman Kira "
     "Yarmysh said.",
     "Nawalny starb in einer Strafkolonie in der Arktis, sagte seine "
     "Sprecherin Kira Jarmysch."},
    {"NASA's James Webb Space Telescope photographed Jupiter.",
     "Das James-Webb-Weltraumteleskop der Nasa fotografierte Jupiter."},
    {"Shares of Tesla fell after Elon Musk's comments on X.",
     "Die Tesla-Aktien fielen nach Elon Musks Kommentaren auf X."},
    {"The Nobel Prize in Physics went to researchers at Princeton.",
     "Der Physik-Nobelpreis ging an Forscher in Princeton."},
    {"Thousands marched through Tel Aviv on Saturday night.",
     "Tausende zogen am Samstagabend durch Tel Aviv."},
    {"The Dalai Lama visited Dharamsala.",
     "Der Dalai Lama besuchte Dharamsala."},
};

START_TEST(dropped_names_found) {
  size_t n = sizeof S_dropped / sizeof S_dropped[0], found = 0;
  for (size_t i = 0; i < n; i++) {
    mta_report *r = S_audit(S_dropped[i][0], S_dropped[i][1]);
    char name[128] = "";
    mta_severity sev = MTA_SEV_MINOR;
    size_t k = S_names(r, name, sizeof name, &sev);
    if (k && (!S_dropped[i][2] || !strcmp(name, S_dropped[i][2])))
      found++;
    else
      fprintf(stderr, "accname: missed in '%s' (reported '%s')\n",
              S_dropped[i][1], name);
    mta_report_free(r);
  }
  printf("accuracy/name: %zu of %zu dropped names found\n", found, n);
  ck_assert_uint_eq(found, n);
}
END_TEST

START_TEST(kept_names_silent) {
  size_t n = sizeof S_kept / sizeof S_kept[0], quiet = 0;
  for (size_t i = 0; i < n; i++) {
    mta_report *r = S_audit(S_kept[i][0], S_kept[i][1]);
    char name[128] = "";
    if (!S_names(r, name, sizeof name, NULL))
      quiet++;
    else
      fprintf(stderr, "accname: false alarm on '%s' ('%s')\n", S_kept[i][1],
              name);
    mta_report_free(r);
  }
  printf("accuracy/name: %zu of %zu faithful pairs silent\n", quiet, n);
  ck_assert_uint_eq(quiet, n);
}
END_TEST

START_TEST(severity_and_span) {
  const char *s = "Defense Secretary Lloyd Austin met his counterpart. He "
                  "flew home.";
  const char *t = "Der Minister traf seinen Amtskollegen. Er flog heim.";
  mta_report *r = S_audit(s, t);
  mta_finding_info fi;
  size_t k = 0;
  for (; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, &fi);
    if (!strcmp(fi.rule, "accuracy/name"))
      break;
  }
  ck_assert_uint_lt(k, mta_report_finding_count(r));
  ck_assert_str_eq(fi.category, "accuracy");
  ck_assert_int_eq(fi.severity, MTA_SEV_MAJOR);
  ck_assert_uint_eq(fi.source_start, strstr(s, "Lloyd") - s);
  ck_assert_uint_eq(fi.source_end, strstr(s, " met") - s);
  ck_assert(strstr(fi.message, "\"Lloyd Austin\"") != NULL);
  /* The target span is the aligned sentence, not the whole paragraph. */
  ck_assert_uint_eq(fi.start, 0);
  ck_assert_uint_eq(fi.end, strstr(t, " Er flog") - t);
  mta_report_free(r);
}
END_TEST

START_TEST(one_finding_per_name) {
  mta_report *r =
      S_audit("Austin spoke first. Then Austin spoke again.",
              "Der Minister sprach zuerst. Dann sprach er noch einmal.");
  ck_assert_uint_eq(S_names(r, NULL, 0, NULL), 1);
  mta_report_free(r);
}
END_TEST

START_TEST(omitted_paragraph_is_not_a_name) {
  /* A source paragraph with no counterpart is accuracy/omission's: its
   * names are not reported one by one. */
  const char *s = "The minister spoke in the morning about the budget and "
                  "the taxes.\n\nLater, Lloyd Austin flew to Geneva for "
                  "talks with his counterpart.\n\nThe talks ended in the "
                  "evening without any agreement.\n";
  const char *t = "Der Minister sprach am Morgen über den Haushalt und die "
                  "Steuern.\n\nDie Gespräche endeten am Abend ohne jede "
                  "Einigung.\n";
  mta_report *r = S_audit(s, t);
  ck_assert_uint_eq(S_names(r, NULL, 0, NULL), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(common_acronym_is_minor) {
  mta_report *r = S_audit("The CEO said prices would not rise.",
                          "Die Sprecherin sagte, die Preise würden nicht "
                          "steigen.");
  mta_severity sev = MTA_SEV_MAJOR;
  ck_assert_uint_eq(S_names(r, NULL, 0, &sev), 1);
  ck_assert_int_eq(sev, MTA_SEV_MINOR);
  mta_report_free(r);
  r = S_audit("The CEO said prices would not rise.",
              "Die Firmenchefin sagte, die Preise würden nicht steigen.");
  ck_assert_uint_eq(S_names(r, NULL, 0, NULL), 0);
  mta_report_free(r);
}
END_TEST

START_TEST(no_source_no_finding) {
  mta_report *r = test_audit("Der Verteidigungsminister traf seinen "
                             "Amtskollegen in Kiew.\n");
  ck_assert_uint_eq(S_names(r, NULL, 0, NULL), 0);
  mta_report_free(r);
}
END_TEST

Suite *accname_suite(void) {
  Suite *s = suite_create("accname");
  TCase *tc = tcase_create("accname");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, dropped_names_found);
  tcase_add_test(tc, kept_names_silent);
  tcase_add_test(tc, severity_and_span);
  tcase_add_test(tc, one_finding_per_name);
  tcase_add_test(tc, omitted_paragraph_is_not_a_name);
  tcase_add_test(tc, common_acronym_is_minor);
  tcase_add_test(tc, no_source_no_finding);
  suite_add_tcase(s, tc);
  return s;
}
