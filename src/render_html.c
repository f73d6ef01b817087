/*
 * HTML renderer (--format html): one self-contained page per article for
 * an editor, and an index page per batch (mtai_html_index()).
 *
 * The article page has inline CSS only (no scripts, no external assets):
 *
 *   header   file name, article score (or "no score" and why),
 *            PASS/FAIL and the reason of a failure (only when a gate was
 *            set), words, unscored words by reason, paragraphs,
 *            encoding, penalty, findings by severity, and the legend of
 *            categories with the number of findings of each
 *   body     one row per paragraph: a gutter (number, score badge), the
 *            text (<h2> for headings, <p> otherwise, captions and
 *            boilerplate styled apart) and beside it, on wide screens, the
 *            notes of the paragraph's findings (below it on narrow ones)
 *
 * Every finding's span is a <mark class="f cat-CATEGORY sev-SEVERITY"
 * id="f-N" data-rule="RULE" title="MESSAGE — suggestion: X">, N being the
 * finding's 0-based index; a small superscript number after the span links
 * to its note ("n-N"), and the note links back to "#f-N".
 *
 * Overlapping and nested spans: the paragraph is cut into segments at
 * every span boundary, and each segment is wrapped in one <mark> per
 * finding covering it (longest span outermost), all closed at the end of
 * the segment. The markup is therefore always properly nested, whatever
 * the spans. The first segment of a finding carries its id; later segments
 * carry data-f="N" instead, so ids stay unique. A finding with an empty
 * span (start == end), or one whose span lies outside every paragraph
 * (only whitespace is there), gets an empty <mark class="f ... empty">: a
 * caret at its position, or at the end of its paragraph. So every finding
 * yields exactly one element with id f-N.
 *
 * Source-aware mode (a usable source: r->bi): the body is one row per
 * paragraph bead, <section class="para pair[ omission| addition|
 * skipped]" id="b-N">: the gutter entries of its target paragraphs, the
 * English paragraphs (<p id="sp-M">, <h2> when the target is a heading),
 * the German ones (<div class="tp k-KIND" id="p-N"> around the usual
 * label and text), the notes; a side without paragraphs is an empty
 * <div class="none">. A finding with a source span is also marked in the
 * English cell (<mark class="s cat-C sev-S pk-N" id="s-N">, nested like
 * the target marks, data-s="N" on later segments, a superscript linking
 * to its target mark), and its target mark, source mark and note carry
 * the class pk-N: one rule per pair in the page's style sheet
 * (.pair:has(.pk-N:hover, #f-N:target, ...) .pk-N, .doc:has() when
 * the three are not in one row) outlines all three
 * while one is hovered or targeted. Still no script.
 *
 * All document text, names, messages and suggestions go through
 * mtai_sink_html_str() (emit.c), which also replaces invalid UTF-8 and
 * shows bidi controls as text; file names, the encoding and error
 * messages first get the escapes of the text report (mtai_sink_display():
 * "\x1b", "\n", "<U+202E>").
 *
 * The index page is a table of the batch (file linking to the row's page,
 * words, score or "–", result: the verdict when a gate was set and the
 * reason of a failure or a missing score, findings by severity, the three
 * most frequent categories) under a summary, with the inputs that failed
 * below. A small
 * inline script sorts the table when a column header is clicked
 * (ascending, descending, back to input order).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emit.h"
#include "i18n.h"

/* ---- colours and style sheet ------------------------------------------ */

/* The style sheet (assets/report.css) and the index page's script, which
 * sorts the table by a clicked column: ascending, descending, then input
 * order again, rows keeping their input position in data-i
 * (assets/report.js), are embedded at build time like the word lists
 * (tools/embed.c) and written by name with mtai_sink_data(). */

static void S_category_css(struct mtai_sink *s) {
  /* One colour per category (the category table in internal.h). */
  for (int c = 0; c < MTAI_CAT__COUNT; c++) {
    unsigned long rgb = mtai_category_rgb((enum mtai_category)c);
    const unsigned k[3] = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    if (!rgb)
      continue; /* grey from :root */
    mtai_sink_printf(s, ".cat-%s{--c:#%02x%02x%02x;--t:rgba(%u,%u,%u,.14)}\n",
                     mtai_category_name((enum mtai_category)c), k[0], k[1],
                     k[2], k[0], k[1], k[2]);
  }
}

/* ---- small helpers ----------------------------------------------------- */

/* Writes the NUL-terminated 'str' HTML-escaped; NULL writes nothing. */
static void S_text(struct mtai_sink *s, const char *str) {
  if (str)
    mtai_sink_html_str(s, str, strlen(str));
}

/* Writes a file name, encoding or error message: control characters and
 * invalid bytes shown as escapes ("\x1b"), as in the text report, then
 * HTML-escaped. */
static void S_name(struct mtai_sink *s, const char *str) {
  mtai_sink_html_display(s, str);
}

static const char *S_sev(mta_severity sev) {
  const char *n = mta_severity_name(sev);
  return n ? n : "minor";
}

/* Class of a score badge: green from 97.5 (one minor finding in 40
 * words), amber from 90 (one major in 50), else red; grey when the
 * paragraph is not scored. */
static const char *S_grade(double score, int scored) {
  if (!scored)
    return "off";
  return score >= 97.5 ? "ok" : score >= 90.0 ? "warn" : "bad";
}

static void S_pair_css(struct mtai_sink *s, const struct mta_report *r);

/* ' lang="en"' on a part of the page that is in English: when the
 * labels are untranslated (the page itself is lang="de"). */
static const char *S_ui_lang(void) {
  static const char k[] = "article score / 100";
  return strcmp(_(k), k) ? "" : " lang=\"en\"";
}

