/*
 * Text renderer: compiler-style lines an editor can click on,
 *
 *   FILE:LINE:COL: SEVERITY: MESSAGE [RULE]
 *      LINE | ...excerpt with the span...
 *           |            ^~~~~
 *           = suggestion: ...
 *
 * then a paragraph table and the article score per document, and a summary
 * table (worst first) at the end of a batch of more than one document.
 * ANSI colours only with MTA_RENDER_COLOR.
 *
 * With MTA_RENDER_SUMMARY (--quiet) a document is one line, its verdict
 * ("FILE: score 91.3 over 450 words; findings: 0 critical, 2 major,
 * 5 minor  PASS"), and a batch ends with the totals line alone. Findings
 * hidden by --min-severity (not in the list, still counted) are named on
 * a line of their own, and in the totals.
 *
 * Source-aware mode: a finding about a span of the English source quotes
 * the source sentence(s) holding it under the excerpt,
 *
 *           = source: "The Pentagon will send $4.5 billion in new ..."
 *
 * (at most about S_SRC_QUOTE code points around the span, made visible
 * like the excerpt, the span in the mark colour), and the document's
 * header line is followed by "  source: NAME (N paragraphs, aligned)"
 * ("paired unit by unit" for XLIFF) or "  source: NAME not used: REASON"
 * when a source was given.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "i18n.h"

#define S_CONTEXT 40 /* code points of context on each side of a span */
/* Code points of a finding's span shown at most in the excerpt. */
#define S_SPAN 60
#define S_SRC_QUOTE 160 /* code points of a quoted source sentence */

enum {
  C_RESET,
  C_BOLD,
  C_MINOR,
  C_MAJOR,
  C_CRIT,
  C_MARK,
  C_DIM,
  C_PASS,
  C_FAIL
};
static const char *const S_ansi[] = {"\033[0m",  "\033[1m",    "\033[33m",
                                     "\033[31m", "\033[1;35m", "\033[32m",
                                     "\033[2m",  "\033[1;32m", "\033[1;31m"};

static void S_color(struct mtai_sink *s, const mta_render_options *ro, int c) {
  if (ro && (ro->flags & MTA_RENDER_COLOR))
    mtai_sink_puts(s, S_ansi[c]);
}

static int S_sev_color(mta_severity sev) {
  return sev == MTA_SEV_CRITICAL ? C_CRIT
         : sev == MTA_SEV_MAJOR  ? C_MAJOR
                                 : C_MINOR;
}

/* Moves 'off' back by up to 'n' code points, not before 'lo'. */
static size_t S_back(const char *t, size_t lo, size_t off, size_t n) {
  while (off > lo && n > 0) {
    off--;
    while (off > lo && ((unsigned char)t[off] & 0xC0) == 0x80)
      off--;
    n--;
  }
  return off;
}

/* Moves 'off' forward by up to 'n' code points, not past 'hi'. */
static size_t S_fwd(const char *t, size_t hi, size_t off, size_t n) {
  while (off < hi && n > 0) {
    off++;
    while (off < hi && ((unsigned char)t[off] & 0xC0) == 0x80)
      off++;
    n--;
  }
  return off;
}

/* Writes t[a..b) made visible (mtai_sink_display(): control characters,
 * invalid bytes and bidi controls as escapes, so that nothing in a name
 * or an excerpt reaches the terminal as a command or reorders the line).
 * Returns the columns written, for the marker line. */
static size_t S_plain(struct mtai_sink *s, const char *t, size_t a, size_t b) {
  return mtai_sink_display(s, t + a, b - a);
}

/* S_plain() for a quote: a line break (a hard-wrapped source) is written
 * as one space, not as "\n". */
static void S_quoted(struct mtai_sink *s, const char *t, size_t a, size_t b) {
  while (a < b) {
    size_t e = a;
    while (e < b && t[e] != '\n' && t[e] != '\r')
      e++;
    S_plain(s, t, a, e);
    if (e < b)
      mtai_sink_write(s, " ", 1);
    while (e < b && (t[e] == '\n' || t[e] == '\r'))
      e++;
    a = e;
  }
}

/* Writes the source sentence(s) holding the source span of 'f' in quotes:
 * the whole sentences when they are short, else at most S_SRC_QUOTE code
 * points with the span in the middle ("…" where cut), the span itself
 * kept whole up to S_SRC_QUOTE code points; line breaks as spaces. */
