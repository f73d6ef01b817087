/*
 * Tests of src/annotate.c: the per-token annotations the checks read
 * (quotation marks, quotations, English number words).
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tests.h"

/* Index of the first token of 'r' spelling 's'. */
static size_t S_tok(const mta_report *r, const char *s) {
  for (size_t i = 0; i < r->doc.ntok; i++)
    if (mtai_tok_eq(&r->doc, i, s))
      return i;
  ck_abort_msg("no token '%s'", s);
  return 0;
}

START_TEST(quote_marks) {
  mta_report *r = test_audit("Er sagte \xE2\x80\x9E"
                             "Nein\xE2\x80\x9C und \xC2\xBB"
                             "ja\xC2\xAB oder \"vielleicht\".\n");
  const struct mtai_doc *d = &r->doc;
  ck_assert_ptr_nonnull(d->ann);
  ck_assert_uint_eq(mtai_tok_quote_exact(d, S_tok(r, "\xE2\x80\x9E")),
                    MTAI_Q_LOW_DOUBLE);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, "\xE2\x80\x9C")),
                    MTAI_Q_LEFT_DOUBLE);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, "\xC2\xBB")), MTAI_Q_RAQUO);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, "\xC2\xAB")), MTAI_Q_LAQUO);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, "\"")), MTAI_Q_STRAIGHT);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, "sagte")), MTAI_Q_NONE);
  ck_assert_uint_eq(mtai_tok_quote(d, S_tok(r, ".")), MTAI_Q_NONE);
  mta_report_free(r);
}
END_TEST

START_TEST(quoted_tokens) {
  mta_report *r = test_audit("Er sagte \xE2\x80\x9E"
                             "Nein\xE2\x80\x9C und \"vielleicht\" dann.\n\n"
                             "\xE2\x80\x9E"
                             "Offen bleibt es.\n\nNicht zitiert.\n");
  const struct mtai_doc *d = &r->doc;
  ck_assert(!mtai_tok_quoted(d, S_tok(r, "sagte")));
  ck_assert(mtai_tok_quoted(d, S_tok(r, "Nein")));
  ck_assert(!mtai_tok_quoted(d, S_tok(r, "\xE2\x80\x9E")));
  ck_assert(!mtai_tok_quoted(d, S_tok(r, "und")));
  ck_assert(mtai_tok_quoted(d, S_tok(r, "vielleicht")));
  ck_assert(!mtai_tok_quoted(d, S_tok(r, "dann")));
  ck_assert(mtai_tok_quoted(d, S_tok(r, "bleibt")));
  /* Quotations do not cross paragraphs. */
  ck_assert(!mtai_tok_quoted(d, S_tok(r, "zitiert")));
  mta_report_free(r);
}
END_TEST

START_TEST(number_words) {
  mta_report *r = test_audit("Es kostet 4 billion und tausend Euro.\n");
  const struct mtai_doc *d = &r->doc;
  ck_assert(mtai_tok_numword(d, S_tok(r, "billion")));
  ck_assert(!mtai_tok_numword(d, S_tok(r, "tausend")));
  ck_assert(!mtai_tok_numword(d, S_tok(r, "4")));
  ck_assert_str_eq(mtai_number_word_de("billion", 7), "Milliarde(n)");
  ck_assert_ptr_null(mtai_number_word_de("Billion", 7));
  mta_report_free(r);
}
END_TEST

START_TEST(no_tokens) {
  struct mtai_doc d;
  memset(&d, 0, sizeof d);
  ck_assert_int_eq(mtai_annotate(&d, MTAI_ANN_DUPS), MTA_OK);
  ck_assert_ptr_nonnull(d.ann);
  mtai_doc_clear(&d);
}
END_TEST

Suite *annotate_suite(void) {
  Suite *s = suite_create("annotate");
  TCase *tc = tcase_create("annotate");
  tcase_add_test(tc, quote_marks);
  tcase_add_test(tc, quoted_tokens);
  tcase_add_test(tc, number_words);
  tcase_add_test(tc, no_tokens);
  suite_add_tcase(s, tc);
  return s;
}
