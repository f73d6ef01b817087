/*
 * The document and report model: position look-ups, findings, and the
 * public accessors of mta_report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <limits.h>

#include "bitext.h"
#include "internal.h"

static const struct {
  const char *name;
  unsigned long rgb;
  int scraper;
} S_categories[MTAI_CAT__COUNT] = {
#define S_CAT(id, name, rgb, scraper) {name, rgb, scraper},
    MTAI_CATEGORIES(S_CAT)
#undef S_CAT
};

const char *mtai_category_name(enum mtai_category cat) {
  return (unsigned)cat < MTAI_CAT__COUNT ? S_categories[cat].name : "unknown";
}

unsigned long mtai_category_rgb(enum mtai_category cat) {
  return (unsigned)cat < MTAI_CAT__COUNT ? S_categories[cat].rgb : 0;
}

int mtai_category_scraper(enum mtai_category cat) {
  return (unsigned)cat < MTAI_CAT__COUNT && S_categories[cat].scraper;
}

const char *mtai_para_kind_name(enum mtai_para_kind kind) {
  switch (kind) {
  case MTAI_PARA_HEADING:
    return "heading";
  case MTAI_PARA_BOILERPLATE:
    return "boilerplate";
  case MTAI_PARA_CAPTION:
    return "caption";
  case MTAI_PARA_TEXT:
    break;
  }
  return "text";
}

void mtai_doc_clear(struct mtai_doc *d) {
  free(d->name);
  free(d->text);
  free(d->line_starts);
  free(d->paras);
  free(d->sents);
  free(d->toks);
  free(d->cls);
  free(d->cls_low);
  free(d->ann);
  free(d->tid); /* the token ids (toktab.c); the facts are the table's */
  free(d->bp);
  mtai_srcmap_free(d->srcmap);
  memset(d, 0, sizeof *d);
}

/* Binary search over line starts; the column counts code points from the
 * line start, so a multibyte letter is one column. */
