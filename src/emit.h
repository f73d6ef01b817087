/*
 * Output sink and escaping, shared by every renderer. A sink writes either
 * to a FILE * or to an mta_buf; after the first failure it drops further
 * output and remembers the failure. All escaping lives here.
 */
#ifndef MTAUDIT_EMIT_H
#define MTAUDIT_EMIT_H

#include <stdio.h>
#include <time.h>

#include "bitext.h"
#include "internal.h"
#include "status.h"

struct mtai_sink {
  FILE *fp;            /* one of fp ... */
  struct mta_buf *buf; /* ... or buf */
  mta_status status;   /* first failure, or MTA_OK */
  size_t results;      /* list items written so far (for separators) */
  int err;             /* errno of the first failed write to fp, or 0 */
};

/* Initializes a sink writing to 'fp' or, when 'fp' is NULL, to 'buf'. */
void mtai_sink_init(struct mtai_sink *s, FILE *fp, struct mta_buf *buf);

void mtai_sink_write(struct mtai_sink *s, const char *p, size_t n);
void mtai_sink_puts(struct mtai_sink *s, const char *str);
/* Writes 'str', then 'v' in decimal (printf's "%s%zu" without the
 * format parsing: the JSON renderers write a few per paragraph and
 * finding). */
void mtai_sink_key_zu(struct mtai_sink *s, const char *str, size_t v);
void mtai_sink_printf(struct mtai_sink *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Writes the embedded data file 'name' (dict/NAME.txt, assets/NAME, see
 * tools/embed.c) as it is; a name missing from the build fails the sink
 * with MTA_ERR_DICT. */
void mtai_sink_data(struct mtai_sink *s, const char *name);
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
 * input; bidi controls are shown as "<U+202E>" instead of reordering the
 * page. */
void mtai_sink_html_str(struct mtai_sink *s, const char *str, size_t n);
/* Writes s[0..n) for a human reader (text report, CSV, HTML names, error
 * lines) so that it can neither drive a terminal nor forge a line nor
 * reorder what is shown: tab, LF and CR become \t \n \r, other C0
 * controls and DEL \xHH ("\x1b"), each byte of ill-formed UTF-8 \xHH,
 * C1 controls, the line and paragraph separators U+2028/U+2029 and the
 * Unicode bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069) "<U+XXXX>". Everything else, backslashes included, is
 * written as it is. Returns the number of code points written (the
 * columns the text takes), so that a caller can align a marker under it. */
size_t mtai_sink_display(struct mtai_sink *s, const char *str, size_t n);
/* mtai_sink_display() of a NUL-terminated string; NULL writes nothing. */
size_t mtai_sink_display_cstr(struct mtai_sink *s, const char *str);
/* Writes a name or message (file name, error) as HTML text: made visible
 * by mtai_sink_display() rules, then escaped by mtai_sink_html_str(). */
void mtai_sink_html_display(struct mtai_sink *s, const char *str);
/* Writes 'str' as one CSV field (RFC 4180): first made visible by the
 * mtai_sink_display() rules (so a field never holds a control character
 * or a bidi control), then quoted when it holds a comma or quote, with
 * quotes doubled. Formula guard: a field whose first character is a tab
 * or CR, or whose first character after leading whitespace is one of
 * = + - @, is prefixed with an apostrophe so that spreadsheets do not run
 * it as a formula. */
void mtai_sink_csv_str(struct mtai_sink *s, const char *str);
/* Formats a score with one decimal, rounded half up, locale-independent
 * ("91.3"); NaN and out-of-range values are clamped to [0, 100]. Text and
 * JSON both use it, so they always agree. */
void mtai_format_score(char out[16], double v);
/* Writes mtai_format_score(v). */
void mtai_sink_score(struct mtai_sink *s, double v);
/* mtai_format_score() for people (text report, HTML, messages): the
 * decimal separator of the message language ("91,3" in German; the
 * catalog's translation of "."). Data (JSON, CSV, SARIF, attributes)
 * keeps mtai_format_score(). */
void mtai_format_score_ui(char out[16], double v);
/* Writes mtai_format_score_ui(v). */
void mtai_sink_score_ui(struct mtai_sink *s, double v);
/* Replaces the decimal point of the number in 'buf' by the separator of
 * the message language (see mtai_format_score_ui()). */
void mtai_decimal_ui(char *buf);

/* Writes into 'out' (of 'size' bytes) why 'r' has no score or failed its
 * gate, with the numbers ("score 43.3 under 90", "12 scored words, fewer
 * than 30"), for the text and HTML reports (writer.c); "" when there is
 * nothing to say. */
void mtai_report_why(const struct mta_report *r, char *out, size_t size);

/* Source-aware mode: 1 when finding 'f' of 'r' has a span of the English
 * source (the report has a usable source and the span lies in its text);
 * the renderers show only such spans. */
static inline int mtai_finding_has_src(const struct mta_report *r,
                                       const struct mta_finding *f) {
  return r->bi && f->src_end > f->src_start && f->src_end <= r->bi->src.len;
}

/* The byte span [*a, *b) of the source sentences of 'bi' that hold the
 * span [start, end) (the span itself when no sentence holds it), for
 * quoting the source of a finding (writer.c). */
void mtai_src_sentences(const struct mtai_bitext *bi, size_t start, size_t end,
                        size_t *a, size_t *b);

/* Suggestion 'k' (0-based) of finding 'f': its bytes in '*p', '*n';
 * returns 0 when 'f' has no suggestion 'k'. The first is f->suggestion,
 * the others come from f->alts ("a, b, c"). */
int mtai_finding_suggestion(const struct mta_finding *f, size_t k,
                            const char **p, size_t *n);
/* Writes the JSON members `, "suggestion": FIRST, "suggestions": [ALL]`
 * of 'f' (JSON and SARIF); nothing when it has no suggestion. */
void mtai_sink_json_suggestions(struct mtai_sink *s,
                                const struct mta_finding *f);

/* The number of source paragraphs of 'r' (0 without a usable source). */
size_t mtai_src_paragraphs(const struct mta_report *r);

/* Per-document row kept by a writer for the batch summary. */
struct mtai_row {
  char *name;
  size_t words;
  double score;
  int scored, gated, passed; /* as in the report */
  mta_reason reason;
  size_t unscored;              /* words left out of the score */
  char why[96];                 /* mtai_report_why() */
  size_t counts[3];             /* findings by mta_severity */
  size_t hidden;                /* of them, below --min-severity (not listed) */
  size_t cats[MTAI_CAT__COUNT]; /* findings by category */
  char *page;        /* HTML output: the article page's file name, else NULL */
  size_t suppressed; /* findings suppressed (baseline, accept list) */
  int supp_shown;    /* a baseline or an accept list was in use */
};

/* Fills 'row' from report 'r': counts by severity and category; 'name'
 * is borrowed from the report, 'page' NULL. */
void mtai_row_of(struct mtai_row *row, const struct mta_report *r);

struct mtai_error_row {
  char *name;
  mta_status status;
  char *message;
  /* A JSON Lines record (mta_writer_add_record_error()): 'record' set, its
   * "id" as written (NULL when not known) and line number. */
  int record;
  char *id;
  size_t line;
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
  size_t suppressed;     /* findings suppressed in all documents */
  int supp_shown;        /* some document had a baseline or an accept list */
  size_t hidden;         /* findings below --min-severity, all documents */
  int have_gate;         /* 'gate' holds the gates of the documents */
  struct mtai_gate gate; /* (the same for every document of a run) */
  time_t started;        /* when the writer was created (HTML index) */
};

/* Internal render flag (above the public MTA_RENDER_* bits): the HTML
 * page is written into a directory with an index.html beside it, so it
 * links back to it (writer.c sets it). */
#define MTAI_RENDER_HAS_INDEX (1u << 31)

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

#endif
