/*
 * Tests of src/lexicon.c: word forms with the classes they must have
 * (open classes from trans-de-en, closed classes from dict/).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "auditor_int.h"
#include "tests.h"

#define N MTAI_LEX_NOUN
#define A MTAI_LEX_ADJ
#define I MTAI_LEX_INF
#define F MTAI_LEX_FINITE
#define P MTAI_LEX_PARTICIPLE
#define D MTAI_LEX_DET
#define PR MTAI_LEX_PRON
#define RP MTAI_LEX_RELPRON
#define PP MTAI_LEX_PREP
#define CC MTAI_LEX_CONJ_COORD
#define CS MTAI_LEX_CONJ_SUB
#define AC MTAI_LEX_ADV_CONJ
#define AX MTAI_LEX_AUX
#define NF MTAI_LEX_NONFINITE

/* Each form must have (at least) these classes. */
static const struct {
  const char *form;
  unsigned must;
} S_forms[] = {
    /* nouns */
    {"Arsenal", N},
    {"Zusammenarbeit", N},
    {"Regierung", N},
    {"Krieg", N},
    {"Waffen", N},
    {"Munition", N},
    {"Verbündeten", N},
    {"Halbinsel", N},
    {"Präsident", N},
    {"Sohn", N},
    {"Tochter", N},
    {"Limousine", N},
    {"Programme", N},
    {"Steuer", N},
    {"Sicherheit", N},
    {"Politik", N},
    {"Welt", N},
    {"Seite", N},
    {"Bericht", N},
    {"Geld", N},
    /* headwords with a gloss in parentheses ("Rot {n} (Farbe)") */
    {"Rot", N},
    {"Schwarz", N},
    {"Blau", N},
    {"Weiß", N},
    /* adjectives, also inflected */
    {"kompatibel", A},
    {"militärisch", A},
    {"militärische", A},
    {"militärischen", A},
    {"eigene", A},
    {"russischen", A},
    {"neu", A},
    {"neuen", A},
    {"wichtig", A},
    {"wichtigsten", 0},
    {"schnell", A},
    {"scharf", A},
    {"alte", A},
    {"großen", A},
    {"offiziell", A},
    /* infinitives */
    {"gehen", I},
    {"sagen", I},
    {"kürzen", I},
    {"liefern", I},
    {"sprechen", I},
    {"besuchen", I},
    {"steuern", I},
    {"waschen", I},
    {"geben", I},
    {"fahren", I},
    /* finite forms */
    {"geht", F},
    {"ging", F},
    {"sagt", F},
    {"sagte", F},
    {"kürzt", F},
    {"kürzte", F},
    {"liefert", F},
    {"lieferte", F},
    {"spricht", F},
    {"sprach", F},
    {"besucht", F},
    {"steuerte", F},
    {"gehört", F},
    {"gab", F},
    {"gibt", F},
    {"fährt", F},
    {"fuhr", F},
    {"erscheinen", F},
    {"sagen", F},
    /* preterite plurals of strong verbs, derived from Ding's singular
     * ("fand" -> "fanden") or Hunspell's preterite stems ("begann") */
    {"fanden", F},
    {"gingen", F},
    {"erhielten", F},
    {"verloren", F | P},
    {"begannen", F},
    {"stiegen", F},
    {"hießen", F},
    {"blieben", F},
    {"entstanden", F | P},
    {"fänden", F},
    {"festnahm", F},
    /* past participles */
    {"gegangen", P},
    {"gesagt", P},
    {"gekürzt", P},
    {"geliefert", P},
    {"gesprochen", P},
    {"besucht", P},
    {"gesteuert", P},
    {"gegeben", P},
    /* articles and determiners */
    {"der", D},
    {"die", D},
    {"das", D},
    {"einem", D},
    {"keine", D},
    {"dieser", D},
    {"jeden", D},
    {"seinen", D},
    {"ihre", D},
    {"unserer", D},
    /* pronouns */
    {"er", PR},
    {"sie", PR},
    {"uns", PR},
    {"sich", PR},
    {"man", PR},
    {"dessen", PR | RP},
    {"denen", PR | RP},
    {"wer", PR},
    /* prepositions */
    {"mit", PP},
    {"trotz", PP},
    {"wegen", PP},
    {"im", PP},
    {"zum", PP},
    {"gegenüber", PP},
    {"zwischen", PP},
    {"laut", PP},
    /* conjunctions */
    {"und", CC},
    {"oder", CC},
    {"aber", CC},
    {"dass", CS},
    {"weil", CS},
    {"obwohl", CS},
    {"nachdem", CS},
    {"deshalb", AC},
    {"trotzdem", AC},
    /* auxiliaries and modals: finite */
    {"ist", AX | F},
    {"sind", AX | F},
    {"war", AX | F},
    {"hat", AX | F},
    {"hatte", AX | F},
    {"wird", AX | F},
    {"würden", AX | F},
    {"kann", AX | F},
    {"muss", AX | F},
    {"sollte", AX | F},
    {"will", AX | F},
    {"möchte", AX | F},
    /* non-finite */
    {"gewesen", NF},
    {"worden", NF},
    {"gekonnt", NF},
    /* capitalized at a sentence start: the verb is found too */
    {"Geht", F},
    {"Und", CC},
    {"Er", PR},
    {"Trotz", PP}};

