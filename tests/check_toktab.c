/*
 * Tests of src/toktab.c: the token table (word tokens interned to ids per
 * auditor, per-word facts computed once) and the accessors that read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auditor_int.h"
#include "check.h"
#include "tests.h"

START_TEST(ids_per_word) {
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  struct mtai_doc d;
  test_words_doc(&d, "Haus haus Haus 42 , Stra\xC3\x9F"
                     "e Haus Stra\xC3\x9F"
                     "e Hau");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_ptr_nonnull(d.tid);
  /* The same bytes, the same id; case matters; ids start at 1. */
  ck_assert_uint_eq(mtai_tok_id(&d, 0), mtai_tok_id(&d, 2));
  ck_assert_uint_eq(mtai_tok_id(&d, 0), mtai_tok_id(&d, 6));
  ck_assert_uint_ne(mtai_tok_id(&d, 0), mtai_tok_id(&d, 1));
  ck_assert_uint_ne(mtai_tok_id(&d, 0), 0);
  /* UTF-8 words; a prefix is another word. */
  ck_assert_uint_eq(mtai_tok_id(&d, 5), mtai_tok_id(&d, 7));
  ck_assert_uint_ne(mtai_tok_id(&d, 8), mtai_tok_id(&d, 0));
  /* Numbers and punctuation have no id and no facts. */
  ck_assert_uint_eq(mtai_tok_id(&d, 3), 0);
  ck_assert_uint_eq(mtai_tok_id(&d, 4), 0);
  ck_assert_ptr_null(mtai_tok_fact(&d, 3));
  ck_assert_ptr_nonnull(mtai_tok_fact(&d, 0));
  ck_assert_uint_eq(mtai_toktab_count(t), 4);
  ck_assert_uint_eq(d.nid, 4);
  /* A second document keeps the ids of the words it shares. */
  uint32_t haus = mtai_tok_id(&d, 0);
  mtai_toktab_release(&d);
  ck_assert_ptr_null(d.tid);
  ck_assert_uint_eq(mtai_tok_id(&d, 0), 0);
  mtai_doc_clear(&d);
  test_words_doc(&d, "Neu Haus");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_uint_eq(mtai_tok_id(&d, 1), haus);
  ck_assert_uint_eq(mtai_tok_id(&d, 0), 5);
  mtai_doc_clear(&d);
  /* Emptied: ids start again. */
  mtai_toktab_clear(t);
  ck_assert_uint_eq(mtai_toktab_count(t), 0);
  test_words_doc(&d, "Neu");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_uint_eq(mtai_tok_id(&d, 0), 1);
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
  mtai_toktab_free(NULL);
}
END_TEST

START_TEST(empty_and_none) {
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  struct mtai_doc d;
  test_words_doc(&d, "");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_uint_eq(d.ntok, 0);
  mtai_doc_clear(&d);
  /* Without a table the document has none, and the accessors fall back
   * to asking directly. */
  test_words_doc(&d, "Haus");
  ck_assert_int_eq(mtai_toktab_fill(NULL, &d), MTA_OK);
  ck_assert_ptr_null(d.tid);
  ck_assert_ptr_null(mtai_tok_fact(&d, 0));
  struct mtai_tokmemo m = {0};
  ck_assert_ptr_null(mtai_tokmemo_get(&m, &d));
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
}
END_TEST

/* Past MTAI_TOKTAB_MAX words the table is emptied before the next
 * document, and the memos of the checks with it. */
START_TEST(bounded) {
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  size_t nw = MTAI_TOKTAB_MAX + 1;
  char *s = malloc(nw * 9 + 1);
  ck_assert_ptr_nonnull(s);
  size_t k = 0;
  for (size_t i = 0; i < nw; i++) {
    size_t v = i;
    s[k++] = 'w';
    for (int c = 0; c < 6; c++, v /= 26)
      s[k++] = (char)('a' + v % 26);
    s[k++] = ' ';
  }
  s[k] = '\0';
  struct mtai_doc d;
  test_words_doc(&d, s);
  free(s);
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_uint_eq(mtai_toktab_count(t), nw);
  ck_assert_uint_eq(mtai_tok_id(&d, nw - 1), nw);
  struct mtai_tokmemo m = {0};
  uint32_t *v = mtai_tokmemo_get(&m, &d);
  ck_assert_ptr_nonnull(v);
  v[mtai_tok_id(&d, 0)] = 7;
  mtai_doc_clear(&d);
  test_words_doc(&d, "waaaaaa");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  ck_assert_uint_eq(mtai_toktab_count(t), 1);
  ck_assert_uint_eq(mtai_tok_id(&d, 0), 1);
  v = mtai_tokmemo_get(&m, &d);
  ck_assert_ptr_nonnull(v);
  ck_assert_uint_eq(v[1], 0); /* the memo was emptied with the table */
  mtai_tokmemo_free(&m);
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
}
END_TEST

