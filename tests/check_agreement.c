/*
 * Tests of src/check_agreement.c (grammar/agreement) on the real
 * dictionaries: each positive must be reported over exactly its phrase,
 * each correct sentence next to it must not.
 */
#include <string.h>

#include "tests.h"

#define RULE "grammar/agreement"

/* 1 when 'r' has a finding of RULE spanning exactly 'text' of 's'. */
static int S_has(const mta_report *r, const char *s, const char *text) {
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, RULE) && fi.end - fi.start == strlen(text) &&
        !memcmp(s + fi.start, text, fi.end - fi.start))
      return 1;
  }
  return 0;
}

/* Wrong gender, wrong adjective ending, plural with a singular article,
 * dative plural without -n, weak masculine without -en, a compound by its
 * last part. */
static const struct {
  const char *sentence, *span;
} S_pos[] = {
    {"Der Minister unterzeichnete gestern die neue Vertrag.",
     "die neue Vertrag"},
    {"Der ganze Gremium stimmte dem Vorschlag zu.", "Der ganze Gremium"},
    {"Sie wohnen seit Jahren in den alten Häuser am Stadtrand.",
     "den alten Häuser"},
    {"Das Unwetter hat einer großen Schaden verursacht.",
     "einer großen Schaden"},
    {"Die Kanzlerin traf sich mit dem Präsident des Landes.", "dem Präsident"},
    {"Das neue Friedensvertrag tritt im Mai in Kraft.",
     "Das neue Friedensvertrag"},
    {"Er kaufte ein neue Auto für die Familie.", "ein neue Auto"},
    {"Wir sprachen mit einem bekannte Journalisten aus Berlin.",
     "einem bekannte Journalisten"},
    {"Das Ministerium veröffentlichte das Berichte am Montag.", "das Berichte"},
    {"Die Regierung hat den Entscheidung verteidigt.", "den Entscheidung"},
    {"Er dankte seinem Kollege für die Hilfe.", "seinem Kollege"},
    {"Sie lobte die Arbeit des Kandidat ausdrücklich.", "des Kandidat"},
    {"Die Firma veröffentlichte gestern eine neuen Katalog.",
     "eine neuen Katalog"},
    {"Das ist ein Ausnahme von der Regel.", "ein Ausnahme"},
    {"Wir leben in unser Zeit mit vielen Krisen.", "unser Zeit"},
    {"Er sprach im öffentlichem Interesse.", "im öffentlichem Interesse"},
    {"Die Partei stellte ihre neue Kandidaten vor.", "ihre neue Kandidaten"},
    {"Die Fraktion entzog dem Abgeordnete das Rederecht.", "dem Abgeordnete"},
};

/* Correct German that must not be reported, among them the readings a
 * naive check gets wrong. */
