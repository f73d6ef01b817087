/*
 * Tests of src/render_json.c, src/render_text.c and src/writer.c: the JSON,
 * JSON Lines and text renderers, mta_render() and the mta_writer API.
 *
 * JSON output is checked with a small strict JSON parser below (recursive
 * descent over RFC 8259: objects, arrays, strings with escapes, numbers,
 * true/false/null; raw control characters in strings, malformed UTF-8,
 * lone surrogates, duplicate keys and trailing garbage are rejected). It
 * builds a tree so that tests can look keys up. test_json_valid() and
 * test_json_string() are also used by check_emit.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests.h"

/* ---- a strict JSON parser ---------------------------------------------- */

enum { TJ_NULL, TJ_FALSE, TJ_TRUE, TJ_NUM, TJ_STR, TJ_ARR, TJ_OBJ };

struct tj {
  int type;
  double num;       /* TJ_NUM */
  char *str;        /* TJ_STR: decoded UTF-8, NUL-terminated */
  size_t len;       /* TJ_STR: bytes of 'str' (may hold NULs) */
  struct tj *items; /* TJ_ARR, TJ_OBJ: 'n' values */
  char **keys;      /* TJ_OBJ: 'n' keys */
  size_t n;
};

struct tj_parser {
  const unsigned char *p, *end;
  int depth;
};

#define TJ_MAX_DEPTH 64

static void tj_free(struct tj *v) {
  free(v->str);
  for (size_t i = 0; i < v->n; i++) {
    tj_free(&v->items[i]);
    if (v->keys)
      free(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
  memset(v, 0, sizeof *v);
}

static void tj_ws(struct tj_parser *P) {
  while (P->p < P->end &&
         (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' || *P->p == '\r'))
    P->p++;
}

static int tj_lit(struct tj_parser *P, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(P->end - P->p) < n || memcmp(P->p, word, n))
    return 0;
  P->p += n;
  return 1;
}

/* Length of the well-formed UTF-8 sequence at 'p' (Unicode table 3-7), or
 * 0 when it is malformed. */
static size_t tj_utf8_len(const unsigned char *p, const unsigned char *end) {
  size_t avail = (size_t)(end - p);
  unsigned char c = p[0];
  unsigned char lo = 0x80, hi = 0xBF;
  size_t n;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
  } else
    return 0;
  if (avail < n || p[1] < lo || p[1] > hi)
    return 0;
  for (size_t i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;
  return n;
}

static int tj_hex4(struct tj_parser *P, unsigned *out) {
  if (P->end - P->p < 4)
    return 0;
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned char c = *P->p++;
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= c - '0';
    else if (c >= 'a' && c <= 'f')
      v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      v |= c - 'A' + 10;
    else
      return 0;
  }
  *out = v;
  return 1;
}

static void tj_put_cp(struct mta_buf *b, unsigned cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) {
    u[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  mtai_buf_add(b, u, n);
}

/* Parses a string at P->p (which is at the opening quote) into 'b'. */
static int tj_string(struct tj_parser *P, struct mta_buf *b) {
  if (P->p >= P->end || *P->p != '"')
    return 0;
  P->p++;
  while (P->p < P->end) {
    unsigned char c = *P->p;
    if (c == '"') {
      P->p++;
      return 1;
    }
    if (c < 0x20)
      return 0; /* raw control character */
    if (c != '\\') {
      size_t n = tj_utf8_len(P->p, P->end);
      if (!n)
        return 0;
      mtai_buf_add(b, P->p, n);
      P->p += n;
      continue;
    }
    if (++P->p >= P->end)
      return 0;
    c = *P->p++;
    unsigned cp;
    switch (c) {
    case '"':
    case '\\':
    case '/':
      mtai_buf_putc(b, (char)c);
      break;
    case 'b':
      mtai_buf_putc(b, '\b');
      break;
    case 'f':
      mtai_buf_putc(b, '\f');
      break;
    case 'n':
      mtai_buf_putc(b, '\n');
      break;
    case 'r':
      mtai_buf_putc(b, '\r');
      break;
    case 't':
      mtai_buf_putc(b, '\t');
      break;
    case 'u':
      if (!tj_hex4(P, &cp))
        return 0;
      if (cp >= 0xDC00 && cp <= 0xDFFF)
        return 0; /* lone low surrogate */
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned lo;
        if (!tj_lit(P, "\\u") || !tj_hex4(P, &lo) || lo < 0xDC00 || lo > 0xDFFF)
          return 0; /* high surrogate without its low half */
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      }
      tj_put_cp(b, cp);
      break;
    default:
      return 0;
    }
  }
  return 0; /* unterminated */
}

static int tj_digits(struct tj_parser *P) {
  const unsigned char *s = P->p;
  while (P->p < P->end && *P->p >= '0' && *P->p <= '9')
    P->p++;
  return P->p > s;
}

static int tj_number(struct tj_parser *P, double *out) {
  const unsigned char *s = P->p;
  if (P->p < P->end && *P->p == '-')
    P->p++;
  if (P->p < P->end && *P->p == '0')
    P->p++;
  else if (!(P->p < P->end && *P->p >= '1' && *P->p <= '9') || !tj_digits(P))
    return 0;
  if (P->p < P->end && *P->p == '.') {
    P->p++;
    if (!tj_digits(P))
      return 0;
  }
  if (P->p < P->end && (*P->p == 'e' || *P->p == 'E')) {
    P->p++;
    if (P->p < P->end && (*P->p == '+' || *P->p == '-'))
      P->p++;
    if (!tj_digits(P))
      return 0;
  }
  char tmp[64];
  size_t n = (size_t)(P->p - s);
  if (n >= sizeof tmp)
    return 0;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  *out = strtod(tmp, NULL);
  return 1;
}

static int tj_value(struct tj_parser *P, struct tj *v);

static int tj_push(struct tj *v, int with_key) {
  struct tj *items = realloc(v->items, (v->n + 1) * sizeof *items);
  if (!items)
    return 0;
  v->items = items;
  memset(&v->items[v->n], 0, sizeof *items);
  if (with_key) {
    char **keys = realloc(v->keys, (v->n + 1) * sizeof *keys);
    if (!keys)
      return 0;
    v->keys = keys;
    v->keys[v->n] = NULL;
  }
  v->n++;
  return 1;
}

static int tj_array(struct tj_parser *P, struct tj *v) {
  v->type = TJ_ARR;
  P->p++; /* '[' */
  tj_ws(P);
  if (P->p < P->end && *P->p == ']') {
    P->p++;
    return 1;
  }
  for (;;) {
    if (!tj_push(v, 0) || !tj_value(P, &v->items[v->n - 1]))
      return 0;
    tj_ws(P);
    if (P->p >= P->end)
      return 0;
    if (*P->p == ']') {
      P->p++;
      return 1;
    }
    if (*P->p++ != ',')
      return 0;
    tj_ws(P);
  }
}

static int tj_object(struct tj_parser *P, struct tj *v) {
  v->type = TJ_OBJ;
  v->keys = malloc(sizeof *v->keys);
  if (!v->keys)
    return 0;
  P->p++; /* '{' */
  tj_ws(P);
  if (P->p < P->end && *P->p == '}') {
    P->p++;
    return 1;
  }
  for (;;) {
    struct mta_buf k;
    mtai_buf_init(&k, 0);
    if (!tj_string(P, &k)) {
      mtai_buf_free(&k);
      return 0;
    }
    for (size_t i = 0; i < v->n; i++)
      if (!strcmp(v->keys[i], mtai_buf_str(&k))) {
        mtai_buf_free(&k);
        return 0; /* duplicate key */
      }
    if (!tj_push(v, 1)) {
      mtai_buf_free(&k);
      return 0;
    }
    v->keys[v->n - 1] = mtai_buf_detach(&k);
    tj_ws(P);
    if (P->p >= P->end || *P->p++ != ':')
      return 0;
    tj_ws(P);
    if (!tj_value(P, &v->items[v->n - 1]))
      return 0;
    tj_ws(P);
    if (P->p >= P->end)
      return 0;
    if (*P->p == '}') {
      P->p++;
      return 1;
    }
    if (*P->p++ != ',')
      return 0;
    tj_ws(P);
  }
}

static int tj_value(struct tj_parser *P, struct tj *v) {
  memset(v, 0, sizeof *v);
  if (P->p >= P->end || P->depth >= TJ_MAX_DEPTH)
    return 0;
  int ok;
  switch (*P->p) {
  case '{':
  case '[':
    P->depth++;
    ok = *P->p == '{' ? tj_object(P, v) : tj_array(P, v);
    P->depth--;
    return ok;
  case '"': {
    struct mta_buf b;
    mtai_buf_init(&b, 0);
    v->type = TJ_STR;
    ok = tj_string(P, &b);
    v->len = mtai_buf_len(&b);
    v->str = mtai_buf_detach(&b);
    return ok && v->str;
  }
  case 't':
    v->type = TJ_TRUE;
    return tj_lit(P, "true");
  case 'f':
    v->type = TJ_FALSE;
    return tj_lit(P, "false");
  case 'n':
    v->type = TJ_NULL;
    return tj_lit(P, "null");
  default:
    v->type = TJ_NUM;
    return tj_number(P, &v->num);
  }
}

/* Parses exactly one JSON text from s[0..n) into '*v'. Returns 1 on
 * success; on failure '*v' is empty and '*err_at' (if not NULL) is the byte
 * offset where parsing stopped. */
static int tj_parse(const char *s, size_t n, struct tj *v, size_t *err_at) {
  struct tj_parser P = {(const unsigned char *)s, (const unsigned char *)s + n,
                        0};
  tj_ws(&P);
  int ok = tj_value(&P, v);
  if (ok) {
    tj_ws(&P);
    ok = P.p == P.end;
  }
  if (!ok) {
    tj_free(v);
    if (err_at)
      *err_at = (size_t)(P.p - (const unsigned char *)s);
  }
  return ok;
}

int test_json_valid(const char *s, size_t n) {
  struct tj v;
  if (!tj_parse(s, n, &v, NULL))
    return 0;
  tj_free(&v);
  return 1;
}

char *test_json_string(const char *s, size_t n, size_t *len) {
  struct tj v;
  if (!tj_parse(s, n, &v, NULL))
    return NULL;
  char *out = NULL;
  if (v.type == TJ_STR) {
    out = v.str;
    *len = v.len;
    v.str = NULL;
  }
  tj_free(&v);
  return out;
}

/* Member 'key' of object 'o', or NULL. */
static const struct tj *tj_get(const struct tj *o, const char *key) {
  if (!o || o->type != TJ_OBJ)
    return NULL;
  for (size_t i = 0; i < o->n; i++)
    if (!strcmp(o->keys[i], key))
      return &o->items[i];
  return NULL;
}

/* Element 'i' of array 'a', or NULL. */
static const struct tj *tj_at(const struct tj *a, size_t i) {
  return a && a->type == TJ_ARR && i < a->n ? &a->items[i] : NULL;
}

/* Asserting accessors: member 'key' of 'o' must exist with the type. */
static const char *S_str(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v && v->type == TJ_STR, "\"%s\" missing or not a string", key);
  return v->str;
}

static double S_num(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v && v->type == TJ_NUM, "\"%s\" missing or not a number", key);
  return v->num;
}