static void S_source_quote(struct mtai_sink *s, const struct mtai_bitext *bi,
                           const struct mta_finding *f,
                           const mta_render_options *ro) {
  const char *t = bi->src.text;
  size_t a, b, ss = f->src_start, se = f->src_end;
  mtai_src_sentences(bi, ss, se, &a, &b);
  size_t span = mtai_utf8_count(t + ss, se - ss);
  int cut_span = 0;
  if (span > S_SRC_QUOTE) {
    se = S_fwd(t, se, ss, S_SRC_QUOTE);
    span = S_SRC_QUOTE;
    cut_span = 1;
  }
  size_t room = (S_SRC_QUOTE - span) / 2;
  size_t before = mtai_utf8_count(t + a, ss - a);
  size_t after = cut_span ? 0 : mtai_utf8_count(t + se, b - se);
  /* Context not used on one side goes to the other. */
  size_t lroom = room + (after < room ? room - after : 0);
  size_t rroom = room + (before < room ? room - before : 0);
  size_t qa = before > lroom ? S_back(t, a, ss, lroom) : a;
  size_t qb = cut_span ? se : after > rroom ? S_fwd(t, b, se, rroom) : b;
  /* No blank next to an ellipsis. */
  while (qa > a && qa < ss && t[qa] == ' ')
    qa++;
  while (qb < b && qb > se && t[qb - 1] == ' ')
    qb--;
  mtai_sink_puts(s, "\"");
  if (qa > a)
    mtai_sink_puts(s, "…");
  S_quoted(s, t, qa, ss);
  S_color(s, ro, C_MARK);
  S_quoted(s, t, ss, se);
  S_color(s, ro, C_RESET);
  S_quoted(s, t, se, qb);
  if (qb < b || cut_span)
    mtai_sink_puts(s, "…");
  mtai_sink_puts(s, "\"");
}

static void S_excerpt(struct mtai_sink *s, const struct mta_report *r,
                      const struct mta_finding *f,
                      const mta_render_options *ro) {
  const struct mtai_doc *d = &r->doc;
  const char *t = d->text;
  /* The line of d->text (f->line is the file's: HTML input). */
  size_t tl, tc;
  mtai_doc_linecol(d, f->start, &tl, &tc);
  size_t ls = d->line_starts[tl - 1];
  size_t le = tl < d->nlines ? d->line_starts[tl] : d->len;
  while (le > ls && (t[le - 1] == '\n' || t[le - 1] == '\r'))
    le--;
  size_t a = S_back(t, ls, f->start, S_CONTEXT);
  size_t se = f->end < le ? f->end : le;
  if (se < f->start)
    se = f->start;
  /* A long span (a boilerplate paragraph) is marked up to S_SPAN code
   * points and cut with "…", so that the excerpt stays one screen line. */
  int cut = mtai_utf8_count(t + f->start, se - f->start) > S_SPAN;
  if (cut) {
    se = S_fwd(t, se, f->start, S_SPAN);
    while (se > f->start + 1 && t[se - 1] == ' ')
      se--;
  }
  size_t b = cut ? se : S_fwd(t, le, se, S_CONTEXT);
  char num[32];
  int w = snprintf(num, sizeof num, "%zu", f->line);
  mtai_sink_printf(s, "  %*s | ", w, num);
  size_t pad = 0;
  if (a > ls) {
    mtai_sink_puts(s, "…");
    pad = 1;
  }
  pad += S_plain(s, t, a, f->start);
  S_color(s, ro, C_MARK);
  size_t span = S_plain(s, t, f->start, se);
  S_color(s, ro, C_RESET);
  S_plain(s, t, se, b);
  if (b < le)
    mtai_sink_puts(s, "…");
  mtai_sink_printf(s, "\n  %*s | ", w, "");
  for (size_t i = 0; i < pad; i++)
    mtai_sink_write(s, " ", 1);
  S_color(s, ro, C_MARK);
  mtai_sink_write(s, "^", 1);
  for (size_t i = 1; i < span; i++)
    mtai_sink_write(s, "~", 1);
  S_color(s, ro, C_RESET);
  mtai_sink_write(s, "\n", 1);
  if (mtai_finding_has_src(r, f)) {
    mtai_sink_printf(s, "  %*s = %s ", w, "", _("source:"));
    S_source_quote(s, r->bi, f, ro);
    mtai_sink_write(s, "\n", 1);
  }
  if (f->suggestion) {
    mtai_sink_printf(s, "  %*s = %s ", w, "", _("suggestion:"));
    mtai_sink_display_cstr(s, f->suggestion);
    mtai_sink_write(s, "\n", 1);
  }
}

