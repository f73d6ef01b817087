/*
 * JSON Lines input records: a strict RFC 8259 parser for one line holding
 * one JSON object, {"id": ..., "text": "...", ...}.
 *
 * The parser is hand-written, recursive descent, and never reads past
 * 'len' (the line need not be NUL-terminated). What it accepts:
 *
 *  - exactly one object, with JSON whitespace (space, tab, LF, CR) around
 *    it, so a trailing "\r" of a CRLF file is fine; a byte-order mark, a
 *    second value or anything else after the object is an error;
 *  - member values of every JSON type, validated in full: numbers by the
 *    RFC grammar (no leading zeros, no "+1", ".5", "1.", NaN, Infinity),
 *    literals true/false/null in lower case, no trailing commas, no single
 *    quotes, no comments; objects and arrays nested at most MAX_DEPTH
 *    levels deep (the record itself is level 1), which also bounds the
 *    recursion;
 *  - strings: well-formed UTF-8 (ICU's definition, as in utf8.c: no
 *    overlong forms, no encoded surrogates), no raw control characters
 *    below U+0020, only the escapes of the RFC; \uXXXX pairs of a high and
 *    a low surrogate decode to one code point, while a lone surrogate is an
 *    error (not U+FFFD: it cannot be written as UTF-8, and silently
 *    replacing it would change the text we audit);
 *  - no duplicate keys in any object, keys compared after unescaping
 *    ("te\u0078t" is "text"): a consumer may keep either value, so a
 *    duplicate makes the record ambiguous.
 *
 * Of the record's members, "text" must be a string and is unescaped to
 * UTF-8 (\u0000 becomes a NUL byte, hence the separate length); "id" may
 * be any value and is kept as written; every other member is kept as
 * written ("key": value) for the writer to pass through.
 *
 * Errors name the first problem found left to right, with the 1-based byte
 * column where it is: "column 17: expected ':' after object key".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "i18n.h"

#define MAX_DEPTH 64
#define MAX_KEY_SHOWN 40 /* bytes of a key quoted in an error message */

struct mta_record {
  char *text; /* unescaped, NUL-terminated, may hold NUL bytes */
  size_t text_len;
  char *source; /* "source": the same, NULL when absent or null */
  size_t source_len;
  char *id;    /* source text of "id", NULL when absent */
  char *extra; /* "\"k\": v, ..." as written, "" when none */
};

/* What the top-level object collects; nested objects have none. */
struct S_members {
  struct mta_buf text, extra, source;
  int have_text, have_source;
  const char *id;
  size_t id_len;
  /* A member of the wrong type ("text": 5) is reported only once the
   * whole line has parsed, so that the "id" after it is still known. */
  size_t late_at;
  const char *late;
};

struct S_parser {
  const char *s;
  size_t n, pos;
  size_t err_at; /* byte offset of the error, when status is PARSE */
  char err[192];
};

static mta_status S_fail(struct S_parser *p, size_t at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Records a parse error at byte offset 'at' and returns MTA_ERR_PARSE. */
static mta_status S_fail(struct S_parser *p, size_t at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->err, sizeof p->err, fmt, ap);
  va_end(ap);
  p->err_at = at;
  return MTA_ERR_PARSE;
}

/* Describes what is at byte offset 'at' for an error message: "end of
 * line", "'x'", "U+00E4", "control character U+0009" or "invalid UTF-8
 * byte 0xC3". */
static const char *S_what(const struct S_parser *p, size_t at, char out[48]) {
  if (at >= p->n)
    return "end of line";
  unsigned char c = (unsigned char)p->s[at];
  if (c >= 0x21 && c < 0x7F) {
    snprintf(out, 48, "'%c'", c);
  } else if (c < 0x20 || c == 0x7F) {
    snprintf(out, 48, "control character U+%04X", (unsigned)c);
  } else if (c == ' ') {
    snprintf(out, 48, "' '");
  } else {
    size_t k = at;
    int32_t cp = mtai_utf8_next(p->s, p->n, &k);
    if (cp == 0xFFFD && !mtai_utf8_valid(p->s + at, k - at, NULL))
      snprintf(out, 48, "invalid UTF-8 byte 0x%02X", (unsigned)c);
    else
      snprintf(out, 48, "U+%04X", (unsigned)cp);
  }
  return out;
}

static int S_peek(const struct S_parser *p) {
  return p->pos < p->n ? (unsigned char)p->s[p->pos] : -1;
}

