/*
 * Tests of src/dictionaries.c: shared dictionaries (mta_dictionaries_new),
 * auditors sharing them, their verdict cache, waiting and the order of
 * freeing; two threads auditing with one set of dictionaries give the
 * reports of a plain auditor.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auditor_int.h"
#include "spell_int.h"
#include "tests.h"

static const char S_text[] =
    "Die Bundesregierung hat am Dienstag neue Maßnahmen beschlossen. "
    "Der Verteidigungsminister sagte, die Waffenstilstand-Gespräche "
    "würden fortgesetzt. Das Kabinet traf sich in Berlin.\n";

/* The JSON report of S_text by auditor 'a' (caller frees). */
static char *S_json(mta_auditor *a) {
  mta_report *r = NULL;
  ck_assert_int_eq(mta_audit_buffer(a, "t.txt", S_text, strlen(S_text), &r),
                   MTA_OK);
  char *out = NULL;
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_JSON, NULL, &out), MTA_OK);
  mta_report_free(r);
  return out;
}

START_TEST(test_null_args) {
  mta_dictionaries *d = (mta_dictionaries *)1;
  char *why = (char *)1;
  ck_assert_int_eq(mta_dictionaries_new(NULL, NULL, &why), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(why);
  ck_assert_int_eq(mta_dictionaries_wait(NULL, &why), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(why);
  mta_dictionaries_free(NULL);
  (void)d;
}
END_TEST

START_TEST(test_no_dictionary) {
  mta_options o = {0};
  o.dict_dir = "/nonexistent-mtaudit-dir";
  mta_dictionaries *d = (mta_dictionaries *)1;
  char *why = NULL;
  ck_assert_int_eq(mta_dictionaries_new(&o, &d, &why), MTA_ERR_DICT);
  ck_assert_ptr_null(d);
  ck_assert_ptr_nonnull(why);
  ck_assert_ptr_nonnull(strstr(why, "/nonexistent-mtaudit-dir"));
  mta_free(why);
}
END_TEST

START_TEST(test_bad_word_list) {
  mta_options o = {0};
  const char *lists[] = {"/nonexistent-mtaudit-list.txt"};
  o.user_dicts = lists;
  o.user_dict_count = 1;
  mta_dictionaries *d = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_dictionaries_new(&o, &d, &why), MTA_ERR_IO);
  ck_assert_ptr_null(d);
  ck_assert_ptr_nonnull(strstr(why, "nonexistent-mtaudit-list"));
  mta_free(why);
}
END_TEST

/* Created, waited for, freed without an auditor; freed while still
 * loading. */
START_TEST(test_wait_and_free) {
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  char *why = (char *)1;
  ck_assert_int_eq(mta_dictionaries_wait(d, &why), MTA_OK);
  ck_assert_ptr_null(why);
  ck_assert_int_eq(mta_dictionaries_wait(d, NULL), MTA_OK);
  mta_dictionaries_free(d);
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  mta_dictionaries_free(d); /* joins the loaders */
}
END_TEST

/* The German alphabet (read by the model's thread while Hunspell loads):
 * every byte of the .aff and .dic is in it, with its case forms; a byte
 * of neither file (a control character) is not. */
START_TEST(test_alphabet_of_files) {
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  ck_assert_int_eq(mta_dictionaries_wait(d, NULL), MTA_OK);
  const char *enc = d->de.enc;
  ck_assert_ptr_nonnull(enc);
  int latin1 = !strcmp(enc, "ISO8859-1") || !strcmp(enc, "ISO-8859-1");
  unsigned char seen[256] = {0};
  const char *files[] = {d->de.aff, d->de.dic};
  for (size_t i = 0; i < 2; i++) {
    FILE *f = fopen(files[i], "rb");
    ck_assert_ptr_nonnull(f);
    int c;
    while ((c = getc(f)) != EOF)
      seen[c] = 1;
    fclose(f);
  }
  for (int c = 0; c < 256; c++)
    if (seen[c] || !latin1)
      ck_assert_msg(d->alphabet[c], "byte %d of the files not in alphabet", c);
  if (latin1) {
    ck_assert(d->alphabet['e'] && d->alphabet['E'] && d->alphabet[0xE4]);
    ck_assert(!seen[0x01] && !d->alphabet[0x01]);
  }
  mta_dictionaries_free(d);
}
END_TEST

/* Two auditors on one set of dictionaries: one speller cache, the
 * reports of a plain auditor; the auditors are freed before the
 * dictionaries, in either order. */
START_TEST(test_two_auditors_share) {
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  mta_options o = {0};
  o.dictionaries = d;
  mta_auditor *a = NULL, *b = NULL, *plain = NULL;
  ck_assert_int_eq(mta_auditor_new(&o, &a, NULL), MTA_OK);
  ck_assert_int_eq(mta_auditor_new(&o, &b, NULL), MTA_OK);
  ck_assert_ptr_eq(a->speller->d, d);
  ck_assert_ptr_eq(b->speller->d, d);
  ck_assert_int_eq(mta_auditor_new(NULL, &plain, NULL), MTA_OK);
  ck_assert_ptr_ne(plain->speller->d, d);
  char *ja = S_json(a);
  /* b finds a's verdicts: it computes none of its own */
  unsigned long before = mtai_speller_work(b->speller);
  char *jb = S_json(b);
  ck_assert_uint_lt(mtai_speller_work(b->speller) - before, 50);
  char *jp = S_json(plain);
  ck_assert_str_eq(ja, jp);
  ck_assert_str_eq(jb, jp);
  ck_assert_int_eq(mtai_speller_check(b->speller, "Kabinet", 7),
                   MTAI_SPELL_UNKNOWN);
  mta_free(ja);
  mta_free(jb);
  mta_free(jp);
  mta_auditor_free(a);
  ck_assert_int_eq(mtai_speller_check(b->speller, "Berlin", 6),
                   mtai_speller_check(plain->speller, "Berlin", 6));
  mta_auditor_free(b);
  mta_auditor_free(plain);
  mta_dictionaries_free(d);
}
END_TEST

/* The options' dictionary directory and word lists are the
 * dictionaries' own when they are given. */
START_TEST(test_user_words_of_dictionaries) {
  char path[] = "/tmp/mtaudit-dicts-XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(write(fd, "Kabinet\n", 8), 8);
  close(fd);
  const char *lists[] = {path};
  mta_options o = {0};
  o.user_dicts = lists;
  o.user_dict_count = 1;
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(&o, &d, NULL), MTA_OK);
  unlink(path);
  mta_options o2 = {0};
  o2.dictionaries = d;
  mta_auditor *a = NULL;
  ck_assert_int_eq(mta_auditor_new(&o2, &a, NULL), MTA_OK);
  ck_assert_int_eq(mtai_speller_check(a->speller, "Kabinet", 7),
                   MTAI_SPELL_USER);
  mta_auditor_free(a);
  mta_dictionaries_free(d);
}
END_TEST

