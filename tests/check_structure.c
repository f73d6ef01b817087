/*
 * Tests of the sentence-structure checks on small inputs:
 * split-sentence/lowercase-start and /initial (src/check_split.c),
 * punctuation/unbalanced-quote and -paren (src/check_balance.c),
 * word-order/repeated-word (src/check_repeat.c), word-order/verb-position
 * (src/check_verbpos.c), split-sentence/fragment (src/check_fragment.c),
 * word-order/stray-final (src/check_stray.c).
 */
#include <string.h>

#include "tests.h"

/* Number of findings of 'rule' in the audit of 's'. */
static size_t S_count(const char *s, const char *rule) {
  mta_report *r = test_audit(s);
  size_t n = test_count_rule(r, rule);
  mta_report_free(r);
  return n;
}

/* The only finding of 'rule' in 's' covers exactly 'text'. */
static void S_span(const char *s, const char *rule, const char *text) {
  mta_report *r = test_audit(s);
  mta_finding_info fi;
  size_t n = 0;
  for (size_t k = 0; k < mta_report_finding_count(r); k++) {
    mta_report_finding(r, k, &fi);
    if (strcmp(fi.rule, rule))
      continue;
    n++;
    ck_assert_msg(fi.end - fi.start == strlen(text) &&
                      !memcmp(s + fi.start, text, strlen(text)),
                  "%s spans '%.*s', want '%s'", rule, (int)(fi.end - fi.start),
                  s + fi.start, text);
  }
  ck_assert_msg(n == 1, "%zu findings of %s in: %s", n, rule, s);
  mta_report_free(r);
}

START_TEST(lowercase_start_found) {
  S_span("Die USA haben Container mit Munition geschickt. sagen Beamte.",
         "split-sentence/lowercase-start", "sagen");
  S_span("Es war kalt! und dann kam der Regen.",
         "split-sentence/lowercase-start", "und");
}
END_TEST

START_TEST(lowercase_start_exceptions) {
  const char *ok[] = {"Er nannte z. B. die Kosten.",
                      "Es kamen u. a. die Minister.",
                      "Am 3. oder 4. Oktober kommt er.",
                      "Sie kaufte ein neues iPhone. iPhones "
                      "sind teuer.",
                      "Er sagte... und ging.",
                      "Mehr unter www.example.com. danke",
                      "Dr. med. Weber kam."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "split-sentence/lowercase-start") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(initial_cut_off) {
  S_span("Die Reise diente dazu, mit Pr\xC3\xA4sident Wladimir V. zu "
         "sprechen. Putins Kriegsanstrengungen stocken.",
         "split-sentence/initial", "V.");
  ck_assert_uint_eq(S_count("Das sagte Siemon T. Wezeman am Montag.",
                            "split-sentence/initial"),
                    0);
}
END_TEST

/* A one-letter name part before a lower-case word is a cut-off name only
 * when the surname opens the next sentence; a name German abbreviates
 * and a regnal number end with their letter. */
START_TEST(initial_cut_off_needs_surname) {
  const char *ok[] = {
      "Der Angeklagte Thomas K. wurde zu drei Jahren Haft verurteilt. Der "
      "Richter folgte dem Antrag.",
      "Kaiser Karl V. regierte ein Reich. Bismarck kam viel sp\xC3\xA4ter.",
      "Wilhelm I. wurde 1871 in Versailles zum Kaiser proklamiert.",
      "Der fr\xC3\xBChere Pr\xC3\xA4sident George W. Bush kam auch."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "split-sentence/initial") == 0,
                  "finding in: %s", ok[i]);
  S_span("Der Analyst Michael T. verweist auf die Best\xC3\xA4nde. Harrison "
         "h\xC3\xA4lt das f\xC3\xBCr unwahrscheinlich.",
         "split-sentence/initial", "T.");
  S_span("Kim wollte Pr\xC3\xA4sident Joseph R. treffen. Bidens Regierung "
         "lehnte ab.",
         "split-sentence/initial", "R.");
}
END_TEST