static void S_ws(struct S_parser *p) {
  while (p->pos < p->n) {
    char c = p->s[p->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      break;
    p->pos++;
  }
}

static int S_is_digit(int c) { return c >= '0' && c <= '9'; }

static int S_hex(int c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits of a \u escape whose backslash is at 'at'
 * into '*v'. */
static mta_status S_hex4(struct S_parser *p, size_t at, unsigned *v) {
  *v = 0;
  for (size_t i = at + 2; i < at + 6; i++) {
    int h = i < p->n ? S_hex((unsigned char)p->s[i]) : -1;
    if (h < 0)
      return S_fail(p, at, _("\\u must be followed by four hex digits"));
    *v = *v * 16 + (unsigned)h;
  }
  return MTA_OK;
}

/* Appends code point 'cp' (not a surrogate, <= U+10FFFF) as UTF-8. */
static mta_status S_put_utf8(struct mta_buf *out, unsigned cp) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | (cp >> 6));
    b[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  return mtai_buf_add(out, b, n);
}

/* Decodes the escape whose backslash is at p->pos, appending it to 'out'
 * when that is not NULL, and moves past it. A high surrogate must be
 * followed directly by a \u escape of a low one. */
static mta_status S_escape(struct S_parser *p, struct mta_buf *out) {
  size_t at = p->pos;
  if (at + 1 >= p->n)
    return S_fail(p, at, _("end of line inside an escape sequence"));
  char c = p->s[at + 1];
  const char *simple = NULL;
  switch (c) {
  case '"':
    simple = "\"";
    break;
  case '\\':
    simple = "\\";
    break;
  case '/':
    simple = "/";
    break;
  case 'b':
    simple = "\b";
    break;
  case 'f':
    simple = "\f";
    break;
  case 'n':
    simple = "\n";
    break;
  case 'r':
    simple = "\r";
    break;
  case 't':
    simple = "\t";
    break;
  case 'u':
    break;
  default: {
    char what[48];
    return S_fail(p, at, _("invalid escape: backslash before %s"),
                  S_what(p, at + 1, what));
  }
  }
  if (simple) {
    p->pos = at + 2;
    return out ? mtai_buf_add(out, simple, 1) : MTA_OK;
  }
  unsigned cp;
  mta_status st = S_hex4(p, at, &cp);
  if (st)
    return st;
  p->pos = at + 6;
  if (cp >= 0xDC00 && cp <= 0xDFFF)
    return S_fail(p, at,
                  _("lone surrogate \\u%04X (a low surrogate without a "
                    "high one before it)"),
                  cp);
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    unsigned lo = 0;
    int paired =
        p->pos + 1 < p->n && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u';
    if (paired) {
      st = S_hex4(p, p->pos, &lo);
      if (st)
        return st;
      paired = lo >= 0xDC00 && lo <= 0xDFFF;
    }
    if (!paired)
      return S_fail(p, at,
                    _("lone surrogate \\u%04X (a high surrogate not "
                      "followed by a low one)"),
                    cp);
    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    p->pos += 6;
  }
  return out ? S_put_utf8(out, cp) : MTA_OK;
}

/* Parses the string whose opening quote is at p->pos, appending its
 * unescaped contents to 'out' when that is not NULL. Runs of plain bytes
 * are copied in one piece. */
static mta_status S_string(struct S_parser *p, struct mta_buf *out) {
  size_t start = p->pos++;
  size_t run = p->pos; /* start of the bytes not yet copied */
  mta_status st;
  for (;;) {
    if (p->pos >= p->n)
      return S_fail(
          p, p->n, _("end of line inside the string that starts at column %zu"),
          start + 1);
    unsigned char c = (unsigned char)p->s[p->pos];
    if (c == '"' || c == '\\') {
      if (out && (st = mtai_buf_add(out, p->s + run, p->pos - run)))
        return st;
      if (c == '"') {
        p->pos++;
        return MTA_OK;
      }
      if ((st = S_escape(p, out)))
        return st;
      run = p->pos;
    } else if (c < 0x20) {
      return S_fail(p, p->pos,
                    _("unescaped control character U+%04X in a string"),
                    (unsigned)c);
    } else if (c >= 0x80) {
      size_t k = p->pos;
      int32_t cp = mtai_utf8_next(p->s, p->n, &k);
      if (cp == 0xFFFD && !mtai_utf8_valid(p->s + p->pos, k - p->pos, NULL))
        return S_fail(p, p->pos, _("invalid UTF-8 byte 0x%02X in a string"),
                      (unsigned)c);
      p->pos = k;
    } else {
      p->pos++;
    }
  }
}

/* Parses a number by the RFC grammar:
 *   -? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?
 * What follows it is the caller's business ("1x" fails there). */
