/*
 * Tests of src/emit.c: the output sink (to an mta_buf or a FILE *), JSON
 * string escaping, display escaping (text report, CSV, names), the CSV
 * field and its formula guard, score formatting and the status keys of
 * JSON output.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "tests.h"

/* Writes s[0..n) with mtai_sink_json_str() into a new string. */
static char *S_json(const char *s, size_t n) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_json_str(&k, s, n);
  ck_assert_int_eq(k.status, MTA_OK);
  return mtai_buf_detach(&b);
}

/* Asserts that s[0..n) is written as the JSON text 'want'. */
static void S_json_is(const char *s, size_t n, const char *want) {
  char *got = S_json(s, n);
  ck_assert_str_eq(got, want);
  ck_assert_msg(test_json_valid(got, strlen(got)), "invalid JSON: %s", got);
  free(got);
}

static char *S_score(double v) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_score(&k, v);
  ck_assert_int_eq(k.status, MTA_OK);
  return mtai_buf_detach(&b);
}

/* ---- JSON strings ------------------------------------------------------- */

START_TEST(json_str_escapes_quote_and_backslash) {
  S_json_is("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
  S_json_is("\"\"", 2, "\"\\\"\\\"\"");
  S_json_is("\\", 1, "\"\\\\\"");
  S_json_is("", 0, "\"\"");
  /* Only as many bytes as asked for. */
  S_json_is("abc", 2, "\"ab\"");
  /* Nothing else needs escaping. */
  S_json_is("<script>/'&", 11, "\"<script>/'&\"");
}
END_TEST

START_TEST(json_str_escapes_newline_return_tab) {
  S_json_is("\n", 1, "\"\\n\"");
  S_json_is("\r", 1, "\"\\r\"");
  S_json_is("\t", 1, "\"\\t\"");
  S_json_is("a\r\nb\tc", 6, "\"a\\r\\nb\\tc\"");
}
END_TEST

START_TEST(json_str_escapes_control_characters) {
  for (unsigned c = 0; c < 0x80; c++) {
    if (c >= 0x20 && c != 0x7F)
      continue;
    if (c == '\n' || c == '\r' || c == '\t')
      continue;
    char in[3] = {'x', (char)c, 'y'};
    char want[16];
    snprintf(want, sizeof want, "\"x\\u%04xy\"", c);
    S_json_is(in, 3, want);
  }
  S_json_is("\x01", 1, "\"\\u0001\"");
  S_json_is("\x7f", 1, "\"\\u007f\"");
  S_json_is("a\0b", 3, "\"a\\u0000b\"");
}
END_TEST

START_TEST(json_str_escapes_line_separators) {
  /* U+2028 and U+2029 are valid JSON but end lines in JavaScript. */
  S_json_is("\xE2\x80\xA8", 3, "\"\\u2028\"");
  S_json_is("\xE2\x80\xA9", 3, "\"\\u2029\"");
  S_json_is("x\xE2\x80\xA8y\xE2\x80\xA9z", 9, "\"x\\u2028y\\u2029z\"");
  /* Their neighbours pass through. */
  S_json_is("\xE2\x80\xA7\xE2\x80\xAA", 6, "\"\xE2\x80\xA7\xE2\x80\xAA\"");
}
END_TEST

START_TEST(json_str_replaces_invalid_utf8) {
  static const struct {
    const char *in;
    size_t len;
    const char *want;
  } cases[] = {
      {"\xFF", 1, "\"\\ufffd\""}, /* never valid */
      {"x\xFFy", 3, "\"x\\ufffdy\""},
      {"\x80", 1, "\"\\ufffd\""},            /* lone continuation */
      {"a\xE2\x82", 3, "\"a\\ufffd\""},      /* truncated at the end */
      {"\xE2\x82x", 3, "\"\\ufffdx\""},      /* truncated before 'x' */
      {"\xF0\x9F\x98", 3, "\"\\ufffd\""},    /* truncated 4-byte */
      {"\xC0\xAF", 2, "\"\\ufffd\\ufffd\""}, /* overlong '/' */
      {"\xE0\x80\xAF", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* overlong */
      {"\xED\xA0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* surrogate */
      {"\xF4\x90\x80\x80", 4,
       "\"\\ufffd\\ufffd\\ufffd\\ufffd\""}, /* above U+10FFFF */
      {"\xFE\xFE\"", 3, "\"\\ufffd\\ufffd\\\"\""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    S_json_is(cases[i].in, cases[i].len, cases[i].want);
}
END_TEST

START_TEST(json_str_keeps_valid_utf8) {
  static const char *const ok[] = {
      "K\xC3\xB6ln und M\xC3\xBCnster, gro\xC3\x9F",  /* 2-byte */
      "\xE2\x82\xAC 5 \xE2\x80\x9EZitat\xE2\x80\x9C", /* 3-byte */
      "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF",            /* 4-byte, U+10FFFF */
      "\xEF\xBF\xBD",                                 /* a real U+FFFD */
      "\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80", /* limits */
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    char want[64];
    snprintf(want, sizeof want, "\"%s\"", ok[i]);
    S_json_is(ok[i], strlen(ok[i]), want);
  }
}
END_TEST

/* Random byte strings, biased towards the interesting bytes: the output is
 * valid JSON, and for well-formed UTF-8 input it decodes to the input. */
START_TEST(json_str_output_always_valid) {
  static const unsigned char alphabet[] = {
      'a',  'Z',  ' ',  '"',  '\\', '/',  '\n', '\r', '\t', 0x00, 0x01,
      0x1F, 0x7F, 0x80, 0x8F, 0x9F, 0xA0, 0xA8, 0xA9, 0xBF, 0xC0, 0xC1,
      0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  unsigned long seed = 20240601;
  size_t valid_inputs = 0;
  for (int iter = 0; iter < 20000; iter++) {
    unsigned char in[24];
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    size_t n = (size_t)(seed >> 33) % sizeof in;
    for (size_t i = 0; i < n; i++) {
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      in[i] = alphabet[(seed >> 33) % sizeof alphabet];
    }
    char *out = S_json((const char *)in, n);
    size_t olen = strlen(out);
    ck_assert_msg(test_json_valid(out, olen), "iteration %d: invalid: %s", iter,
                  out);
    if (mtai_utf8_valid((const char *)in, n, NULL)) {
      valid_inputs++;
      size_t dlen = 0;
      char *dec = test_json_string(out, olen, &dlen);
      ck_assert_ptr_nonnull(dec);
      ck_assert_uint_eq(dlen, n);
      ck_assert_mem_eq(dec, in, n);
      free(dec);
    }
    free(out);
  }
  ck_assert_uint_gt(valid_inputs, 1000); /* both branches were exercised */
}
END_TEST

START_TEST(json_cstr_null_and_string) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_json_cstr(&k, NULL);
  mtai_sink_puts(&k, ",");
  mtai_sink_json_cstr(&k, "x\"y");
  mtai_sink_puts(&k, ",");
  mtai_sink_json_cstr(&k, "");
  ck_assert_int_eq(k.status, MTA_OK);
  ck_assert_str_eq(mtai_buf_str(&b), "null,\"x\\\"y\",\"\"");
  mtai_buf_free(&b);
}
END_TEST

/* ---- display escaping ------------------------------------------------------
 */

/* mtai_sink_display(s[0..n)) into a new string; its column count in
 * '*cols'. */
static char *S_display(const char *s, size_t n, size_t *cols) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  *cols = mtai_sink_display(&k, s, n);
  ck_assert_int_eq(k.status, MTA_OK);
  return mtai_buf_detach(&b);
}

static void S_display_is(const char *s, size_t n, const char *want) {
  size_t cols;
  char *got = S_display(s, n, &cols);
  ck_assert_str_eq(got, want);
  /* Columns: one per code point of the (valid UTF-8) output. */
  ck_assert_uint_eq(cols, mtai_utf8_count(got, strlen(got)));
  ck_assert(mtai_utf8_valid(got, strlen(got), NULL));
  free(got);
}

START_TEST(display_escapes_control_characters) {
  /* A terminal title (OSC), a screen clear (CSI), a forged log line. */
  S_display_is("a\x1b]0;owned\x07"
               "b",
               12, "a\\x1b]0;owned\\x07b");
  S_display_is("\x1b[2J\x1b[H", 7, "\\x1b[2J\\x1b[H");
  S_display_is("x.txt\nmtaudit: forged", 21, "x.txt\\nmtaudit: forged");
  S_display_is("\t\r\n", 3, "\\t\\r\\n");
  S_display_is("a\0b\x7f", 4, "a\\x00b\\x7f");
  for (unsigned c = 0; c < 0x20; c++) {
    char in[1] = {(char)c};
    size_t cols;
    char *got = S_display(in, 1, &cols);
    ck_assert_int_eq(got[0], '\\');
    for (const char *p = got; *p; p++)
      ck_assert_msg(*p >= 0x20 && *p < 0x7f, "control %#x left in output", c);
    free(got);
  }
}
END_TEST

START_TEST(display_shows_bidi_controls) {
  /* RLO, PDF, LRI..PDI, LRM, RLM, ALM: shown, not obeyed. */
  S_display_is("abc\xE2\x80\xAEtxt.exe", 13, "abc<U+202E>txt.exe");
  S_display_is("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", 12,
               "<U+202A><U+202B><U+202C><U+202D>");
  S_display_is("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", 12,
               "<U+2066><U+2067><U+2068><U+2069>");
  S_display_is("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", 8,
               "<U+200E><U+200F><U+061C>");
  /* Line separators (a new line to some viewers) and C1 controls. */
  S_display_is("a\xE2\x80\xA8"
               "b\xE2\x80\xA9",
               8, "a<U+2028>b<U+2029>");
  S_display_is("\xC2\x9B"
               "2J\xC2\x85",
               6, "<U+009B>2J<U+0085>");
}
END_TEST

START_TEST(display_keeps_text_and_shows_invalid_bytes) {
  static const char ok[] = "Gr\xC3\xBC\xC3\x9F"
                           "e \xE2\x80\x9EZitat\xE2\x80\x9C \\ <b> \xC2\xA0 "
                           "\xF0\x9F\x98\x80 \xEF\xBF\xBD";
  S_display_is(ok, sizeof ok - 1, ok);
  size_t cols;
  char *got = S_display("\xC3\xA4x", 3, &cols);
  ck_assert_uint_eq(cols, 2); /* columns are code points, not bytes */
  free(got);
  /* Each byte of ill-formed UTF-8 as \xHH. */
  S_display_is("caf\xE9.txt", 8, "caf\\xe9.txt");
  S_display_is("\xFF\xFE", 2, "\\xff\\xfe");
  S_display_is("a\xC3", 2, "a\\xc3");
  S_display_is("\xED\xA0\x80", 3, "\\xed\\xa0\\x80"); /* a surrogate */
  S_display_is("", 0, "");
}
END_TEST

START_TEST(display_escape_public_api) {
  char *out = NULL;
  ck_assert_int_eq(mta_display_escape("a\x1b[31mb\n\xE2\x80\xAE", &out),
                   MTA_OK);
  ck_assert_str_eq(out, "a\\x1b[31mb\\n<U+202E>");
  mta_free(out);
  ck_assert_int_eq(mta_display_escape("", &out), MTA_OK);
  ck_assert_str_eq(out, "");
  mta_free(out);
  char sentinel;
  out = &sentinel;
  ck_assert_int_eq(mta_display_escape(NULL, &out), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(mta_display_escape("x", NULL), MTA_ERR_INVALID_ARG);
}
END_TEST

/* ---- CSV fields ---------------------------------------------------------- */

static char *S_csv(const char *field) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_csv_str(&k, field);
  ck_assert_int_eq(k.status, MTA_OK);
  return mtai_buf_detach(&b);
}

static void S_csv_is(const char *field, const char *want) {
  char *got = S_csv(field);
  ck_assert_msg(!strcmp(got, want), "CSV of '%s': got '%s', want '%s'", field,
                got, want);
  free(got);
}

START_TEST(csv_quotes_rfc4180) {
  S_csv_is("plain.txt", "plain.txt");
  S_csv_is("a,b", "\"a,b\"");
  S_csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
  S_csv_is("", "");
  S_csv_is(NULL, "");
}
END_TEST

START_TEST(csv_formula_guard) {
  S_csv_is("=1+1", "'=1+1");
  S_csv_is("+1", "'+1");
  S_csv_is("-1", "'-1");
  S_csv_is("@SUM(A1)", "'@SUM(A1)");
  /* Leading blanks before the formula character, and a leading tab or CR
   * on their own (OWASP). */
  S_csv_is("\t=HYPERLINK(\"http://x\")",
           "\"'\\t=HYPERLINK(\"\"http://x\"\")\"");
  S_csv_is("  =1+1", "'  =1+1");
  S_csv_is("\r=1", "'\\r=1");
  S_csv_is("\n-2", "'\\n-2");
  S_csv_is("\tplain", "'\\tplain");
  S_csv_is(" \t @x", "' \\t @x");
  /* Not formulas. */
  S_csv_is("a=b", "a=b");
  S_csv_is(" x", " x");
}
END_TEST

START_TEST(csv_fields_are_visible) {
  /* No raw control or bidi character reaches the spreadsheet or a
   * terminal that shows the file; invalid UTF-8 is shown as bytes. */
  S_csv_is("a\x1b]0;t\x07.txt", "a\\x1b]0;t\\x07.txt");
  S_csv_is("x\ny.txt", "x\\ny.txt");
  S_csv_is("\xE2\x80\xAEtxt.exe", "<U+202E>txt.exe");
  S_csv_is("caf\xE9.txt", "caf\\xe9.txt");
}
END_TEST

/* ---- scores ------------------------------------------------------------- */

START_TEST(score_one_decimal_half_up) {
  static const struct {
    double v;
    const char *want;
  } cases[] = {
      {91.25, "91.3"}, {100.0, "100.0"}, {0.0, "0.0"},
      {90.0, "90.0"},  {81.25, "81.3"},  {100.0 * (1 - 2.0 / 14), "85.7"},
      {94.44, "94.4"}, {16.666, "16.7"}, {0.04, "0.0"},
      {0.06, "0.1"},   {99.94, "99.9"},  {-3.0, "0.0"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *got = S_score(cases[i].v);
    ck_assert_msg(!strcmp(got, cases[i].want), "%.17g: got %s, want %s",
                  cases[i].v, got, cases[i].want);
    free(got);
  }
}
END_TEST

/* ---- the sink ----------------------------------------------------------- */

START_TEST(sink_writes_to_buf) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_puts(&k, "ab");
  mtai_sink_write(&k, "cdef", 2);
  mtai_sink_write(&k, NULL, 0);
  mtai_sink_printf(&k, "-%d-%s-", 42, "x");
  ck_assert_int_eq(k.status, MTA_OK);
  ck_assert_str_eq(mtai_buf_str(&b), "abcd-42-x-");
  /* Longer than printf's stack buffer. */
  char big[1001];
  memset(big, 'q', 1000);
  big[1000] = '\0';
  mtai_sink_printf(&k, "[%s]", big);
  ck_assert_int_eq(k.status, MTA_OK);
  ck_assert_uint_eq(mtai_buf_len(&b), 10 + 1002);
  ck_assert_int_eq(mtai_buf_str(&b)[10], '[');
  ck_assert_int_eq(mtai_buf_str(&b)[1010], 'q');
  ck_assert_int_eq(mtai_buf_str(&b)[1011], ']');
  mtai_buf_free(&b);
}
END_TEST

START_TEST(sink_keeps_first_failure) {
  struct mta_buf b;
  mtai_buf_init(&b, 8);
  struct mtai_sink k;
  mtai_sink_init(&k, NULL, &b);
  mtai_sink_puts(&k, "12345");
  ck_assert_int_eq(k.status, MTA_OK);
  mtai_sink_puts(&k, "6789"); /* over the cap */
  ck_assert_int_eq(k.status, MTA_ERR_TOO_LARGE);
  mtai_sink_puts(&k, "x"); /* would fit, but the sink has failed */
  mtai_sink_json_str(&k, "y", 1);
  mtai_sink_printf(&k, "%d", 1);
  ck_assert_int_eq(k.status, MTA_ERR_TOO_LARGE);
  ck_assert_str_eq(mtai_buf_str(&b), "12345");
  mtai_buf_free(&b);
}
END_TEST

START_TEST(sink_writes_to_file) {
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  struct mtai_sink k;
  mtai_sink_init(&k, fp, NULL);
  mtai_sink_puts(&k, "{\"k\": ");
  mtai_sink_json_str(&k, "a\tb", 3);
  mtai_sink_printf(&k, ", \"n\": %d}", 7);
  ck_assert_int_eq(k.status, MTA_OK);
  rewind(fp);
  char got[64] = {0};
  size_t n = fread(got, 1, sizeof got - 1, fp);
  fclose(fp);
  ck_assert_str_eq(got, "{\"k\": \"a\\tb\", \"n\": 7}");
  ck_assert(test_json_valid(got, n));
}
END_TEST

START_TEST(sink_reports_file_failure) {
  FILE *fp = fopen("/dev/null", "r"); /* writes fail */
  ck_assert_ptr_nonnull(fp);
  struct mtai_sink k;
  mtai_sink_init(&k, fp, NULL);
  mtai_sink_puts(&k, "hello");
  ck_assert_int_eq(k.status, MTA_ERR_IO);
  ck_assert_int_eq(k.err, EBADF); /* the reason is kept for the message */
  fclose(fp);
}
END_TEST

START_TEST(sink_keeps_errno_of_full_device) {
  FILE *fp = fopen("/dev/full", "w");
  if (!fp)
    return; /* no /dev/full here */
  setvbuf(fp, NULL, _IONBF, 0);
  struct mtai_sink k;
  mtai_sink_init(&k, fp, NULL);
  mtai_sink_puts(&k, "hello");
  ck_assert_int_eq(k.status, MTA_ERR_IO);
  ck_assert_int_eq(k.err, ENOSPC);
  fclose(fp);
}
END_TEST

/* ---- status keys -------------------------------------------------------- */

START_TEST(status_keys_documented_and_distinct) {
  /* The keys the README documents for "errors"[].status. */
  ck_assert_str_eq(mtai_status_key(MTA_ERR_IO), "io");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_ENCODING), "encoding");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_BINARY), "binary");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_EMPTY), "empty");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_TOO_LARGE), "too-large");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_INVALID_ARG), "invalid-argument");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_DICT), "dict");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_ICU), "icu");
  ck_assert_str_eq(mtai_status_key(MTA_ERR_NOMEM), "nomem");
  for (int i = 0; i < MTA_STATUS_LAST; i++) {
    const char *ki = mtai_status_key((mta_status)i);
    ck_assert_str_ne(ki, "unknown");
    for (int j = 0; j < i; j++)
      ck_assert_str_ne(ki, mtai_status_key((mta_status)j));
  }
  ck_assert_str_eq(mtai_status_key(MTA_STATUS_LAST), "unknown");
}
END_TEST

