/* Tests of src/record.c: the JSON Lines input record parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* Parses s[0..n) from a heap copy of exactly n bytes (no NUL after it), so
 * that ASan reports any read past the end; the copy is freed before the
 * caller looks at the record, which must therefore own all its data. */
static mta_status S_parse_n(const char *s, size_t n, mta_record **rec,
                            char **err) {
  char *copy = malloc(n ? n : 1);
  ck_assert_ptr_nonnull(copy);
  if (n)
    memcpy(copy, s, n);
  mta_status st = mta_record_parse(copy, n, rec, err);
  free(copy);
  return st;
}

/* Parses the valid line s[0..n) and returns its record. */
static mta_record *S_ok_n(const char *s, size_t n) {
  mta_record *rec = NULL;
  char *err = NULL;
  mta_status st = S_parse_n(s, n, &rec, &err);
  ck_assert_msg(st == MTA_OK, "%s: status %d: %s", s, st, err ? err : "-");
  ck_assert_ptr_null(err);
  ck_assert_ptr_nonnull(rec);
  return rec;
}

static mta_record *S_ok(const char *s) { return S_ok_n(s, strlen(s)); }

/* Asserts that s[0..n) fails with MTA_ERR_PARSE and a one-line message
 * "column COL: ..." containing 'needle'. */
static void S_bad_n(const char *s, size_t n, size_t col, const char *needle) {
  mta_record *rec = (mta_record *)&rec; /* must be reset to NULL */
  char *err = NULL;
  mta_status st = S_parse_n(s, n, &rec, &err);
  ck_assert_msg(st == MTA_ERR_PARSE, "%s: status %d, want PARSE", s, st);
  ck_assert_ptr_null(rec);
  ck_assert_ptr_nonnull(err);
  char want[32];
  snprintf(want, sizeof want, "column %zu: ", col);
  ck_assert_msg(!strncmp(err, want, strlen(want)), "%s: got '%s', want '%s...'",
                s, err, want);
  ck_assert_msg(strstr(err, needle) != NULL, "%s: got '%s', want '%s' in it", s,
                err, needle);
  ck_assert_msg(strchr(err, '\n') == NULL, "%s: message spans lines", s);
  mta_free(err);
}

static void S_bad(const char *s, size_t col, const char *needle) {
  S_bad_n(s, strlen(s), col, needle);
}

/* The text of 'rec' must be exactly want[0..n). */
static void S_text_is(const mta_record *rec, const char *want, size_t n) {
  size_t len = 99;
  const char *t = mta_record_text(rec, &len);
  ck_assert_ptr_nonnull(t);
  ck_assert_uint_eq(len, n);
  ck_assert_mem_eq(t, want, n);
  ck_assert_int_eq(t[n], '\0');
}

/* ---- valid records ---------------------------------------------------- */