static const struct tj *S_arr(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v && v->type == TJ_ARR, "\"%s\" missing or not an array", key);
  return v;
}

static const struct tj *S_obj(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v && v->type == TJ_OBJ, "\"%s\" missing or not an object", key);
  return v;
}

/* 1 when member 'key' of 'o' is present and null. */
static int S_null(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v != NULL, "\"%s\" missing", key);
  return v->type == TJ_NULL;
}

static int S_bool(const struct tj *o, const char *key) {
  const struct tj *v = tj_get(o, key);
  ck_assert_msg(v && (v->type == TJ_TRUE || v->type == TJ_FALSE),
                "\"%s\" missing or not a boolean", key);
  return v->type == TJ_TRUE;
}

/* Parses 's' into '*v', failing the test with the error offset. */
static void S_parse(const char *s, struct tj *v) {
  size_t at = 0;
  int ok = tj_parse(s, strlen(s), v, &at);
  ck_assert_msg(ok, "invalid JSON at byte %zu: ...%.40s", at,
                s + (at > 20 ? at - 20 : 0));
}

/* ---- helpers ------------------------------------------------------------ */

/* Two paragraphs: "sagte ," (space-before, with a suggestion) in 10 words,
 * and "kam,und" (missing-space, without one) in 4 words. */
static const char S_two_paras[] =
    "Er sagte , dass er heute nicht in die Stadt kommt.\n"
    "\n"
    "Er kam,und ging.\n";

static char *S_render(const mta_report *r, mta_format f, unsigned flags) {
  mta_render_options ro = {flags, NULL};
  char *out = NULL;
  ck_assert_int_eq(mta_render(r, f, &ro, &out), MTA_OK);
  ck_assert_ptr_nonnull(out);
  return out;
}

/* The test texts are short: scored again with a minimum of one word (and
 * no gate), so that they have a score. */
static mta_report *S_audit_named(const char *name, const char *text) {
  mta_report *r = NULL;
  mta_status st =
      mta_audit_buffer(test_auditor(), name, text, strlen(text), &r);
  ck_assert_msg(st == MTA_OK, "audit failed: %s",
                mta_auditor_errmsg(test_auditor()));
  test_rescore(r, 0, 0, MTA_SEV_MINOR, 0);
  return r;
}

static mta_report *S_audit(const char *text) {
  return S_audit_named("test", text);
}

/* Reads everything written to 'fp' so far. Caller frees. */
static char *S_slurp(FILE *fp) {
  ck_assert_int_eq(fflush(fp), 0);
  rewind(fp);
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    ck_assert_int_eq(mtai_buf_add(&b, chunk, n), MTA_OK);
  return mtai_buf_detach(&b);
}

static size_t S_count_char(const char *s, char c) {
  size_t n = 0;
  for (; *s; s++)
    n += *s == c;
  return n;
}

/* ---- the validator itself ---------------------------------------------- */

START_TEST(validator_accepts_json) {
  static const char *const good[] = {
      "{}",
      "[]",
      " \t\r\n{\"a\": [1, -2.5e3, 0, 0.25, 1E+2, true, false, null]} \n",
      "\"x\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
      "\"K\xC3\xB6ln gro\xC3\x9F \xE2\x82\xAC \xF0\x9F\x98\x80\"",
      "[[[[{\"k\": {\"l\": []}}]]]]",
      "-0",
      "\"\\u0000\"",
  };
  for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
    ck_assert_msg(test_json_valid(good[i], strlen(good[i])), "rejected: %s",
                  good[i]);
}
END_TEST