static void S_bar(struct mtai_sink *s, double score) {
  int full = (int)(score / 10.0 + 0.5);
  for (int i = 0; i < 10; i++)
    mtai_sink_write(s, i < full ? "#" : ".", 1);
}

/* " (60 words unscored: 40 boilerplate/navigation, 20
 * duplicate/paragraph)", or nothing when every word is scored. */
static void S_unscored(struct mtai_sink *s, const struct mta_report *r) {
  if (!r->unscored)
    return;
  mtai_sink_printf(
      s, P_(" (%zu word unscored: ", " (%zu words unscored: ", r->unscored),
      r->unscored);
  for (size_t k = 0; k < r->nunsc; k++)
    mtai_sink_printf(s, "%s%zu %s", k ? ", " : "", r->unsc[k].words,
                     r->unsc[k].kind);
  mtai_sink_puts(s, ")");
}

/* The verdict of 'r': "; findings: ..." after the score, the number
 * hidden by --min-severity, and PASS or FAIL when a gate was set. */
static void S_verdict(struct mtai_sink *s, const struct mta_report *r,
                      const mta_render_options *ro, const size_t counts[3],
                      const char *why) {
  mtai_sink_printf(s, _("; findings: %zu critical, %zu major, %zu minor"),
                   counts[MTA_SEV_CRITICAL], counts[MTA_SEV_MAJOR],
                   counts[MTA_SEV_MINOR]);
  if (r->hidden)
    mtai_sink_printf(s, _(" (%zu hidden)"), r->hidden);
  if (r->supp_shown)
    mtai_sink_printf(s, _("; %zu suppressed (baseline %zu, accept list %zu)"),
                     r->supp_baseline + r->supp_accept, r->supp_baseline,
                     r->supp_accept);
  /* The verdict only when a gate was set: without one, PASS would read
   * as an approval nobody asked for. */
  if (r->gated) {
    mtai_sink_puts(s, "  ");
    S_color(s, ro, r->passed ? C_PASS : C_FAIL);
    /* TRANSLATORS: the verdict of the gates on one article. */
    mtai_sink_puts(s, r->passed ? _("PASS") : _("FAIL"));
    S_color(s, ro, C_RESET);
    if (!r->passed)
      mtai_sink_printf(s, ": %s", why);
  }
  mtai_sink_puts(s, "\n");
}

/* --quiet: the document in one line. */
static void S_document_line(struct mtai_sink *s, const struct mta_report *r,
                            const mta_render_options *ro,
                            const size_t counts[3]) {
  char sc[16], why[96];
  mtai_report_why(r, why, sizeof why);
  S_color(s, ro, C_BOLD);
  S_plain(s, r->doc.name, 0, strlen(r->doc.name));
  S_color(s, ro, C_RESET);
  if (r->scored) {
    mtai_format_score_ui(sc, r->score);
    mtai_sink_printf(s, _(": score %s over %zu words"), sc, r->words);
  } else {
    mtai_sink_printf(s, _(": no score: %s"), why);
  }
  S_verdict(s, r, ro, counts, why);
}