static const char *const S_neg[] = {
    "Der Minister unterzeichnete gestern den neuen Vertrag.",
    "Die Kinder spielen in den alten Häusern am Stadtrand.",
    "Das Haus, in dem Kinder spielen, ist alt.",
    "Das ist das Haus, das Kinder gebaut haben.",
    "Ist das Kunst oder kann das weg?",
    "Er gab ihr Bücher und Blumen.",
    "Die Abgeordneten stimmten ab, der Abgeordnete enthielt sich.",
    "Ein Abgeordneter sprach mit den Deutschen über die Reisenden.",
    "Beim Arbeiten hört sie gerne Musik.",
    "Der Kurs des Euro fiel am Montag deutlich.",
    "Das Land liegt im Herzen Europas.",
    "Im März trafen sich die Präsidenten der beiden Staaten.",
    "Das Militär übernahm die Kontrolle über den Flughafen.",
    "Er sprach von einem wichtigen Nachbarn im Osten.",
    "Ein Militärexperte erklärte die Lage des Präsidenten.",
    "Der Name des Kandidaten wurde am Abend bekannt.",
    "Im Namen des Volkes verkündete der Richter das Urteil.",
    "Die Zahl der Menschen in den Vereinigten Staaten wächst.",
    "Der Bericht des Beamten liegt dem Ausschuss vor.",
    "Einer der größten Konzerne der Welt hat Gewinne gemeldet.",
    "Die Sicherheit der Bürger hat für die Regierung Vorrang.",
    "Am Ende des Jahres stiegen die Preise für Energie.",
    "Sie kam mit ein paar Freunden zum Essen.",
    "Die zwei Länder unterzeichneten den Vertrag.",
    "Meines Erachtens ist das ein großer Fehler.",
    "Die Deutsche Bank meldete einen Verlust.",
    "Der Schaden ist groß, die Schäden an den Häusern auch.",
    "Des Weiteren fordert die Opposition eine Untersuchung.",
    "Das Neueste erfuhr sie aus der Zeitung.",
    "Sofern dem rechtliche Gründe entgegenstehen, teilen Sie es mit.",
    "Die Ereignisse geben all jenen Recht, die gewarnt hatten.",
    "Er packte den Stier bei den Hörnern.",
    "Wir hoffen, dass das Leute ermutigen wird.",
    "Die Gauchos ritten auf den großen Festivals mit.",
    "Sie verfolgen ihre eigenen Zwecke.",
    "Geben Sie einen gültigen Prüfcode ein.",
    "Der Konzern verkaufte die Sparte an einen Investor.",
    "Wir haben dem Innenarchitekten freie Hand gelassen.",
    "Die Geschworenen sprachen den Angeklagten frei.",
    "Die Lage wendete sich zum Besseren.",
    "Die Band spielte bis spät in die Nacht.",
    "Sie feierten ihn wie einen Helden.",
    "Das Auto stand ihm im Wege.",
    "Die Ergebnisse des Landesamts für Statistik liegen vor.",
    "Die Kosten des Erzeugnisses stiegen, ebenso die der Erzeugnisse.",
    "Seit dem Sommer wohnen sie in ihrem Strandhaus.",
    "Jeder Kollege bekam einen Brief von seinem Kollegen.",
    "Der Kurs des Dollar stieg, die Tage des Januar waren kalt.",
    "Dateien in einem solchen Archiv sind erlaubt.",
    "Die Leitzinsen steigen, sagte der Gouverneur über das Gouverneursamt.",
    "Er las die Skripte und die Patches.",
    "Ein manuelles Wiederzusammenbauen ist nötig.",
    "Die Hilfe kommt all jenen zugute, die sie brauchen.",
    "Der Abgeordnete sprach mit einer Abgeordneten und einem Beamten.",
    "Ein Abgeordneter und die Abgeordneten des Landtags stimmten zu.",
    "Die Angestellte half dem Angestellten, eine Angestellte kam hinzu.",
    "Die Reisenden warteten, der Reisende nicht. Sein Wille geschehe.",
    "Der Gläubiger forderte das Geld von dem Gläubigen zurück.",
};

START_TEST(agreement_positive) {
  const char *s = S_pos[_i].sentence;
  mta_report *r = test_audit(s);
  ck_assert_msg(S_has(r, s, S_pos[_i].span), "not reported: '%s' in '%s'",
                S_pos[_i].span, s);
  mta_report_free(r);
}
END_TEST

START_TEST(agreement_negative) {
  const char *s = S_neg[_i];
  mta_report *r = test_audit(s);
  ck_assert_msg(test_count_rule(r, RULE) == 0, "reported in correct '%s'", s);
  mta_report_free(r);
}
END_TEST

/* The finding says why and is minor. */
START_TEST(agreement_message_and_severity) {
  const char *s = "Der Minister unterzeichnete gestern die neue Vertrag.";
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  int found = 0;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, RULE)) {
      found = 1;
      ck_assert_int_eq(fi.severity, MTA_SEV_MINOR);
      ck_assert_ptr_nonnull(strstr(fi.message, "masculine singular"));
    }
  }
  ck_assert(found);
  mta_report_free(r);
}
END_TEST

Suite *agreement_suite(void) {
  Suite *s = suite_create("agreement");
  TCase *tc = tcase_create("agreement");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, agreement_positive, 0,
                      (int)(sizeof S_pos / sizeof S_pos[0]));
  tcase_add_loop_test(tc, agreement_negative, 0,
                      (int)(sizeof S_neg / sizeof S_neg[0]));
  tcase_add_test(tc, agreement_message_and_severity);
  suite_add_tcase(s, tc);
  return s;
}