static mta_status S_number(struct S_parser *p) {
  char what[48];
  if (S_peek(p) == '-')
    p->pos++;
  if (!S_is_digit(S_peek(p)))
    return S_fail(p, p->pos, _("expected a digit in a number, found %s"),
                  S_what(p, p->pos, what));
  if (S_peek(p) == '0') {
    p->pos++;
    if (S_is_digit(S_peek(p)))
      return S_fail(p, p->pos - 1, _("leading zero in a number"));
  } else {
    while (S_is_digit(S_peek(p)))
      p->pos++;
  }
  if (S_peek(p) == '.') {
    p->pos++;
    if (!S_is_digit(S_peek(p)))
      return S_fail(p, p->pos, _("expected a digit after '.', found %s"),
                    S_what(p, p->pos, what));
    while (S_is_digit(S_peek(p)))
      p->pos++;
  }
  if (S_peek(p) == 'e' || S_peek(p) == 'E') {
    p->pos++;
    if (S_peek(p) == '+' || S_peek(p) == '-')
      p->pos++;
    if (!S_is_digit(S_peek(p)))
      return S_fail(p, p->pos, _("expected a digit in an exponent, found %s"),
                    S_what(p, p->pos, what));
    while (S_is_digit(S_peek(p)))
      p->pos++;
  }
  return MTA_OK;
}