START_TEST(unbalanced_quotes) {
  S_span("\xE2\x80\x9E"
         "Es ist eine Win-Win-Situation, sagte Lee.",
         "punctuation/unbalanced-quote", "\xE2\x80\x9E");
  S_span("Das sei geschaffen\xE2\x80\x9C, so der Bericht.",
         "punctuation/unbalanced-quote", "\xE2\x80\x9C");
  S_span("Er sagte \"Nein und ging.", "punctuation/unbalanced-quote", "\"");
  const char *ok[] = {"\xE2\x80\x9E"
                      "Das ist \xE2\x80\x9A"
                      "gut\xE2\x80\x98"
                      "\xE2\x80\x9C, sagte sie.",
                      "Er sagte \xE2\x80\x9C"
                      "Nein\xE2\x80\x9D und ging.",
                      "Er sagte \"Nein\" und ging.",
                      "\xC2\xBB"
                      "Ja\xC2\xAB, sagte er."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "punctuation/unbalanced-quote") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(unbalanced_parens) {
  S_span("Die Agentur (DIA meldete das.", "punctuation/unbalanced-paren", "(");
  S_span("Die Agentur DIA) meldete das.", "punctuation/unbalanced-paren", ")");
  ck_assert_uint_eq(S_count("Die Agentur (DIA) meldete [laut Bericht] das.",
                            "punctuation/unbalanced-paren"),
                    0);
  /* Brackets do not pair across paragraphs. */
  ck_assert_uint_eq(S_count("Die Agentur (DIA.\n\nDas) war es.",
                            "punctuation/unbalanced-paren"),
                    2);
}
END_TEST

START_TEST(repeated_words) {
  S_span("Die Lage ist scharf scharf kritisiert worden.",
         "word-order/repeated-word", "scharf scharf");
  const char *ok[] = {"Die Frau, die die Zeitung las, kam.",
                      "Er sagt, dass das das Ende sei.",
                      "Ob sie sie sieht, ist offen.", "Es war sehr sehr kalt.",
                      "Er sagte: Nein. Nein."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "word-order/repeated-word") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(verb_position) {
  S_span("Die Opposition wirft der Koalition vor, dass die Regierung hat die "
         "Mittel gek\xC3\xBCrzt.",
         "word-order/verb-position", "hat");
  S_span("Er sagte ab, weil er will nach Berlin reisen.",
         "word-order/verb-position", "will");
  const char *ok[] = {
      "Sie sagte, dass die Regierung die Mittel gek\xC3\xBCrzt hat.",
      "Es ist klar, dass er sich hat helfen lassen.",
      "Es scheint, als wolle er nicht kommen.",
      "Er spart, bis 2026 eine Milliarde fehlt, und hat Anlagen stillgelegt."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "word-order/verb-position") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(verb_position_open_class) {
  S_span("Die Ökonomen rechnen damit, dass die Inflation sinkt im kommenden "
         "Jahr weiter.",
         "word-order/verb-position", "sinkt");
  S_span("Die Bürger, die haben ihr Haus verloren, sollen Hilfe erhalten.",
         "word-order/verb-position", "haben");
  S_span("Im März erscheinen Herr Kim und seine Tochter fahren in einer "
         "Limousine.",
         "word-order/verb-position", "fahren");
  S_span("Am Dienstag besuchte der Kanzler das Werk sprach mit den "
         "Beschäftigten.",
         "word-order/verb-position", "sprach");
  const char *ok[] = {
      "Es heißt, dass er mehr verdient als sein Chef.",
      "Er las das Buch und seine Frau schlief.",
      "Am Abend ging er einkaufen.",
      "Sie ließ ihn warten und ging.",
      "Das Gesetz tritt in Kraft, die Frist läuft bis Ende Juni.",
      "Dort kämpfen die vom Iran unterstützte Miliz und die Armee.",
      "„Der Satz ‚Wir schaffen das‘ ist längst Geschichte“, sagte er.",
      "Mit 40 Euro liegt er so hoch wie vor dem Krieg."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "word-order/verb-position") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(fragment) {
  S_span("Nordkorea und Russland rücken zusammen. Ihre eigene militärische "
         "Zusammenarbeit.",
         "split-sentence/fragment", "Ihre eigene militärische Zusammenarbeit.");
  S_span("Die Ukraine hat Dörfer zurückerobert. Doch die Verluste. Sie sind "
         "hoch.",
         "split-sentence/fragment", "Doch die Verluste.");
  const char *ok[] = {
      "Ein Überblick über die Lage in Nahost", /* a heading */
      "Berlin, 3. Mai 2024.",                  /* one sentence */
      "Wer profitiert davon? Vor allem die Rentner.",
      "Er kam spät. „Eine Katastrophe für das Land.“ Dann ging er.",
      "Die Ministerin nannte Bedingungen. Erstens: eine solide Finanzierung.",
      "Er schwieg. Kein Wunder.",
      "Die Preise stiegen. Die Löhne stiegen nicht so schnell."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "split-sentence/fragment") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

START_TEST(stray_final) {
  S_span("Der Krieg tobt auf der anderen Seite der Welt Ukraine.",
         "word-order/stray-final", "Ukraine");
  S_span("Die Munition ist mit der russischen kompatibel Arsenal.",
         "word-order/stray-final", "Arsenal");
  S_span("Die Gespräche sollen fortgesetzt werden Präsident.",
         "word-order/stray-final", "Präsident");
  const char *ok[] = {"Der Kanzler empfing ihn im Weißen Haus.",
                      "Die Fregatte fuhr ins Rote Meer.",
                      "Er lebt in der Stadt Berlin.",
                      "Der Zoll fand mehrere Tonnen Kokain.",
                      "Die Lage sei ernst, sagte Scholz.",
                      "Auf Platz vier landete überraschend Frankreich.",
                      "Der Trainer spricht gut Deutsch.",
                      "Die Frist läuft bis Ende Mai.",
                      "Er hielt die Rede Putins für gefährlich."};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    ck_assert_msg(S_count(ok[i], "word-order/stray-final") == 0,
                  "finding in: %s", ok[i]);
}
END_TEST

/* ---- Precision on good text (issue 14): classes of false alarms, each
 * next to the artifacts the rule must still find. ---- */

/* Every sentence of 'ok' is silent for 'rule'. */
static void S_silent(const char *const *ok, size_t n, const char *rule) {
  for (size_t i = 0; i < n; i++)
    ck_assert_msg(S_count(ok[i], rule) == 0, "%s in: %s", rule, ok[i]);
}

START_TEST(garbled_precision) {
  const char *rule = "garbled/capitalized-word";
  const char *ok[] = {
      /* colour nouns in enumerations */
      "Die Kamera sieht Rot, Gelb und Infrarot.",
      "Die Flagge zeigt Schwarz, Rot und Gold.",
      "Die Farben Blau, Grün und Weiß dominieren.",
      /* nominalized adjectives after quantifiers, or in the neuter */
      "Wir sahen etwas sehr Seltsames.", "Das war etwas völlig Neues für uns.",
      "Sie erlebten viel Schönes und wenig Trauriges.",
      "Was er nicht wusste, war Folgendes: Die Preise stiegen.",
      /* nouns spelled like function words, after their article or
       * adjective */
      "Sie reisten auf geraden Wegen durch das Land.",
      "Er klickte auf die Links, nicht auf die Bilder.",
      /* first names that are function words or English verbs */
      "Der Schauspieler Will Smith kam nach Berlin.",
      "Der Fotograf Man Ray lebte in Paris.",
      "Der Nato-Generalsekretär Mark Rutte reiste nach Kiew.",
      /* function words as nouns: rare nouns in their context, pairs */
      "Die Stadt liegt an der Oder.", "Sie fuhren an die Oder und badeten.",
      "Er sprach über sein eigenes Ich und seine Zweifel.",
      "Sie stimmten ohne Wenn und Aber zu.", "Sie wogen das Für und Wider ab.",
      /* the first word of a title after the noun introducing it */
      "Im Kino läuft der Film Vom Winde verweht.",
      "Sie sang das Lied Über den Wolken."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
  S_span("Er sagte Oder dass nichts passiert sei.", rule, "Oder");
  S_span("Der Minister sagte, Ich werde nicht zurücktreten.", rule, "Ich");
  S_span("Die Regierung will die Steuern senken Und die Renten erhöhen.", rule,
         "Und");
  S_span("Er sagte Und Putin lachte.", rule, "Und");
  S_span("Er lobte das Treffen Mit Selenskyj am Montag.", rule, "Mit");
  S_span("Sie sagte, man müsse Jetzt Kiew helfen.", rule, "Jetzt");
  S_span("Die Lage ist für uns sehr Angespannt geworden.", rule, "Angespannt");
  S_span("Er sagte, Wegen der Lage bleibe er.", rule, "Wegen");
  S_span("Die Truppen haben sich Aus der Stadt zurückgezogen.", rule, "Aus");
  S_span("Die Gespräche seien Konstruktiv verlaufen.", rule, "Konstruktiv");
  S_span("Die Bank rechnet für das kommende Jahr Mit einem Wachstum.", rule,
         "Mit");
}
END_TEST

START_TEST(verb_position_precision) {
  const char *rule = "word-order/verb-position";
  const char *ok[] = {
      /* main clauses joined by und/oder/aber without a comma */
      "Vierzehn Milliarden Jahre vergehen und dieses Lied klingt noch immer.",
      "Im März kam er nach Berlin und seine Frau blieb in Paris.",
      "Am Abend regnete es aber die Kinder spielten draußen.",
      "Heute leben mehr Menschen in Städten und die Zahl wächst weiter.",
      "Damals starben viele Kinder und die Lebenserwartung lag bei vierzig "
      "Jahren.",
      "Er sagte, dass es den Raum krümmt und ein Objekt an der Sonne "
      "vorbeizieht.",
      "Wenn man die Sonne nehmen und sie auf sechs Kilometer zusammenpressen "
      "würde, entstünde ein Schwarzes Loch.",
      /* verb clusters at the end of a subordinate clause, then an
       * extraposed zu-infinitive, comparison or phrase */
      "Er fürchtet, dass sie Probleme bekommen könnten.",
      "Der Kopf würde gedehnt, so dass du Schwierigkeiten haben könntest zu "
      "verstehen, was geschieht.",
      "Sie sagte, dass er verhaftet worden sein soll wegen Betrugs.",
      "Er räumte ein, dass die Industrie nicht so schnell liefern könne wie "
      "erhofft.",
      "Sie wusste, dass sie es hätte machen müssen.",
      "Es zeigte sich, dass die Lage schlimmer ist als gedacht.",
      /* "bis", "seit" as prepositions */
      "Wir sehen den Schatten, aber bis jetzt ist uns das nicht gelungen.",
      "Er wartet, doch seit gestern hat niemand angerufen."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
  S_span("Im März erscheinen Herr Kim und seine Tochter fahren in einer "
         "Limousine.",
         rule, "fahren");
  S_span("Seit Tagen suchen die Helfer arbeiten in den Trümmern.", rule,
         "arbeiten");
  S_span("Es ist unklar, ob die Gespräche werden in dieser Woche fortgesetzt.",
         rule, "werden");
  S_span("Die Regierung hofft, dass die Exporte können bald wieder steigen.",
         rule, "können");
  S_span("Er wartete, bis die Regierung hat die Mittel gekürzt.", rule, "hat");
  S_span("Er klagt, weil er will mehr Geld als sein Bruder verdienen.", rule,
         "will");
}
END_TEST

START_TEST(stray_final_precision) {
  const char *rule = "word-order/stray-final";
  const char *ok[] = {"Erneuerbare Energien wie zum Beispiel Windkraft.",
                      "Sie sprach am Montag zum Thema Migration.",
                      "Er blieb im Grunde Pazifist.",
                      "Der Vertrag gilt beim Konzern Volkswagen.",
                      "Das ist etwas völlig Neues."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
  S_span("Der Krieg tobt auf der anderen Seite der Welt Ukraine.", rule,
         "Ukraine");
  S_span("Die Lage sei schwierig, sagte der General am Sonntag Armee.", rule,
         "Armee");
  S_span("Die Munition ist mit der russischen kompatibel Arsenal.", rule,
         "Arsenal");
}
END_TEST

START_TEST(fragment_precision) {
  const char *rule = "split-sentence/fragment";
  /* Strong preterite plurals and participles that are preterite plurals
   * too are finite verbs. */
  const char *ok[] = {
      "Der Sturm kam in der Nacht. Viele Familien verloren ihr Zuhause.",
      "Die Forscher suchten lange. Fanden aber keine Ursache.",
      "Sie stritten oft. Erhielten aber beide den Preis.",
      "Die Verhandlungen dauerten lange. Begannen dann aber von vorn.",
      "Die Preise stiegen. Die Löhne hielten nicht Schritt.",
      /* stylistic verbless sentences of spoken and feature prose */
      "Ich war in Kenia. Ein wunderschönes Land. Die Menschen sind herzlich.",
      "Manche Sterne gibt es nicht mehr. Eine faszinierende Vorstellung.",
      "Die Antwort ist einfach: Wasser. Ohne Wasser kein Leben.",
      "Es gibt drei Gründe. Erstens die Kosten. Zweitens die Zeit. Und "
      "drittens die Angst vor dem Scheitern."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
  S_span("Die Regierung will sparen. Eine Lücke im Haushalt von 17 Milliarden "
         "Euro.",
         rule, "Eine Lücke im Haushalt von 17 Milliarden Euro.");
  S_span("Die Ukraine hat Dörfer zurückerobert. Doch die hohen Verluste im "
         "Osten.",
         rule, "Doch die hohen Verluste im Osten.");
  S_span("Nordkorea und Russland rücken zusammen. Ihre eigene militärische "
         "Zusammenarbeit.",
         rule, "Ihre eigene militärische Zusammenarbeit.");
  S_span("Die Verluste stiegen. Die verlorenen Dörfer im Osten des Landes.",
         rule, "Die verlorenen Dörfer im Osten des Landes.");
}
END_TEST

START_TEST(compound_precision) {
  const char *rule = "compound/split";
  ck_assert_uint_eq(S_count("Wir können mit bloßen Augen Sterne sehen.", rule),
                    0);
  S_span("Die Koalition will neue Steuer Erleichterungen beschließen.", rule,
         "Steuer Erleichterungen");
  S_span("Die Lage auf dem Arbeit Markt ist gut.", rule, "Arbeit Markt");
}
END_TEST

/* ---- end of the precision block ---- */

/* ---- Link-text garbling (issue 15, garble15): a hyperlink's text
 * translated on its own and spliced back keeps its capitals. A bare
 * capitalized infinitive where no noun phrase may stand, and an
 * attributive adjective in such a run, are reported; nominalized
 * infinitives with an article, preposition or in a noun's place, and
 * names, are not. ---- */

START_TEST(garbled_link_text) {
  const char *rule = "garbled/capitalized-word";
  const char *ok[] = {
      /* nominalized infinitives: object of a verb in second position,
       * after a preposition, paired, subject of a subordinate clause,
       * after the noun whose apposition they are */
      "Kinder lieben Malen und Basteln.",
      "Die Ärztin empfiehlt Wandern als "
      "Ausgleich.",
      "Er hat beim Laufen Schmerzen im Knie.",
      "Das Land setzt auf Fördern und Fordern.",
      "Die Kosten für Heizen und Kochen steigen.",
      "Sie fragte, warum Rauchen so schädlich ist.",
      "Die Regierung will beim Thema Heizen die Bürger entlasten.",
      "Im Fach Lesen haben die Schüler aufgeholt.",
      "Er hat das Schwimmen Lernen nie bereut.",
      "Er hat begonnen Schwimmen zu lernen.",
      /* names and fixed terms with a capitalized adjective */
      "Helfer vom Deutschen Roten Kreuz kamen sofort.",
      "Die Hilfsorganisation Deutsches Rotes Kreuz teilte mit, dass die Lage "
      "ernst sei.",
      "Die Fregatte fuhr ins Schwarze Meer.",
      "Im DAX legten Deutsche Bank und Siemens zu.",
      "Viele Unternehmen setzen Künstliche Intelligenz ein.",
      "Er leistete Erste Hilfe, bis der Notarzt kam.",
      /* an inflected participle attribute, also a preterite form */
      "Sie sagte, dass die Erde außerhalb dieses zerquetschten Schwarzen "
      "Lochs kreisen könnte.",
      "Es waren Sterne, die zu zwei Schwarzen Löchern kollabierten.",
      "Die Forscher richten ihren Blick auf Schwarze Löcher.",
      "Die Aktivisten Letzte Generation blockierten eine Kreuzung.",
      /* a modal whose infinitive ends the clause, or a full verb */
      "Alle Kinder sollten Schwimmen lernen.",
      "Die Küche kann Essen für hundert Gäste liefern.",
      "Auf dem Fest wird es Essen und Musik geben.",
      "Sie kann Deutsch und Französisch.",
      /* a preposition, not a verb's particle */
      "Das Publikum konnte sich vor Lachen kaum halten.",
      /* formal Sie after its verb; nominalized adjectives after numerals;
       * an article that is a particle */
      "Beachten Sie bitte die Hinweise am Eingang.",
      "Die Polizei nahm drei Verdächtige fest.",
      "Die Behörde leitete gegen Polen Verfahren ein.",
      "Zum Finale kamen Tausende Zuschauer."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
  /* after the verb that closes a relative clause; the preposition after
   * it belongs to the same run */
  S_span("Der Konzern, der dem Kreml gehört Liefern Trotz der Sanktionen "
         "weiter Turbinen.",
         rule, "Liefern Trotz");
  /* between two nouns; the adjective of the next noun phrase joins */
  S_span("Nordkoreanische Hacker Waschen Gestohlenes Geld über Kryptobörsen.",
         rule, "Waschen Gestohlenes");
  S_span("Die Studie zeigt, wie Banken Verstecken illegales Vermögen.", rule,
         "Verstecken");
  /* the only verb of its clause */
  S_span("Die Preise für Lebensmittel Steigen seit Monaten.", rule, "Steigen");
  /* an attributive adjective after the verb closing a relative clause */
  S_span("Der Zoll fand im Lager, das der Firma gehörte Gefälschte Uhren.",
         rule, "Gefälschte");
  /* the infinitive of a modal spliced before its object or phrase, or
   * before the modal closing the clause */
  S_span("Die Sanktionen sollen Erschweren den Kauf von Chips.", rule,
         "Erschweren");
  S_span("Viele Familien mussten Flüchten aus ihren Dörfern.", rule,
         "Flüchten");
  S_span("Er sagte, dass die Bank Kredite Kürzen werde, wenn nötig.", rule,
         "Kürzen");
  /* after the separable particle that closes the clause */
  S_span("Der Minister stellte ein Programm vor Fördern die Forschung an "
         "Hochschulen.",
         rule, "Fördern");
  /* an attributive adjective with no article, after a noun, that starts
   * no name */
  S_span("Die Beamten fanden im Kofferraum Geschmuggelte Zigaretten.", rule,
         "Geschmuggelte");
  /* a predicate participle before a conjunction; "Sie" before a verb in
   * the singular; a demonstrative before its noun */
  S_span("Die Arbeiten wurden beendet Aber nicht abgenommen.", rule, "Aber");
  S_span("Die Ärztin erklärte, Sie habe keine Zeit gehabt.", rule, "Sie");
  S_span("Viele Bürger finden Diese Regel unfair.", rule, "Diese");
  /* a cardinal before its noun, after a noun */
  S_span("Die Polizei hat am Abend Drei Männer festgenommen.", rule, "Drei");
}
END_TEST

/* ---- end of the link-text block ---- */

/* ---- issue 15, struct15: compound/split via Hunspell with a guard,
 * stray final nouns after a clause-final verb, split-sentence/verb-start.
 * Positives next to the correct German each guard keeps silent. ---- */

START_TEST(compound_hunspell_guard) {
  const char *rule = "compound/split";
  /* A modifier that is no word alone, Hunspell joins the pair. */
  S_span("Die Ukraine fordert verbindliche Sicherheits Garantien vom Westen.",
         rule, "Sicherheits Garantien");
  /* The article agrees with the second noun (the head) only. */
  S_span("Die Gas Lieferungen wurden eingestellt.", rule, "Gas Lieferungen");
  S_span("Die Kommission legte einen Plan für den Klima Schutz vor.", rule,
         "Klima Schutz");
  S_span("Die EU hat ein neues Handel Abkommen unterzeichnet.", rule,
         "Handel Abkommen");
  /* Sentence-initial article, the pair, the finite verb. */
  S_span("Der Regierung Sprecher wollte sich nicht äußern.", rule,
         "Regierung Sprecher");
  const char *ok[] = {
      /* double objects, subject and object: the article fits both */
      "Er wirft der Regierung Chaos vor.",
      "Sie gab den Bauern Geld für neue Maschinen.",
      "Die Behörde schickte der Kommission Briefe.",
      "Da diese Filter Nebeneffekte haben, sind sie umstritten.",
      "Man sollte einem Befehl Folge leisten.",
      "Er will in einem Zimmer Parkett legen.",
      /* measures, numbers, classifiers, dates */
      "Der Bund hat rund vier Milliarden Euro zugesagt.",
      "Es gibt eine Art Mythos, den alle kennen.",
      "Das Gericht verhängte sieben Jahre Haft.",
      "Die Gespräche sollen Anfang Mai beginnen.",
      "Das war ein schweres Stück Arbeit.",
      /* an apposition in the prefield */
      "Das Argument Programm sollte ein Pfad sein.",
      "Der Herr Doktor ist heute nicht da."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
}
END_TEST

START_TEST(stray_final_after_subclause) {
  const char *rule = "word-order/stray-final";
  S_span("Die Opposition kritisierte, dass bisher nichts geschehen ist "
         "Regierung.",
         rule, "Regierung");
  S_span("Der Flughafen bleibt zu, bis der Sturm abgezogen ist Woche.", rule,
         "Woche");
  S_span("Unklar ist, wie viele Soldaten verletzt wurden Ministerium.", rule,
         "Ministerium");
  S_span("Die Helfer taten, was möglich war Hilfe.", rule, "Hilfe");
  const char *ok[] = {
      "Die Lage ist ernst, sagte die Ministerin.",
      "Ich habe einen Hund, der heißt Bello.",
      "Er tat so, als wäre nichts geschehen.",
      "Sie tat so, als wäre Krieg.",
      "Er spricht so, als sei er Präsident.",
      "Er hat viel gelernt, weil er spricht Deutsch.",
      "Die Preise stiegen, weil die Nachfrage schneller wuchs als das Angebot.",
      "Er zeigte, was er kann: Fußball.",
      "Das ist, wenn Sie so wollen Magie.",
      "Das Meer ist groß, die Hälfte davon ist Wasser.",
      "Er lacht, weil die Antwort ist Liebe."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
}
END_TEST

START_TEST(verb_start_split) {
  const char *rule = "split-sentence/verb-start";
  S_span("Die Gespräche in Moskau. Endeten ohne Ergebnis.", rule, "Endeten");
  S_span("Die Bahn. Wird die Strecke ab Juli sanieren.", rule, "Wird");
  S_span("Die beiden Staatschefs. Vereinbarten eine engere Zusammenarbeit.",
         rule, "Vereinbarten");
  /* One error, one finding: the first half is no fragment as well. */
  ck_assert_uint_eq(S_count("Die Gespräche in Moskau. Endeten ohne Ergebnis.",
                            "split-sentence/fragment"),
                    0);
  const char *ok[] = {
      "Die Lage in Moskau. Lesen Sie auch unseren Bericht.",
      "Neue Regeln für Mieter. Sollte es Streit geben, hilft der Verein.",
      "Hohe Zinsen. Steigen die Zinsen weiter, wird das Bauen teurer.",
      "Mehr Bewegung im Alltag. Laufen ist gesund.",
      "Ein Brand in der Altstadt. Verletzt wurde niemand.",
      "Die Gespräche in Moskau. Endeten sie ohne Ergebnis?",
      "Die Inflation ist hoch. Kommt hinzu, dass die Löhne kaum steigen.",
      "Unterschiede an. Arbeitet wie vimdiff.",
      "Die Ministerin reiste nach Kiew. Dort traf sie den Präsidenten."};
  S_silent(ok, sizeof ok / sizeof ok[0], rule);
}
END_TEST

/* ---- end of the struct15 block ---- */

Suite *structure_suite(void) {
  Suite *s = suite_create("structure");
  TCase *tc = tcase_create("split-sentence");
  tcase_add_test(tc, lowercase_start_found);
  tcase_add_test(tc, lowercase_start_exceptions);
  tcase_add_test(tc, initial_cut_off);
  tcase_add_test(tc, initial_cut_off_needs_surname);
  suite_add_tcase(s, tc);
  tc = tcase_create("balance");
  tcase_add_test(tc, unbalanced_quotes);
  tcase_add_test(tc, unbalanced_parens);
  suite_add_tcase(s, tc);
  tc = tcase_create("verb-position");
  tcase_add_test(tc, verb_position);
  tcase_add_test(tc, verb_position_open_class);
  suite_add_tcase(s, tc);
  tc = tcase_create("fragment-stray");
  tcase_add_test(tc, fragment);
  tcase_add_test(tc, stray_final);
  suite_add_tcase(s, tc);
  tc = tcase_create("repeated-word");
  tcase_add_test(tc, repeated_words);
  suite_add_tcase(s, tc);
  tc = tcase_create("precision");
  tcase_add_test(tc, garbled_precision);
  tcase_add_test(tc, verb_position_precision);
  tcase_add_test(tc, stray_final_precision);
  tcase_add_test(tc, fragment_precision);
  tcase_add_test(tc, compound_precision);
  suite_add_tcase(s, tc);
  tc = tcase_create("link-text");
  tcase_add_test(tc, garbled_link_text);
  suite_add_tcase(s, tc);
  tc = tcase_create("struct15");
  tcase_add_test(tc, compound_hunspell_guard);
  tcase_add_test(tc, stray_final_after_subclause);
  tcase_add_test(tc, verb_start_split);
  suite_add_tcase(s, tc);
  return s;
}
