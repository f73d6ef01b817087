/*
 * Output sink and escaping, shared by every renderer. A sink writes either
 * to a FILE * or to an mta_buf; after the first failure it drops further
 * output and remembers the failure. All escaping lives here.
 */
#ifndef MTAUDIT_EMIT_H
#define MTAUDIT_EMIT_H

#include <stdio.h>

#include "internal.h"

struct mtai_sink {
  FILE *fp;            /* one of fp ... */
  struct mta_buf *buf; /* ... or buf */
  mta_status status;   /* first failure, or MTA_OK */
  size_t results;      /* list items written so far (for separators) */
};

void mtai_sink_write(struct mtai_sink *s, const char *p, size_t n);
void mtai_sink_puts(struct mtai_sink *s, const char *str);
void mtai_sink_printf(struct mtai_sink *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Writes s[0..n) as a JSON string with quotes. Control characters are
 * escaped, and bytes that are not well-formed UTF-8 become U+FFFD, so the
 * output is valid JSON whatever the input. */
void mtai_sink_json_str(struct mtai_sink *s, const char *str, size_t n);
/* Same for a NUL-terminated string; NULL writes null. */
void mtai_sink_json_cstr(struct mtai_sink *s, const char *str);
/* Writes s[0..n) as HTML text, safe both between tags and inside a quoted
 * attribute value: & < > " ' become references, bytes that are not
 * well-formed UTF-8 and control characters other than tab, LF and CR (C0,
 * DEL, C1) become U+FFFD, so the page stays well-formed whatever the
 * input. */
void mtai_sink_html_str(struct mtai_sink *s, const char *str, size_t n);
/* Writes 'str' as one CSV field (RFC 4180): quoted when it holds a comma,
 * quote, CR or LF, with quotes doubled; a leading = + - @ is prefixed with
 * an apostrophe so that spreadsheets do not run it as a formula. Invalid
 * UTF-8 becomes U+FFFD. */
void mtai_sink_csv_str(struct mtai_sink *s, const char *str);
/* Formats a score with one decimal, rounded half up, locale-independent
 * ("91.3"); NaN and out-of-range values are clamped to [0, 100]. Text and
 * JSON both use it, so they always agree. */
void mtai_format_score(char out[16], double v);
/* Writes mtai_format_score(v). */
void mtai_sink_score(struct mtai_sink *s, double v);

/* Per-document row kept by a writer for the batch summary. */
struct mtai_row {
  char *name;
  size_t words;
  double score;
  int passed;
  size_t counts[3];             /* findings by mta_severity */
  size_t cats[MTAI_CAT__COUNT]; /* findings by category */
  char *page; /* HTML output: the article page's file name, else NULL */
};

/* Fills 'row' from report 'r': counts by severity and category; 'name'
 * is borrowed from the report, 'page' NULL. */
void mtai_row_of(struct mtai_row *row, const struct mta_report *r);

struct mtai_error_row {
  char *name;
  mta_status status;
  char *message;
};

struct mtai_batch {
  size_t ndocs; /* documents written */
  /* Rows for a summary table or index (text and HTML only: a JSON Lines
   * stream keeps no per-document state, so memory stays bounded). */
  struct mtai_row *rows;
  size_t nrows, caprows;
  struct mtai_error_row *errors;
  size_t nerrors, caperrors;
  size_t failed;
};

/* A renderer walks reports; it never changes them. */
struct mtai_renderer {
  void (*begin)(struct mtai_sink *s, const mta_render_options *ro);
  void (*document)(struct mtai_sink *s, const struct mta_report *r,
                   const mta_render_options *ro, size_t index);
  void (*error)(struct mtai_sink *s, const struct mtai_error_row *e,
                const mta_render_options *ro, size_t index);
  void (*end)(struct mtai_sink *s, const struct mtai_batch *b,
              const mta_render_options *ro);
};

extern const struct mtai_renderer mtai_render_text;
extern const struct mtai_renderer mtai_render_json;
extern const struct mtai_renderer mtai_render_jsonl;
extern const struct mtai_renderer mtai_render_sarif;
extern const struct mtai_renderer mtai_render_csv;
/* render_html.c: 'document' writes one complete, self-contained page for
 * the article (begin and end do nothing); mtai_html_index() writes the
 * index page of a batch, linking every row's 'page'. */
extern const struct mtai_renderer mtai_render_html;
void mtai_html_index(struct mtai_sink *s, const struct mtai_batch *b,
                     const mta_render_options *ro);

/* Short lower-case name of a status for machine-readable output. */
const char *mtai_status_key(mta_status st);

#endif