START_TEST(validator_rejects_invalid_json) {
  static const char *const bad[] = {
      "",
      "{",
      "[1 2]",
      "[1,]",
      "{\"a\": 1,}",
      "{\"a\" 1}",
      "{a: 1}",
      "{\"a\": 1, \"a\": 2}",
      "'x'",
      "\"unterminated",
      "\"raw\x01control\"",
      "\"raw\ttab\"",
      "\"raw\nnewline\"",
      "\"\\x\"",
      "\"\\u12\"",
      "\"\\ud800\"",
      "\"\\ud800\\u0041\"",
      "\"\\udc00\"",
      "\"\xFF\"",
      "\"\xC0\xAF\"",
      "\"\xE2\x82\"",
      "\"\xED\xA0\x80\"",
      "\"\xF4\x90\x80\x80\"",
      "\"\x80\"",
      "01",
      "1.",
      ".5",
      "+1",
      "1e",
      "NaN",
      "tru",
      "nul",
      "1 2",
      "{} x",
      "[\"a\"]]",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(!test_json_valid(bad[i], strlen(bad[i])), "accepted: %s",
                  bad[i]);
  /* Nesting deeper than the parser's limit is refused, not overflowed. */
  char deep[2 * TJ_MAX_DEPTH + 8];
  size_t n = 0;
  for (int i = 0; i < TJ_MAX_DEPTH + 1; i++)
    deep[n++] = '[';
  for (int i = 0; i < TJ_MAX_DEPTH + 1; i++)
    deep[n++] = ']';
  ck_assert(!test_json_valid(deep, n));
}
END_TEST

START_TEST(validator_decodes_strings) {
  const char *in = "\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\ud83d\\ude00\\u0000z\"";
  static const char want[] = "a\"b\\c/\n\t\xC3\xA9\xF0\x9F\x98\x80\0z";
  size_t len = 0;
  char *s = test_json_string(in, strlen(in), &len);
  ck_assert_ptr_nonnull(s);
  ck_assert_uint_eq(len, sizeof want - 1);
  ck_assert_mem_eq(s, want, len);
  free(s);
  ck_assert_ptr_null(test_json_string("1", 1, &len));
}
END_TEST

/* ---- JSON --------------------------------------------------------------- */

START_TEST(json_has_documented_keys) {
  mta_report *r = S_audit(S_two_paras);
  char *out = S_render(r, MTA_FORMAT_JSON, 0);
  struct tj root;
  S_parse(out, &root);

  const struct tj *tool = S_obj(&root, "tool");
  ck_assert_str_eq(S_str(tool, "name"), "mtaudit");
  ck_assert_str_eq(S_str(tool, "version"), MTA_VERSION_STRING);

  const struct tj *docs = S_arr(&root, "documents");
  ck_assert_uint_eq(docs->n, 1);
  const struct tj *doc = tj_at(docs, 0);
  ck_assert_str_eq(S_str(doc, "file"), "test");
  ck_assert_str_eq(S_str(doc, "encoding"), "UTF-8");
  ck_assert_double_eq(S_num(doc, "words"), 14);
  ck_assert_double_eq_tol(S_num(doc, "score"), 85.7, 1e-9);
  /* No gate: no verdict, and nothing to explain. */
  ck_assert(S_null(doc, "passed"));
  ck_assert(S_null(doc, "reason"));
  ck_assert_uint_eq(S_obj(doc, "unscored_words")->n, 0);

  const struct tj *paras = S_arr(doc, "paragraphs");
  ck_assert_uint_eq(paras->n, 2);
  static const double want_line[] = {1, 3}, want_words[] = {10, 4},
                      want_score[] = {90.0, 75.0};
  for (size_t i = 0; i < 2; i++) {
    const struct tj *p = tj_at(paras, i);
    ck_assert_double_eq(S_num(p, "index"), (double)(i + 1));
    ck_assert_double_eq(S_num(p, "line"), want_line[i]);
    ck_assert_double_eq(S_num(p, "words"), want_words[i]);
    ck_assert_double_eq_tol(S_num(p, "score"), want_score[i], 1e-9);
    ck_assert_str_eq(S_str(p, "kind"), "text");
    ck_assert(S_num(p, "start") < S_num(p, "end"));
  }
  ck_assert_double_eq(S_num(tj_at(paras, 0), "start"), 0);
  ck_assert_double_eq(S_num(tj_at(paras, 1), "start"), 52);

  const struct tj *finds = S_arr(doc, "findings");
  ck_assert_uint_eq(finds->n, mta_report_finding_count(r));
  ck_assert_uint_eq(finds->n, 2);
  for (size_t i = 0; i < finds->n; i++) {
    const struct tj *f = tj_at(finds, i);
    mta_finding_info fi;
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    ck_assert_str_eq(S_str(f, "rule"), fi.rule);
    ck_assert_str_eq(S_str(f, "category"), fi.category);
    ck_assert_str_eq(S_str(f, "severity"), mta_severity_name(fi.severity));
    ck_assert_double_eq(S_num(f, "paragraph"), (double)fi.paragraph);
    ck_assert_double_eq(S_num(f, "line"), (double)fi.line);
    ck_assert_double_eq(S_num(f, "column"), (double)fi.column);
    ck_assert_double_eq(S_num(f, "start"), (double)fi.start);
    ck_assert_double_eq(S_num(f, "end"), (double)fi.end);
    const struct tj *text = tj_get(f, "text");
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(text->len, fi.end - fi.start);
    ck_assert_mem_eq(text->str, S_two_paras + fi.start, text->len);
    ck_assert_str_eq(S_str(f, "message"), fi.message);
    if (fi.suggestion)
      ck_assert_str_eq(S_str(f, "suggestion"), fi.suggestion);
    else
      ck_assert_ptr_null(tj_get(f, "suggestion"));
  }
  ck_assert_str_eq(S_str(tj_at(finds, 0), "rule"), "punctuation/space-before");
  ck_assert_str_eq(S_str(tj_at(finds, 0), "text"), " ,");
  ck_assert_str_eq(S_str(tj_at(finds, 0), "suggestion"), ",");
  ck_assert_str_eq(S_str(tj_at(finds, 1), "rule"), "punctuation/missing-space");
  ck_assert_str_eq(S_str(tj_at(finds, 1), "suggestion"), ", ");

  const struct tj *sum = S_obj(&root, "summary");
  ck_assert_double_eq(S_num(sum, "documents"), 1);
  ck_assert_double_eq(S_num(sum, "failed"), 0);
  ck_assert_double_eq(S_num(sum, "errors"), 0);
  ck_assert_uint_eq(S_arr(&root, "errors")->n, 0);
  tj_free(&root);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(json_reports_failed_gate) {
  mta_report *r = S_audit(S_two_paras);
  test_rescore(r, 101.0, 0, MTA_SEV_MINOR, 0);
  char *out = S_render(r, MTA_FORMAT_JSON, 0);
  struct tj root;
  S_parse(out, &root);
  ck_assert(!S_bool(tj_at(S_arr(&root, "documents"), 0), "passed"));
  ck_assert_double_eq(S_num(S_obj(&root, "summary"), "failed"), 1);
  tj_free(&root);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(json_escapes_hostile_text) {
  static const char name[] =
      "dir/\"quoted\" \\back\\slash\t<script>\x01\x1f\x7f\xE2\x80\xA8.txt";
  static const char text[] =
      "Er sagte\t, \"dass\" C:\\Pfad\\ <script>alert(\"x\")</script> da "
      "sei.\n"
      "Steuerzeichen \x01 und \x1f und \x7f und \xE2\x80\xA8 hier"
      "\xE2\x80\xA8.\n"
      "\n"
      "Mr. \"Kim\" kam,\"und ging\\ \x02 .\n";
  mta_report *r = S_audit_named(name, text);
  ck_assert_uint_ge(mta_report_finding_count(r), 3);
  for (int f = MTA_FORMAT_JSON; f <= MTA_FORMAT_JSONL; f++) {
    char *out = S_render(r, (mta_format)f, 0);
    struct tj root;
    S_parse(out, &root);
    const struct tj *doc =
        f == MTA_FORMAT_JSON ? tj_at(S_arr(&root, "documents"), 0) : &root;
    const struct tj *file = tj_get(doc, "file");
    ck_assert_ptr_nonnull(file);
    ck_assert_uint_eq(file->len, strlen(name));
    ck_assert_str_eq(file->str, name);
    /* Every finding's text is the document's bytes, unescaped. */
    const struct tj *finds = S_arr(doc, "findings");
    ck_assert_uint_eq(finds->n, mta_report_finding_count(r));
    for (size_t i = 0; i < finds->n; i++) {
      mta_finding_info fi;
      ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
      const struct tj *t = tj_get(tj_at(finds, i), "text");
      ck_assert_ptr_nonnull(t);
      ck_assert_uint_eq(t->len, fi.end - fi.start);
      ck_assert_mem_eq(t->str, text + fi.start, t->len);
    }
    ck_assert_str_eq(S_str(tj_at(finds, 0), "text"), "\t,");
    /* A span holding U+2028, which JSON output escapes. */
    ck_assert_ptr_nonnull(strstr(out, "\"text\": \"\\u2028.\""));
    tj_free(&root);
    mta_free(out);
  }
  mta_report_free(r);
}
END_TEST

START_TEST(json_replaces_invalid_utf8_in_name) {
  /* File names are bytes: a Latin-1 name is not UTF-8. */
  mta_report *r = S_audit_named("caf\xE9 \xFF.txt", S_two_paras);
  for (int f = MTA_FORMAT_JSON; f <= MTA_FORMAT_JSONL; f++) {
    char *out = S_render(r, (mta_format)f, 0);
    struct tj root;
    S_parse(out, &root);
    const struct tj *doc =
        f == MTA_FORMAT_JSON ? tj_at(S_arr(&root, "documents"), 0) : &root;
    ck_assert_str_eq(S_str(doc, "file"), "caf\xEF\xBF\xBD \xEF\xBF\xBD.txt");
    tj_free(&root);
    mta_free(out);
  }
  mta_report_free(r);
}
END_TEST

START_TEST(jsonl_is_one_object_per_line) {
  mta_report *r = S_audit(S_two_paras);
  char *out = S_render(r, MTA_FORMAT_JSONL, 0);
  ck_assert_uint_eq(S_count_char(out, '\n'), 1);
  ck_assert_int_eq(out[strlen(out) - 1], '\n');
  struct tj doc;
  S_parse(out, &doc);
  ck_assert_str_eq(S_str(&doc, "file"), "test");
  ck_assert_uint_eq(S_arr(&doc, "findings")->n, 2);
  ck_assert_uint_eq(S_arr(&doc, "paragraphs")->n, 2);
  ck_assert_ptr_null(tj_get(&doc, "tool"));
  tj_free(&doc);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

/* ---- text --------------------------------------------------------------- */

START_TEST(text_has_compiler_style_lines) {
  mta_report *r = S_audit(S_two_paras);
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_nonnull(strstr(out, "test:1:9: minor: space before ',' "
                                    "[punctuation/space-before]\n"));
  ck_assert_ptr_nonnull(
      strstr(out, "test:3:7: minor: missing space after ',' before 'und' "
                  "[punctuation/missing-space]\n"));
  /* Excerpt with the span marked, and the suggestion. */
  ck_assert_ptr_nonnull(strstr(out, "  1 | Er sagte , dass"));
  ck_assert_ptr_nonnull(strstr(out, "\n    |         ^~\n"));
  ck_assert_ptr_nonnull(strstr(out, "= suggestion: ,\n"));
  ck_assert_ptr_nonnull(strstr(out, "article score: 85.7 over 14 words"));
  /* No gate, no verdict. */
  ck_assert_ptr_null(strstr(out, "PASS"));
  ck_assert_ptr_null(strstr(out, "FAIL"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(text_color_only_when_asked) {
  mta_report *r = S_audit(S_two_paras);
  char *plain = NULL;
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_TEXT, NULL, &plain), MTA_OK);
  ck_assert_ptr_null(strchr(plain, '\033'));
  char *zero = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_null(strchr(zero, '\033'));
  ck_assert_str_eq(zero, plain);
  char *color = S_render(r, MTA_FORMAT_TEXT, MTA_RENDER_COLOR);
  ck_assert_ptr_nonnull(strstr(color, "\033[0m"));
  ck_assert_ptr_nonnull(strstr(color, "\033[1m"));
  /* The JSON formats ignore the flag. */
  char *json = S_render(r, MTA_FORMAT_JSON, MTA_RENDER_COLOR);
  ck_assert_ptr_null(strchr(json, '\033'));
  mta_free(json);
  mta_free(color);
  mta_free(zero);
  mta_free(plain);
  mta_report_free(r);
}
END_TEST

START_TEST(text_no_excerpt_flag) {
  mta_report *r = S_audit(S_two_paras);
  char *out = S_render(r, MTA_FORMAT_TEXT, MTA_RENDER_NO_EXCERPT);
  ck_assert_ptr_nonnull(strstr(out, "test:1:9: minor: space before ','"));
  ck_assert_ptr_null(strstr(out, " | "));
  ck_assert_ptr_null(strchr(out, '^'));
  ck_assert_ptr_null(strstr(out, "suggestion:"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(text_excerpt_shows_control_characters) {
  mta_report *r = S_audit("Er sagte\t, dass er \x01 kommt.\n");
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_null(strchr(out, '\t'));
  ck_assert_ptr_null(strchr(out, '\x01'));
  /* Shown as escapes, and the marker still under the span ("\t,"). */
  ck_assert_ptr_nonnull(strstr(out, "  1 | Er sagte\\t, dass er \\x01 kommt.\n"
                                    "    |         ^~~\n"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

/* The column of the first 'c' on the line of 'out' that starts with
 * 'prefix', counted from the line start; -1 when there is none. */
static long S_col_on_line(const char *out, const char *prefix, const char *c) {
  const char *l = strstr(out, prefix);
  if (!l)
    return -1;
  const char *nl = strchr(l, '\n');
  const char *p = strstr(l, c);
  return p && (!nl || p < nl) ? (long)(p - l) : -1;
}

/* Issue 12: an OSC/CSI sequence or a newline in a file name, or a bidi
 * control in the text, must be shown, never obeyed. */
START_TEST(text_shows_hostile_name_and_bidi_controls) {
  static const char name[] = "a\x1b]0;pwned\x07\x1b[2J\n"
                             "b\xE2\x80\xAE.txt";
  mta_report *r = S_audit_named(
      name, "Er\xE2\x80\xAE sagte , dass er \xE2\x81\xA6heute kommt.\n");
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 1);
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_null(strchr(out, '\033'));
  ck_assert_ptr_null(strchr(out, '\a'));
  ck_assert_ptr_null(strstr(out, "\xE2\x80\xAE"));
  ck_assert_ptr_null(strstr(out, "\xE2\x81\xA6"));
  ck_assert_ptr_nonnull(
      strstr(out, "a\\x1b]0;pwned\\x07\\x1b[2J\\nb<U+202E>.txt:1:10: minor"));
  /* Every line of the report starts at a line start: the name's newline
   * did not start one. */
  ck_assert_ptr_null(strstr(out, "\nb<U+202E>.txt"));
  ck_assert_ptr_nonnull(strstr(out, "  1 | Er<U+202E> sagte , dass er "
                                    "<U+2066>heute kommt.\n"));
  /* The marker is under " ," although escapes come before it. */
  long span = S_col_on_line(out, "  1 | Er<U+202E>", " ,");
  long mark = S_col_on_line(out, "    |   ", "^");
  ck_assert_int_ge(span, 0);
  ck_assert_int_eq(mark, span);
  ck_assert_ptr_nonnull(strstr(out, "b<U+202E>.txt (UTF-8): 1 paragraphs"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

/* ---- writer ------------------------------------------------------------- */

START_TEST(writer_json_batch) {
  mta_report *a = S_audit_named("a.txt", S_two_paras);
  mta_report *b = S_audit_named("b.txt", "Das Wetter ist heute schön.\n");
  test_rescore(a, 50.0, 0, MTA_SEV_MINOR, 0);  /* a gate it passes */
  test_rescore(b, 101.0, 0, MTA_SEV_MINOR, 0); /* make it fail */
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_ptr_nonnull(w);
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_OK);
  ck_assert_int_eq(mta_writer_add_error(w, "missing \"x\".txt", MTA_ERR_IO,
                                        "No such file or directory"),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);

  struct tj root;
  S_parse(out, &root);
  ck_assert_str_eq(S_str(S_obj(&root, "tool"), "name"), "mtaudit");
  const struct tj *docs = S_arr(&root, "documents");
  ck_assert_uint_eq(docs->n, 2);
  ck_assert_str_eq(S_str(tj_at(docs, 0), "file"), "a.txt");
  ck_assert_str_eq(S_str(tj_at(docs, 1), "file"), "b.txt");
  ck_assert(S_bool(tj_at(docs, 0), "passed"));
  ck_assert(S_null(tj_at(docs, 0), "reason"));
  ck_assert(!S_bool(tj_at(docs, 1), "passed"));
  ck_assert_str_eq(S_str(tj_at(docs, 1), "reason"), "score under threshold");
  const struct tj *sum = S_obj(&root, "summary");
  ck_assert_double_eq(S_num(sum, "documents"), 2);
  ck_assert_double_eq(S_num(sum, "failed"), 1);
  ck_assert_double_eq(S_num(sum, "errors"), 1);
  const struct tj *errs = S_arr(&root, "errors");
  ck_assert_uint_eq(errs->n, 1);
  ck_assert_str_eq(S_str(tj_at(errs, 0), "file"), "missing \"x\".txt");
  ck_assert_str_eq(S_str(tj_at(errs, 0), "status"), "io");
  ck_assert_str_eq(S_str(tj_at(errs, 0), "message"),
                   "No such file or directory");
  tj_free(&root);
  free(out);
  mta_report_free(a);
  mta_report_free(b);
}
END_TEST

START_TEST(writer_json_empty_batch) {
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  struct tj root;
  S_parse(out, &root);
  ck_assert_uint_eq(S_arr(&root, "documents")->n, 0);
  ck_assert_double_eq(S_num(S_obj(&root, "summary"), "documents"), 0);
  ck_assert_double_eq(S_num(S_obj(&root, "summary"), "errors"), 0);
  tj_free(&root);
  free(out);
}
END_TEST

START_TEST(writer_error_without_message) {
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add_error(w, "x.bin", MTA_ERR_BINARY, NULL),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  struct tj root;
  S_parse(out, &root);
  const struct tj *e = tj_at(S_arr(&root, "errors"), 0);
  ck_assert_ptr_nonnull(e);
  ck_assert_str_eq(S_str(e, "status"), "binary");
  ck_assert_str_eq(S_str(e, "message"), mta_strerror(MTA_ERR_BINARY));
  tj_free(&root);
  free(out);
}
END_TEST

START_TEST(writer_jsonl_lines) {
  mta_report *a = S_audit_named("a.txt", S_two_paras);
  mta_report *b = S_audit_named("b.txt", "Das Wetter ist heute schön.\n");
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSONL, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add_error(w, "gone.txt", MTA_ERR_IO, "gone"),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);

  ck_assert_uint_eq(S_count_char(out, '\n'), 3);
  ck_assert_int_eq(out[strlen(out) - 1], '\n');
  static const char *const want_file[] = {"a.txt", "gone.txt", "b.txt"};
  const char *line = out;
  for (size_t i = 0; i < 3; i++) {
    const char *nl = strchr(line, '\n');
    ck_assert_ptr_nonnull(nl);
    struct tj v;
    size_t at = 0;
    ck_assert_msg(tj_parse(line, (size_t)(nl - line), &v, &at),
                  "line %zu: invalid JSON at byte %zu", i + 1, at);
    ck_assert_int_eq(v.type, TJ_OBJ);
    ck_assert_str_eq(S_str(&v, "file"), want_file[i]);
    if (i == 1) {
      ck_assert_str_eq(S_str(&v, "status"), "io");
      ck_assert_str_eq(S_str(&v, "message"), "gone");
    } else {
      S_arr(&v, "findings");
      S_num(&v, "score");
    }
    tj_free(&v);
    line = nl + 1;
  }
  ck_assert_str_eq(line, "");
  free(out);
  mta_report_free(a);
  mta_report_free(b);
}
END_TEST

/* Writes 'a' and 'b' in 'format' through a writer; caller frees. */
static char *S_write_two(mta_format format, mta_report *a, mta_report *b) {
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(format, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  return out;
}

/* An article without a score and one with, no gate: no verdict anywhere,
 * the reason of the missing score, unscored words by rule. */
START_TEST(writer_no_gate_and_no_score) {
  mta_report *a = S_audit_named("a.txt", S_two_paras);
  mta_report *b = S_audit_named("b.txt", "Das Wetter ist heute schön.\n");
  b->doc.paras[0].kind = MTAI_PARA_BOILERPLATE; /* all chrome */
  test_rescore(b, 0, 0, MTA_SEV_MINOR, 0);
  ck_assert_int_eq(mta_report_reason(b), MTA_REASON_NO_TEXT);

  char *out = S_write_two(MTA_FORMAT_TEXT, a, b);
  ck_assert_ptr_null(strstr(out, "PASS"));
  ck_assert_ptr_null(strstr(out, "FAIL"));
  ck_assert_ptr_nonnull(strstr(
      out, "  no score: no article text (5 words unscored: 5 boilerplate); "
           "findings: 0 critical, 0 major, 0 minor\n"));
  /* Summary: the article without a score first, its reason after it. */
  const char *pb = strstr(out, "      -          ");
  const char *pa = strstr(out, "   85.7          ");
  ck_assert_ptr_nonnull(pa);
  ck_assert_ptr_nonnull(pb);
  ck_assert(pb < pa);
  ck_assert_ptr_nonnull(
      strstr(out, "b.txt (no article text, all 5 words unscored)\n"));
  ck_assert_ptr_nonnull(
      strstr(out, "2 documents, 0 failed, 1 without a score, 0 errors"));
  free(out);

  out = S_write_two(MTA_FORMAT_CSV, a, b);
  ck_assert_ptr_nonnull(strstr(out, "a.txt,ok,14,85.7,,"));
  ck_assert_ptr_nonnull(strstr(out, ",0,\r\n"));
  ck_assert_ptr_nonnull(strstr(out, "b.txt,ok,0,,,0,0,0,0,,5,no article "
                                    "text\r\n"));
  free(out);

  out = S_write_two(MTA_FORMAT_JSONL, a, b);
  const char *nl = strchr(out, '\n');
  ck_assert_ptr_nonnull(nl);
  struct tj v;
  S_parse(nl + 1, &v);
  ck_assert(S_null(&v, "score"));
  ck_assert(S_null(&v, "passed"));
  ck_assert_str_eq(S_str(&v, "reason"), "no article text");
  ck_assert_double_eq(S_num(S_obj(&v, "unscored_words"), "boilerplate"), 5);
  tj_free(&v);
  free(out);

  /* With a gate the same article fails, with its reason. */
  test_rescore(b, 50.0, 0, MTA_SEV_MINOR, 0);
  out = S_write_two(MTA_FORMAT_TEXT, a, b);
  ck_assert_ptr_nonnull(
      strstr(out, "minor  FAIL: no article text, all 5 words unscored\n"));
  ck_assert_ptr_nonnull(strstr(out, "1 failed, 1 without a score"));
  free(out);
  mta_report_free(a);
  mta_report_free(b);
}
END_TEST

START_TEST(writer_text_summary) {
  mta_report *a = S_audit_named("a.txt", S_two_paras);
  mta_report *b = S_audit_named("b.txt", "Das Wetter ist heute schön.\n");
  test_rescore(a, 10.0, 0, MTA_SEV_MINOR, 0); /* gates both pass */
  test_rescore(b, 10.0, 0, MTA_SEV_MINOR, 0);
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_TEXT, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, a), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, b), MTA_OK);
  ck_assert_int_eq(mta_writer_add_error(w, "gone.txt", MTA_ERR_IO, "gone"),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  ck_assert_ptr_nonnull(strstr(out, "a.txt:1:9: minor: space before ','"));
  ck_assert_ptr_nonnull(strstr(out, "summary (worst first)"));
  /* Worst first: a.txt (85.7) before b.txt (100.0). */
  const char *pa = strstr(out, "85.7  PASS");
  const char *pb = strstr(out, "100.0  PASS");
  ck_assert_ptr_nonnull(pa);
  ck_assert_ptr_nonnull(pb);
  ck_assert(pa < pb);
  ck_assert_ptr_nonnull(strstr(out, "ERROR"));
  ck_assert_ptr_nonnull(strstr(out, "gone.txt: gone"));
  ck_assert_ptr_nonnull(strstr(out, "2 documents, 0 failed, 1 errors"));
  ck_assert_ptr_null(strchr(out, '\033'));
  free(out);
  mta_report_free(a);
  mta_report_free(b);
}
END_TEST

START_TEST(writer_reports_stream_failure) {
  mta_report *r = S_audit(S_two_paras);
  FILE *fp = fopen("/dev/null", "r"); /* every write fails */
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_ERR_IO);
  mta_writer_free(w);
  fclose(fp);
  mta_report_free(r);
}
END_TEST

/* Issue 12: with every input failed, the text summary has no rows to
 * sort (UBSan: memcpy from NULL) and still lists the errors. */
START_TEST(writer_text_summary_of_errors_only) {
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_TEXT, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add_error(w, "a.txt", MTA_ERR_BINARY, "binary"),
                   MTA_OK);
  ck_assert_int_eq(
      mta_writer_add_error(w, "b\x1b[2J.txt", MTA_ERR_IO, "gone\nforged"),
      MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  ck_assert_str_eq(mta_writer_errmsg(w), "");
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  ck_assert_ptr_nonnull(strstr(out, "summary (worst first)"));
  ck_assert_ptr_nonnull(strstr(out, "a.txt: binary\n"));
  ck_assert_ptr_nonnull(strstr(out, "b\\x1b[2J.txt: gone\\nforged\n"));
  ck_assert_ptr_nonnull(strstr(out, "0 documents, 0 failed, 2 errors"));
  ck_assert_ptr_null(strchr(out, '\033'));
  free(out);
}
END_TEST

START_TEST(writer_stream_failure_names_the_reason) {
  mta_report *r = S_audit(S_two_paras);
  FILE *fp = fopen("/dev/null", "r"); /* every write fails */
  ck_assert_ptr_nonnull(fp);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_ERR_IO);
  ck_assert_str_eq(mta_writer_errmsg(w), "write error: Bad file descriptor");
  /* Sticky: nothing more is written, finishing reports the failure. */
  ck_assert_int_eq(mta_writer_add(w, r), MTA_ERR_IO);
  ck_assert_int_eq(mta_writer_finish(w), MTA_ERR_IO);
  mta_writer_free(w);
  fclose(fp);
  mta_report_free(r);
}
END_TEST

/* ---- writer to a path (atomic.c) ------------------------------------------
 */

/* Number of entries of 'dir' whose name contains 'part'. */
static int S_entries(const char *dir, const char *part) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -c -F -e '%s'", dir, part);
  FILE *p = popen(cmd, "r");
  ck_assert_ptr_nonnull(p);
  int n = -1;
  ck_assert_int_eq(fscanf(p, "%d", &n), 1);
  pclose(p);
  return n;
}

static char *S_read_file(const char *path) {
  FILE *fp = fopen(path, "rb");
  ck_assert_msg(fp != NULL, "%s: %s", path, strerror(errno));
  char *s = S_slurp(fp);
  fclose(fp);
  return s;
}

static void S_write_text(const char *path, const char *text, mode_t mode) {
  FILE *fp = fopen(path, "w");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  ck_assert_int_eq(fclose(fp), 0);
  ck_assert_int_eq(chmod(path, mode), 0);
}

START_TEST(writer_path_replaces_only_when_finished) {
  mta_report *r = S_audit(S_two_paras);
  char *dir = test_tmpdir("writer");
  char path[4200];
  snprintf(path, sizeof path, "%s/out.json", dir);
  S_write_text(path, "old", 0640);
  mta_writer *w = NULL;
  char *why = NULL;
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, path, &w, &why),
                   MTA_OK);
  ck_assert_ptr_null(why);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_OK);
  char *mid = S_read_file(path);
  ck_assert_str_eq(mid, "old"); /* readers see the old file until the end */
  free(mid);
  ck_assert_int_eq(S_entries(dir, ".tmp."), 1);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char *out = S_read_file(path);
  ck_assert(test_json_valid(out, strlen(out)));
  free(out);
  struct stat st;
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0640); /* the old file's mode */
  ck_assert_int_eq(S_entries(dir, ".tmp."), 0);

  /* Freed without finishing: the old file stays, no temporary is left. */
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_TEXT, NULL, path, &w, &why),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_OK);
  mta_writer_free(w);
  out = S_read_file(path);
  ck_assert(test_json_valid(out, strlen(out)));
  free(out);
  ck_assert_int_eq(S_entries(dir, ".tmp."), 0);
  test_rmdir(dir);
  mta_report_free(r);
}
END_TEST

START_TEST(writer_path_keeps_symlink_and_honours_umask) {
  mta_report *r = S_audit(S_two_paras);
  char *dir = test_tmpdir("writer");
  char target[4200], link[4200], fresh[4200];
  snprintf(target, sizeof target, "%s/target.json", dir);
  snprintf(link, sizeof link, "%s/link.json", dir);
  snprintf(fresh, sizeof fresh, "%s/fresh.json", dir);
  S_write_text(target, "old", 0600);
  ck_assert_int_eq(symlink("target.json", link), 0);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, link, &w, NULL),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  struct stat st;
  ck_assert_int_eq(lstat(link, &st), 0);
  ck_assert(S_ISLNK(st.st_mode)); /* the link is still a link */
  ck_assert_int_eq(stat(target, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0600);
  char *out = S_read_file(target);
  ck_assert(test_json_valid(out, strlen(out)));
  free(out);
  /* A new file: 0666 minus the umask, not a fixed 0644. */
  mode_t old = umask(077);
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_CSV, NULL, fresh, &w, NULL),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  umask(old);
  ck_assert_int_eq(stat(fresh, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0600);
  test_rmdir(dir);
  mta_report_free(r);
}
END_TEST

START_TEST(writer_path_writes_into_fifo) {
  mta_report *r = S_audit(S_two_paras);
  char *dir = test_tmpdir("writer");
  char fifo[4200];
  snprintf(fifo, sizeof fifo, "%s/pipe", dir);
  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  int rd = open(fifo, O_RDONLY | O_NONBLOCK);
  ck_assert_int_ge(rd, 0);
  mta_writer *w = NULL;
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSONL, NULL, fifo, &w, NULL),
                   MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_OK);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  mta_writer_free(w);
  char buf[65536];
  ssize_t n = read(rd, buf, sizeof buf - 1);
  close(rd);
  ck_assert_int_gt(n, 10);
  ck_assert(test_json_valid(buf, (size_t)n - 1)); /* one line */
  struct stat st;
  ck_assert_int_eq(lstat(fifo, &st), 0);
  ck_assert(S_ISFIFO(st.st_mode)); /* still a FIFO */
  test_rmdir(dir);
  mta_report_free(r);
}
END_TEST