START_TEST(forms_have_their_classes) {
  struct mtai_lexicon *lx = test_auditor()->lexicon;
  ck_assert_ptr_nonnull(lx);
  size_t n = sizeof S_forms / sizeof S_forms[0];
  ck_assert_uint_ge(n, 100);
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned got =
        mtai_lexicon_classes(lx, S_forms[i].form, strlen(S_forms[i].form));
    if ((got & S_forms[i].must) != S_forms[i].must) {
      bad++;
      printf("  '%s': classes %#x, want %#x\n", S_forms[i].form, got,
             S_forms[i].must);
    }
  }
  fflush(stdout);
  ck_assert_msg(bad == 0, "%zu of %zu forms lack their classes", bad, n);
}
END_TEST

START_TEST(unknown_and_wrong_classes) {
  struct mtai_lexicon *lx = test_auditor()->lexicon;
  ck_assert_uint_eq(mtai_lexicon_classes(lx, "Xqzvbrt", 7), 0);
  /* A noun is not a finite verb, a preposition no noun, an article no
   * verb. */
  ck_assert(!(mtai_lexicon_classes(lx, "Arsenal", 7) & MTAI_LEX_FINITE));
  ck_assert(
      !(mtai_lexicon_classes(lx, "Zusammenarbeit", 14) & MTAI_LEX_FINITE));
  ck_assert(!(mtai_lexicon_classes(lx, "mit", 3) & MTAI_LEX_NOUN));
  ck_assert(!(mtai_lexicon_classes(lx, "der", 3) & MTAI_LEX_FINITE));
  ck_assert(!(mtai_lexicon_classes(lx, "gewesen", 7) & MTAI_LEX_AUX));
  /* Glosses in parentheses leave no forms behind ("nach)"), and only a
   * preterite gets a derived plural, not "du erhältst". */
  ck_assert(!mtai_lexicon_has_form(lx, "nach)", 5));
  ck_assert(!mtai_lexicon_has_form(lx, "erh\xC3\xA4ltsten", 11));
  /* Prefix of an entry is not the entry. */
  ck_assert_uint_eq(mtai_lexicon_classes(lx, "Arsen", 5) & MTAI_LEX_FINITE, 0);
}
END_TEST

/* The line index generated at build time (tools/mklexindex.c): one entry
 * per line of the table, in order, each the first byte of a line, the
 * lines sorted by their first field (the binary search needs it). */
extern const char mtai_lexicon_data[];
extern const char mtai_lexicon_end[];
extern const uint32_t mtai_lexicon_index[];
extern const uint32_t mtai_lexicon_nlines;

