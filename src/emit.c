/*
 * Output sink and the one place where output escaping happens.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"

void mtai_sink_write(struct mtai_sink *s, const char *p, size_t n) {
  if (s->status || !n)
    return;
  if (s->buf) {
    s->status = mtai_buf_add(s->buf, p, n);
  } else if (fwrite(p, 1, n, s->fp) != n) {
    s->status = MTA_ERR_IO;
  }
}

void mtai_sink_puts(struct mtai_sink *s, const char *str) {
  mtai_sink_write(s, str, strlen(str));
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

void mtai_sink_csv_str(struct mtai_sink *s, const char *str) {
  size_t n = str ? strlen(str) : 0;
  int quote = n && (strpbrk(str, ",\"\r\n") != NULL);
  int formula = n && strchr("=+-@", str[0]) != NULL;
  if (quote)
    mtai_sink_write(s, "\"", 1);
  if (formula)
    mtai_sink_write(s, "'", 1);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)str[i];
    if (c == '"') {
      mtai_sink_write(s, "\"\"", 2);
      i++;
    } else if (c >= 0x80) {
      size_t k = i, bad;
      int32_t cp = mtai_utf8_next(str, n, &k);
      if (cp == 0xFFFD && !mtai_utf8_valid(str + i, k - i, &bad))
        mtai_sink_puts(s, "\xEF\xBF\xBD");
      else
        mtai_sink_write(s, str + i, k - i);
      i = k;
    } else {
      mtai_sink_write(s, str + i, 1);
      i++;
    }
  }
  if (quote)
    mtai_sink_write(s, "\"", 1);
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
 * valid UTF-8 but HTML parse errors, so they are replaced too. */
void mtai_sink_html_str(struct mtai_sink *s, const char *str, size_t n) {
  static const char repl[] = "\xEF\xBF\xBD"; /* U+FFFD */
  size_t run = 0; /* start of a run of bytes that need no escaping */
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)str[i];
    const char *esc = NULL;
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

const char *mtai_status_key(mta_status st) {
  switch (st) {
  case MTA_OK:
    return "ok";
  case MTA_ERR_NOMEM:
    return "nomem";
  case MTA_ERR_IO:
    return "io";
  case MTA_ERR_ENCODING:
    return "encoding";
  case MTA_ERR_DICT:
    return "dict";
  case MTA_ERR_ICU:
    return "icu";
  case MTA_ERR_INVALID_ARG:
    return "invalid-argument";
  case MTA_ERR_BINARY:
    return "binary";
  case MTA_ERR_EMPTY:
    return "empty";
  case MTA_ERR_TOO_LARGE:
    return "too-large";
  case MTA_ERR_PARSE:
    return "parse";
  case MTA_STATUS_LAST:
    break;
  }
  return "unknown";
}