START_TEST(writer_path_full_device_is_written_not_replaced) {
  struct stat st;
  if (stat("/dev/full", &st) || !S_ISCHR(st.st_mode))
    return; /* no /dev/full here */
  mta_report *r = S_audit(S_two_paras);
  mta_writer *w = NULL;
  ck_assert_int_eq(
      mta_writer_new_path(MTA_FORMAT_JSON, NULL, "/dev/full", &w, NULL),
      MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, r), MTA_ERR_IO);
  ck_assert_str_eq(mta_writer_errmsg(w),
                   "/dev/full: write error: No space left on device");
  ck_assert_int_eq(mta_writer_finish(w), MTA_ERR_IO);
  mta_writer_free(w);
  ck_assert_int_eq(stat("/dev/full", &st), 0);
  ck_assert(S_ISCHR(st.st_mode));
  mta_report_free(r);
}
END_TEST

START_TEST(writer_path_failures_name_path_and_reason) {
  char *dir = test_tmpdir("writer");
  char path[4200], want[4400];
  mta_writer *w = NULL;
  char *why = NULL;
  /* A directory is not replaced. */
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, dir, &w, &why),
                   MTA_ERR_IO);
  ck_assert_ptr_null(w);
  snprintf(want, sizeof want, "%s: Is a directory", dir);
  ck_assert_str_eq(why, want);
  mta_free(why);
  /* A missing directory: the reason of the failed create. */
  snprintf(path, sizeof path, "%s/no/such.json", dir);
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, path, &w, &why),
                   MTA_ERR_IO);
  snprintf(want, sizeof want,
           "%s: cannot create a temporary file: No such file or directory",
           path);
  ck_assert_str_eq(why, want);
  mta_free(why);
  ck_assert_int_eq(S_entries(dir, "such"), 0);
  /* A socket or block device is refused, not replaced; errmsg optional. */
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, "", &w, &why),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(why);
  ck_assert_int_eq(mta_writer_new_path((mta_format)99, NULL, path, &w, NULL),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_new_path(MTA_FORMAT_JSON, NULL, path, NULL, NULL),
                   MTA_ERR_INVALID_ARG);
  ck_assert_str_eq(mta_writer_errmsg(NULL), "");
  test_rmdir(dir);
}
END_TEST

