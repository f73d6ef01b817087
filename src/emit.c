/*
 * Output sink and the one place where output escaping happens.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "i18n.h"

void mtai_sink_init(struct mtai_sink *s, FILE *fp, struct mta_buf *buf) {
  memset(s, 0, sizeof *s);
  s->fp = fp;
  s->buf = fp ? NULL : buf;
  s->status = MTA_OK;
}

/* The errno of a failed fwrite() is kept for the error message ("No space
 * left on device"); EIO when the C library set none. */
void mtai_sink_write(struct mtai_sink *s, const char *p, size_t n) {
  if (s->status || !n)
    return;
  if (s->buf) {
    s->status = mtai_buf_add(s->buf, p, n);
    return;
  }
  errno = 0;
  if (fwrite(p, 1, n, s->fp) != n) {
    s->err = errno ? errno : EIO;
    s->status = MTA_ERR_IO;
  }
}

void mtai_sink_puts(struct mtai_sink *s, const char *str) {
  mtai_sink_write(s, str, strlen(str));
}

void mtai_sink_key_zu(struct mtai_sink *s, const char *str, size_t v) {
  char buf[64];
  size_t n = strlen(str);
  if (n > sizeof buf - 24) {
    mtai_sink_write(s, str, n);
    n = 0;
  } else {
    memcpy(buf, str, n);
  }
  char dig[24];
  size_t k = sizeof dig;
  do {
    dig[--k] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  memcpy(buf + n, dig + k, sizeof dig - k);
  mtai_sink_write(s, buf, n + sizeof dig - k);
}

void mtai_sink_printf(struct mtai_sink *s, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    s->status = MTA_ERR_INVALID_ARG;
    return;
  }
  if ((size_t)n < sizeof small) {
    mtai_sink_write(s, small, (size_t)n);
    return;
  }
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  va_start(ap, fmt);
  mta_status st = mtai_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  if (st)
    s->status = st;
  else
    mtai_sink_write(s, mtai_buf_str(&b), mtai_buf_len(&b));
  mtai_buf_free(&b);
}

/* Code points that a reader must see rather than have obeyed: C1
 * controls, the line and paragraph separators (a new line to some
 * terminals and log viewers) and the bidi controls (Trojan Source:
 * ALM, LRM, RLM, LRE..RLO, LRI..PDI). */
static int S_hidden(int32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
         cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int S_bidi(int32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Same run-and-escape loop as mtai_sink_json_str(); escapes are plain
 * ASCII, one column per byte. */
size_t mtai_sink_display(struct mtai_sink *s, const char *str, size_t n) {
  size_t cols = 0;
  size_t run = 0; /* start of a run of bytes written as they are */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)str[i];
    char tmp[24];
    const char *esc = NULL;
    size_t step = 1;
    if (c == '\t')
      esc = "\\t";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\r')
      esc = "\\r";
    else if (c < 0x20 || c == 0x7F) {
      snprintf(tmp, sizeof tmp, "\\x%02x", c);
      esc = tmp;
    } else if (c >= 0x80) {
      size_t k = i;
      int32_t cp = mtai_utf8_next(str, n, &k);
      step = k - i;
      if (cp == 0xFFFD && !mtai_utf8_valid(str + i, step, NULL)) {
        size_t m = 0; /* an ill-formed sequence: at most 4 bytes */
        for (size_t j = 0; j < step && j < 4; j++)
          m += (size_t)snprintf(tmp + m, sizeof tmp - m, "\\x%02x",
                                (unsigned char)str[i + j]);
        esc = tmp;
      } else if (S_hidden(cp)) {
        snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
        esc = tmp;
      }
    }
    if (esc) {
      mtai_sink_write(s, str + run, i - run);
      mtai_sink_puts(s, esc);
      cols += strlen(esc);
      run = i + step;
    } else {
      cols++;
    }
    i += step;
  }
  mtai_sink_write(s, str + run, n - run);
  return cols;
}

size_t mtai_sink_display_cstr(struct mtai_sink *s, const char *str) {
  return str ? mtai_sink_display(s, str, strlen(str)) : 0;
}

/* mtai_sink_display() of 'str' into a new buffer 'b'; MTA_OK or the
 * buffer's failure. */
static mta_status S_display_buf(const char *str, size_t n, struct mta_buf *b) {
  struct mtai_sink t;
  mtai_buf_init(b, 0);
  mtai_sink_init(&t, NULL, b);
  mtai_sink_display(&t, str, n);
  return t.status;
}

void mtai_sink_html_display(struct mtai_sink *s, const char *str) {
  if (!str || s->status)
    return;
  struct mta_buf b;
  mta_status st = S_display_buf(str, strlen(str), &b);
  if (st)
    s->status = st;
  else
    mtai_sink_html_str(s, mtai_buf_str(&b), mtai_buf_len(&b));
  mtai_buf_free(&b);
}

mta_status mta_display_escape(const char *str, char **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!str)
    return MTA_ERR_INVALID_ARG;
  struct mta_buf b;
  mta_status st = S_display_buf(str, strlen(str), &b);
  if (st) {
    mtai_buf_free(&b);
    return st;
  }
  *out = mtai_buf_detach(&b);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

/* The formula guard looks at the field as given: spreadsheets skip
 * leading blanks before '=' (" =1+1", "\t=1+1"), and OWASP lists a
 * leading tab or CR as formula starters too. The visible form of the
 * field is then quoted. */