static void S_document(struct mtai_sink *s, const struct mta_report *r,
                       const mta_render_options *ro, size_t index) {
  const struct mtai_doc *d = &r->doc;
  /* Findings past the cap and those hidden by --min-severity are not
   * listed but counted. */
  size_t counts[3];
  for (int k = 0; k < 3; k++)
    counts[k] = r->dropped_sev[k] + r->hidden_sev[k];
  for (size_t i = 0; i < r->nfind; i++)
    counts[r->findings[i].severity]++;
  if (ro && (ro->flags & MTA_RENDER_SUMMARY)) {
    S_document_line(s, r, ro, counts);
    return;
  }
  if (index)
    mtai_sink_puts(s, "\n");
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    S_color(s, ro, C_BOLD);
    S_plain(s, d->name, 0, strlen(d->name));
    mtai_sink_printf(s, ":%zu:%zu:", f->line, f->col);
    S_color(s, ro, C_RESET);
    mtai_sink_puts(s, " ");
    S_color(s, ro, S_sev_color(f->severity));
    mtai_sink_printf(s, "%s:", mtai_severity_label(f->severity));
    S_color(s, ro, C_RESET);
    mtai_sink_puts(s, " ");
    S_plain(s, f->message, 0, strlen(f->message));
    mtai_sink_puts(s, " ");
    S_color(s, ro, C_DIM);
    mtai_sink_printf(s, "[%s]", f->rule->id);
    S_color(s, ro, C_RESET);
    mtai_sink_puts(s, "\n");
    if (!(ro && (ro->flags & MTA_RENDER_NO_EXCERPT)))
      S_excerpt(s, r, f, ro);
  }
  S_color(s, ro, C_BOLD);
  S_plain(s, d->name, 0, strlen(d->name));
  S_color(s, ro, C_RESET);
  mtai_sink_puts(s, " (");
  mtai_sink_display_cstr(s, d->encoding);
  mtai_sink_printf(s, _("): %zu paragraphs\n"), d->npara);
  if (r->src_name) {
    mtai_sink_printf(s, "  %s ", _("source:"));
    S_plain(s, r->src_name, 0, strlen(r->src_name));
    if (r->bi) {
      mtai_sink_printf(s,
                       P_(" (%zu paragraph, %s)\n", " (%zu paragraphs, %s)\n",
                          r->bi->src.npara),
                       r->bi->src.npara,
                       r->bi->parallel ? _("paired unit by unit")
                                       : _("aligned"));
    } else {
      mtai_sink_printf(s, " %s ", _("not used:"));
      mtai_sink_display_cstr(s,
                             r->src_error ? r->src_error : _("cannot be used"));
      mtai_sink_puts(s, "\n");
    }
  }
  if (r->dropped)
    mtai_sink_printf(
        s,
        _("  %zu more findings not listed (at most %d per "
          "document): %zu critical, %zu major, %zu minor; they "
          "count in the score and the gates\n"),
        r->dropped, MTAI_MAX_FINDINGS, r->dropped_sev[MTA_SEV_CRITICAL],
        r->dropped_sev[MTA_SEV_MAJOR], r->dropped_sev[MTA_SEV_MINOR]);
  if (r->hidden)
    mtai_sink_printf(s,
                     _("  %zu findings hidden by --min-severity: %zu "
                       "critical, %zu major, %zu minor; they count in the "
                       "score and the gates\n"),
                     r->hidden, r->hidden_sev[MTA_SEV_CRITICAL],
                     r->hidden_sev[MTA_SEV_MAJOR],
                     r->hidden_sev[MTA_SEV_MINOR]);
  /* TRANSLATORS: column heads over "%4zu  %4zu  %-11s  %5zu  %5s": keep
   * each head right-aligned over its column (the third left-aligned). */
  mtai_sink_puts(s, _("  para  line  kind         words  score\n"));
  for (size_t i = 0; i < d->npara; i++) {
    const struct mtai_paragraph *p = &d->paras[i];
    mtai_sink_printf(s, "  %4zu  %4zu  %-11s  %5zu  ", i + 1, (size_t)p->line,
                     mtai_para_kind_label(p->kind), (size_t)p->words);
    if (p->scored) {
      char sc[16];
      mtai_format_score_ui(sc, p->score);
      mtai_sink_printf(s, "%5s  ", sc);
      S_bar(s, p->score);
    } else {
      /* A paragraph left out of the article score shows no score of its
       * own: a red 0.0 next to site chrome reads as a verdict on it. */
      mtai_sink_printf(s, "%5s  %10s", "-", "");
      mtai_sink_printf(s, "  %s",
                       p->dup_of ? _("not scored (repeat)") : _("not scored"));
    }
    mtai_sink_puts(s, "\n");
  }
  char sc[16], why[96];
  mtai_report_why(r, why, sizeof why);
  if (r->scored) {
    mtai_format_score_ui(sc, r->score);
    mtai_sink_printf(s, _("  article score: %s over %zu words"), sc, r->words);
  } else if (r->reason == MTA_REASON_NO_TEXT) {
    mtai_sink_printf(s, "  %s", _("no score: no article text"));
  } else {
    mtai_sink_printf(s, _("  no score: %s"), why);
  }
  S_unscored(s, r);
  S_verdict(s, r, ro, counts, why);
}