static mta_status S_literal(struct S_parser *p, const char *word) {
  size_t n = strlen(word);
  if (p->n - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
    return S_fail(p, p->pos, _("invalid literal (expected '%s')"), word);
  p->pos += n;
  return MTA_OK;
}

static mta_status S_object(struct S_parser *p, int depth,
                           struct S_members *top);
static mta_status S_array(struct S_parser *p, int depth);

/* Parses the value at p->pos; 'depth' is the nesting level of the object
 * or array holding it. */
static mta_status S_value(struct S_parser *p, int depth) {
  char what[48];
  switch (S_peek(p)) {
  case '{':
    return S_object(p, depth + 1, NULL);
  case '[':
    return S_array(p, depth + 1);
  case '"':
    return S_string(p, NULL);
  case 't':
    return S_literal(p, "true");
  case 'f':
    return S_literal(p, "false");
  case 'n':
    return S_literal(p, "null");
  case '-':
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7':
  case '8':
  case '9':
    return S_number(p);
  case '\'':
    return S_fail(p, p->pos,
                  _("expected a value, found \"'\" (JSON strings "
                    "take double quotes)"));
  default:
    return S_fail(p, p->pos, _("expected a value, found %s"),
                  S_what(p, p->pos, what));
  }
}

static mta_status S_too_deep(struct S_parser *p) {
  return S_fail(p, p->pos, _("objects and arrays nested more than %d deep"),
                MAX_DEPTH);
}

/* Parses the array whose '[' is at p->pos. */
static mta_status S_array(struct S_parser *p, int depth) {
  char what[48];
  if (depth > MAX_DEPTH)
    return S_too_deep(p);
  p->pos++;
  S_ws(p);
  if (S_peek(p) == ']') {
    p->pos++;
    return MTA_OK;
  }
  for (;;) {
    mta_status st = S_value(p, depth);
    if (st)
      return st;
    S_ws(p);
    int c = S_peek(p);
    if (c == ']') {
      p->pos++;
      return MTA_OK;
    }
    if (c != ',')
      return S_fail(p, p->pos,
                    _("expected ',' or ']' after an array element, found %s"),
                    S_what(p, p->pos, what));
    size_t comma = p->pos++;
    S_ws(p);
    if (S_peek(p) == ']')
      return S_fail(p, comma, _("trailing comma before ']'"));
  }
}

/* Copies a key's source text (between its quotes) into 'out' for an error
 * message, cut at a character boundary after MAX_KEY_SHOWN bytes. The
 * source has no raw control characters (the string parsed), so the message
 * stays one line. */
static void S_key_shown(const struct S_parser *p, size_t from, size_t to,
                        char out[MAX_KEY_SHOWN + 8]) {
  size_t n = to - from;
  const char *dots = "";
  if (n > MAX_KEY_SHOWN) {
    n = MAX_KEY_SHOWN;
    while (n && ((unsigned char)p->s[from + n] & 0xC0) == 0x80)
      n--;
    dots = "...";
  }
  memcpy(out, p->s + from, n);
  strcpy(out + n, dots);
}

/* Handles one member of the record (the top-level object): "text" must be
 * a string and is unescaped, "id" is remembered as written, and any other
 * member is appended to the pass-through text. 'key' is the unescaped
 * key, [ks, ke) its source with quotes. */
static mta_status S_record_member(struct S_parser *p, struct S_members *top,
                                  const struct mta_buf *key, size_t ks,
                                  size_t ke) {
  const char *k = mtai_buf_str(key);
  size_t kn = mtai_buf_len(key);
  size_t vs = p->pos;
  mta_status st;
  if (kn == 4 && !memcmp(k, "text", 4)) {
    if (S_peek(p) != '"') {
      /* Report the type unless the value is not JSON at all. */
      if ((st = S_value(p, 1)))
        return st;
      if (!top->late) {
        top->late = "\"text\" is not a string";
        top->late_at = vs;
      }
      top->have_text = 1;
      return MTA_OK;
    }
    top->have_text = 1;
    return S_string(p, &top->text);
  }
  /* "source": the English original (source-aware mode); null is none. */
  if (kn == 6 && !memcmp(k, "source", 6) && S_peek(p) == '"') {
    top->have_source = 1;
    return S_string(p, &top->source);
  }
  if ((st = S_value(p, 1)))
    return st;
  if (kn == 6 && !memcmp(k, "source", 6)) {
    if (p->pos - vs == 4 && !memcmp(p->s + vs, "null", 4))
      return MTA_OK;
    if (!top->late) {
      top->late = "\"source\" is not a string";
      top->late_at = vs;
    }
    return MTA_OK;
  }
  if (kn == 2 && !memcmp(k, "id", 2)) {
    top->id = p->s + vs;
    top->id_len = p->pos - vs;
    return MTA_OK;
  }
  if (mtai_buf_len(&top->extra) && (st = mtai_buf_puts(&top->extra, ", ")))
    return st;
  if ((st = mtai_buf_add(&top->extra, p->s + ks, ke - ks)) ||
      (st = mtai_buf_puts(&top->extra, ": ")) ||
      (st = mtai_buf_add(&top->extra, p->s + vs, p->pos - vs)))
    return st;
  return MTA_OK;
}

/* Parses the object whose '{' is at p->pos; 'top' is non-NULL for the
 * record itself. Keys are unescaped into a scratch buffer and kept in a
 * set to find duplicates. */
static mta_status S_object(struct S_parser *p, int depth,
                           struct S_members *top) {
  char what[48];
  if (depth > MAX_DEPTH)
    return S_too_deep(p);
  struct mta_buf key;
  struct mtai_strset seen;
  mtai_buf_init(&key, 0);
  mtai_strset_init(&seen);
  mta_status st = MTA_OK;
  p->pos++;
  S_ws(p);
  if (S_peek(p) == '}') {
    p->pos++;
    goto done;
  }
  for (;;) {
    int c = S_peek(p);
    if (c != '"') {
      if (c == '\'')
        st = S_fail(p, p->pos,
                    _("expected '\"' to start an object key, found "
                      "\"'\" (JSON strings take double quotes)"));
      else
        st = S_fail(p, p->pos,
                    _("expected '\"' to start an object key, found %s"),
                    S_what(p, p->pos, what));
      goto done;
    }
    size_t ks = p->pos;
    mtai_buf_reset(&key);
    if ((st = S_string(p, &key)))
      goto done;
    size_t ke = p->pos;
    if (mtai_strset_has(&seen, mtai_buf_str(&key), mtai_buf_len(&key))) {
      char shown[MAX_KEY_SHOWN + 8];
      S_key_shown(p, ks + 1, ke - 1, shown);
      st = S_fail(p, ks, _("duplicate key \"%s\""), shown);
      goto done;
    }
    if ((st = mtai_strset_add(&seen, mtai_buf_str(&key), mtai_buf_len(&key))))
      goto done;
    S_ws(p);
    if (S_peek(p) != ':') {
      st = S_fail(p, p->pos, _("expected ':' after object key, found %s"),
                  S_what(p, p->pos, what));
      goto done;
    }
    p->pos++;
    S_ws(p);
    st = top ? S_record_member(p, top, &key, ks, ke) : S_value(p, depth);
    if (st)
      goto done;
    S_ws(p);
    c = S_peek(p);
    if (c == '}') {
      p->pos++;
      goto done;
    }
    if (c != ',') {
      st = S_fail(p, p->pos,
                  _("expected ',' or '}' after an object member, found %s"),
                  S_what(p, p->pos, what));
      goto done;
    }
    size_t comma = p->pos++;
    S_ws(p);
    if (S_peek(p) == '}') {
      st = S_fail(p, comma, _("trailing comma before '}'"));
      goto done;
    }
  }
done:
  mtai_buf_free(&key);
  mtai_strset_free(&seen);
  return st;
}

/* Parses the whole line into 'top'. */
static mta_status S_line(struct S_parser *p, struct S_members *top) {
  char what[48];
  S_ws(p);
  if (p->pos >= p->n)
    return S_fail(p, p->pos, _("empty line (expected a JSON object)"));
  if (p->n - p->pos >= 3 && !memcmp(p->s + p->pos, "\xEF\xBB\xBF", 3))
    return S_fail(p, p->pos, _("byte order mark (U+FEFF) before the object"));
  if (S_peek(p) != '{')
    return S_fail(p, p->pos, _("expected a JSON object ('{'), found %s"),
                  S_what(p, p->pos, what));
  size_t start = p->pos;
  mta_status st = S_object(p, 1, top);
  if (st)
    return st;
  S_ws(p);
  if (p->pos < p->n)
    return S_fail(p, p->pos, _("%s after the object (one object per line)"),
                  S_what(p, p->pos, what));
  if (top->late)
    return S_fail(p, top->late_at, "%s", top->late);
  if (!top->have_text)
    return S_fail(p, start, _("missing \"text\""));
  return MTA_OK;
}

static char *S_strndup(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

/* On MTA_ERR_PARSE '*errmsg' (when asked for) gets "column C: what"; on
 * every other status it is NULL. A message that cannot be allocated turns
 * the status into MTA_ERR_NOMEM. */
MTA_EXPORT mta_status mta_record_parse(const char *line, size_t len,
                                       mta_record **out, char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!line && len)
    return MTA_ERR_INVALID_ARG;
  struct S_parser p = {line ? line : "", len, 0, 0, ""};
  struct S_members top;
  memset(&top, 0, sizeof top);
  mtai_buf_init(&top.text, 0);
  mtai_buf_init(&top.extra, 0);
  mtai_buf_init(&top.source, 0);
  mta_status st = S_line(&p, &top);
  mta_record *rec = NULL;
  if (!st) {
    rec = calloc(1, sizeof *rec);
    if (rec) {
      rec->text_len = mtai_buf_len(&top.text);
      rec->text = mtai_buf_detach(&top.text);
      rec->extra = mtai_buf_detach(&top.extra);
      if (top.id)
        rec->id = S_strndup(top.id, top.id_len);
      if (top.have_source) {
        rec->source_len = mtai_buf_len(&top.source);
        rec->source = mtai_buf_detach(&top.source);
      }
    }
    if (!rec || !rec->text || !rec->extra || (top.id && !rec->id) ||
        (top.have_source && !rec->source)) {
      mta_record_free(rec);
      rec = NULL;
      st = MTA_ERR_NOMEM;
    }
  } else if (st == MTA_ERR_PARSE && errmsg) {
    size_t n = strlen(p.err) + 32;
    *errmsg = malloc(n);
    if (*errmsg)
      snprintf(*errmsg, n, "column %zu: %s", p.err_at + 1, p.err);
    else
      st = MTA_ERR_NOMEM;
  }
  mtai_buf_free(&top.text);
  mtai_buf_free(&top.extra);
  mtai_buf_free(&top.source);
  *out = rec;
  return st;
}

/* The line is parsed again (only failed lines are): the id is kept when
 * the parser got past it, whatever failed later. */
MTA_EXPORT char *mta_record_parse_id(const char *line, size_t len) {
  if (!line)
    return NULL;
  struct S_parser p = {line, len, 0, 0, ""};
  struct S_members top;
  memset(&top, 0, sizeof top);
  mtai_buf_init(&top.text, 0);
  mtai_buf_init(&top.extra, 0);
  mtai_buf_init(&top.source, 0);
  (void)S_line(&p, &top);
  char *id = top.id ? S_strndup(top.id, top.id_len) : NULL;
  mtai_buf_free(&top.text);
  mtai_buf_free(&top.extra);
  mtai_buf_free(&top.source);
  return id;
}

MTA_EXPORT const char *mta_record_text(const mta_record *rec, size_t *len) {
  if (len)
    *len = rec ? rec->text_len : 0;
  return rec ? rec->text : NULL;
}

MTA_EXPORT const char *mta_record_source(const mta_record *rec, size_t *len) {
  if (len)
    *len = rec && rec->source ? rec->source_len : 0;
  return rec ? rec->source : NULL;
}

MTA_EXPORT const char *mta_record_id(const mta_record *rec) {
  return rec ? rec->id : NULL;
}

MTA_EXPORT const char *mta_record_extra(const mta_record *rec) {
  return rec ? rec->extra : NULL;
}

MTA_EXPORT void mta_record_free(mta_record *rec) {
  if (!rec)
    return;
  free(rec->text);
  free(rec->source);
  free(rec->id);
  free(rec->extra);
  free(rec);
}
