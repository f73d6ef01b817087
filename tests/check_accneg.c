/*
 * Tests of src/check_negation.c (accuracy/negation) and src/check_quote.c
 * (accuracy/quote, accuracy/url): English source and German target pairs
 * audited end to end (mta_audit_buffer_source()); each case says how many
 * findings of its rule it must get and, for findings, their severity.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

struct S_case {
  const char *rule;
  const char *source;
  const char *target;
  size_t count; /* findings of 'rule' */
  int sev;      /* their severity (every one), -1 for any */
};

#define MAJ MTA_SEV_MAJOR
#define MIN MTA_SEV_MINOR

static const char S_neg[] = "accuracy/negation";
static const char S_quo[] = "accuracy/quote";
static const char S_url[] = "accuracy/url";

static const struct S_case S_cases[] = {
    /* ---- negation lost or added ---- */
    {S_neg, "The minister did not sign the agreement.",
     "Der Minister unterzeichnete das Abkommen.", 1, MAJ},
    {S_neg, "Police have never confirmed the report.",
     "Die Polizei hat den Bericht bestätigt.", 1, MAJ},
    {S_neg, "There is no evidence of fraud in the election.",
     "Es gibt Beweise für Betrug bei der Wahl.", 1, MAJ},
    {S_neg, "Nobody was injured in the blast on Tuesday.",
     "Bei der Explosion am Dienstag wurde jemand verletzt.", 1, MAJ},
    {S_neg, "The company didn't disclose the price of the deal.",
     "Das Unternehmen hat den Preis des Geschäfts bekannt gegeben.", 1, MAJ},
    {S_neg, "He said the vote was not fair.",
     "Er sagte, die Abstimmung sei fair gewesen.", 1, MAJ},
    {S_neg, "The company can’t pay its debts this year.",
     "Das Unternehmen kann seine Schulden in diesem Jahr bezahlen.", 1, MAJ},
    {S_neg, "The talks in Geneva were successful.",
     "Die Gespräche in Genf waren nicht erfolgreich.", 1, MIN},
    {S_neg, "The central bank raised its interest rates in March.",
     "Die Zentralbank hat ihre Zinsen im März nicht erhöht.", 1, MIN},
    {S_neg, "She left the meeting without a word.",
     "Sie verließ die Sitzung mit einem Wort.", 1, MIN},
    {S_neg, "Did the government not know about the risks?",
     "Wusste die Regierung von den Risiken?", 1, MIN},
    {S_neg,
     "The plan was approved on Monday. The opposition did not vote for it. "
     "A second vote follows in May.",
     "Der Plan wurde am Montag gebilligt. Die Opposition stimmte dafür. Eine "
     "zweite Abstimmung folgt im Mai.",
     1, MAJ},
    /* ---- negation kept, or carried by another word ---- */
    {S_neg, "The minister did not sign the agreement.",
     "Der Minister unterzeichnete das Abkommen nicht.", 0, -1},
    {S_neg, "That is not possible under the current law.",
     "Das ist nach geltendem Recht unmöglich.", 0, -1},
    {S_neg, "The team failed to qualify for the World Cup.",
     "Die Mannschaft scheiterte in der Qualifikation für die WM.", 0, -1},
    {S_neg, "Not only the workers but also the managers protested.",
     "Nicht nur die Arbeiter, sondern auch die Manager protestierten.", 0, -1},
    {S_neg, "It is not just a question of money.", "Es geht um mehr als Geld.",
     0, -1},
    {S_neg, "No matter what happens, we will stay in the city.",
     "Was auch immer passiert, wir bleiben in der Stadt.", 0, -1},
    {S_neg, "It is a good plan, isn't it?", "Es ist ein guter Plan, oder?", 0,
     -1},
    {S_neg, "The move is not unlike the one in 2019.",
     "Der Schritt ähnelt dem von 2019.", 0, -1},
    {S_neg, "He hardly slept that night.", "Er schlief in dieser Nacht kaum.",
     0, -1},
    {S_neg, "No, the minister said, the plan stands.",
     "Nein, sagte der Minister, der Plan steht.", 0, -1},
    {S_neg, "The results were not published until Friday.",
     "Die Ergebnisse wurden erst am Freitag veröffentlicht.", 0, -1},
    {S_neg, "The project lacks funding.", "Dem Projekt fehlt das Geld.", 0, -1},
    {S_neg, "He couldn't help but laugh at the question.",
     "Er musste über die Frage einfach lachen.", 0, -1},
    {S_neg, "The streets of the capital were empty.",
     "Die Straßen der Hauptstadt waren leer.", 0, -1},
    {S_neg, "The region has no hospitals.",
     "Die Region hat keine Krankenhäuser.", 0, -1},
    {S_neg, "Nothing has changed since the election.",
     "Seit der Wahl hat sich nichts geändert.", 0, -1},
    {S_neg, "The answer of the ministry was unclear.",
     "Die Antwort des Ministeriums war nicht klar.", 0, -1},
    {S_neg, "It was impossible to say how many people died.",
     "Wie viele Menschen starben, war nicht zu sagen.", 0, -1},
    {S_neg, "The spokesman refused to comment.",
     "Der Sprecher wollte sich nicht äußern.", 0, -1},
    {S_neg, "Whether or not the deal holds, prices will rise.",
     "Ob das Abkommen hält oder nicht, die Preise werden steigen.", 0, -1},
    {S_neg, "He arrived late. He did not explain why.",
     "Er kam spät und erklärte nicht, warum.", 0, -1},
    {S_neg, "There were no survivors.", "Es gab keine Überlebenden.", 0, -1},
    {S_neg, "The law never took effect.", "Das Gesetz trat nie in Kraft.", 0,
     -1},
    {S_neg, "The risk is real.", "Das Risiko ist nicht unerheblich.", 0, -1},
    {S_neg, "She is not yet sure whether she will run.",
     "Sie ist noch nicht sicher, ob sie kandidiert.", 0, -1},
    {S_neg, "The company has yet to respond.",
     "Das Unternehmen hat noch nicht reagiert.", 0, -1},
    {S_neg, "The streets were unsafe at night.",
     "Nachts waren die Straßen nicht sicher.", 0, -1},
    {S_neg, "The attack came without warning.",
     "Der Angriff kam ohne Vorwarnung.", 0, -1},
    {S_neg, "Neither the mayor nor the governor attended.",
     "Weder der Bürgermeister noch der Gouverneur nahmen teil.", 0, -1},
    {S_neg, "The city stopped the construction.",
     "Die Stadt baute nicht mehr weiter.", 0, -1},
    {S_neg, "Never before had so many people voted in the state.",
     "Erstmals hatten so viele Menschen in dem Bundesstaat gewählt.", 0, -1},
    {S_neg, "The report must be submitted no later than March.",
     "Der Bericht muss spätestens im März vorliegen.", 0, -1},
    {S_neg, "Not long after the vote, the minister resigned.",
     "Kurz nach der Abstimmung trat der Minister zurück.", 0, -1},
    {S_neg, "Prices fell to a level not seen since 2008.",
     "Die Preise fielen auf den tiefsten Stand seit 2008.", 0, -1},
    {S_neg, "No-one answered the phone at the embassy.",
     "In der Botschaft nahm jemand das Telefon ab.", 1, MAJ},
    /* A paraphrase the rule cannot tell from an added negation: minor. */
    {S_neg, "Everyone was surprised by the result.",
     "Niemand hatte mit dem Ergebnis gerechnet.", 1, MIN},
    /* ---- quotations ---- */
    {S_quo, "\"We will not give up,\" the mayor said.",
     "Wir werden nicht aufgeben, sagte der Bürgermeister.", 1, MAJ},
    {S_quo,
     "The mayor said: \"This is a great day for the city.\" Critics "
     "disagreed.",
     "Der Bürgermeister sagte, dies sei ein großer Tag für die Stadt. "
     "Kritiker widersprachen.",
     1, MAJ},
    {S_quo, "He called it 'a very bad deal' on Monday.",
     "Er nannte es am Montag ein sehr schlechtes Geschäft.", 1, MAJ},
    {S_quo, "“It is over now,” she wrote.", "Es ist jetzt vorbei, schrieb sie.",
     1, MAJ},
    {S_quo, "\"We will not give up,\" the mayor said.",
     "„Wir werden nicht aufgeben“, sagte der Bürgermeister.", 0, -1},
    {S_quo, "\"We will not give up,\" the mayor said.",
     "»Wir werden nicht aufgeben«, sagte der Bürgermeister.", 0, -1},
    {S_quo, "\"We will not give up,\" the mayor said.",
     "\"Wir werden nicht aufgeben\", sagte der Bürgermeister.", 0, -1},
    {S_quo, "He called it 'a very bad deal' on Monday.",
     "Er nannte es am Montag „ein sehr schlechtes Geschäft“.", 0, -1},
    {S_quo, "The term \"black hole\" was coined in 1967.",
     "Der Begriff Schwarzes Loch wurde 1967 geprägt.", 0, -1},
    {S_quo, "He spoke of the so-called \"war on terror\" again.",
     "Er sprach wieder vom sogenannten Krieg gegen den Terror.", 0, -1},
    {S_quo, "The workers' union doesn't agree, and it's not alone.",
     "Die Gewerkschaft der Arbeiter ist nicht einverstanden, und sie ist "
     "nicht allein.",
     0, -1},
    {S_quo, "\"He told us 'no way' on Friday,\" she said.",
     "„Er sagte uns am Freitag ‚auf keinen Fall‘“, sagte sie.", 0, -1},
    {S_quo,
     "\"We have done everything we could. The rest is now up to the other "
     "side,\" the negotiator said.",
     "„Wir haben alles getan“, sagte der Unterhändler.", 1, MAJ},
    {S_quo,
     "\"We have done everything we could. The rest is now up to the other "
     "side,\" the negotiator said.",
     "„Wir haben alles getan, was wir konnten“, sagte der Unterhändler. „Der "
     "Rest liegt jetzt bei der anderen Seite.“",
     0, -1},
    {S_quo,
     "\"We have done everything we could, and the rest is now up to the "
     "other side,\" the negotiator said.",
     "„Wir haben alles getan“, sagte der Unterhändler, „der Rest liegt jetzt "
     "bei der anderen Seite.“",
     0, -1},
    /* ---- URLs, addresses, handles, hashtags ---- */
    {S_url, "Details are at www.example.org/climate-report.",
     "Details stehen unter www.example.org/klima-bericht.", 1, MAJ},
    {S_url, "Read the full report at https://example.com/report.",
     "Den ganzen Bericht finden Sie auf der Seite der Regierung.", 1, MAJ},
    {S_url, "Contact press@city.gov for details.",
     "Kontakt für Details: presse@stadt.gov.", 1, MAJ},
    {S_url, "Follow @NASA for updates.", "Folgen Sie @NASA_de für Updates.", 1,
     MAJ},
    {S_url, "The hashtag #MoonLanding trended all day.",
     "Der Hashtag #Mondlandung war den ganzen Tag im Trend.", 1, MAJ},
    {S_url, "Details are at www.example.org/climate-report.",
     "Details stehen unter WWW.Example.org/climate-report.", 0, -1},
    {S_url, "Details are at https://www.example.org/climate-report.",
     "Details stehen unter www.example.org/climate-report.", 0, -1},
    {S_url, "Details are at www.example.org/climate-report.",
     "Details stehen unter „www.example.org/climate-report“.", 0, -1},
    {S_url, "Write to Info@Example.org, or follow @nasa and #MeToo.",
     "Schreiben Sie an info@example.org oder folgen Sie @NASA und #MeToo.", 0,
     -1},
    {S_url, "Washingtonpost.com reported the story first.",
     "Washingtonpost.com berichtete zuerst darüber.", 0, -1},
    {S_url, "The U.S. economy grew 3.5 percent, e.g. in retail.",
     "Die US-Wirtschaft wuchs um 3,5 Prozent, z. B. im Einzelhandel.", 0, -1},
    {S_url, "It is our #1 priority, the CEO said.",
     "Es ist unsere Priorität Nummer eins, sagte der Chef.", 0, -1},
};