/* The cache is trimmed per generation: a speller keeps the entries of
 * its document while another one starts a new generation. */
START_TEST(test_trim_generations) {
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  struct mtai_speller *a = NULL, *b = NULL;
  ck_assert_int_eq(mtai_speller_new_shared(d, &a), MTA_OK);
  ck_assert_int_eq(mtai_speller_new_shared(d, &b), MTA_OK);
  mtai_speller_trim(a);
  mtai_speller_trim(b);
  char w[32];
  for (int i = 0; i <= MTAI_SPELL_CACHE_MAX; i++) {
    int n = snprintf(w, sizeof w, "Q%d", i);
    mtai_speller_check(a, w, (size_t)n);
  }
  struct mtai_spell_entry *e = mtai_spell_entry(b, "Haus", 4);
  ck_assert_ptr_nonnull(e);
  struct mtai_spell_gen *old = d->gen;
  mtai_speller_trim(a); /* full: a new generation, the old one b's */
  ck_assert_ptr_ne(d->gen, old);
  ck_assert_int_eq(old->retired, 1);
  ck_assert_uint_eq(old->users, 1);
  ck_assert_int_eq(e->verdict, MTAI_SPELL_KNOWN); /* still b's */
  mtai_speller_trim(b);                           /* the old one is freed */
  ck_assert_ptr_eq(a->gen, b->gen);
  ck_assert_ptr_null(d->gens->next);
  mtai_speller_free(a);
  mtai_speller_free(b);
  mta_dictionaries_free(d);
}
END_TEST

struct S_run {
  mta_dictionaries *d;
  char *json;
};

static void *S_thread(void *arg) {
  struct S_run *r = arg;
  mta_options o = {0};
  o.dictionaries = r->d;
  mta_auditor *a = NULL;
  if (mta_auditor_new(&o, &a, NULL) == MTA_OK) {
    mta_report *rep = NULL;
    if (mta_audit_buffer(a, "t.txt", S_text, strlen(S_text), &rep) == MTA_OK)
      mta_render(rep, MTA_FORMAT_JSON, NULL, &r->json);
    mta_report_free(rep);
  }
  mta_auditor_free(a);
  return NULL;
}

/* Two threads audit at once with fresh shared dictionaries (both wait
 * for the loading, then share the verdicts being computed). */
START_TEST(test_threads) {
  mta_auditor *plain = NULL;
  ck_assert_int_eq(mta_auditor_new(NULL, &plain, NULL), MTA_OK);
  char *want = S_json(plain);
  mta_auditor_free(plain);
  mta_dictionaries *d = NULL;
  ck_assert_int_eq(mta_dictionaries_new(NULL, &d, NULL), MTA_OK);
  struct S_run r[2] = {{d, NULL}, {d, NULL}};
  pthread_t th[2];
  for (int i = 0; i < 2; i++)
    ck_assert_int_eq(pthread_create(&th[i], NULL, S_thread, &r[i]), 0);
  for (int i = 0; i < 2; i++) {
    pthread_join(th[i], NULL);
    ck_assert_ptr_nonnull(r[i].json);
    ck_assert_str_eq(r[i].json, want);
    mta_free(r[i].json);
  }
  mta_free(want);
  mta_dictionaries_free(d);
}
END_TEST

Suite *dictionaries_suite(void) {
  Suite *s = suite_create("dictionaries");
  TCase *tc = tcase_create("api");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_null_args);
  tcase_add_test(tc, test_no_dictionary);
  tcase_add_test(tc, test_bad_word_list);
  tcase_add_test(tc, test_wait_and_free);
  tcase_add_test(tc, test_alphabet_of_files);
  tcase_add_test(tc, test_two_auditors_share);
  tcase_add_test(tc, test_user_words_of_dictionaries);
  tcase_add_test(tc, test_trim_generations);
  tcase_add_test(tc, test_threads);
  suite_add_tcase(s, tc);
  return s;
}
