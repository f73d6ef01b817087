/* Tests of src/buf.c and src/strset.c: the capped buffer and word sets. */
#include <string.h>

#include "tests.h"

START_TEST(buf_empty_is_string) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  ck_assert_str_eq(mtai_buf_str(&b), "");
  ck_assert_uint_eq(mtai_buf_len(&b), 0);
  char *s = mtai_buf_detach(&b);
  ck_assert_ptr_nonnull(s);
  ck_assert_str_eq(s, "");
  mta_free(s);
}
END_TEST

START_TEST(buf_append_and_printf) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  ck_assert_int_eq(mtai_buf_puts(&b, "ab"), MTA_OK);
  ck_assert_int_eq(mtai_buf_putc(&b, 'c'), MTA_OK);
  ck_assert_int_eq(mtai_buf_printf(&b, "-%d-%s", 42, "x"), MTA_OK);
  ck_assert_str_eq(mtai_buf_str(&b), "abc-42-x");
  for (int i = 0; i < 1000; i++)
    ck_assert_int_eq(mtai_buf_puts(&b, "0123456789"), MTA_OK);
  ck_assert_uint_eq(mtai_buf_len(&b), 8 + 10000);
  ck_assert_int_eq(mtai_buf_str(&b)[mtai_buf_len(&b)], '\0');
  mtai_buf_free(&b);
}
END_TEST

START_TEST(buf_cap_is_enforced) {
  struct mta_buf b;
  mtai_buf_init(&b, 8);
  ck_assert_int_eq(mtai_buf_puts(&b, "12345678"), MTA_OK);
  ck_assert_int_eq(mtai_buf_putc(&b, '9'), MTA_ERR_TOO_LARGE);
  ck_assert_str_eq(mtai_buf_str(&b), "12345678");
  mtai_buf_free(&b);
}
END_TEST

START_TEST(strset_add_has_get) {
  struct mtai_strset s;
  mtai_strset_init(&s);
  ck_assert(!mtai_strset_has(&s, "x", 1));
  for (int i = 0; i < 5000; i++) {
    char w[16];
    int n = snprintf(w, sizeof w, "w%d", i);
    ck_assert_int_eq(mtai_strset_add(&s, w, (size_t)n), MTA_OK);
  }
  ck_assert_uint_eq(s.count, 5000);
  ck_assert(mtai_strset_has(&s, "w4999", 5));
  ck_assert(!mtai_strset_has(&s, "w5000", 5));
  ck_assert(!mtai_strset_has(&s, "w", 1)); /* prefix of keys only */
  int v = 7;
  void *out = NULL;
  ck_assert_int_eq(mtai_strset_put(&s, "key", 3, &v), MTA_OK);
  ck_assert(mtai_strset_get(&s, "key", 3, &out));
  ck_assert_ptr_eq(out, &v);
  mtai_strset_free(&s);
}
END_TEST

START_TEST(strset_loads_embedded_list) {
  struct mtai_strset s;
  mtai_strset_init(&s);
  ck_assert_int_eq(mtai_strset_load(&s, "months.txt"), MTA_OK);
  ck_assert(mtai_strset_has(&s, "Oktober", 7));
  ck_assert(mtai_strset_has(&s, "M\xC3\xA4rz", 5));
  ck_assert(!mtai_strset_has(&s, "#", 1));
  ck_assert_int_eq(mtai_strset_load(&s, "no-such-file.txt"), MTA_ERR_DICT);
  mtai_strset_free(&s);
}
END_TEST

Suite *buf_suite(void) {
  Suite *s = suite_create("buf");
  TCase *tc = tcase_create("buffer");
  tcase_add_test(tc, buf_empty_is_string);
  tcase_add_test(tc, buf_append_and_printf);
  tcase_add_test(tc, buf_cap_is_enforced);
  suite_add_tcase(s, tc);
  tc = tcase_create("strset");
  tcase_add_test(tc, strset_add_has_get);
  tcase_add_test(tc, strset_loads_embedded_list);
  suite_add_tcase(s, tc);
  return s;
}