START_TEST(pair) {
  const struct S_case *c = &S_cases[_i];
  mta_report *r = test_audit_pair(c->target, c->source);
  ck_assert_msg(!mta_report_source_error(r), "case %d: source refused: %s", _i,
                mta_report_source_error(r));
  size_t n = 0;
  mta_finding_info fi;
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    if (mta_report_finding(r, i, &fi) != MTA_OK || strcmp(fi.rule, c->rule))
      continue;
    n++;
    ck_assert_msg(c->sev < 0 || (int)fi.severity == c->sev,
                  "case %d (%s): severity %d, expected %d: %s", _i, c->target,
                  (int)fi.severity, c->sev, fi.message);
    ck_assert_msg(fi.source_text && fi.source_end > fi.source_start,
                  "case %d: finding without source span", _i);
  }
  ck_assert_msg(n == c->count,
                "case %d: %s ||| %s: %zu findings of %s, "
                "expected %zu",
                _i, c->source, c->target, n, c->rule, c->count);
  mta_report_free(r);
}
END_TEST

/* Without a source, the rules say nothing. */
START_TEST(no_source) {
  mta_report *r = test_audit("Der Minister unterzeichnete das Abkommen. "
                             "Wir werden nicht aufgeben, sagte er.");
  ck_assert_uint_eq(test_count_rule(r, S_neg), 0);
  ck_assert_uint_eq(test_count_rule(r, S_quo), 0);
  ck_assert_uint_eq(test_count_rule(r, S_url), 0);
  mta_report_free(r);
}
END_TEST

