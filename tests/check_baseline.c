/*
 * Tests of src/fingerprint.c and src/baseline.c: the identity of a
 * finding across runs (mta_finding_info.fingerprint) and the baseline of
 * accepted findings (--baseline, --write-baseline).
 *
 * Areas: a fingerprint survives a line move and an edit elsewhere and
 * changes with the sentence; white space is collapsed, case kept; the
 * same fault twice in one sentence has one fingerprint.
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* The fingerprint of the first finding of rule 'rule' in 'text' (copied
 * to 'out'); fails the test when there is none. */
static void S_fp(const char *text, const char *rule, char out[17]) {
  mta_report *r = test_audit(text);
  ck_assert_ptr_nonnull(r);
  size_t n = mta_report_finding_count(r);
  for (size_t i = 0; i < n; i++) {
    mta_finding_info fi;
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, rule)) {
      ck_assert_ptr_nonnull(fi.fingerprint);
      ck_assert_uint_eq(strlen(fi.fingerprint), 16);
      ck_assert_uint_eq(strspn(fi.fingerprint, "0123456789abcdef"), 16);
      memcpy(out, fi.fingerprint, 17);
      mta_report_free(r);
      return;
    }
  }
  mta_report_free(r);
  ck_abort_msg("no %s finding in: %s", rule, text);
}

#define S_S1 "Die Regierung hat gestern einen neuen Plan vorgestelt."
#define S_S2 "Der Minister sagte, das sei ein wichtiger Schritt."

START_TEST(fp_line_move) {
  char a[17], b[17], c[17];
  S_fp(S_S1 "\n\n" S_S2 "\n", "spelling/unknown", a);
  /* A paragraph inserted above: other line, offset, paragraph. */
  S_fp("Ein neuer Absatz steht jetzt oben.\n\n" S_S1 "\n\n" S_S2 "\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
  /* The same sentence after another one in its paragraph. */
  S_fp(S_S2 " " S_S1 "\n", "spelling/unknown", c);
  ck_assert_str_eq(a, c);
}
END_TEST

START_TEST(fp_edit_elsewhere) {
  char a[17], b[17];
  S_fp(S_S1 "\n\n" S_S2 "\n", "spelling/unknown", a);
  S_fp(S_S1 "\n\nDer Minister sagte, das sei ein großer Schritt.\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(fp_sentence_changed) {
  char a[17], b[17];
  S_fp(S_S1 "\n", "spelling/unknown", a);
  S_fp("Die Regierung hat heute einen neuen Plan vorgestelt.\n",
       "spelling/unknown", b);
  ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(fp_whitespace_case) {
  char a[17], b[17], c[17];
  S_fp(S_S1 "\n", "spelling/unknown", a);
  S_fp("Die  Regierung hat\ngestern einen\tneuen Plan vorgestelt.\n",
       "spelling/unknown", b);
  ck_assert_str_eq(a, b);
  S_fp("Die Regierung hat gestern einen neuen PLAN vorgestelt.\n",
       "spelling/unknown", c);
  ck_assert_str_ne(a, c);
}
END_TEST

START_TEST(fp_duplicate_text) {
  /* The same unknown word twice in one sentence: one fingerprint. */
  mta_report *r = test_audit("Der Plan wurde vorgestelt und dann noch einmal "
                             "vorgestelt, sagte er gestern.\n");
  ck_assert_ptr_nonnull(r);
  const char *fps[2] = {NULL, NULL};
  size_t k = 0;
  for (size_t i = 0; i < mta_report_finding_count(r) && k < 2; i++) {
    mta_finding_info fi;
    mta_report_finding(r, i, &fi);
    if (!strcmp(fi.rule, "spelling/unknown"))
      fps[k++] = fi.fingerprint;
  }
  ck_assert_uint_eq(k, 2);
  ck_assert_str_eq(fps[0], fps[1]);
  mta_report_free(r);
}
END_TEST

Suite *baseline_suite(void) {
  Suite *s = suite_create("baseline");
  TCase *tc = tcase_create("fingerprint");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, fp_line_move);
  tcase_add_test(tc, fp_edit_elsewhere);
  tcase_add_test(tc, fp_sentence_changed);
  tcase_add_test(tc, fp_whitespace_case);
  tcase_add_test(tc, fp_duplicate_text);
  suite_add_tcase(s, tc);
  return s;
}