START_TEST(jsonl_minimal) {
  mta_record *rec = S_ok("{\"text\":\"Hallo Welt\"}");
  S_text_is(rec, "Hallo Welt", 10);
  ck_assert_ptr_null(mta_record_id(rec));
  ck_assert_str_eq(mta_record_extra(rec), "");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_empty_text) {
  mta_record *rec = S_ok("{\"text\":\"\"}");
  S_text_is(rec, "", 0);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_id_string) {
  mta_record *rec = S_ok("{\"id\": \"a1\", \"text\": \"x\"}");
  ck_assert_str_eq(mta_record_id(rec), "\"a1\"");
  ck_assert_str_eq(mta_record_extra(rec), "");
  mta_record_free(rec);
  /* kept as written, escapes and all */
  rec = S_ok("{\"text\":\"x\",\"id\":\"a\\u00e4\\\"b\"}");
  ck_assert_str_eq(mta_record_id(rec), "\"a\\u00e4\\\"b\"");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_id_number) {
  mta_record *rec = S_ok("{\"id\":17,\"text\":\"x\"}");
  ck_assert_str_eq(mta_record_id(rec), "17");
  mta_record_free(rec);
  rec = S_ok("{\"id\" : -1.50E+03 , \"text\":\"x\"}");
  ck_assert_str_eq(mta_record_id(rec), "-1.50E+03");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_id_object_and_null) {
  mta_record *rec = S_ok(
      "{\"text\":\"x\", \"id\": {\"src\": \"dpa\", \"n\": [1, 2.5, [], {}]}}");
  ck_assert_str_eq(mta_record_id(rec),
                   "{\"src\": \"dpa\", \"n\": [1, 2.5, [], {}]}");
  mta_record_free(rec);
  rec = S_ok("{\"id\":null,\"text\":\"x\"}");
  ck_assert_str_eq(mta_record_id(rec), "null"); /* present, though null */
  mta_record_free(rec);
  rec = S_ok("{\"id\":[true,false],\"text\":\"x\"}");
  ck_assert_str_eq(mta_record_id(rec), "[true,false]");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_extra_in_order) {
  mta_record *rec =
      S_ok("{\"lang\":\"de\",\"text\":\"x\",\"url\"  :  \"http:\\/\\/a\\/b\","
           " \"meta\":{\"a\": [true, false, null]},\"id\":1,\"n\":-0}");
  ck_assert_str_eq(mta_record_extra(rec),
                   "\"lang\": \"de\", \"url\": \"http:\\/\\/a\\/b\", "
                   "\"meta\": {\"a\": [true, false, null]}, \"n\": -0");
  ck_assert_str_eq(mta_record_id(rec), "1");
  mta_record_free(rec);
  /* a key is kept as written too */
  rec = S_ok("{\"k\\u00e9y\":0,\"text\":\"x\"}");
  ck_assert_str_eq(mta_record_extra(rec), "\"k\\u00e9y\": 0");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_simple_escapes) {
  mta_record *rec = S_ok("{\"text\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t.\"}");
  S_text_is(rec, "a\"b\\c/d\b\f\n\r\t.", 13);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_unicode_escapes) {
  mta_record *rec =
      S_ok("{\"text\":\"\\u00e4\\u00D6 \\u20ac \\ud83d\\ude00 \\u0041\"}");
  S_text_is(rec, "\xC3\xA4\xC3\x96 \xE2\x82\xAC \xF0\x9F\x98\x80 A", 15);
  mta_record_free(rec);
  /* the highest code point, U+10FFFF */
  rec = S_ok("{\"text\":\"\\uDBFF\\uDFFF\"}");
  S_text_is(rec, "\xF4\x8F\xBF\xBF", 4);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_raw_utf8) {
  /* raw UTF-8 (2, 3, 4 bytes, and a real U+FFFD) is copied unchanged */
  const char *s = "{\"text\":\"Gr\xC3\xBC\xC3\x9F"
                  "e \xE2\x80\x9E\xEF\xBF\xBD\xF0\x9F\x98\x80\"}";
  mta_record *rec = S_ok(s);
  S_text_is(rec,
            "Gr\xC3\xBC\xC3\x9F"
            "e \xE2\x80\x9E\xEF\xBF\xBD\xF0\x9F\x98\x80",
            18);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_nul_in_text) {
  mta_record *rec = S_ok("{\"text\":\"a\\u0000b\\u0000\"}");
  S_text_is(rec, "a\0b\0", 4);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_whitespace_and_cr) {
  mta_record *rec = S_ok(" \t{ \"text\" :\n\"x\" , \"id\" : 3 }\t \r");
  S_text_is(rec, "x", 1);
  ck_assert_str_eq(mta_record_id(rec), "3");
  mta_record_free(rec);
  rec = S_ok("{\"text\":\"x\"}\r");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_len_not_nul) {
  /* only 'len' bytes count: what follows is not looked at */
  const char *s = "{\"text\":\"x\"}garbage";
  mta_record *rec = NULL;
  ck_assert_int_eq(mta_record_parse(s, 12, &rec, NULL), MTA_OK);
  S_text_is(rec, "x", 1);
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_escaped_key_names) {
  /* keys compare after unescaping: this is the "text" member */
  mta_record *rec = S_ok("{\"te\\u0078t\":\"x\",\"\\u0069d\":2}");
  S_text_is(rec, "x", 1);
  ck_assert_str_eq(mta_record_id(rec), "2");
  ck_assert_str_eq(mta_record_extra(rec), "");
  mta_record_free(rec);
}
END_TEST