/* A source of thousands of handles and URLs in one paragraph against a
 * target without them: the searches stay within their budget (linear),
 * and every item is still reported or searched. Was minutes before the
 * budget. */
START_TEST(many_items) {
  size_t n = 2000;
  char *src = malloc(n * 64), *tgt = malloc(n * 64);
  ck_assert_ptr_nonnull(src);
  ck_assert_ptr_nonnull(tgt);
  size_t a = 0, b = 0;
  for (size_t i = 0; i < n; i++) {
    a += (size_t)sprintf(src + a, "@user%zu wrote to www.x%zu.com/a. ", i, i);
    b += (size_t)sprintf(tgt + b, "Nutzer %zu schrieb an die Seite. ", i);
  }
  mta_report *r = test_audit_pair(tgt, src);
  ck_assert_uint_gt(test_count_rule(r, S_url), 0);
  mta_report_free(r);
  free(src);
  free(tgt);
}
END_TEST

Suite *accneg_suite(void) {
  Suite *s = suite_create("accneg");
  TCase *tc = tcase_create("pairs");
  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, pair, 0, (int)(sizeof S_cases / sizeof S_cases[0]));
  tcase_add_test(tc, no_source);
  tcase_add_test(tc, many_items);
  suite_add_tcase(s, tc);
  return s;
}