void mtai_sink_csv_str(struct mtai_sink *s, const char *str) {
  size_t n = str ? strlen(str) : 0;
  if (!n || s->status)
    return;
  size_t k = 0;
  while (k < n && strchr(" \t\r\n\v\f", str[k]))
    k++;
  int formula =
      str[0] == '\t' || str[0] == '\r' || (k < n && strchr("=+-@", str[k]));
  struct mta_buf b;
  mta_status st = S_display_buf(str, n, &b);
  if (st) {
    s->status = st;
    mtai_buf_free(&b);
    return;
  }
  const char *v = mtai_buf_str(&b);
  size_t vn = mtai_buf_len(&b);
  int quote = strpbrk(v, ",\"\r\n") != NULL;
  if (quote)
    mtai_sink_write(s, "\"", 1);
  if (formula)
    mtai_sink_write(s, "'", 1);
  size_t run = 0;
  for (size_t i = 0; i < vn; i++)
    if (v[i] == '"') {
      mtai_sink_write(s, v + run, i + 1 - run); /* the quote, then again */
      run = i;
    }
  mtai_sink_write(s, v + run, vn - run);
  if (quote)
    mtai_sink_write(s, "\"", 1);
  mtai_buf_free(&b);
}

void mtai_sink_json_str(struct mtai_sink *s, const char *str, size_t n) {
  mtai_sink_write(s, "\"", 1);
  size_t run = 0; /* start of a run of bytes that need no escaping */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)str[i];
    const char *esc = NULL;
    char tmp[8];
    size_t step = 1;
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      i++; /* printable ASCII, as is */
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
        ((unsigned char)str[i + 1] & 0xC0) == 0x80) {
      i += 2; /* a well-formed 2-byte character: U+0080..U+07FF, as is */
      continue;
    }
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\r')
      esc = "\\r";
    else if (c == '\t')
      esc = "\\t";
    else if (c < 0x20 || c == 0x7F) {
      snprintf(tmp, sizeof tmp, "\\u%04x", c);
      esc = tmp;
    } else if (c >= 0x80) {
      size_t bad;
      size_t k = i;
      int32_t cp = mtai_utf8_next(str, n, &k);
      step = k - i;
      if (cp == 0xFFFD && !mtai_utf8_valid(str + i, step, &bad))
        esc = "\\ufffd";
      else if (cp == 0x2028 || cp == 0x2029) {
        snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        esc = tmp;
      }
    }
    if (esc) {
      mtai_sink_write(s, str + run, i - run);
      mtai_sink_puts(s, esc);
      run = i + step;
    }
    i += step;
  }
  mtai_sink_write(s, str + run, n - run);
  mtai_sink_write(s, "\"", 1);
}

/* Same run-and-escape loop as mtai_sink_json_str(). A literal U+FFFD in
 * the input is well-formed and kept; C1 controls (U+0080..U+009F) are
 * valid UTF-8 but HTML parse errors, so they are replaced too. Bidi
 * controls would reorder the text around them (and the highlighted
 * spans): they are shown as text instead. */
void mtai_sink_html_str(struct mtai_sink *s, const char *str, size_t n) {
  static const char repl[] = "\xEF\xBF\xBD"; /* U+FFFD */
  size_t run = 0; /* start of a run of bytes that need no escaping */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)str[i];
    const char *esc = NULL;
    char tmp[24];
    size_t step = 1;
    if (c == '&')
      esc = "&amp;";
    else if (c == '<')
      esc = "&lt;";
    else if (c == '>')
      esc = "&gt;";
    else if (c == '"')
      esc = "&quot;";
    else if (c == '\'')
      esc = "&#39;";
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      esc = repl;
    else if (c >= 0x80) {
      size_t bad;
      size_t k = i;
      int32_t cp = mtai_utf8_next(str, n, &k);
      step = k - i;
      if ((cp == 0xFFFD && !mtai_utf8_valid(str + i, step, &bad)) ||
          (cp >= 0x80 && cp <= 0x9F))
        esc = repl;
      else if (S_bidi(cp)) {
        snprintf(tmp, sizeof tmp, "&lt;U+%04X&gt;", (unsigned)cp);
        esc = tmp;
      }
    }
    if (esc) {
      mtai_sink_write(s, str + run, i - run);
      mtai_sink_puts(s, esc);
      run = i + step;
    }
    i += step;
  }
  mtai_sink_write(s, str + run, n - run);
}

void mtai_sink_data(struct mtai_sink *s, const char *name) {
  const char *data;
  size_t len;
  if (mtai_data_get(name, &data, &len))
    mtai_sink_write(s, data, len);
  else if (!s->status)
    s->status = MTA_ERR_DICT;
}

void mtai_sink_json_cstr(struct mtai_sink *s, const char *str) {
  if (!str)
    mtai_sink_puts(s, "null");
  else
    mtai_sink_json_str(s, str, strlen(str));
}

void mtai_format_score(char out[16], double v) {
  if (!(v >= 0.0)) /* also NaN */
    v = 0.0;
  if (v > 100.0)
    v = 100.0;
  unsigned tenths = (unsigned)(v * 10.0 + 0.5) % 10000u; /* <= 1000 */
  snprintf(out, 16, "%u.%u", tenths / 10, tenths % 10);
}

void mtai_sink_score(struct mtai_sink *s, double v) {
  char buf[16];
  mtai_format_score(buf, v);
  mtai_sink_puts(s, buf);
}

void mtai_decimal_ui(char *buf) {
  /* TRANSLATORS: the decimal separator of scores shown to readers (one
   * character: "," in German). */
  const char *sep = _(".");
  if (sep[0] == '.' || sep[0] == '\0' || sep[1] != '\0')
    return;
  char *dot = strchr(buf, '.');
  if (dot)
    *dot = sep[0];
}

void mtai_format_score_ui(char out[16], double v) {
  mtai_format_score(out, v);
  mtai_decimal_ui(out);
}

void mtai_sink_score_ui(struct mtai_sink *s, double v) {
  char buf[16];
  mtai_format_score_ui(buf, v);
  mtai_sink_puts(s, buf);
}