START_TEST(jsonl_numbers_valid) {
  const char *nums[] = {"0",    "-0",   "7",      "-12",       "0.5",  "1.0e10",
                        "1E-2", "2e+3", "-0.0E0", "123456789", "1.25", "9e999"};
  for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
    char line[64];
    snprintf(line, sizeof line, "{\"text\":\"x\",\"v\":%s}", nums[i]);
    mta_record *rec = S_ok(line);
    char want[64];
    snprintf(want, sizeof want, "\"v\": %s", nums[i]);
    ck_assert_str_eq(mta_record_extra(rec), want);
    mta_record_free(rec);
  }
}
END_TEST

/* "{\"text\":\"x\",\"a\":" followed by 'n' arrays, one inside the other. */
static char *S_nested(int n, size_t *len) {
  const char *head = "{\"text\":\"x\",\"a\":";
  size_t h = strlen(head);
  char *s = malloc(h + 2 * (size_t)n + 2);
  ck_assert_ptr_nonnull(s);
  memcpy(s, head, h);
  for (int i = 0; i < n; i++)
    s[h + (size_t)i] = '[';
  for (int i = 0; i < n; i++)
    s[h + (size_t)n + (size_t)i] = ']';
  s[h + 2 * (size_t)n] = '}';
  s[h + 2 * (size_t)n + 1] = '\0';
  *len = h + 2 * (size_t)n + 1;
  return s;
}

START_TEST(jsonl_depth_limit_reached) {
  size_t len;
  char *s = S_nested(63, &len); /* the record + 63 = 64 levels */
  mta_record *rec = S_ok_n(s, len);
  mta_record_free(rec);
  free(s);
}
END_TEST