/* The accessors answer what the speller and the lexicon answer about the
 * token's text, the first time and from the table. */
START_TEST(facts_as_asked) {
  mta_auditor *a = test_auditor();
  struct mtai_speller *sp = a->speller;
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  struct mtai_doc d;
  test_words_doc(&d,
                 "Der Hund the Institute Watson Berlin Xqzvw gehen Hund the");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  for (int round = 0; round < 2; round++) {
    for (size_t i = 0; i < d.ntok; i++) {
      const char *w = d.text + d.toks[i].start;
      size_t n = mtai_tok_len(&d, i);
      ck_assert_int_eq(mtai_tok_spell(sp, &d, i), mtai_speller_check(sp, w, n));
      ck_assert_int_eq(mtai_tok_english(sp, &d, i),
                       mtai_speller_english(sp, w, n));
      ck_assert_int_eq(mtai_tok_english_lc(sp, &d, i),
                       mtai_speller_english_lc(sp, w, n));
      ck_assert_int_eq(mtai_tok_is_name(sp, &d, i),
                       mtai_speller_is_name(sp, w, n));
      ck_assert_uint_eq(mtai_tok_classes(a->lexicon, &d, i, 0),
                        mtai_lexicon_classes(a->lexicon, w, n));
    }
  }
  const struct mtai_tokfact *f = mtai_tok_fact(&d, 1);
  ck_assert(f->have & MTAI_TK_SPELL);
  ck_assert(f->have & MTAI_TK_EN);
  ck_assert_uint_ne(f->cls, MTAI_CLS_UNSET);
  /* Lower-case classes: "Der" as "der". */
  ck_assert_uint_eq(mtai_tok_classes(a->lexicon, &d, 0, 1),
                    mtai_lexicon_classes(a->lexicon, "der", 3));
  /* The English verdict and list bits, through a check context. */
  struct mtai_check_ctx cx = a->cx;
  for (size_t i = 0; i < d.ntok; i++) {
    enum mtai_english v = mtai_english_verdict(&cx, &d, i);
    ck_assert_int_eq(mtai_english_verdict(&cx, &d, i), v);
  }
  ck_assert_int_eq(mtai_english_verdict(&cx, &d, 2), MTAI_EN_STRONG);
  ck_assert_int_eq(mtai_english_verdict(&cx, &d, 1), MTAI_EN_NO);
  ck_assert(mtai_tok_func(&cx, &d, 2));
  ck_assert(mtai_tok_func(&cx, &d, 9));
  ck_assert(!mtai_tok_func(&cx, &d, 1));
  ck_assert(!mtai_tok_title(&cx, &d, 1));
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
}
END_TEST

/* A pair list's prefix filter finds every match mtai_pairs_match() finds. */
START_TEST(pairs_prefix) {
  struct mtai_pairs *p = NULL;
  struct mtai_check_ctx cx = test_auditor()->cx;
  ck_assert_int_eq(mtai_pairs_new(&cx, "exonyms.txt", (void **)&p), MTA_OK);
  struct mtai_toktab *t;
  ck_assert_int_eq(mtai_toktab_new(&t), MTA_OK);
  struct mtai_doc d;
  test_words_doc(&d, "in Munich und Haus , Ivory Coast Cologne Mun");
  ck_assert_int_eq(mtai_toktab_fill(t, &d), MTA_OK);
  size_t found = 0;
  for (int round = 0; round < 2; round++)
    for (size_t i = 0; i < d.ntok; i++) {
      const char *a = NULL, *b = NULL;
      size_t n = mtai_pairs_match(&p->map, p->maxtok, &d, i, d.ntok, &a);
      size_t m =
          mtai_pairs_match_pre(&p->pre, &p->map, p->maxtok, &d, i, d.ntok, &b);
      ck_assert_uint_eq(n, m);
      ck_assert(a == b);
      found += n > 0;
    }
  ck_assert_uint_ge(found, 2); /* Munich, Cologne */
  mtai_doc_clear(&d);
  mtai_toktab_free(t);
  mtai_pairs_free(p);
}
END_TEST

Suite *toktab_suite(void) {
  Suite *s = suite_create("toktab");
  TCase *tc = tcase_create("table");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, ids_per_word);
  tcase_add_test(tc, empty_and_none);
  tcase_add_test(tc, bounded);
  tcase_add_test(tc, facts_as_asked);
  tcase_add_test(tc, pairs_prefix);
  suite_add_tcase(s, tc);
  return s;
}