/* ---- source-aware mode ------------------------------------------------- */

/* The pair of run_tests.c with one finding about a source span. */
static mta_report *S_audit_pair(void) {
  mta_report *r =
      test_audit_source("de.txt", test_pair_de, "en.txt", test_pair_en);
  ck_assert_ptr_nonnull(r->bi);
  test_add_src_finding(r, "4,5 Milliarden Dollar", "$4.5 billion",
                       MTA_SEV_CRITICAL,
                       "source has 4.5 billion; the target has 4,5 Milliarden");
  return r;
}

/* The finding of 'doc' with a "source_text", or NULL. */
static const struct tj *S_src_finding(const struct tj *doc) {
  const struct tj *finds = S_arr(doc, "findings");
  for (size_t i = 0; i < finds->n; i++)
    if (tj_get(tj_at(finds, i), "source_text"))
      return tj_at(finds, i);
  return NULL;
}

START_TEST(json_source_members) {
  mta_report *r = S_audit_pair();
  char *out = S_render(r, MTA_FORMAT_JSON, 0);
  struct tj root;
  S_parse(out, &root);
  const struct tj *doc = tj_at(S_arr(&root, "documents"), 0);
  const struct tj *src = S_obj(doc, "source");
  ck_assert_str_eq(S_str(src, "name"), "en.txt");
  ck_assert_str_eq(S_str(src, "encoding"), "UTF-8");
  ck_assert(S_bool(src, "used"));
  ck_assert_ptr_null(tj_get(src, "error"));
  ck_assert_double_eq(S_num(src, "paragraphs"), 4);
  /* Every paragraph has the span of its aligned source paragraph. */
  const struct tj *paras = S_arr(doc, "paragraphs");
  ck_assert_uint_eq(paras->n, 4);
  static const char *const first_words[] = {"Pentagon to", "The Pentagon",
                                            "Defense", "\"We will"};
  for (size_t i = 0; i < paras->n; i++) {
    const struct tj *p = tj_at(paras, i);
    size_t a = (size_t)S_num(p, "source_start"),
           b = (size_t)S_num(p, "source_end");
    ck_assert(a < b && b <= strlen(test_pair_en));
    ck_assert_msg(
        !strncmp(test_pair_en + a, first_words[i], strlen(first_words[i])),
        "paragraph %zu: source_start %zu", i + 1, a);
    ck_assert(test_pair_en[b] == '\n');
  }
  /* The finding names its source span and text. */
  const struct tj *f = S_src_finding(doc);
  ck_assert_ptr_nonnull(f);
  size_t ss = (size_t)S_num(f, "source_start");
  ck_assert_str_eq(S_str(f, "source_text"), "$4.5 billion");
  ck_assert_double_eq(S_num(f, "source_end"), (double)(ss + 12));
  ck_assert_mem_eq(test_pair_en + ss, "$4.5 billion", 12);
  ck_assert_str_eq(S_str(f, "text"), "4,5 Milliarden Dollar");
  /* Findings without a source span have no source members. */
  const struct tj *finds = S_arr(doc, "findings");
  for (size_t i = 0; i < finds->n; i++) {
    const struct tj *g = tj_at(finds, i);
    if (g != f) {
      ck_assert_ptr_null(tj_get(g, "source_start"));
      ck_assert_ptr_null(tj_get(g, "source_text"));
    }
  }
  tj_free(&root);
  mta_free(out);
  /* JSON Lines: the same members on the document's line. */
  out = S_render(r, MTA_FORMAT_JSONL, 0);
  ck_assert_uint_eq(S_count_char(out, '\n'), 1);
  S_parse(out, &root);
  ck_assert(S_bool(S_obj(&root, "source"), "used"));
  ck_assert_str_eq(S_str(S_src_finding(&root), "source_text"), "$4.5 billion");
  tj_free(&root);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(json_source_not_used) {
  /* The German text as its own "source": refused, audited without it. */
  mta_report *r =
      test_audit_source("de.txt", test_pair_de, "de.txt", test_pair_de);
  ck_assert_ptr_null(r->bi);
  char *out = S_render(r, MTA_FORMAT_JSON, 0);
  struct tj root;
  S_parse(out, &root);
  const struct tj *doc = tj_at(S_arr(&root, "documents"), 0);
  const struct tj *src = S_obj(doc, "source");
  ck_assert_str_eq(S_str(src, "name"), "de.txt");
  ck_assert(!S_bool(src, "used"));
  ck_assert_ptr_nonnull(strstr(S_str(src, "error"), "looks German"));
  ck_assert(S_null(src, "encoding"));
  ck_assert(S_null(src, "paragraphs"));
  const struct tj *paras = S_arr(doc, "paragraphs");
  for (size_t i = 0; i < paras->n; i++)
    ck_assert_ptr_null(tj_get(tj_at(paras, i), "source_start"));
  ck_assert_ptr_null(S_src_finding(doc));
  tj_free(&root);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(json_without_source_has_no_source_members) {
  mta_report *r = test_audit_source("de.txt", test_pair_de, NULL, NULL);
  char *out = S_render(r, MTA_FORMAT_JSON, 0);
  ck_assert_ptr_null(strstr(out, "source"));
  mta_free(out);
  out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_null(strstr(out, "source"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(sarif_source_span_is_a_related_location) {
  mta_report *r = S_audit_pair();
  char *out = S_render(r, MTA_FORMAT_SARIF, 0);
  struct tj root;
  S_parse(out, &root);
  const struct tj *run = tj_at(S_arr(&root, "runs"), 0);
  const struct tj *res = S_arr(run, "results");
  size_t with = 0;
  for (size_t i = 0; i < res->n; i++) {
    const struct tj *rel = tj_get(tj_at(res, i), "relatedLocations");
    if (!rel)
      continue;
    with++;
    ck_assert_uint_eq(rel->n, 1);
    const struct tj *loc = tj_at(rel, 0);
    ck_assert_str_eq(S_str(S_obj(loc, "message"), "text"), "English source");
    const struct tj *pl = S_obj(loc, "physicalLocation");
    ck_assert_str_eq(S_str(S_obj(pl, "artifactLocation"), "uri"), "en.txt");
    const struct tj *reg = S_obj(pl, "region");
    size_t off = (size_t)(strstr(test_pair_en, "$4.5") - test_pair_en);
    ck_assert_double_eq(S_num(reg, "byteOffset"), (double)off);
    ck_assert_double_eq(S_num(reg, "byteLength"), 12);
    ck_assert_double_eq(S_num(reg, "startLine"), 3);
    ck_assert_double_eq(S_num(reg, "startColumn"), 24);
    ck_assert_double_eq(S_num(reg, "endLine"), 3);
    ck_assert_double_eq(S_num(reg, "endColumn"), 36);
    ck_assert_str_eq(S_str(S_obj(reg, "snippet"), "text"), "$4.5 billion");
    /* The result's own location stays in the target. */
    const struct tj *l0 = tj_at(S_arr(tj_at(res, i), "locations"), 0);
    ck_assert_str_eq(
        S_str(S_obj(S_obj(l0, "physicalLocation"), "artifactLocation"), "uri"),
        "de.txt");
  }
  ck_assert_uint_eq(with, 1);
  tj_free(&root);
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(text_quotes_the_source_sentence) {
  mta_report *r = S_audit_pair();
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_nonnull(strstr(out,
                               "de.txt (UTF-8): 4 paragraphs\n"
                               "  source: en.txt (4 paragraphs, aligned)\n"));
  ck_assert_ptr_nonnull(strstr(out, "de.txt:3:"));
  ck_assert_ptr_nonnull(
      strstr(out, "\n    = source: \"The Pentagon will send $4.5 billion in "
                  "new military aid to Ukraine, officials said on September "
                  "28.\"\n"));
  /* Only the finding with a source span quotes it. */
  ck_assert_uint_eq(test_count_rule(r, "punctuation/space-before"), 0);
  const char *q = strstr(out, "= source:");
  ck_assert_ptr_null(strstr(q + 1, "= source:"));
  mta_free(out);
  /* In colour, the span is marked inside the quote. */
  out = S_render(r, MTA_FORMAT_TEXT, MTA_RENDER_COLOR);
  ck_assert_ptr_nonnull(
      strstr(out, "will send \033[32m$4.5 billion\033[0m in new"));
  mta_free(out);
  /* No excerpts, no quote. */
  out = S_render(r, MTA_FORMAT_TEXT, MTA_RENDER_NO_EXCERPT);
  ck_assert_ptr_null(strstr(out, "= source:"));
  ck_assert_ptr_nonnull(strstr(out, "  source: en.txt (4 paragraphs"));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

START_TEST(text_source_not_used_says_why) {
  mta_report *r =
      test_audit_source("de.txt", test_pair_de, "de.txt", test_pair_de);
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_nonnull(strstr(out, "\n  source: de.txt not used: looks "
                                    "German, not English ("));
  mta_free(out);
  mta_report_free(r);
}
END_TEST

/* A long source sentence is cut around the span to about 160 code
 * points; control characters in it are shown as escapes. */
START_TEST(text_source_quote_is_trimmed_and_visible) {
  struct mta_buf en, de;
  mtai_buf_init(&en, 0);
  mtai_buf_init(&de, 0);
  mtai_buf_printf(&en, "The officials, who were speaking on the condition of "
                       "anonymity because they were not authorized to "
                       "discuss the matter, said the army had lost \x1b"
                       "[31m 12,000 soldiers in the first weeks of the war, "
                       "far more than the public figures of the ministry "
                       "suggested at the time.\n");
  mtai_buf_printf(&de, "Die Beamten, die anonym bleiben wollten, weil sie "
                       "nicht befugt waren, sich zu der Sache zu \xC3\xA4u"
                       "\xC3\x9F"
                       "ern, sagten, die Armee habe in den ersten Wochen des "
                       "Krieges 12.000 Soldaten verloren, weit mehr, als die "
                       "Zahlen des Ministeriums nahelegten.\n");
  mta_report *r = test_audit_source("de.txt", mtai_buf_str(&de), "en.txt",
                                    mtai_buf_str(&en));
  test_add_src_finding(r, "12.000 Soldaten", "12,000 soldiers", MTA_SEV_MAJOR,
                       "test");
  char *out = S_render(r, MTA_FORMAT_TEXT, 0);
  const char *q = strstr(out, "= source: \"");
  ck_assert_ptr_nonnull(q);
  q += strlen("= source: \"");
  const char *e = strchr(q, '\n');
  ck_assert_ptr_nonnull(e);
  size_t cps = mtai_utf8_count(q, (size_t)(e - q));
  ck_assert_msg(cps <= 160 + 8 && cps >= 150, "quote of %zu code points", cps);
  ck_assert(!strncmp(q, "…", strlen("…")));
  ck_assert(!strncmp(e - strlen("…\""), "…\"", strlen("…\"")));
  ck_assert_ptr_nonnull(strstr(q, "had lost \\x1b[31m 12,000 soldiers in"));
  ck_assert_ptr_null(strchr(out, '\033'));
  mta_free(out);
  mta_report_free(r);
  /* A hard-wrapped source: its line breaks quoted as spaces. */
  r = test_audit_source("de.txt", test_pair_de, "en.txt",
                        "Pentagon to send more weapons to Ukraine\n\n"
                        "The Pentagon will send $4.5 billion\r\nin new "
                        "military aid to Ukraine,\nofficials said on "
                        "September 28.\n\nDefense Secretary Lloyd Austin "
                        "said the package includes 20 artillery systems and "
                        "1,000 drones.\n\n\"We will stand with Ukraine for "
                        "as long as it takes,\" Austin told reporters in "
                        "Washington.\n");
  test_add_src_finding(r, "4,5 Milliarden Dollar", "$4.5 billion",
                       MTA_SEV_MAJOR, "test");
  out = S_render(r, MTA_FORMAT_TEXT, 0);
  ck_assert_ptr_nonnull(
      strstr(out, "= source: \"The Pentagon will send $4.5 billion in new "
                  "military aid to Ukraine, officials said on September "
                  "28.\"\n"));
  ck_assert_ptr_null(strchr(out, '\033'));
  mta_free(out);
  mta_report_free(r);
  mtai_buf_free(&en);
  mtai_buf_free(&de);
}
END_TEST

/* ---- arguments ---------------------------------------------------------- */

START_TEST(render_rejects_invalid_arguments) {
  mta_report *r = S_audit(S_two_paras);
  char sentinel; /* '*out' must be reset on failure */
  char *out = &sentinel;
  ck_assert_int_eq(mta_render(NULL, MTA_FORMAT_JSON, NULL, &out),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(out);
  out = &sentinel;
  ck_assert_int_eq(mta_render(r, (mta_format)99, NULL, &out),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(mta_render(r, (mta_format)-1, NULL, &out),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_render(r, MTA_FORMAT_JSON, NULL, NULL),
                   MTA_ERR_INVALID_ARG);
  mta_report_free(r);
}
END_TEST

START_TEST(writer_rejects_invalid_arguments) {
  mta_report *r = S_audit(S_two_paras);
  FILE *fp = tmpfile();
  ck_assert_ptr_nonnull(fp);
  char sentinel; /* '*out' must be reset on failure */
  mta_writer *w = (mta_writer *)&sentinel;
  ck_assert_int_eq(mta_writer_new((mta_format)99, NULL, fp, &w),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(w);
  w = (mta_writer *)&sentinel;
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, NULL, &w),
                   MTA_ERR_INVALID_ARG);
  ck_assert_ptr_null(w);
  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, NULL),
                   MTA_ERR_INVALID_ARG);

  ck_assert_int_eq(mta_writer_add(NULL, r), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_add_error(NULL, "x", MTA_ERR_IO, "m"),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_finish(NULL), MTA_ERR_INVALID_ARG);
  mta_writer_free(NULL);

  ck_assert_int_eq(mta_writer_new(MTA_FORMAT_JSON, NULL, fp, &w), MTA_OK);
  ck_assert_int_eq(mta_writer_add(w, NULL), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_add_error(w, NULL, MTA_ERR_IO, "m"),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_finish(w), MTA_OK);
  /* Finished: nothing more may be written. */
  ck_assert_int_eq(mta_writer_add(w, r), MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_add_error(w, "x", MTA_ERR_IO, "m"),
                   MTA_ERR_INVALID_ARG);
  ck_assert_int_eq(mta_writer_finish(w), MTA_ERR_INVALID_ARG);
  mta_writer_free(w);
  char *out = S_slurp(fp);
  fclose(fp);
  struct tj root;
  S_parse(out, &root); /* still one complete, valid document */
  ck_assert_uint_eq(S_arr(&root, "documents")->n, 0);
  tj_free(&root);
  free(out);
  mta_report_free(r);
}
END_TEST

Suite *render_suite(void) {
  Suite *s = suite_create("render");
  TCase *tc = tcase_create("validator");
  tcase_add_test(tc, validator_accepts_json);
  tcase_add_test(tc, validator_rejects_invalid_json);
  tcase_add_test(tc, validator_decodes_strings);
  suite_add_tcase(s, tc);
  tc = tcase_create("json");
  tcase_add_test(tc, json_has_documented_keys);
  tcase_add_test(tc, json_reports_failed_gate);
  tcase_add_test(tc, json_escapes_hostile_text);
  tcase_add_test(tc, json_replaces_invalid_utf8_in_name);
  tcase_add_test(tc, jsonl_is_one_object_per_line);
  suite_add_tcase(s, tc);
  tc = tcase_create("text");
  tcase_add_test(tc, text_has_compiler_style_lines);
  tcase_add_test(tc, text_color_only_when_asked);
  tcase_add_test(tc, text_no_excerpt_flag);
  tcase_add_test(tc, text_excerpt_shows_control_characters);
  tcase_add_test(tc, text_shows_hostile_name_and_bidi_controls);
  suite_add_tcase(s, tc);
  tc = tcase_create("source");
  tcase_add_test(tc, json_source_members);
  tcase_add_test(tc, json_source_not_used);
  tcase_add_test(tc, json_without_source_has_no_source_members);
  tcase_add_test(tc, sarif_source_span_is_a_related_location);
  tcase_add_test(tc, text_quotes_the_source_sentence);
  tcase_add_test(tc, text_source_not_used_says_why);
  tcase_add_test(tc, text_source_quote_is_trimmed_and_visible);
  suite_add_tcase(s, tc);
  tc = tcase_create("writer");
  tcase_add_test(tc, writer_json_batch);
  tcase_add_test(tc, writer_json_empty_batch);
  tcase_add_test(tc, writer_error_without_message);
  tcase_add_test(tc, writer_jsonl_lines);
  tcase_add_test(tc, writer_text_summary);
  tcase_add_test(tc, writer_no_gate_and_no_score);
  tcase_add_test(tc, writer_reports_stream_failure);
  tcase_add_test(tc, writer_text_summary_of_errors_only);
  tcase_add_test(tc, writer_stream_failure_names_the_reason);
  suite_add_tcase(s, tc);
  tc = tcase_create("writer-path");
  tcase_add_test(tc, writer_path_replaces_only_when_finished);
  tcase_add_test(tc, writer_path_keeps_symlink_and_honours_umask);
  tcase_add_test(tc, writer_path_writes_into_fifo);
  tcase_add_test(tc, writer_path_full_device_is_written_not_replaced);
  tcase_add_test(tc, writer_path_failures_name_path_and_reason);
  suite_add_tcase(s, tc);
  tc = tcase_create("arguments");
  tcase_add_test(tc, render_rejects_invalid_arguments);
  tcase_add_test(tc, writer_rejects_invalid_arguments);
  suite_add_tcase(s, tc);
  return s;
}