size_t mtai_doc_line(const struct mtai_doc *d, size_t off) {
  size_t lo = 0, hi = d->nlines;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->line_starts[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo + 1;
}

void mtai_doc_linecol(const struct mtai_doc *d, size_t off, size_t *line,
                      size_t *col) {
  size_t lo = mtai_doc_line(d, off) - 1;
  size_t ls = d->nlines ? d->line_starts[lo] : 0;
  if (off > d->len)
    off = d->len;
  *line = lo + 1;
  *col = mtai_utf8_count(d->text + ls, off - ls) + 1;
}

size_t mtai_doc_srcoff(const struct mtai_doc *d, size_t off) {
  const struct mtai_srcmap *m = d->srcmap;
  if (!m || !m->n)
    return off;
  size_t lo = 0, hi = m->n;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->at[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  size_t s = off >= m->at[lo] ? m->src[lo] + (off - m->at[lo]) : m->src[lo];
  return s > m->len ? m->len : s;
}

void mtai_doc_srcpos(const struct mtai_doc *d, size_t off, size_t *line,
                     size_t *col) {
  const struct mtai_srcmap *m = d->srcmap;
  if (!m) {
    mtai_doc_linecol(d, off, line, col);
    return;
  }
  struct mtai_doc file = {.text = m->text,
                          .len = m->len,
                          .line_starts = m->line_starts,
                          .nlines = m->nlines};
  mtai_doc_linecol(&file, mtai_doc_srcoff(d, off), line, col);
}

static int S_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int mtai_doc_in_url(const struct mtai_doc *d, size_t off) {
  size_t a = off, b = off;
  while (a > 0 && !S_ascii_space(d->text[a - 1]))
    a--;
  while (b < d->len && !S_ascii_space(d->text[b]))
    b++;
  const char *s = d->text + a;
  size_t n = b - a;
  static const char *const marks[] = {"://", "www.", "@"};
  for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
    size_t m = strlen(marks[k]);
    for (size_t i = 0; i + m <= n; i++)
      if (!memcmp(s + i, marks[k], m))
        return 1;
  }
  return 0;
}

size_t mtai_doc_para_at(const struct mtai_doc *d, size_t off) {
  size_t lo = 0, hi = d->npara;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->paras[mid].start <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

/* Accounts for a finding past the cap: not kept, but counted per severity
 * and charged to its paragraph, so that score and gates see it. */
static void S_drop(struct mta_report *r, const struct mta_rule *rule,
                   mta_severity sev, size_t start) {
  r->dropped++;
  if ((unsigned)sev < 3)
    r->dropped_sev[sev]++;
  if (!r->doc.npara)
    return;
  struct mtai_paragraph *p = &r->doc.paras[mtai_doc_para_at(&r->doc, start)];
  int k = mtai_category_scraper(rule->category);
  unsigned pen = mtai_severity_penalty(sev);
  p->drop_penalty[k] =
      p->drop_penalty[k] > UINT_MAX - pen ? UINT_MAX : p->drop_penalty[k] + pen;
  if ((unsigned)sev + 1 > p->drop_sev[k])
    p->drop_sev[k] = (unsigned char)(sev + 1);
}

mta_status mtai_report_vadd(struct mta_report *r, const struct mta_rule *rule,
                            mta_severity sev, size_t start, size_t end,
                            const char *suggestion, const char *fmt,
                            va_list ap) {
  if (r->nfind >= MTAI_MAX_FINDINGS) {
    S_drop(r, rule, sev, start);
    return MTA_OK;
  }
  if (r->nfind == r->capfind) {
    size_t cap = r->capfind ? r->capfind * 2 : 32;
    struct mta_finding *p = realloc(r->findings, cap * sizeof *p);
    if (!p)
      return MTA_ERR_NOMEM;
    r->findings = p;
    r->capfind = cap;
  }
  struct mta_buf msg;
  mtai_buf_init(&msg, 0);
  mta_status st = mtai_buf_vprintf(&msg, fmt, ap);
  if (st) {
    mtai_buf_free(&msg);
    return st;
  }
  struct mta_finding *f = &r->findings[r->nfind];
  f->seq = r->nfind;
  f->rule = rule;
  f->severity = sev;
  f->start = start;
  f->end = end < start ? start : end;
  f->para = mtai_doc_para_at(&r->doc, start);
  mtai_doc_srcpos(&r->doc, start, &f->line, &f->col);
  f->message = mtai_buf_detach(&msg);
  f->suggestion = suggestion ? strdup(suggestion) : NULL;
  f->alts = NULL;
  f->src_start = f->src_end = 0;
  f->fp[0] = '\0';
  if (!f->message || (suggestion && !f->suggestion)) {
    free(f->message);
    free(f->suggestion);
    return MTA_ERR_NOMEM;
  }
  r->nfind++;
  return MTA_OK;
}

mta_status mtai_report_add(struct mta_report *r, const struct mta_rule *rule,
                           mta_severity sev, size_t start, size_t end,
                           const char *suggestion, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  mta_status st =
      mtai_report_vadd(r, rule, sev, start, end, suggestion, fmt, ap);
  va_end(ap);
  return st;
}

/* Insertion sort keeps equal positions in insertion (check) order; the
 * findings arrive nearly sorted per check, so this is cheap in practice. */
static int S_finding_cmp(const void *x, const void *y) {
  const struct mta_finding *a = x, *b = y;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void mtai_findings_sort(struct mta_report *r) {
  /* By position; findings at the same span keep the order of addition. */
  if (r->nfind > 1)
    qsort(r->findings, r->nfind, sizeof *r->findings, S_finding_cmp);
}

void mtai_report_hide_below(struct mta_report *r, mta_severity min) {
  size_t keep = 0;
  for (size_t i = 0; i < r->nfind; i++) {
    struct mta_finding *f = &r->findings[i];
    if (f->severity >= min) {
      r->findings[keep++] = *f;
      continue;
    }
    r->hidden++;
    if ((unsigned)f->severity < 3)
      r->hidden_sev[f->severity]++;
    if ((unsigned)f->rule->category < MTAI_CAT__COUNT)
      r->hidden_cat[f->rule->category]++;
    free(f->message);
    free(f->suggestion);
  }
  r->nfind = keep;
  /* Findings past the cap below 'min' are hidden, not "not listed". */
  for (int k = 0; k < 3 && k < (int)min; k++) {
    r->hidden += r->dropped_sev[k];
    r->hidden_sev[k] += r->dropped_sev[k];
    r->dropped -= r->dropped_sev[k];
    r->dropped_sev[k] = 0;
  }
}

void mta_report_free(mta_report *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->nfind; i++) {
    free(r->findings[i].message);
    free(r->findings[i].suggestion);
    free(r->findings[i].alts);
  }
  free(r->findings);
  for (size_t i = 0; i < r->nunchanged; i++) {
    free(r->unchanged[i].message);
    free(r->unchanged[i].suggestion);
  }
  free(r->unchanged);
  free(r->unsc);
  free(r->rec_id);
  free(r->rec_extra);
  free(r->src_name);
  free(r->src_error);
  free(r->config);
  mtai_bitext_free(r->bi);
  mtai_doc_clear(&r->doc);
  free(r);
}

const char *mta_report_name(const mta_report *r) {
  return r ? r->doc.name : NULL;
}

const char *mta_report_encoding(const mta_report *r) {
  return r ? r->doc.encoding : NULL;
}

size_t mta_report_words(const mta_report *r) { return r ? r->words : 0; }

double mta_report_score(const mta_report *r) {
  return r && r->scored ? r->score : 0.0;
}

int mta_report_passed(const mta_report *r) { return r ? r->passed : 0; }

int mta_report_scored(const mta_report *r) { return r ? r->scored : 0; }

int mta_report_gated(const mta_report *r) { return r ? r->gated : 0; }

mta_reason mta_report_reason(const mta_report *r) {
  return r ? r->reason : MTA_REASON_NONE;
}

size_t mta_report_unscored_words(const mta_report *r) {
  return r ? r->unscored : 0;
}

size_t mta_report_unscored_kind_count(const mta_report *r) {
  return r ? r->nunsc : 0;
}

mta_status mta_report_unscored_kind(const mta_report *r, size_t i,
                                    const char **kind, size_t *words) {
  if (!r || !kind || i >= r->nunsc)
    return MTA_ERR_INVALID_ARG;
  *kind = r->unsc[i].kind;
  if (words)
    *words = r->unsc[i].words;
  return MTA_OK;
}

size_t mta_report_paragraph_count(const mta_report *r) {
  return r ? r->doc.npara : 0;
}

size_t mta_report_finding_count(const mta_report *r) {
  return r ? r->nfind : 0;
}

mta_status mta_report_finding(const mta_report *r, size_t i,
                              mta_finding_info *info) {
  if (!r || !info || i >= r->nfind)
    return MTA_ERR_INVALID_ARG;
  const struct mta_finding *f = &r->findings[i];
  info->rule = f->rule->id;
  info->category = mtai_category_name(f->rule->category);
  info->severity = f->severity;
  info->paragraph = f->para + 1;
  info->line = f->line;
  info->column = f->col;
  info->start = f->start;
  info->end = f->end;
  info->message = f->message;
  info->suggestion = f->suggestion;
  int has_src =
      r->bi && f->src_end > f->src_start && f->src_end <= r->bi->src.len;
  info->source_start = has_src ? f->src_start : 0;
  info->source_end = has_src ? f->src_end : 0;
  info->source_text = has_src ? r->bi->src.text + f->src_start : NULL;
  info->fingerprint = f->fp;
  return MTA_OK;
}

const char *mta_report_config(const mta_report *r) {
  return r ? r->config : NULL;
}

const char *mta_report_source_name(const mta_report *r) {
  return r ? r->src_name : NULL;
}

const char *mta_report_source_error(const mta_report *r) {
  return r ? r->src_error : NULL;
}