/* Worst first: articles without a score, then by score. */
static int S_row_cmp(const void *x, const void *y) {
  const struct mtai_row *a = x, *b = y;
  if (a->scored != b->scored)
    return a->scored ? 1 : -1;
  if (a->score != b->score)
    return a->score < b->score ? -1 : 1;
  return strcmp(a->name, b->name);
}

/* The last line of a batch: documents, failed, unscored, errors, and
 * the findings hidden by --min-severity. */
static void S_totals(struct mtai_sink *s, const struct mtai_batch *b) {
  size_t unscored = 0;
  for (size_t i = 0; i < b->nrows; i++)
    unscored += !b->rows[i].scored;
  mtai_sink_printf(s, _("  %zu documents, %zu failed, "), b->nrows, b->failed);
  if (unscored)
    mtai_sink_printf(s, _("%zu without a score, "), unscored);
  if (b->supp_shown)
    mtai_sink_printf(s,
                     P_("%zu finding suppressed, ", "%zu findings suppressed, ",
                        b->suppressed),
                     b->suppressed);
  mtai_sink_printf(s, _("%zu errors"), b->nerrors);
  if (b->hidden)
    mtai_sink_printf(s, _("; %zu findings hidden by --min-severity"),
                     b->hidden);
  mtai_sink_puts(s, "\n");
}

static void S_end(struct mtai_sink *s, const struct mtai_batch *b,
                  const mta_render_options *ro) {
  if (b->nrows + b->nerrors < 2)
    return;
  if (ro && (ro->flags & MTA_RENDER_SUMMARY)) {
    S_totals(s, b);
    return;
  }
  struct mtai_row *rows = malloc((b->nrows ? b->nrows : 1) * sizeof *rows);
  if (!rows) {
    s->status = MTA_ERR_NOMEM;
    return;
  }
  if (b->nrows) { /* rows is NULL when every input failed */
    memcpy(rows, b->rows, b->nrows * sizeof *rows);
    qsort(rows, b->nrows, sizeof *rows, S_row_cmp);
  }
  mtai_sink_printf(s, "\n%s\n", _("summary (worst first)"));
  /* TRANSLATORS: column heads over "%5s  %-6s  %6zu  %4zu  %5zu  %5zu  "
   * and the file name: keep each right-aligned over its column. */
  mtai_sink_puts(s, _("  score  result   words  crit  major  minor  file\n"));
  for (size_t i = 0; i < b->nrows; i++) {
    const struct mtai_row *r = &rows[i];
    char sc[16];
    if (r->scored)
      mtai_format_score_ui(sc, r->score);
    else
      strcpy(sc, "-");
    mtai_sink_printf(s, "  %5s  ", sc);
    if (r->gated) {
      S_color(s, ro, r->passed ? C_PASS : C_FAIL);
      /* TRANSLATORS: the verdict in the summary table, at most 6
       * letters. */
      mtai_sink_printf(s, "%-6s", r->passed ? _("PASS") : _("FAIL"));
      S_color(s, ro, C_RESET);
    } else {
      mtai_sink_puts(s, "      ");
    }
    mtai_sink_printf(s, "  %6zu  %4zu  %5zu  %5zu  ", r->words,
                     r->counts[MTA_SEV_CRITICAL], r->counts[MTA_SEV_MAJOR],
                     r->counts[MTA_SEV_MINOR]);
    S_plain(s, r->name, 0, strlen(r->name));
    /* Why it failed, or why it has no score. */
    if ((r->gated && !r->passed) || !r->scored)
      mtai_sink_printf(s, " (%s)", r->why);
    mtai_sink_puts(s, "\n");
  }
  for (size_t i = 0; i < b->nerrors; i++) {
    /* TRANSLATORS: an input that could not be audited, in the summary
     * table, at most 6 letters. */
    mtai_sink_printf(s, "      -  %-6s       -     -      -      -  ",
                     _("ERROR"));
    S_plain(s, b->errors[i].name, 0, strlen(b->errors[i].name));
    mtai_sink_puts(s, ": ");
    S_plain(s, b->errors[i].message, 0, strlen(b->errors[i].message));
    mtai_sink_puts(s, "\n");
  }
  S_totals(s, b);
  free(rows);
}

const struct mtai_renderer mtai_render_text = {NULL, S_document, NULL, S_end};
