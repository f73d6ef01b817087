/*
 * Tests of src/dictfile.c: finding a dictionary's two files in a list of
 * directories, and the conversion of a word to the dictionary's encoding
 * (shared with tools/mkspellmodel.c).
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dictfile.h"
#include "tests.h"

/* Creates the empty file dir/name. */
static void S_touch(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(fclose(f), 0);
}

START_TEST(search_both_files) {
  char *a = test_tmpdir("dictfile-a"), *b = test_tmpdir("dictfile-b");
  /* a has only the .dic, b both: b wins although it comes second. */
  S_touch(a, "xx_XX.dic");
  S_touch(b, "xx_XX.aff");
  S_touch(b, "xx_XX.dic");
  char dirs[8192], aff[4200], dic[4200], want[4200];
  snprintf(dirs, sizeof dirs, "/nonexistent:%s:%s", a, b);
  ck_assert_int_eq(mtai_dict_search(dirs, "xx_XX", aff, dic, sizeof aff), 1);
  snprintf(want, sizeof want, "%s/xx_XX.aff", b);
  ck_assert_str_eq(aff, want);
  snprintf(want, sizeof want, "%s/xx_XX.dic", b);
  ck_assert_str_eq(dic, want);
  /* The first directory that has both is taken. */
  S_touch(a, "xx_XX.aff");
  ck_assert_int_eq(mtai_dict_search(dirs, "xx_XX", aff, dic, sizeof aff), 1);
  snprintf(want, sizeof want, "%s/xx_XX.dic", a);
  ck_assert_str_eq(dic, want);
  /* Another name, an empty list, only separators: none. */
  ck_assert_int_eq(mtai_dict_search(dirs, "yy_YY", aff, dic, sizeof aff), 0);
  ck_assert_int_eq(mtai_dict_search("", "xx_XX", aff, dic, sizeof aff), 0);
  ck_assert_int_eq(mtai_dict_search(":::", "xx_XX", aff, dic, sizeof aff), 0);
  test_rmdir(a);
  test_rmdir(b);
}
END_TEST

START_TEST(conv_latin1) {
  iconv_t cd = iconv_open("ISO-8859-1", "UTF-8");
  ck_assert(cd != (iconv_t)-1);
  char out[16];
  /* "Straße": ß is one byte in ISO-8859-1; only n bytes are read. */
  ck_assert_int_eq(mtai_dict_conv(cd,
                                  "Stra\xC3\x9F"
                                  "exyz",
                                  7, out, sizeof out),
                   1);
  ck_assert_str_eq(out, "Stra\xDF"
                        "e");
  /* No equivalent (Polish ł), invalid UTF-8, a cut character: 0, and the
   * converter is usable again after each. */
  ck_assert_int_eq(mtai_dict_conv(cd,
                                  "\xC5\x82\xC3\xB3"
                                  "d\xC5\xBA",
                                  7, out, sizeof out),
                   0);
  ck_assert_int_eq(mtai_dict_conv(cd, "a\xFF", 2, out, sizeof out), 0);
  ck_assert_int_eq(mtai_dict_conv(cd, "a\xC3", 2, out, sizeof out), 0);
  ck_assert_int_eq(mtai_dict_conv(cd, "\xC3\xBC", 2, out, sizeof out), 1);
  ck_assert_str_eq(out, "\xFC");
  /* The result and its NUL must fit: 5 bytes need 6. */
  ck_assert_int_eq(mtai_dict_conv(cd, "Hallo", 5, out, 5), 0);
  ck_assert_int_eq(mtai_dict_conv(cd, "Hallo", 5, out, 6), 1);
  ck_assert_str_eq(out, "Hallo");
  ck_assert_int_eq(mtai_dict_conv(cd, "", 0, out, 1), 1);
  ck_assert_str_eq(out, "");
  iconv_close(cd);
}
END_TEST

Suite *dictfile_suite(void) {
  Suite *s = suite_create("dictfile");
  TCase *tc = tcase_create("files");
  tcase_add_test(tc, search_both_files);
  tcase_add_test(tc, conv_latin1);
  suite_add_tcase(s, tc);
  return s;
}