START_TEST(build_time_index_covers_the_table) {
  size_t len = (size_t)(mtai_lexicon_end - mtai_lexicon_data), lines = 0;
  for (size_t i = 0; i < len; i++)
    lines += mtai_lexicon_data[i] == '\n' || i == len - 1;
  ck_assert_uint_gt(mtai_lexicon_nlines, 100000);
  ck_assert_uint_eq(mtai_lexicon_nlines, lines);
  ck_assert_uint_eq(mtai_lexicon_index[0], 0);
  /* Plain comparisons in the loop (a ck_assert per line is slow). */
  size_t bad = 0;
  for (size_t k = 1; k < mtai_lexicon_nlines; k++) {
    uint32_t a = mtai_lexicon_index[k - 1], b = mtai_lexicon_index[k];
    if (a >= b || b >= len || mtai_lexicon_data[b - 1] != '\n' ||
        memchr(mtai_lexicon_data + a, '\n', b - a - 1)) {
      bad++;
      continue;
    }
    size_t fa = strcspn(mtai_lexicon_data + a, "\t\n");
    size_t fb = strcspn(mtai_lexicon_data + b, "\t\n");
    int c =
        memcmp(mtai_lexicon_data + a, mtai_lexicon_data + b, fa < fb ? fa : fb);
    bad += !(c < 0 || (c == 0 && fa < fb));
  }
  ck_assert_uint_eq(bad, 0);
  /* The first and the last line are found. */
  struct mtai_lexicon *lx = test_auditor()->lexicon;
  size_t f0 = strcspn(mtai_lexicon_data, "\t\n");
  ck_assert(mtai_lexicon_has_form(lx, mtai_lexicon_data, f0));
  const char *last = mtai_lexicon_data + mtai_lexicon_index[lines - 1];
  ck_assert(mtai_lexicon_has_form(lx, last, strcspn(last, "\t\n")));
}
END_TEST

/* The build-time Bloom filter of the forms (src/lexicon_hash.h) passes
 * every form of the table (found with its classes, or its noun data when
 * it has no classes), and rejects most strings that are none (a form with
 * its last byte doubled is mostly none). */
START_TEST(form_filter_passes_every_form) {
  struct mtai_lexicon *lx = test_auditor()->lexicon;
  size_t missed = 0, asked = 0, passed = 0;
  char buf[512];
  for (size_t k = 0; k < mtai_lexicon_nlines; k++) {
    const char *l = mtai_lexicon_data + mtai_lexicon_index[k];
    size_t n = strcspn(l, "\t\n");
    /* has_form(): a form with classes (some lines have noun data only) */
    int classes = l[n] == '\t' && l[n + 1] != '\t' && l[n + 1] != '\n';
    missed += classes && !mtai_lexicon_has_form(lx, l, n);
    missed += !classes && mtai_lexicon_noun_data(lx, l, n) == 0 &&
              l[n] == '\t' && l[n + 1] == '\t';
    if (k % 16 == 0 && n >= 2 && n + 1 < sizeof buf) {
      memcpy(buf, l, n);
      buf[n] = l[n - 1]; /* the last byte doubled */
      asked++;
      passed += mtai_lexicon_has_form(lx, buf, n + 1);
    }
  }
  ck_assert_uint_eq(missed, 0);
  ck_assert_uint_gt(asked, 20000);
  ck_assert_msg(passed * 20 < asked, "%zu of %zu non-forms found", passed,
                asked);
}
END_TEST

Suite *lexicon_suite(void) {
  Suite *s = suite_create("lexicon");
  TCase *tc = tcase_create("classes");
  tcase_add_test(tc, forms_have_their_classes);
  tcase_add_test(tc, unknown_and_wrong_classes);
  tcase_add_test(tc, build_time_index_covers_the_table);
  tcase_add_test(tc, form_filter_passes_every_form);
  suite_add_tcase(s, tc);
  return s;
}