static void S_head(struct mtai_sink *s, const char *name, const char *what,
                   const struct mta_report *r) {
  mtai_sink_puts(s, "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">\n");
  mtai_sink_printf(s, "<meta name=\"generator\" content=\"mtaudit %s\">\n",
                   mta_version_string());
  mtai_sink_puts(s, "<title>");
  S_name(s, name);
  mtai_sink_printf(s, " \xC2\xB7 %s</title>\n<style>\n", what);
  mtai_sink_data(s, "report.css"); /* assets/report.css */
  S_category_css(s);
  if (r && r->bi)
    S_pair_css(s, r);
  mtai_sink_puts(s, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

static void S_footer(struct mtai_sink *s) {
  mtai_sink_printf(s, "<footer%s>mtaudit %s \xC2\xB7 ", S_ui_lang(),
                   mta_version_string());
  mtai_sink_puts(s, _("MQM-style score: minor 1, major 5, critical 10 penalty "
                      "points; score = 100 \xC3\x97 (1 \xE2\x88\x92 penalty "
                      "/ words) over the scored paragraphs. Boilerplate and "
                      "repeated paragraphs are not scored."));
  mtai_sink_puts(s, "</footer>\n");
}

/* ---- the article page -------------------------------------------------- */

/* A finding's span, normalized (end >= start) and keyed for sorting. */
struct S_span {
  size_t start, end, k;
};

/* State of one page: the report and per-finding bookkeeping. */
struct S_page {
  struct mtai_sink *s;
  const struct mta_report *r;
  unsigned char *done;  /* 1 once finding k's id has been written */
  struct S_span *order; /* every finding, by start (then longer first) */
  size_t next;          /* first entry of 'order' not yet taken */
  size_t *carry;        /* findings running on past the last paragraph */
  size_t ncarry;
  struct S_span *rel; /* findings of the current paragraph */
  size_t nrel;
  size_t *act; /* spans covering the current segment, outermost first */
  size_t nact;
  size_t *bounds; /* segment boundaries of the current paragraph */
  size_t *first;  /* findings by paragraph: bypara[first[i]..first[i+1]) */
  size_t *bypara;
  /* Source-aware mode: the findings with a source span, by source start
   * (then longer first), and the same bookkeeping for the source side. */
  struct S_span *sorder;
  size_t nsrc, snext;
  size_t *scarry;
  size_t nscarry;
  struct S_span *srel;
  unsigned char *sdone; /* 1 once finding k's source id has been written */
  /* 1 once finding k's note has been written; 2 while it waits for its
   * omission row (S_omission_find()). */
  unsigned char *noted;
};

static int S_span_cmp(const void *x, const void *y) {
  const struct S_span *a = x, *b = y;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end) /* longer first: the outer mark */
    return a->end > b->end ? -1 : 1;
  return a->k < b->k ? -1 : a->k > b->k;
}

static int S_size_cmp(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return a < b ? -1 : a > b;
}

static struct S_span S_span_of(const struct mta_report *r, size_t k) {
  const struct mta_finding *f = &r->findings[k];
  struct S_span sp = {f->start, f->end < f->start ? f->start : f->end, k};
  return sp;
}

/* Paragraph bucket of finding k: its paragraph, or npara for "outside". */
static size_t S_bucket(const struct mta_report *r, size_t k) {
  size_t p = r->findings[k].para;
  return p < r->doc.npara ? p : r->doc.npara;
}

static void S_page_free(struct S_page *P) {
  free(P->done);
  free(P->order);
  free(P->carry);
  free(P->rel);
  free(P->act);
  free(P->bounds);
  free(P->first);
  free(P->bypara);
  free(P->sorder);
  free(P->scarry);
  free(P->srel);
  free(P->sdone);
  free(P->noted);
}

static mta_status S_page_init(struct S_page *P, struct mtai_sink *s,
                              const struct mta_report *r) {
  memset(P, 0, sizeof *P);
  P->s = s;
  P->r = r;
  size_t n = r->nfind + 1, np = r->doc.npara + 2;
  P->done = calloc(n, 1);
  P->noted = calloc(n, 1);
  P->order = malloc(n * sizeof *P->order);
  P->carry = malloc(n * sizeof *P->carry);
  P->rel = malloc(n * sizeof *P->rel);
  P->act = malloc(n * sizeof *P->act);
  P->bounds = malloc(2 * n * sizeof *P->bounds);
  P->first = calloc(np, sizeof *P->first);
  P->bypara = malloc(n * sizeof *P->bypara);
  if (!P->done || !P->noted || !P->order || !P->carry || !P->rel || !P->act ||
      !P->bounds || !P->first || !P->bypara) {
    S_page_free(P);
    return MTA_ERR_NOMEM;
  }
  for (size_t k = 0; k < r->nfind; k++)
    P->order[k] = S_span_of(r, k);
  qsort(P->order, r->nfind, sizeof *P->order, S_span_cmp);
  /* Counting sort by paragraph, keeping finding order within each. */
  for (size_t k = 0; k < r->nfind; k++)
    P->first[S_bucket(r, k) + 1]++;
  for (size_t i = 1; i < np; i++)
    P->first[i] += P->first[i - 1];
  size_t *fill = malloc(np * sizeof *fill);
  if (!fill) {
    S_page_free(P);
    return MTA_ERR_NOMEM;
  }
  memcpy(fill, P->first, np * sizeof *fill);
  for (size_t k = 0; k < r->nfind; k++)
    P->bypara[fill[S_bucket(r, k)]++] = k;
  free(fill);
  if (r->bi) {
    P->sorder = malloc(n * sizeof *P->sorder);
    P->scarry = malloc(n * sizeof *P->scarry);
    P->srel = malloc(n * sizeof *P->srel);
    P->sdone = calloc(n, 1);
    if (!P->sorder || !P->scarry || !P->srel || !P->sdone) {
      S_page_free(P);
      return MTA_ERR_NOMEM;
    }
    for (size_t k = 0; k < r->nfind; k++)
      if (mtai_finding_has_src(r, &r->findings[k]))
        P->sorder[P->nsrc++] = (struct S_span){r->findings[k].src_start,
                                               r->findings[k].src_end, k};
    qsort(P->sorder, P->nsrc, sizeof *P->sorder, S_span_cmp);
  }
  return MTA_OK;
}

/* Opens the mark of finding k; the first mark of a finding gets its id. */
static void S_mark_open(struct S_page *P, size_t k, int empty) {
  struct mtai_sink *s = P->s;
  const struct mta_finding *f = &P->r->findings[k];
  mtai_sink_printf(s, "<mark class=\"f cat-%s sev-%s%s",
                   mtai_category_name(f->rule->category), S_sev(f->severity),
                   empty ? " empty" : "");
  if (mtai_finding_has_src(P->r, f))
    mtai_sink_printf(s, " pk-%zu", k);
  mtai_sink_puts(s, "\"");
  if (!P->done[k]) {
    mtai_sink_printf(s, " id=\"f-%zu\"", k);
    P->done[k] = 1;
  } else {
    mtai_sink_printf(s, " data-f=\"%zu\"", k);
  }
  mtai_sink_puts(s, " data-rule=\"");
  S_text(s, f->rule->id);
  mtai_sink_puts(s, "\" title=\"");
  S_text(s, f->message);
  if (f->suggestion) {
    mtai_sink_printf(s, " \xE2\x80\x94 %s ", _("suggestion:"));
    S_text(s, f->suggestion);
  }
  mtai_sink_puts(s, "\">");
}

/* The superscript number after a finding's span, linking to its note. */
static void S_ref(struct S_page *P, size_t k) {
  const struct mta_finding *f = &P->r->findings[k];
  mtai_sink_printf(P->s,
                   "<sup class=\"fn cat-%s\"><a href=\"#n-%zu\">%zu</a></sup>",
                   mtai_category_name(f->rule->category), k, k + 1);
}

/* An empty mark (a caret) for finding k, with its reference. */
static void S_caret(struct S_page *P, size_t k) {
  S_mark_open(P, k, 1);
  mtai_sink_puts(P->s, "</mark>");
  S_ref(P, k);
}

/* Inserts finding 'sp' into the covering set, outermost (longest) first. */
static void S_act_add(struct S_page *P, const struct S_span *sp) {
  size_t len = sp->end - sp->start, i = P->nact;
  while (i > 0) {
    const struct S_span *o = &P->rel[P->act[i - 1]];
    size_t olen = o->end - o->start;
    if (olen > len || (olen == len && o->k < sp->k))
      break;
    P->act[i] = P->act[i - 1];
    i--;
  }
  P->act[i] = (size_t)(sp - P->rel);
  P->nact++;
}

/*
 * Writes the text [a, b) of a paragraph with its findings marked. 'lim' is
 * where the next paragraph starts: a span ending before it ends here, so
 * its reference number goes here. Collects into P->rel the findings whose
 * span meets [a, b) (an empty span at a or b included), with their spans
 * clamped to it, then walks the segment boundaries.
 */
static void S_para_text(struct S_page *P, size_t a, size_t b, size_t lim) {
  const struct mta_report *r = P->r;
  struct mtai_sink *s = P->s;
  /* Spans still open from earlier paragraphs, then those starting now. */
  size_t keep = 0;
  P->nrel = 0;
  for (size_t i = 0; i < P->ncarry; i++) {
    struct S_span sp = S_span_of(r, P->carry[i]);
    if (sp.end <= a)
      continue;
    P->carry[keep++] = P->carry[i];
  }
  P->ncarry = keep;
  while (P->next < r->nfind && P->order[P->next].start <= b) {
    struct S_span sp = P->order[P->next++];
    if (sp.start == sp.end ? sp.start >= a : sp.end > a)
      P->carry[P->ncarry++] = sp.k;
  }
  for (size_t i = 0; i < P->ncarry; i++) {
    struct S_span sp = S_span_of(r, P->carry[i]);
    int empty = sp.start == sp.end;
    if (empty ? (sp.start < a || sp.start > b) : (sp.start >= b || sp.end <= a))
      continue;
    if (sp.start < a)
      sp.start = a;
    if (sp.end > b)
      sp.end = b;
    if (!empty && sp.start == sp.end)
      continue;
    P->rel[P->nrel++] = sp;
  }
  qsort(P->rel, P->nrel, sizeof *P->rel, S_span_cmp);
  /* Boundaries: a, b and every clamped start and end. */
  size_t nb = 0;
  P->bounds[nb++] = a;
  P->bounds[nb++] = b;
  for (size_t i = 0; i < P->nrel; i++) {
    P->bounds[nb++] = P->rel[i].start;
    P->bounds[nb++] = P->rel[i].end;
  }
  qsort(P->bounds, nb, sizeof *P->bounds, S_size_cmp);
  size_t u = 0;
  for (size_t i = 0; i < nb; i++)
    if (!u || P->bounds[u - 1] != P->bounds[i])
      P->bounds[u++] = P->bounds[i];
  nb = u;
  size_t q = 0;
  P->nact = 0;
  for (size_t t = 0; t < nb; t++) {
    size_t pos = P->bounds[t];
    /* Spans ending here: close (already closed) and write references. */
    keep = 0;
    for (size_t i = 0; i < P->nact; i++) {
      const struct S_span *sp = &P->rel[P->act[i]];
      if (sp->end > pos) {
        P->act[keep++] = P->act[i];
        continue;
      }
      if (r->findings[sp->k].end <= lim)
        S_ref(P, sp->k);
    }
    P->nact = keep;
    /* Spans starting here; empty ones are written at once. */
    for (; q < P->nrel && P->rel[q].start == pos; q++) {
      if (P->rel[q].start == P->rel[q].end)
        S_caret(P, P->rel[q].k);
      else
        S_act_add(P, &P->rel[q]);
    }
    if (t + 1 == nb)
      break;
    size_t end = P->bounds[t + 1];
    for (size_t i = 0; i < P->nact; i++)
      S_mark_open(P, P->rel[P->act[i]].k, 0);
    mtai_sink_html_str(s, r->doc.text + pos, end - pos);
    for (size_t i = 0; i < P->nact; i++)
      mtai_sink_puts(s, "</mark>");
  }
  /* Only spans running on into a later paragraph stay open. */
  keep = 0;
  for (size_t i = 0; i < P->ncarry; i++) {
    struct S_span sp = S_span_of(r, P->carry[i]);
    if (sp.start != sp.end && sp.end > b)
      P->carry[keep++] = P->carry[i];
  }
  P->ncarry = keep;
}

/* Carets for the findings of bucket 'i' that have no mark yet (a span in
 * the whitespace between paragraphs, or outside the text). */
static void S_leftovers(struct S_page *P, size_t i) {
  for (size_t j = P->first[i]; j < P->first[i + 1]; j++)
    if (!P->done[P->bypara[j]])
      S_caret(P, P->bypara[j]);
}

/* Writes at most about 'max' code points of t[a..b) HTML-escaped, "…"
 * where cut. */
static void S_text_cut(struct mtai_sink *s, const char *t, size_t a, size_t b,
                       size_t max) {
  size_t e = a, n = 0;
  while (e < b && n < max) {
    e++;
    while (e < b && ((unsigned char)t[e] & 0xC0) == 0x80)
      e++;
    n++;
  }
  mtai_sink_html_str(s, t + a, e - a);
  if (e < b)
    mtai_sink_puts(s, "\xE2\x80\xA6");
}

static void S_note(struct S_page *P, size_t k) {
  struct mtai_sink *s = P->s;
  P->noted[k] = 1;
  const struct mta_finding *f = &P->r->findings[k];
  const char *sev = S_sev(f->severity);
  int src = mtai_finding_has_src(P->r, f);
  mtai_sink_printf(s, "<li class=\"note cat-%s",
                   mtai_category_name(f->rule->category));
  if (src)
    mtai_sink_printf(s, " pk-%zu", k);
  mtai_sink_printf(s,
                   "\" id=\"n-%zu\"><div class=\"h\">"
                   "<a class=\"n\" href=\"#f-%zu\">%zu</a>"
                   "<span class=\"sev sev-%s\">%s</span>"
                   "<a class=\"rule\" href=\"#f-%zu\">",
                   k, k, k + 1, sev, mtai_severity_label(f->severity), k);
  S_text(s, f->rule->id);
  mtai_sink_printf(s,
                   "</a><span class=\"pos\">%zu:%zu</span></div>"
                   "<div class=\"msg\">",
                   f->line, f->col);
  S_text(s, f->message);
  mtai_sink_puts(s, "</div>");
  if (src) {
    /* The source span, linking to its mark in the source column. */
    mtai_sink_printf(s,
                     "<div class=\"srcq\">%s <a href=\"#s-%zu\" "
                     "lang=\"en\">",
                     _("source:"), k);
    S_text_cut(s, P->r->bi->src.text, f->src_start, f->src_end, 80);
    mtai_sink_puts(s, "</a></div>");
  }
  if (f->suggestion) {
    mtai_sink_puts(s, "<div class=\"sug\">\xE2\x86\x92 <span lang=\"de\">");
    S_text(s, f->suggestion);
    mtai_sink_puts(s, "</span></div>");
  }
  mtai_sink_puts(s, "</li>\n");
}

/* The notes of the findings of paragraphs [i, j) (bucket npara: outside
 * every paragraph) not written yet (an omission's note goes with the
 * omitted source paragraph: S_bead()). */
static void S_notes(struct S_page *P, size_t i, size_t j) {
  size_t x = P->first[i];
  while (x < P->first[j] && P->noted[P->bypara[x]])
    x++;
  if (x == P->first[j])
    return;
  mtai_sink_printf(P->s, "<aside class=\"notes\"%s><ol>\n", S_ui_lang());
  for (; x < P->first[j]; x++)
    if (!P->noted[P->bypara[x]])
      S_note(P, P->bypara[x]);
  mtai_sink_puts(P->s, "</ol></aside>\n");
}

/* The gutter entry of paragraph 'i': its number, linking to it, and its
 * score badge. */
static void S_gut_entry(struct mtai_sink *s, const struct mtai_doc *d,
                        size_t i) {
  const struct mtai_paragraph *p = &d->paras[i];
  mtai_sink_printf(s, "<a class=\"pno\" href=\"#p-%zu\" title=\"", i + 1);
  mtai_sink_printf(s, _("paragraph %zu, line %zu, %zu words"), i + 1,
                   (size_t)p->line, (size_t)p->words);
  mtai_sink_printf(s,
                   "\">\xC2\xB6\xE2\x80\x89%zu</a>"
                   "<span class=\"ps %s\" title=\"%s\">",
                   i + 1, S_grade(p->score, p->scored),
                   p->scored ? _("paragraph score")
                             : _("paragraph score (not scored)"));
  /* A paragraph left out of the score shows no score of its own. */
  if (p->scored)
    mtai_sink_score_ui(s, p->score);
  else
    mtai_sink_puts(s, "\xE2\x80\x93");
  mtai_sink_puts(s, "</span>");
}

/* The text of paragraph 'i' with its label (boilerplate, repeat, not
 * scored) and its findings marked. */
static void S_para_body(struct S_page *P, size_t i) {
  struct mtai_sink *s = P->s;
  const struct mtai_doc *d = &P->r->doc;
  const struct mtai_paragraph *p = &d->paras[i];
  int bp = p->kind == MTAI_PARA_BOILERPLATE;
  if (bp || p->dup_of || !p->scored) {
    mtai_sink_printf(s, "<span class=\"label\"%s", S_ui_lang());
    if (bp && mtai_para_bp_why(d, p)[0]) {
      mtai_sink_puts(s, " title=\"");
      S_text(s, mtai_para_bp_why(d, p));
      mtai_sink_puts(s, "\"");
    }
    mtai_sink_puts(s, ">");
    if (bp)
      mtai_sink_puts(s, _("boilerplate"));
    else if (p->dup_of)
      mtai_sink_printf(s, _("repeats \xC2\xB6\xE2\x80\x89%zu"),
                       (size_t)p->dup_of);
    else
      mtai_sink_puts(s, mtai_para_kind_label(p->kind));
    if (!p->scored)
      mtai_sink_printf(s, " \xC2\xB7 %s", _("not scored"));
    mtai_sink_puts(s, "</span>");
  }
  const char *tag = p->kind == MTAI_PARA_HEADING ? "h2" : "p";
  mtai_sink_printf(s, "<%s%s>", tag,
                   p->kind == MTAI_PARA_CAPTION ? " class=\"caption\"" : "");
  size_t lim = i + 1 < d->npara ? d->paras[i + 1].start : SIZE_MAX;
  size_t a = p->start <= d->len ? p->start : d->len;
  size_t b = p->end <= d->len ? p->end : d->len;
  S_para_text(P, a, b < a ? a : b, lim);
  S_leftovers(P, i);
  mtai_sink_printf(s, "</%s>", tag);
}

static void S_paragraph(struct S_page *P, size_t i) {
  struct mtai_sink *s = P->s;
  const struct mtai_doc *d = &P->r->doc;
  const struct mtai_paragraph *p = &d->paras[i];
  mtai_sink_printf(s, "<section class=\"para k-%s%s\" id=\"p-%zu\">\n",
                   mtai_para_kind_name(p->kind), p->dup_of ? " dup" : "",
                   i + 1);
  mtai_sink_printf(s, "<div class=\"gut\"%s>", S_ui_lang());
  S_gut_entry(s, d, i);
  mtai_sink_puts(s, "</div>\n<div class=\"txt\">");
  S_para_body(P, i);
  mtai_sink_puts(s, "</div>\n");
  S_notes(P, i, i + 1);
  mtai_sink_puts(s, "</section>\n");
}

/* ---- source and target side by side ----------------------------------- */

/* Per-page CSS of source-aware mode: a finding with a source span is a
 * pair of marks (target and source) and a note, all of class "pk-N";
 * hovering any of them, or following a link to one (:target), outlines
 * all three. No script: the page reads the same without one. The rule is
 * scoped to the row when all three are in one (the usual case): a :has()
 * over the whole page costs the browser a walk of the page per rule (45
 * such rules made a page of 1,500 rows load in 8 s instead of 5). */
static void S_pair_css(struct mtai_sink *s, const struct mta_report *r) {
  const struct mtai_bitext *bi = r->bi;
  for (size_t k = 0; k < r->nfind; k++) {
    const struct mta_finding *f = &r->findings[k];
    if (!mtai_finding_has_src(r, f))
      continue;
    size_t sa = mtai_doc_para_at(&bi->src, f->src_start);
    size_t sb = mtai_doc_para_at(&bi->src, f->src_end - 1);
    int row = f->para < r->doc.npara && f->start < f->end &&
              sa < bi->src.npara && sb < bi->src.npara &&
              bi->t_pbead[f->para] == bi->s_pbead[sa] &&
              bi->s_pbead[sa] == bi->s_pbead[sb];
    mtai_sink_printf(s,
                     "%s:has(.pk-%zu:hover,#f-%zu:target,#s-%zu:target,"
                     "#n-%zu:target) .pk-%zu{outline:2px solid var(--c);"
                     "outline-offset:2px;background:var(--t)}\n",
                     row ? ".pair" : ".doc", k, k, k, k, k);
  }
}

/* The source mark of finding k; its first segment carries id="s-k". */
static void S_src_mark_open(struct S_page *P, size_t k) {
  struct mtai_sink *s = P->s;
  const struct mta_finding *f = &P->r->findings[k];
  mtai_sink_printf(s, "<mark class=\"s cat-%s sev-%s pk-%zu\"",
                   mtai_category_name(f->rule->category), S_sev(f->severity),
                   k);
  if (!P->sdone[k]) {
    mtai_sink_printf(s, " id=\"s-%zu\"", k);
    P->sdone[k] = 1;
  } else {
    mtai_sink_printf(s, " data-s=\"%zu\"", k);
  }
  mtai_sink_puts(s, " title=\"");
  S_text(s, f->message);
  mtai_sink_puts(s, "\">");
}

/*
 * Writes the source text [a, b) of a source paragraph with the source
 * spans of findings marked: cut into segments at every span boundary,
 * each segment wrapped in one mark per span covering it (so the markup
 * nests whatever the spans), a reference to the finding's target mark
 * after the span's end. Source paragraphs come in text order, so the
 * spans are taken from P->sorder as the paragraphs pass them.
 */
static void S_src_text(struct S_page *P, size_t a, size_t b) {
  const struct mta_report *r = P->r;
  struct mtai_sink *s = P->s;
  const char *t = r->bi->src.text;
  size_t keep = 0;
  for (size_t i = 0; i < P->nscarry; i++)
    if (r->findings[P->scarry[i]].src_end > a)
      P->scarry[keep++] = P->scarry[i];
  P->nscarry = keep;
  while (P->snext < P->nsrc && P->sorder[P->snext].start < b) {
    struct S_span sp = P->sorder[P->snext++];
    if (sp.end > a)
      P->scarry[P->nscarry++] = sp.k;
  }
  size_t nrel = 0;
  for (size_t i = 0; i < P->nscarry; i++) {
    const struct mta_finding *f = &r->findings[P->scarry[i]];
    struct S_span sp = {f->src_start > a ? f->src_start : a,
                        f->src_end < b ? f->src_end : b, P->scarry[i]};
    if (sp.start < sp.end)
      P->srel[nrel++] = sp;
  }
  qsort(P->srel, nrel, sizeof *P->srel, S_span_cmp);
  size_t nb = 0;
  P->bounds[nb++] = a;
  P->bounds[nb++] = b;
  for (size_t i = 0; i < nrel; i++) {
    P->bounds[nb++] = P->srel[i].start;
    P->bounds[nb++] = P->srel[i].end;
  }
  qsort(P->bounds, nb, sizeof *P->bounds, S_size_cmp);
  size_t u = 0;
  for (size_t i = 0; i < nb; i++)
    if (!u || P->bounds[u - 1] != P->bounds[i])
      P->bounds[u++] = P->bounds[i];
  for (size_t x = 0; x + 1 < u; x++) {
    size_t pos = P->bounds[x], end = P->bounds[x + 1], open = 0;
    for (size_t i = 0; i < nrel; i++)
      if (P->srel[i].start <= pos && P->srel[i].end >= end) {
        S_src_mark_open(P, P->srel[i].k);
        open++;
      }
    mtai_sink_html_str(s, t + pos, end - pos);
    while (open--)
      mtai_sink_puts(s, "</mark>");
    for (size_t i = 0; i < nrel; i++) {
      size_t k = P->srel[i].k;
      if (P->srel[i].end == end && r->findings[k].src_end <= b)
        mtai_sink_printf(s,
                         "<sup class=\"fn cat-%s\"><a href=\"#f-%zu\">%zu</a>"
                         "</sup>",
                         mtai_category_name(r->findings[k].rule->category), k,
                         k + 1);
    }
  }
}

/* Calls 'fn' for every finding about the source paragraphs of omission
 * bead 'b' whose target span is empty (the place where the text is
 * missing; its caret stays there): its note belongs to the omission row.
 * P->sorder is by source start, so a binary search finds the first. */
static void S_omission_each(struct S_page *P, const struct mtai_bead *b,
                            void (*fn)(struct S_page *P, size_t k, size_t *n),
                            size_t *n) {
  size_t a, e;
  if (b->t_first < b->t_end || !mtai_bead_src_span(P->r->bi, b, 1, &a, &e))
    return;
  size_t lo = 0, hi = P->nsrc;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (P->sorder[mid].start < a)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t x = lo; x < P->nsrc && P->sorder[x].start < e; x++) {
    size_t k = P->sorder[x].k;
    if (P->r->findings[k].start == P->r->findings[k].end)
      fn(P, k, n);
  }
}

static void S_defer(struct S_page *P, size_t k, size_t *n) {
  (void)n;
  if (!P->noted[k])
    P->noted[k] = 2;
}

static void S_omission_note(struct S_page *P, size_t k, size_t *n) {
  if (P->noted[k] != 2)
    return;
  if (!(*n)++)
    mtai_sink_printf(P->s, "<aside class=\"notes\"%s><ol>\n", S_ui_lang());
  S_note(P, k);
}

/* The notes of omission row 'b' (set aside by S_defer() before the page
 * was written, so they go here whether the row comes before or after the
 * paragraph holding their caret). */
static void S_omission_notes(struct S_page *P, const struct mtai_bead *b) {
  size_t n = 0;
  S_omission_each(P, b, S_omission_note, &n);
  if (n)
    mtai_sink_puts(P->s, "</ol></aside>\n");
}

/*
 * One row of the side-by-side page: paragraph bead 'b', its source
 * paragraphs (English, left) and its target paragraphs (German, right,
 * each as on the monolingual page, with id p-N), the gutter entries and
 * the notes of the target paragraphs. An omission (no target) has an
 * empty German cell, an addition or a paragraph left out of the
 * alignment (boilerplate) an empty English cell.
 */
static void S_bead(struct S_page *P, size_t bx) {
  struct mtai_sink *s = P->s;
  const struct mtai_doc *d = &P->r->doc;
  const struct mtai_bitext *bi = P->r->bi;
  const struct mtai_bead *b = &bi->pb[bx];
  int heading = b->t_first < b->t_end;
  for (size_t i = b->t_first; i < b->t_end; i++)
    heading &= d->paras[i].kind == MTAI_PARA_HEADING;
  const char *what = b->t_first == b->t_end  ? " omission"
                     : b->s_first < b->s_end ? ""
                     : b->skipped            ? " skipped"
                                             : " addition";
  mtai_sink_printf(s, "<section class=\"para pair%s\" id=\"b-%zu\">\n", what,
                   bx + 1);
  mtai_sink_printf(s, "<div class=\"gut\"%s>", S_ui_lang());
  for (size_t i = b->t_first; i < b->t_end; i++)
    S_gut_entry(s, d, i);
  mtai_sink_puts(s, "</div>\n<div class=\"src\" lang=\"en\">");
  if (b->s_first == b->s_end)
    mtai_sink_printf(s, "<div class=\"none\" lang=\"%s\" title=\"%s\"></div>",
                     S_ui_lang()[0] ? "en" : "de",
                     _("no English paragraph is aligned with this one"));
  for (size_t j = b->s_first; j < b->s_end; j++) {
    const struct mtai_paragraph *q = &bi->src.paras[j];
    const char *tag = heading ? "h2" : "p";
    mtai_sink_printf(s, "<%s id=\"sp-%zu\">", tag, j + 1);
    size_t a = q->start <= bi->src.len ? q->start : bi->src.len;
    size_t e = q->end <= bi->src.len ? q->end : bi->src.len;
    S_src_text(P, a, e < a ? a : e);
    mtai_sink_printf(s, "</%s>", tag);
  }
  mtai_sink_puts(s, "</div>\n<div class=\"txt\">");
  if (b->t_first == b->t_end)
    mtai_sink_printf(s, "<div class=\"none\"%s title=\"%s\"></div>",
                     S_ui_lang(),
                     _("no German paragraph is aligned with this one"));
  for (size_t i = b->t_first; i < b->t_end; i++) {
    const struct mtai_paragraph *p = &d->paras[i];
    mtai_sink_printf(s, "<div class=\"tp k-%s%s\" id=\"p-%zu\">",
                     mtai_para_kind_name(p->kind), p->dup_of ? " dup" : "",
                     i + 1);
    S_para_body(P, i);
    mtai_sink_puts(s, "</div>");
  }
  mtai_sink_puts(s, "</div>\n");
  if (b->t_first < b->t_end)
    S_notes(P, b->t_first, b->t_end);
  else
    S_omission_notes(P, b);
  mtai_sink_puts(s, "</section>\n");
}

/* The column heads of the side-by-side page. */
static void S_pair_head(struct mtai_sink *s, const struct mta_report *r) {
  mtai_sink_printf(s,
                   "<div class=\"para pair cols\"%s><div "
                   "class=\"gut\"></div><div class=\"src\">%s \xC2\xB7 <b>",
                   S_ui_lang(), _("English source"));
  S_name(s, r->src_name ? r->src_name : r->bi->src.name);
  mtai_sink_printf(s, "</b></div><div class=\"txt\">%s \xC2\xB7 <b>",
                   _("German translation"));
  S_name(s, r->doc.name);
  mtai_sink_printf(s, "</b></div><div class=\"notes\">%s</div></div>\n",
                   _("Findings"));
}

static void S_header(struct mtai_sink *s, const struct mta_report *r) {
  /* Findings past the cap are not listed but counted. */
  size_t counts[3] = {r->dropped_sev[0], r->dropped_sev[1], r->dropped_sev[2]};
  size_t cats[MTAI_CAT__COUNT] = {0};
  /* Hidden by --min-severity: not listed, counted. */
  for (int k = 0; k < 3; k++)
    counts[k] += r->hidden_sev[k];
  for (int c = 0; c < MTAI_CAT__COUNT; c++)
    cats[c] += r->hidden_cat[c];
  for (size_t k = 0; k < r->nfind; k++) {
    const struct mta_finding *f = &r->findings[k];
    if ((unsigned)f->severity < 3)
      counts[f->severity]++;
    if ((unsigned)f->rule->category < MTAI_CAT__COUNT)
      cats[f->rule->category]++;
  }
  mtai_sink_printf(s,
                   "<header class=\"top card\"%s>\n<div>"
                   "<div class=\"kicker\">mtaudit \xC2\xB7 %s</div>\n<h1>",
                   S_ui_lang(), _("translation audit"));
  S_name(s, r->doc.name);
  mtai_sink_printf(s,
                   "</h1>\n<ul class=\"stats\"><li><b>%zu</b> %s</li>"
                   "<li><b>%zu</b> %s</li><li><b>%zu</b> %s"
                   "</li><li><b>%u</b> %s</li><li>%s <b>",
                   r->words, _("words"), r->doc.npara, _("paragraphs"),
                   r->nfind, _("findings"), r->penalty, _("penalty points"),
                   _("encoding"));
  S_name(s, r->doc.encoding);
  mtai_sink_puts(s, "</b></li>");
  if (r->src_name) {
    /* Source-aware mode: the source and whether it was used. */
    mtai_sink_printf(s, "<li class=\"source%s\">%s <b>", r->bi ? "" : " unused",
                     _("source"));
    S_name(s, r->src_name);
    if (r->bi)
      mtai_sink_printf(s, "</b> (%zu %s, %s)</li>", r->bi->src.npara,
                       P_("paragraph", "paragraphs", r->bi->src.npara),
                       r->bi->parallel ? _("paired unit by unit")
                                       : _("aligned"));
    else {
      mtai_sink_printf(s, "</b> %s ", _("not used:"));
      S_name(s, r->src_error ? r->src_error : _("cannot be used"));
      mtai_sink_puts(s, "</li>");
    }
  }
  if (r->hidden)
    mtai_sink_printf(s, "<li class=\"hidden\"><b>%zu</b> %s</li>", r->hidden,
                     _("findings hidden (--min-severity)"));
  if (r->unscored) {
    /* Words left out of the score, and why. */
    mtai_sink_printf(s, "<li class=\"unscored\"><b>%zu</b> %s ", r->unscored,
                     _("words unscored:"));
    for (size_t k = 0; k < r->nunsc; k++) {
      /* The rule id, its summary (translated) as a tooltip. */
      mta_rule_info ri;
      size_t x = mta_rule_find(r->unsc[k].kind);
      mtai_sink_printf(s, "%s%zu <span", k ? ", " : "", r->unsc[k].words);
      if (x != (size_t)-1 && mta_rule_get(x, &ri) == MTA_OK && ri.summary) {
        mtai_sink_puts(s, " title=\"");
        S_text(s, ri.summary);
        mtai_sink_puts(s, "\"");
      }
      mtai_sink_printf(s, ">%s</span>", r->unsc[k].kind);
    }
    mtai_sink_puts(s, "</li>");
  }
  mtai_sink_puts(s, "</ul>\n<ul class=\"sevs\">");
  static const mta_severity order[3] = {MTA_SEV_CRITICAL, MTA_SEV_MAJOR,
                                        MTA_SEV_MINOR};
  for (int i = 0; i < 3; i++)
    mtai_sink_printf(s, "<li class=\"sev sev-%s%s\">%zu %s</li>",
                     S_sev(order[i]), counts[order[i]] ? "" : " zero",
                     counts[order[i]], mtai_severity_label(order[i]));
  char why[96];
  mtai_report_why(r, why, sizeof why);
  mtai_sink_printf(s,
                   "</ul>\n</div>\n<div class=\"scorebox\"><div "
                   "class=\"num %s\">",
                   S_grade(r->score, r->scored));
  if (r->scored) {
    mtai_sink_score_ui(s, r->score);
    mtai_sink_printf(s, "</div><div class=\"of\">%s</div>",
                     _("article score / 100"));
  } else {
    mtai_sink_printf(s, "\xE2\x80\x93</div><div class=\"of\">%s ",
                     _("no score:"));
    S_text(s, why);
    mtai_sink_puts(s, "</div>");
  }
  /* The verdict only when a gate was set. */
  if (r->gated) {
    mtai_sink_printf(s, "<span class=\"badge %s\">%s</span>",
                     r->passed ? "pass" : "fail",
                     r->passed ? _("PASS") : _("FAIL"));
    if (!r->passed) {
      mtai_sink_puts(s, "<div class=\"why\">");
      S_text(s, why);
      mtai_sink_puts(s, "</div>");
    }
  }
  mtai_sink_puts(s, "</div>\n");
  mtai_sink_printf(s,
                   "<div class=\"legendbox\"><div><span class=\"lt\">"
                   "%s</span></div><ul class=\"legend\">",
                   _("Findings by category"));
  for (int c = 0; c < MTAI_CAT__COUNT; c++) {
    const char *name = mtai_category_name((enum mtai_category)c);
    mtai_sink_printf(s, "<li class=\"chip cat-%s%s\"><i></i>%s <b>%zu</b></li>",
                     name, cats[c] ? "" : " zero", mtai_category_label(c),
                     cats[c]);
  }
  mtai_sink_printf(s,
                   "</ul><div><span class=\"lt\">%s</span>"
                   "<span class=\"sample sev-minor\">%s</span>"
                   "<span class=\"sample sev-major\">%s</span>"
                   "<span class=\"sample sev-critical\">%s</span>"
                   "</div></div>\n</header>\n",
                   _("Severity"), mtai_severity_label(MTA_SEV_MINOR),
                   mtai_severity_label(MTA_SEV_MAJOR),
                   mtai_severity_label(MTA_SEV_CRITICAL));
}

static void S_document(struct mtai_sink *s, const struct mta_report *r,
                       const mta_render_options *ro, size_t index) {
  (void)index;
  struct S_page P;
  mta_status st = S_page_init(&P, s, r);
  if (st) {
    if (!s->status)
      s->status = st;
    return;
  }
  S_head(s, r->doc.name, "mtaudit", r);
  /* Written beside an index.html (-o DIR): a way back to it. */
  if (ro && (ro->flags & MTAI_RENDER_HAS_INDEX)) {
    /* English unless a catalog translated it (the page is lang="de"). */
    const char *all = _("All articles");
    mtai_sink_printf(s,
                     "<nav class=\"back\"%s><a href=\"index.html\">"
                     "\xE2\x86\x90 %s</a></nav>\n",
                     strcmp(all, "All articles") ? "" : " lang=\"en\"", all);
  }
  S_header(s, r);
  if (r->bi) {
    for (size_t b = 0; b < r->bi->npb; b++)
      S_omission_each(&P, &r->bi->pb[b], S_defer, NULL);
    mtai_sink_puts(s, "<main class=\"doc card bi\">\n");
    S_pair_head(s, r);
    for (size_t b = 0; b < r->bi->npb; b++)
      S_bead(&P, b);
  } else {
    mtai_sink_puts(s, "<main class=\"doc card\">\n");
    for (size_t i = 0; i < r->doc.npara; i++)
      S_paragraph(&P, i);
  }
  /* Findings attached to no paragraph (a document without any). */
  size_t out = r->doc.npara;
  if (P.first[out] < P.first[out + 1]) {
    mtai_sink_printf(s,
                     "<section class=\"para extra\"><div class=\"gut\">"
                     "</div><div class=\"txt\"><span class=\"label\"%s>%s"
                     "</span><p>",
                     S_ui_lang(), _("outside the paragraphs"));
    S_leftovers(&P, out);
    mtai_sink_puts(s, "</p></div>\n");
    S_notes(&P, out, out + 1);
    mtai_sink_puts(s, "</section>\n");
  }
  mtai_sink_puts(s, "</main>\n");
  S_footer(s);
  mtai_sink_puts(s, "</div>\n</body>\n</html>\n");
  S_page_free(&P);
}

const struct mtai_renderer mtai_render_html = {NULL, S_document, NULL, NULL};

/* ---- the index page ---------------------------------------------------- */

/* Up to three categories of 'row' with the most findings (ties in the
 * fixed category order), as chips. */
static void S_top_categories(struct mtai_sink *s, const struct mtai_row *row) {
  int used[MTAI_CAT__COUNT] = {0};
  for (int n = 0; n < 3; n++) {
    int best = -1;
    for (int c = 0; c < MTAI_CAT__COUNT; c++)
      if (!used[c] && row->cats[c] &&
          (best < 0 || row->cats[c] > row->cats[best]))
        best = c;
    if (best < 0)
      break;
    used[best] = 1;
    const char *name = mtai_category_name((enum mtai_category)best);
    mtai_sink_printf(s,
                     "<span class=\"chip cat-%s\"><i></i>%s <b>%zu</b>"
                     "</span>",
                     name, mtai_category_label(best), row->cats[best]);
  }
}

/* The columns of the index table; their names head the columns and, on a
 * narrow screen where every row is a card, label its cells (data-label). */
enum {
  S_COL_ARTICLE,
  S_COL_WORDS,
  S_COL_SCORE,
  S_COL_RESULT,
  S_COL_CRITICAL,
  S_COL_MAJOR,
  S_COL_MINOR,
  S_COL_TOP,
  S_COL__COUNT
};
static const char *const S_col_names[S_COL__COUNT] = {
    N_("Article"),  N_("Words"), N_("Score"), N_("Result"),
    N_("Critical"), N_("Major"), N_("Minor"), N_("Top categories")};

static void S_label(struct mtai_sink *s, int col) {
  mtai_sink_puts(s, " data-label=\"");
  S_text(s, _(S_col_names[col]));
  mtai_sink_puts(s, "\"");
}

static void S_count_cell(struct mtai_sink *s, size_t n, int col) {
  mtai_sink_printf(s, "<td class=\"r%s\" data-v=\"%zu\"", n ? "" : " z", n);
  S_label(s, col);
  mtai_sink_printf(s, ">%zu</td>", n);
}

static void S_index_row(struct mtai_sink *s, const struct mtai_row *row,
                        size_t i, int result_col) {
  mtai_sink_printf(s, "<tr data-i=\"%zu\"><td class=\"file\" data-v=\"", i);
  S_name(s, row->name);
  mtai_sink_puts(s, "\">");
  if (row->page) {
    /* "./" keeps the link relative whatever the name ("x:y.html"). */
    mtai_sink_puts(s, "<a href=\"./");
    S_text(s, row->page);
    mtai_sink_puts(s, "\">");
  }
  S_name(s, row->name);
  mtai_sink_printf(s, "%s</td><td class=\"r\" data-v=\"%zu\"",
                   row->page ? "</a>" : "", row->words);
  S_label(s, S_COL_WORDS);
  mtai_sink_printf(s, ">%zu</td>", row->words);
  char sc[16], ui[16];
  mtai_format_score(sc, row->score);
  mtai_format_score_ui(ui, row->score);
  mtai_sink_printf(s, "<td class=\"r\" data-v=\"%s\"", row->scored ? sc : "-1");
  S_label(s, S_COL_SCORE);
  if (row->scored)
    mtai_sink_printf(s, "><span class=\"ps %s\">%s</span></td>",
                     S_grade(row->score, 1), ui);
  else
    mtai_sink_printf(s,
                     "><span class=\"ps off\" title=\"%s\">"
                     "\xE2\x80\x93</span></td>",
                     _("no score"));
  /* The result: a badge only when a gate was set, and the reason of a
   * failure or of a missing score; no column when no article has either. */
  if (result_col) {
    mtai_sink_printf(s, "<td class=\"res\" data-v=\"%d\"",
                     !row->gated   ? -1
                     : row->passed ? 1
                                   : 0);
    S_label(s, S_COL_RESULT);
    mtai_sink_puts(s, ">");
    if (row->gated)
      mtai_sink_printf(s, "<span class=\"badge %s\">%s</span>",
                       row->passed ? "pass" : "fail",
                       row->passed ? "PASS" : "FAIL");
    if ((row->gated && !row->passed) || !row->scored) {
      mtai_sink_puts(s, "<span class=\"why\">");
      S_text(s, row->why);
      mtai_sink_puts(s, "</span>");
    }
    mtai_sink_puts(s, "</td>");
  }
  S_count_cell(s, row->counts[MTA_SEV_CRITICAL], S_COL_CRITICAL);
  S_count_cell(s, row->counts[MTA_SEV_MAJOR], S_COL_MAJOR);
  S_count_cell(s, row->counts[MTA_SEV_MINOR], S_COL_MINOR);
  mtai_sink_puts(s, "<td class=\"top\"");
  S_label(s, S_COL_TOP);
  mtai_sink_puts(s, ">");
  S_top_categories(s, row);
  mtai_sink_puts(s, "</td></tr>\n");
}

/* A threshold as the user wrote it ("90", "97.5"). */
static void S_num(char *out, size_t size, double v) {
  snprintf(out, size, "%.6f", v);
  char *e = out + strlen(out);
  while (e > out && e[-1] == '0')
    e--;
  if (e > out && e[-1] == '.')
    e--;
  *e = '\0';
}

/* The run under the index's heading: its date and time (ISO 8601, local
 * time with its offset from UTC), the mtaudit version, and the gate:
 * every threshold that was set, or that none was (no verdicts then). */
static void S_run_meta(struct mtai_sink *s, const struct mtai_batch *b) {
  char when[40] = "", iso[40] = "";
  struct tm tm;
  time_t t = b->started ? b->started : time(NULL);
  if (localtime_r(&t, &tm) &&
      strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%S%z", &tm)) {
    /* "+0100" -> "+01:00" (ISO 8601 extended format). */
    size_t n = strlen(iso);
    if (n >= 5 && n + 2 <= sizeof iso) {
      memmove(iso + n - 1, iso + n - 2, 3);
      iso[n - 2] = ':';
    }
    snprintf(when, sizeof when, "%.10s %.8s", iso, iso + 11);
  }
  mtai_sink_puts(s, "<div class=\"runbox\"><dl class=\"run\">");
  if (*iso)
    mtai_sink_printf(s,
                     "<div><dt>%s</dt><dd><time datetime=\"%s\">%s</time> "
                     "<span class=\"tz\">(UTC%.6s)</span></dd></div>",
                     _("Run"), iso, when, iso + 19);
  mtai_sink_printf(s, "<div><dt>%s</dt><dd>mtaudit %s</dd></div>", _("Version"),
                   mta_version_string());
  const struct mtai_gate *g = b->have_gate ? &b->gate : NULL;
  int any = g && (g->fail_under > 0 || g->on_severity || g->on_unscored);
  mtai_sink_printf(s, "<div class=\"gate\"><dt>%s</dt><dd>", _("Gate"));
  if (!any) {
    mtai_sink_puts(s, _("none set: no PASS or FAIL (--fail-under, --fail-on, "
                        "--fail-unscored)"));
  } else {
    char num[48];
    mtai_sink_puts(s, "<ul>");
    if (g->fail_under > 0) {
      S_num(num, sizeof num, g->fail_under);
      mtai_decimal_ui(num);
      mtai_sink_printf(s, "<li>%s <b>%s</b></li>", _("score at least"), num);
    }
    if (g->on_severity)
      mtai_sink_printf(s, "<li>%s <b>%s</b></li>", _("no finding of severity"),
                       mta_severity_name(g->fail_on));
    if (g->on_unscored) {
      S_num(num, sizeof num, g->fail_unscored);
      mtai_decimal_ui(num);
      mtai_sink_printf(s, "<li>%s <b>%s %%</b></li>",
                       _("unscored words at most"), num);
    }
    mtai_sink_printf(s, "<li>%s <b>%zu</b></li>", _("scored words at least"),
                     g->min_words);
    mtai_sink_puts(s, "</ul>");
  }
  mtai_sink_puts(s, "</dd></div></dl></div>\n");
}

void mtai_html_index(struct mtai_sink *s, const struct mtai_batch *b,
                     const mta_render_options *ro) {
  (void)ro;
  S_head(s, _("Batch report"), "mtaudit", NULL);
  size_t failed = b->failed <= b->nrows ? b->failed : b->nrows;
  size_t gated = 0, unscored = 0;
  for (size_t i = 0; i < b->nrows; i++) {
    gated += b->rows[i].gated != 0;
    unscored += !b->rows[i].scored;
  }
  mtai_sink_printf(s,
                   "<header class=\"top card\"%s>\n<div><div class=\"kicker\">"
                   "mtaudit \xC2\xB7 %s</div>\n<h1>%s</h1></div>\n"
                   "<ul class=\"cards\"><li><b>%zu</b>%s</li>",
                   S_ui_lang(), _("translation audit"), _("Batch report"),
                   b->nrows, _("articles"));
  /* Passed and failed only when a gate was set. */
  if (gated)
    mtai_sink_printf(s,
                     "<li class=\"ok\"><b>%zu</b>%s</li>"
                     "<li class=\"%s\"><b>%zu</b>%s</li>",
                     gated - failed, _("passed"), failed ? "bad" : "", failed,
                     _("failed"));
  if (unscored)
    mtai_sink_printf(s, "<li class=\"bad\"><b>%zu</b>%s</li>", unscored,
                     _("without a score"));
  if (b->supp_shown) /* a baseline or an accept list was in use */
    mtai_sink_printf(s, "<li><b>%zu</b>%s</li>", b->suppressed,
                     _("suppressed"));
  mtai_sink_printf(s, "<li class=\"%s\"><b>%zu</b>%s</li>",
                   b->nerrors ? "bad" : "", b->nerrors, _("errors"));
  if (b->hidden)
    mtai_sink_printf(s, "<li><b>%zu</b>%s</li>", b->hidden,
                     _("findings hidden (--min-severity)"));
  mtai_sink_puts(s, "</ul>\n");
  S_run_meta(s, b);
  mtai_sink_puts(s, "</header>\n");
  mtai_sink_printf(s, "<main class=\"idx card\"%s>\n", S_ui_lang());
  if (!b->nrows) {
    mtai_sink_printf(s, "<p class=\"empty-note\">%s</p>\n", _("No articles."));
  } else {
    mtai_sink_puts(s, "<table id=\"articles\"><thead><tr>");
    for (int c = 0; c < S_COL__COUNT; c++) {
      if (c == S_COL_RESULT && !(gated || unscored))
        continue;
      int num = c != S_COL_ARTICLE && c != S_COL_RESULT && c != S_COL_TOP;
      if (c == S_COL_TOP) {
        mtai_sink_printf(s, "<th>%s</th>", _(S_col_names[c]));
        continue;
      }
      mtai_sink_printf(s,
                       "<th%s data-sort=\"%s\"><button type=\"button\">%s"
                       "</button></th>",
                       num ? " class=\"r\"" : "",
                       c == S_COL_ARTICLE ? "text" : "num", _(S_col_names[c]));
    }
    mtai_sink_puts(s, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < b->nrows; i++)
      S_index_row(s, &b->rows[i], i, gated || unscored);
    mtai_sink_puts(s, "</tbody></table>\n");
  }
  mtai_sink_puts(s, "</main>\n");
  if (b->nerrors) {
    mtai_sink_printf(s,
                     "<section class=\"errors card\"%s><h2>%s</h2>\n<table>"
                     "<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr>"
                     "</thead>\n<tbody>\n",
                     S_ui_lang(), _("Inputs that could not be audited"),
                     _("Input"), _("Status"), _("Message"));
    for (size_t i = 0; i < b->nerrors; i++) {
      const struct mtai_error_row *e = &b->errors[i];
      mtai_sink_puts(s, "<tr><td class=\"file\">");
      S_name(s, e->name);
      mtai_sink_printf(s, "</td><td class=\"st\">%s</td><td>",
                       mtai_status_key(e->status));
      S_name(s, e->message);
      mtai_sink_puts(s, "</td></tr>\n");
    }
    mtai_sink_puts(s, "</tbody></table></section>\n");
  }
  S_footer(s);
  mtai_sink_puts(s, "</div>\n<script>\n");
  mtai_sink_data(s, "report.js"); /* assets/report.js */
  mtai_sink_puts(s, "</script>\n</body>\n</html>\n");
}