START_TEST(jsonl_null_arguments) {
  mta_record *rec = NULL;
  char *err = (char *)&err;
  ck_assert_int_eq(mta_record_parse("{}", 2, NULL, &err), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(err);
  ck_assert_int_eq(mta_record_parse(NULL, 5, &rec, &err), MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(rec);
  ck_assert_ptr_null(err);
  /* NULL with length 0 is an empty line */
  ck_assert_int_eq(mta_record_parse(NULL, 0, &rec, &err), MTA_ERR_PARSE);
  ck_assert_str_eq(err, "column 1: empty line (expected a JSON object)");
  mta_free(err);
  /* no message wanted */
  ck_assert_int_eq(mta_record_parse("{", 1, &rec, NULL), MTA_ERR_PARSE);
  ck_assert_ptr_null(rec);
  size_t len = 99;
  ck_assert_ptr_null(mta_record_text(NULL, &len));
  ck_assert_uint_eq(len, 0);
  ck_assert_ptr_null(mta_record_id(NULL));
  ck_assert_ptr_null(mta_record_extra(NULL));
  mta_record_free(NULL);
  rec = S_ok("{\"text\":\"x\"}");
  ck_assert_ptr_nonnull(mta_record_text(rec, NULL));
  mta_record_free(rec);
}
END_TEST

/* ---- malformed lines ---------------------------------------------------- */

START_TEST(jsonl_err_empty) {
  S_bad("", 1, "empty line");
  S_bad("   \t", 5, "empty line");
  S_bad("\r", 2, "empty line");
}
END_TEST

START_TEST(jsonl_err_truncated) {
  S_bad("{", 2, "expected '\"' to start an object key, found end of line");
  S_bad("{\"text\":\"abc\"", 14,
        "expected ',' or '}' after an object member, found end of line");
  S_bad("{\"text\":\"ab", 12,
        "end of line inside the string that starts at column 9");
  S_bad("{\"text\":", 9, "expected a value, found end of line");
  S_bad("{\"text\"", 8, "expected ':' after object key, found end of line");
  S_bad("{\"text\":\"x\",\"a\":[1,", 20, "expected a value, found end of line");
  S_bad("{\"text\":\"a\\", 11, "end of line inside an escape sequence");
  S_bad("{\"text\":\"\\u12", 10, "\\u must be followed by four hex digits");
}
END_TEST

START_TEST(jsonl_err_trailing_comma) {
  S_bad("{\"text\":\"x\",}", 12, "trailing comma before '}'");
  S_bad("{\"text\":\"x\" , }", 13, "trailing comma before '}'");
  S_bad("{\"text\":\"x\",\"a\":[1,2,]}", 21, "trailing comma before ']'");
  S_bad("{\"text\":\"x\",\"a\":[,]}", 18, "expected a value, found ','");
  S_bad("{,\"text\":\"x\"}", 2, "expected '\"' to start an object key");
}
END_TEST

START_TEST(jsonl_err_missing_colon_or_comma) {
  S_bad("{\"text\" \"x\"}", 9, "expected ':' after object key, found '\"'");
  S_bad("{\"text\"=\"x\"}", 8, "expected ':' after object key, found '='");
  S_bad("{\"text\":\"x\" \"id\":1}", 13,
        "expected ',' or '}' after an object member, found '\"'");
  S_bad("{\"text\":\"x\",\"a\":[1 2]}", 20,
        "expected ',' or ']' after an array element, found '2'");
  S_bad("{\"text\":}", 9, "expected a value, found '}'");
}
END_TEST

START_TEST(jsonl_err_single_quotes) {
  S_bad("{'text':'x'}", 2, "double quotes");
  S_bad("{\"text\":'x'}", 9, "double quotes");
  S_bad("{text:\"x\"}", 2, "expected '\"' to start an object key, found 't'");
}
END_TEST

START_TEST(jsonl_err_control_char) {
  S_bad("{\"text\":\"a\tb\"}", 11, "unescaped control character U+0009");
  S_bad("{\"text\":\"a\x1f\"}", 11, "unescaped control character U+001F");
  /* a raw NUL byte inside the line */
  S_bad_n("{\"text\":\"a\0b\"}", 14, 11, "unescaped control character U+0000");
  S_bad_n("{\"text\":\"x\"\0}", 13, 12, "found control character U+0000");
  /* a newline inside a string is a control character, too */
  S_bad("{\"text\":\"a\nb\"}", 11, "U+000A");
}
END_TEST

START_TEST(jsonl_err_bad_escape) {
  S_bad("{\"text\":\"a\\x41\"}", 11, "invalid escape: backslash before 'x'");
  S_bad("{\"text\":\"\\U00e4\"}", 10, "invalid escape: backslash before 'U'");
  S_bad("{\"text\":\"\\'\"}", 10, "invalid escape: backslash before '''");
  S_bad("{\"text\":\"\\u12G4\"}", 10, "\\u must be followed by four hex");
  S_bad("{\"text\":\"\\u\"}", 10, "\\u must be followed by four hex");
}
END_TEST

START_TEST(jsonl_err_lone_surrogate) {
  S_bad("{\"text\":\"\\ud800x\"}", 10, "lone surrogate \\uD800");
  S_bad("{\"text\":\"\\uD83D\"}", 10, "lone surrogate \\uD83D");
  S_bad("{\"text\":\"a\\udc00\"}", 11, "lone surrogate \\uDC00");
  S_bad("{\"text\":\"\\ud800\\ud800\"}", 10, "lone surrogate \\uD800");
  S_bad("{\"text\":\"\\ud800\\n\"}", 10, "lone surrogate \\uD800");
  /* the low half's own digits are checked where they are */
  S_bad("{\"text\":\"\\ud800\\uzzzz\"}", 16, "four hex digits");
  /* surrogates in keys and other members are checked as well */
  S_bad("{\"\\udfff\":1,\"text\":\"x\"}", 3, "lone surrogate \\uDFFF");
  S_bad("{\"text\":\"x\",\"id\":\"\\ud800\"}", 19, "lone surrogate");
}
END_TEST

START_TEST(jsonl_err_invalid_utf8) {
  S_bad("{\"text\":\"a\xff"
        "b\"}",
        11, "invalid UTF-8 byte 0xFF");
  S_bad("{\"text\":\"a\x80\"}", 11, "invalid UTF-8 byte 0x80");
  S_bad("{\"text\":\"\xC0\xAF\"}", 10, "invalid UTF-8");     /* overlong '/' */
  S_bad("{\"text\":\"\xED\xA0\x80\"}", 10, "invalid UTF-8"); /* surrogate */
  S_bad("{\"text\":\"\xF4\x90\x80\x80\"}", 10, "invalid UTF-8"); /* >10FFFF */
  S_bad("{\"text\":\"\xC3\"}", 10, "invalid UTF-8 byte 0xC3");   /* cut */
  S_bad_n("{\"text\":\"\xE2\x82", 11, 10, "invalid UTF-8"); /* cut at end */
  S_bad("{\"text\":\"x\",\"id\":\"\xfe\"}", 19, "invalid UTF-8");
  S_bad("{\"text\":\"x\"}\xff", 13, "invalid UTF-8 byte 0xFF after the object");
}
END_TEST

START_TEST(jsonl_err_text_not_string) {
  S_bad("{\"text\": 5}", 10, "\"text\" is not a string");
  S_bad("{\"id\":1,\"text\":null}", 16, "\"text\" is not a string");
  S_bad("{\"text\":[\"a\"]}", 9, "\"text\" is not a string");
  S_bad("{\"text\":{\"de\":\"a\"}}", 9, "\"text\" is not a string");
  /* a value that is not JSON at all is reported as such */
  S_bad("{\"text\":[1,]}", 11, "trailing comma");
}
END_TEST

START_TEST(jsonl_err_missing_text) {
  S_bad("{\"id\":1}", 1, "missing \"text\"");
  S_bad("{}", 1, "missing \"text\"");
  S_bad("  { }", 3, "missing \"text\"");
  S_bad("{\"Text\":\"x\"}", 1, "missing \"text\""); /* keys are exact */
  S_bad("{\"id\":1,\"a\":{\"text\":\"x\"}}", 1, "missing \"text\"");
}
END_TEST

START_TEST(jsonl_err_duplicate_key) {
  S_bad("{\"text\":\"a\",\"text\":\"b\"}", 13, "duplicate key \"text\"");
  S_bad("{\"id\":1,\"text\":\"x\",\"id\":2}", 20, "duplicate key \"id\"");
  S_bad("{\"a\":1,\"text\":\"x\",\"a\":2}", 19, "duplicate key \"a\"");
  /* compared after unescaping, shown as written */
  S_bad("{\"text\":\"a\",\"te\\u0078t\":\"b\"}", 13,
        "duplicate key \"te\\u0078t\"");
  /* in nested objects, too */
  S_bad("{\"text\":\"x\",\"m\":{\"k\":1,\"k\":2}}", 24, "duplicate key \"k\"");
  /* a long key is cut in the message */
  char line[256];
  char key[101];
  memset(key, 'k', 100);
  key[100] = '\0';
  snprintf(line, sizeof line, "{\"%s\":1,\"text\":\"x\",\"%s\":2}", key, key);
  S_bad(line, 118,
        "duplicate key \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\"");
}
END_TEST

START_TEST(jsonl_err_two_objects) {
  S_bad("{\"text\":\"a\"}{\"text\":\"b\"}", 13,
        "'{' after the object (one object per line)");
  S_bad("{\"text\":\"a\"} x", 14, "'x' after the object");
  S_bad("{\"text\":\"a\"},", 13, "',' after the object");
  S_bad("{\"text\":\"a\"}}", 13, "'}' after the object");
}
END_TEST

START_TEST(jsonl_err_not_an_object) {
  S_bad("[{\"text\":\"a\"}]", 1, "expected a JSON object ('{'), found '['");
  S_bad("\"text\"", 1, "expected a JSON object");
  S_bad("  42", 3, "expected a JSON object ('{'), found '4'");
  S_bad("null", 1, "expected a JSON object");
  S_bad("\xEF\xBB\xBF{\"text\":\"x\"}", 1, "byte order mark");
  S_bad("\xC3\xA4", 1, "found U+00E4");
}
END_TEST

START_TEST(jsonl_err_too_deep) {
  size_t len;
  char *s = S_nested(64, &len); /* the record + 64 = 65 levels */
  /* the 64th '[' is the 65th level: offset 16 + 63, column 80 */
  S_bad_n(s, len, 80, "nested more than 64 deep");
  free(s);
  /* deep objects as well, and far beyond the limit */
  size_t n = 100000;
  char *d = malloc(9 + 5 * n + 1);
  ck_assert_ptr_nonnull(d);
  memcpy(d, "{\"text\":", 8);
  for (size_t i = 0; i < n; i++)
    memcpy(d + 8 + 5 * i, "{\"a\":", 5);
  S_bad_n(d, 8 + 5 * n, 8 + 5 * 63 + 1, "nested more than 64 deep");
  free(d);
}
END_TEST

START_TEST(jsonl_err_numbers) {
  const char *bad[] = {"01",       "-01",       "1.",   ".5",   "+1",
                       "-",        "1e",        "1e+",  "0x10", "NaN",
                       "Infinity", "-Infinity", "1.e5", "--1"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char line[64];
    snprintf(line, sizeof line, "{\"text\":\"x\",\"v\":%s}", bad[i]);
    mta_record *rec = NULL;
    char *err = NULL;
    ck_assert_msg(S_parse_n(line, strlen(line), &rec, &err) == MTA_ERR_PARSE,
                  "number %s accepted", bad[i]);
    ck_assert_ptr_null(rec);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(!strncmp(err, "column ", 7), "%s", err);
    mta_free(err);
  }
  S_bad("{\"text\":\"x\",\"v\":01}", 17, "leading zero");
  S_bad("{\"text\":\"x\",\"v\":1.}", 19, "expected a digit after '.'");
  S_bad("{\"text\":\"x\",\"v\":1e}", 19, "expected a digit in an exponent");
  S_bad("{\"text\":\"x\",\"v\":-}", 18, "expected a digit in a number");
  S_bad("{\"text\":\"x\",\"v\":0x10}", 18, "found 'x'");
}
END_TEST

START_TEST(jsonl_err_literals) {
  S_bad("{\"text\":\"x\",\"v\":tru}", 17, "invalid literal (expected 'true')");
  S_bad("{\"text\":\"x\",\"v\":nul", 17, "invalid literal (expected 'null')");
  S_bad("{\"text\":\"x\",\"v\":True}", 17, "expected a value, found 'T'");
  S_bad("{\"text\":\"x\",\"v\":falsey}", 22, "found 'y'");
}
END_TEST

/* ---- robustness -------------------------------------------------------- */

/* Parses s[0..n) and checks the outcome is OK with a record or PARSE with
 * a well-formed message whose column lies in the line (or just past it). */
static mta_status S_any(const char *s, size_t n) {
  mta_record *rec = NULL;
  char *err = NULL;
  mta_status st = S_parse_n(s, n, &rec, &err);
  ck_assert(st == MTA_OK || st == MTA_ERR_PARSE);
  if (st == MTA_OK) {
    ck_assert_ptr_nonnull(rec);
    ck_assert_ptr_null(err);
    size_t len;
    ck_assert_ptr_nonnull(mta_record_text(rec, &len));
    ck_assert_uint_le(len, n);
    ck_assert_ptr_nonnull(mta_record_extra(rec));
  } else {
    ck_assert_ptr_null(rec);
    ck_assert_ptr_nonnull(err);
    size_t col = 0;
    ck_assert_int_eq(sscanf(err, "column %zu: ", &col), 1);
    ck_assert_uint_ge(col, 1);
    ck_assert_uint_le(col, n + 1);
    ck_assert_ptr_null(strchr(err, '\n'));
  }
  mta_record_free(rec);
  mta_free(err);
  return st;
}

static const char S_rich[] =
    "{\"id\": {\"src\": \"dpa\", \"n\": [1, -2.5e3, true, false, null]}, "
    "\"text\": \"Gr\xC3\xBC\xC3\x9F"
    "e \\\"\\u00e4\\ud83d\\ude00\\u0000\\n\\/\", \"url\": \"a\\\\b\", "
    "\"k\": [[], {}, [{\"x\": 0}]]}\r";

START_TEST(jsonl_every_prefix) {
  size_t n = sizeof S_rich - 1;
  ck_assert_int_eq(S_any(S_rich, n), MTA_OK);
  /* every proper prefix but the one cutting only the "\r" is an error */
  for (size_t i = 0; i < n - 1; i++)
    ck_assert_msg(S_any(S_rich, i) == MTA_ERR_PARSE, "prefix %zu accepted", i);
  ck_assert_int_eq(S_any(S_rich, n - 1), MTA_OK);
}
END_TEST

START_TEST(jsonl_every_byte_replaced) {
  /* each byte of a valid line replaced by each of these: no crash, no
   * leak, and a sane outcome either way */
  static const char subst[] = {
      '\0', '"', '\\', '{', '}', '[',  ']',        ',',        ':',
      ' ',  'u', '0',  'e', '-', '\'', (char)0x80, (char)0xC3, (char)0xFF};
  size_t n = sizeof S_rich - 1;
  char *s = malloc(n);
  ck_assert_ptr_nonnull(s);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < sizeof subst; j++) {
      memcpy(s, S_rich, n);
      s[i] = subst[j];
      S_any(s, n);
      S_any(s, i + 1); /* and cut right after it */
    }
  free(s);
}
END_TEST

START_TEST(jsonl_random_lines) {
  /* pseudo-random lines over a JSON-heavy alphabet (fixed seed) */
  static const char alpha[] = "{}[]\",:\\ u0123456789abcdefEn-+.tlrs"
                              "\x00\x1f\x7f\x80\xbf\xc3\xa4\xed\xf0\xff";
  uint32_t x = 12345u;
  char s[48];
  for (int round = 0; round < 20000; round++) {
    size_t n = (size_t)(round % 47) + 1;
    for (size_t i = 0; i < n; i++) {
      x = x * 1103515245u + 12345u;
      s[i] = alpha[(x >> 16) % (sizeof alpha - 1)];
    }
    if (round % 3 == 0) /* start most like a record */
      memcpy(s, "{\"text\":\"", n < 9 ? n : 9);
    S_any(s, n);
  }
}
END_TEST

Suite *jsonl_suite(void) {
  Suite *s = suite_create("jsonl");
  TCase *tc = tcase_create("valid");
  tcase_add_test(tc, jsonl_minimal);
  tcase_add_test(tc, jsonl_empty_text);
  tcase_add_test(tc, jsonl_id_string);
  tcase_add_test(tc, jsonl_id_number);
  tcase_add_test(tc, jsonl_id_object_and_null);
  tcase_add_test(tc, jsonl_extra_in_order);
  tcase_add_test(tc, jsonl_simple_escapes);
  tcase_add_test(tc, jsonl_unicode_escapes);
  tcase_add_test(tc, jsonl_raw_utf8);
  tcase_add_test(tc, jsonl_nul_in_text);
  tcase_add_test(tc, jsonl_whitespace_and_cr);
  tcase_add_test(tc, jsonl_len_not_nul);
  tcase_add_test(tc, jsonl_escaped_key_names);
  tcase_add_test(tc, jsonl_numbers_valid);
  tcase_add_test(tc, jsonl_depth_limit_reached);
  tcase_add_test(tc, jsonl_null_arguments);
  suite_add_tcase(s, tc);

  tc = tcase_create("malformed");
  tcase_add_test(tc, jsonl_err_empty);
  tcase_add_test(tc, jsonl_err_truncated);
  tcase_add_test(tc, jsonl_err_trailing_comma);
  tcase_add_test(tc, jsonl_err_missing_colon_or_comma);
  tcase_add_test(tc, jsonl_err_single_quotes);
  tcase_add_test(tc, jsonl_err_control_char);
  tcase_add_test(tc, jsonl_err_bad_escape);
  tcase_add_test(tc, jsonl_err_lone_surrogate);
  tcase_add_test(tc, jsonl_err_invalid_utf8);
  tcase_add_test(tc, jsonl_err_text_not_string);
  tcase_add_test(tc, jsonl_err_missing_text);
  tcase_add_test(tc, jsonl_err_duplicate_key);
  tcase_add_test(tc, jsonl_err_two_objects);
  tcase_add_test(tc, jsonl_err_not_an_object);
  tcase_add_test(tc, jsonl_err_too_deep);
  tcase_add_test(tc, jsonl_err_numbers);
  tcase_add_test(tc, jsonl_err_literals);
  suite_add_tcase(s, tc);

  tc = tcase_create("robustness");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, jsonl_every_prefix);
  tcase_add_test(tc, jsonl_every_byte_replaced);
  tcase_add_test(tc, jsonl_random_lines);
  suite_add_tcase(s, tc);
  return s;
}