Suite *emit_suite(void) {
  Suite *s = suite_create("emit");
  TCase *tc = tcase_create("json_str");
  tcase_add_test(tc, json_str_escapes_quote_and_backslash);
  tcase_add_test(tc, json_str_escapes_newline_return_tab);
  tcase_add_test(tc, json_str_escapes_control_characters);
  tcase_add_test(tc, json_str_escapes_line_separators);
  tcase_add_test(tc, json_str_replaces_invalid_utf8);
  tcase_add_test(tc, json_str_keeps_valid_utf8);
  tcase_add_test(tc, json_str_output_always_valid);
  tcase_add_test(tc, json_cstr_null_and_string);
  suite_add_tcase(s, tc);
  tc = tcase_create("display");
  tcase_add_test(tc, display_escapes_control_characters);
  tcase_add_test(tc, display_shows_bidi_controls);
  tcase_add_test(tc, display_keeps_text_and_shows_invalid_bytes);
  tcase_add_test(tc, display_escape_public_api);
  suite_add_tcase(s, tc);
  tc = tcase_create("csv");
  tcase_add_test(tc, csv_quotes_rfc4180);
  tcase_add_test(tc, csv_formula_guard);
  tcase_add_test(tc, csv_fields_are_visible);
  suite_add_tcase(s, tc);
  tc = tcase_create("score");
  tcase_add_test(tc, score_one_decimal_half_up);
  suite_add_tcase(s, tc);
  tc = tcase_create("sink");
  tcase_add_test(tc, sink_writes_to_buf);
  tcase_add_test(tc, sink_keeps_first_failure);
  tcase_add_test(tc, sink_writes_to_file);
  tcase_add_test(tc, sink_reports_file_failure);
  tcase_add_test(tc, sink_keeps_errno_of_full_device);
  suite_add_tcase(s, tc);
  tc = tcase_create("status");
  tcase_add_test(tc, status_keys_documented_and_distinct);
  suite_add_tcase(s, tc);
  return s;
}
