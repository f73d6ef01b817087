/*
 * Report writer: streams reports in one format to a FILE * or an output
 * file (atomic.c), keeping only a small row per document for the batch
 * summary. mta_render() is the same machinery on a string buffer for a
 * single report.
 *
 * Failures are sticky: the first one is kept (status and "PATH: reason"
 * message) and nothing more is written, so that a half-written report
 * never looks finished: the output file is not renamed into place, and
 * the HTML index is not written.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "emit.h"
#include "vec.h"
#include "i18n.h"

struct mta_writer {
  char *dir;                /* directory mode (HTML): one file per document */
  struct mtai_strset pages; /* page names used so far */
  const struct mtai_renderer *rd;
  mta_render_options ro;
  struct mtai_sink sink;
  struct mtai_out out; /* mta_writer_new_path(): the output file */
  struct mtai_batch batch;
  int keep_rows; /* the format shows a summary table or index */
  int begun, finished;
  mta_status failed; /* first failure, or MTA_OK */
  char *errmsg;      /* its description, or NULL */
};

/* Records the first failure of 'w': 'st' with the caller-owned message
 * 'why' (taken; NULL: the status's text). Returns the first failure. */
static mta_status S_fail(mta_writer *w, mta_status st, char *why) {
  if (!w->failed) {
    w->failed = st;
    w->errmsg = why;
  } else {
    free(why);
  }
  return w->failed;
}

/* A failure of the writer's own sink: names the output and the system's
 * reason when there is one. */
static mta_status S_sink_failed(mta_writer *w) {
  mta_status st = w->sink.status;
  char *why = NULL;
  if (st == MTA_ERR_IO && w->out.path)
    mtai_out_error(&why, w->out.path, "write error", w->sink.err);
  else if (st == MTA_ERR_IO) {
    const char *r = strerror(w->sink.err ? w->sink.err : EIO);
    size_t n = strlen(r) + 16;
    if ((why = malloc(n)))
      snprintf(why, n, "write error: %s", r);
  }
  return S_fail(w, st, why);
}

/* Flushes the writer's stream after a document; a failure is recorded. */
static mta_status S_flush(mta_writer *w) {
  if (w->sink.fp && !w->sink.status) {
    errno = 0;
    if (fflush(w->sink.fp)) {
      w->sink.err = errno ? errno : EIO;
      w->sink.status = MTA_ERR_IO;
    }
  }
  return w->sink.status ? S_sink_failed(w) : MTA_OK;
}

void mtai_row_of(struct mtai_row *row, const struct mta_report *r) {
  memset(row, 0, sizeof *row);
  row->name = r->doc.name;
  row->words = r->words;
  row->score = r->score;
  row->scored = r->scored;
  row->gated = r->gated;
  row->passed = r->passed;
  row->reason = r->reason;
  row->unscored = r->unscored;
  row->suppressed = r->supp_baseline + r->supp_accept;
  row->supp_shown = r->supp_shown;
  mtai_report_why(r, row->why, sizeof row->why);
  for (size_t i = 0; i < r->nfind; i++) {
    row->counts[r->findings[i].severity]++;
    row->cats[r->findings[i].rule->category]++;
  }
  /* Findings past the cap count too (by severity; not kept, so not by
   * category). */
  for (int k = 0; k < 3; k++)
    row->counts[k] += r->dropped_sev[k];
  /* Hidden findings (--min-severity) count too, and are said to be. */
  for (int k = 0; k < 3; k++)
    row->counts[k] += r->hidden_sev[k];
  for (int c = 0; c < MTAI_CAT__COUNT; c++)
    row->cats[c] += r->hidden_cat[c];
  row->hidden = r->hidden;
}

/* A threshold as the user wrote it: "90", "97.5" (at most 12 digits after
 * the point, as the configuration file allows; no trailing zeros). */
static void S_threshold(char *out, size_t size, double v) {
  snprintf(out, size, "%.12f", v);
  char *dot = strchr(out, '.');
  if (!dot)
    return;
  char *e = out + strlen(out);
  while (e > dot + 1 && e[-1] == '0')
    e--;
  if (e == dot + 1)
    e = dot;
  *e = '\0';
}

int mtai_finding_suggestion(const struct mta_finding *f, size_t k,
                            const char **p, size_t *n) {
  if (!f->suggestion)
    return 0;
  if (!f->alts) {
    *p = f->suggestion;
    *n = strlen(f->suggestion);
    return k == 0;
  }
  const char *s = f->alts;
  for (;;) {
    const char *e = strstr(s, ", ");
    if (k == 0) {
      *p = s;
      *n = e ? (size_t)(e - s) : strlen(s);
      return *n > 0;
    }
    if (!e)
      return 0;
    s = e + 2;
    k--;
  }
}

void mtai_sink_json_suggestions(struct mtai_sink *s,
                                const struct mta_finding *f) {
  if (!f->suggestion)
    return;
  mtai_sink_puts(s, ", \"suggestion\": ");
  mtai_sink_json_cstr(s, f->suggestion);
  /* Every suggestion, the first being "suggestion". */
  mtai_sink_puts(s, ", \"suggestions\": [");
  const char *sp;
  size_t sn;
  for (size_t k = 0; mtai_finding_suggestion(f, k, &sp, &sn); k++) {
    mtai_sink_puts(s, k ? ", " : "");
    mtai_sink_json_str(s, sp, sn);
  }
  mtai_sink_puts(s, "]");
}

void mtai_report_why(const struct mta_report *r, char *out, size_t size) {
  char a[48], b[48];
  size_t all = r->words + r->unscored;
  double share = all ? 100.0 * (double)r->unscored / (double)all : 0.0;
  switch (r->reason) {
  case MTA_REASON_NO_TEXT:
    if (r->unscored)
      snprintf(out, size, _("no article text, all %zu words unscored"),
               r->unscored);
    else
      snprintf(out, size, _("no article text"));
    return;
  case MTA_REASON_TOO_LITTLE_TEXT:
    snprintf(out, size,
             P_("%zu scored word, fewer than %zu",
                "%zu scored words, fewer than %zu", r->words),
             r->words, r->gate.min_words);
    return;
  case MTA_REASON_SCORE:
    mtai_format_score_ui(a, r->score);
    S_threshold(b, sizeof b, r->gate.fail_under);
    mtai_decimal_ui(b);
    snprintf(out, size, _("score %s under %s"), a, b);
    return;
  case MTA_REASON_SEVERITY:
    snprintf(out, size, _("a scored finding of severity %s or worse"),
             mtai_severity_label(r->gate.fail_on));
    return;
  case MTA_REASON_UNSCORED:
    snprintf(a, sizeof a, "%.1f", share);
    S_threshold(b, sizeof b, r->gate.fail_unscored);
    mtai_decimal_ui(a);
    mtai_decimal_ui(b);
    snprintf(out, size, _("%s %% of the words unscored, more than %s %%"), a,
             b);
    return;
  case MTA_REASON_NONE:
  case MTA_REASON_LAST:
    break;
  }
  if (size)
    out[0] = '\0';
}

/* The index of the sentence of 'd' holding byte 'off': the last one
 * starting at or before it (0 when none does). */
static size_t S_sent_at(const struct mtai_doc *d, size_t off) {
  size_t lo = 0, hi = d->nsent;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->sents[mid].start <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

void mtai_src_sentences(const struct mtai_bitext *bi, size_t start, size_t end,
                        size_t *a, size_t *b) {
  const struct mtai_doc *d = &bi->src;
  *a = start;
  *b = end;
  if (!d->nsent || end <= start)
    return;
  const struct mtai_sentence *first = &d->sents[S_sent_at(d, start)];
  const struct mtai_sentence *last = &d->sents[S_sent_at(d, end - 1)];
  if (first->start <= start && first->end > start)
    *a = first->start;
  if (last->start < end && last->end >= end)
    *b = last->end;
}

size_t mtai_src_paragraphs(const struct mta_report *r) {
  return r->bi ? r->bi->src.npara : 0;
}

static const struct mtai_renderer *S_renderer(mta_format f) {
  switch (f) {
  case MTA_FORMAT_TEXT:
    return &mtai_render_text;
  case MTA_FORMAT_JSON:
    return &mtai_render_json;
  case MTA_FORMAT_JSONL:
    return &mtai_render_jsonl;
  case MTA_FORMAT_HTML:
    return &mtai_render_html;
  case MTA_FORMAT_SARIF:
    return &mtai_render_sarif;
  case MTA_FORMAT_CSV:
    return &mtai_render_csv;
  }
  return NULL;
}

mta_status mta_writer_new(mta_format format, const mta_render_options *ro,
                          FILE *fp, mta_writer **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  const struct mtai_renderer *rd = S_renderer(format);
  /* HTML is one page per article: see mta_writer_new_dir(). */
  if (!rd || !fp || format == MTA_FORMAT_HTML)
    return MTA_ERR_INVALID_ARG;
  mta_writer *w = calloc(1, sizeof *w);
  if (!w)
    return MTA_ERR_NOMEM;
  w->rd = rd;
  w->keep_rows = format == MTA_FORMAT_TEXT;
  if (ro)
    w->ro = *ro;
  mtai_sink_init(&w->sink, fp, NULL);
  *out = w;
  return MTA_OK;
}

static void S_begin(mta_writer *w) {
  if (!w->begun && w->rd->begin)
    w->rd->begin(&w->sink, &w->ro);
  w->begun = 1;
}

/* Writes file 'path' of the directory writer (atomic.c decides how):
 * report 'r' as a page, or with 'r' NULL the index of batch 'b'. A
 * failure is recorded in 'w' with the path and the system's reason. */
static mta_status S_write_file(mta_writer *w, const char *path,
                               const mta_report *r,
                               const struct mtai_batch *b) {
  struct mtai_out o;
  char *why = NULL;
  mta_status st = mtai_out_open(&o, path, &why);
  if (st)
    return S_fail(w, st, why);
  struct mtai_sink sink;
  mtai_sink_init(&sink, o.fp, NULL);
  mta_render_options ro = w->ro;
  ro.flags |= MTAI_RENDER_HAS_INDEX;
  if (r)
    w->rd->document(&sink, r, &ro, 0);
  else
    mtai_html_index(&sink, b, &w->ro);
  if (sink.status) {
    mtai_out_close(&o, 0, &why);
    if (sink.status == MTA_ERR_IO)
      mtai_out_error(&why, path, "write error", sink.err);
    return S_fail(w, sink.status, why);
  }
  if ((st = mtai_out_close(&o, 1, &why)))
    return S_fail(w, st, why);
  return MTA_OK;
}

/* Directory mode: the page of report 'r', named after the document. */
static mta_status S_page(mta_writer *w, const mta_report *r,
                         struct mtai_row *row) {
  const char *base = strrchr(r->doc.name, '/');
  base = base ? base + 1 : r->doc.name;
  struct mta_buf name;
  mtai_buf_init(&name, 0);
  for (const char *p = base; *p && mtai_buf_len(&name) < 120; p++) {
    char c = *p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9') || c == '-' || c == '_' ||
             (c == '.' && p != base);
    mtai_buf_putc(&name, ok ? c : '_');
  }
  if (!mtai_buf_len(&name) || !strcmp(mtai_buf_str(&name), "index"))
    mtai_buf_puts(&name, "article");
  /* Unique within the batch: "a.txt.html", "a.txt-2.html", ... */
  size_t stem = mtai_buf_len(&name);
  mtai_buf_puts(&name, ".html");
  for (unsigned k = 2;
       mtai_strset_has(&w->pages, mtai_buf_str(&name), mtai_buf_len(&name));
       k++) {
    mtai_buf_truncate(&name, stem);
    mtai_buf_printf(&name, "-%u.html", k);
  }
  mta_status st =
      mtai_strset_add(&w->pages, mtai_buf_str(&name), mtai_buf_len(&name));
  struct mta_buf path;
  mtai_buf_init(&path, 0);
  if (!st)
    st = mtai_buf_printf(&path, "%s/%s", w->dir, mtai_buf_str(&name));
  if (!st)
    st = S_write_file(w, mtai_buf_str(&path), r, NULL);
  mtai_buf_free(&path);
  if (!st) {
    row->page = mtai_buf_detach(&name);
    if (!row->page)
      st = MTA_ERR_NOMEM;
  }
  mtai_buf_free(&name);
  return st;
}

/* Sets '*why' to "PATH: WHAT" for a failure without an errno. */
static mta_status S_msg(char **why, mta_status st, const char *path,
                        const char *what) {
  if (why) {
    size_t n = strlen(path) + strlen(what) + 3;
    if ((*why = malloc(n)))
      snprintf(*why, n, "%s: %s", path, what);
  }
  return st;
}

/* Directory mode: creates 'dir' when missing and removes an index.html of
 * an earlier run (see mta_writer_new_dir()). */
static mta_status S_new_dir(const mta_render_options *ro, const char *dir,
                            mta_writer **out, char **why) {
  if (mkdir(dir, 0777) && errno != EEXIST)
    return mtai_out_error(why, dir, "cannot create the directory", errno);
  struct stat stt;
  if (stat(dir, &stt))
    return mtai_out_error(why, dir, NULL, errno);
  if (!S_ISDIR(stt.st_mode))
    return S_msg(why, MTA_ERR_IO, dir, "not a directory");
  mta_writer *w = calloc(1, sizeof *w);
  if (!w)
    return MTA_ERR_NOMEM;
  w->dir = strdup(dir);
  struct mta_buf index;
  mtai_buf_init(&index, 0);
  mta_status st =
      w->dir ? mtai_buf_printf(&index, "%s/index.html", dir) : MTA_ERR_NOMEM;
  struct stat ist;
  if (!st && lstat(mtai_buf_str(&index), &ist) == 0 &&
      unlink(mtai_buf_str(&index)))
    st = mtai_out_error(why, mtai_buf_str(&index),
                        "cannot remove the old index", errno);
  mtai_buf_free(&index);
  if (st) {
    free(w->dir);
    free(w);
    return st;
  }
  mtai_strset_init(&w->pages);
  w->rd = &mtai_render_html;
  w->keep_rows = 1;
  /* The run's date on the index: now, or SOURCE_DATE_EPOCH when set (a
   * reproducible report, as reproducible-builds.org defines it). */
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  char *end = NULL;
  long long t = sde && *sde ? strtoll(sde, &end, 10) : 0;
  w->batch.started = end && !*end && t >= 0 ? (time_t)t : time(NULL);
  if (ro)
    w->ro = *ro;
  *out = w;
  return MTA_OK;
}

mta_status mta_writer_new_dir(mta_format format, const mta_render_options *ro,
                              const char *dir, mta_writer **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (format != MTA_FORMAT_HTML || !dir || !*dir)
    return MTA_ERR_INVALID_ARG;
  char *why = NULL;
  mta_status st = S_new_dir(ro, dir, out, &why);
  free(why);
  return st;
}

mta_status mta_writer_new_path(mta_format format, const mta_render_options *ro,
                               const char *path, mta_writer **out,
                               char **errmsg) {
  char *why = NULL;
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  const struct mtai_renderer *rd = S_renderer(format);
  if (!rd || !path || !*path)
    return MTA_ERR_INVALID_ARG;
  mta_status st;
  if (format == MTA_FORMAT_HTML) {
    st = S_new_dir(ro, path, out, &why);
  } else {
    mta_writer *w = calloc(1, sizeof *w);
    if (!w)
      return MTA_ERR_NOMEM;
    st = mtai_out_open(&w->out, path, &why);
    if (st) {
      free(w);
    } else {
      w->rd = rd;
      w->keep_rows = format == MTA_FORMAT_TEXT;
      if (ro)
        w->ro = *ro;
      mtai_sink_init(&w->sink, w->out.fp, NULL);
      *out = w;
    }
  }
  if (st && !why)
    why = strdup(mta_strerror(st));
  if (errmsg)
    *errmsg = why;
  else
    free(why);
  return st;
}

const char *mta_writer_errmsg(const mta_writer *w) {
  if (!w || !w->failed)
    return "";
  return w->errmsg ? w->errmsg : mta_strerror(w->failed);
}

mta_status mta_writer_add(mta_writer *w, const mta_report *r) {
  if (!w || !r || w->finished)
    return MTA_ERR_INVALID_ARG;
  if (w->failed)
    return w->failed;
  struct mtai_batch *b = &w->batch;
  if (w->keep_rows && mtai_vec_reserve(b->rows, b->caprows, b->nrows + 1))
    return S_fail(w, MTA_ERR_NOMEM, NULL);
  struct mtai_row row;
  mtai_row_of(&row, r);
  row.name = strdup(r->doc.name);
  if (!row.name)
    return S_fail(w, MTA_ERR_NOMEM, NULL);
  S_begin(w);
  if (w->dir) {
    mta_status st = S_page(w, r, &row);
    if (st) {
      free(row.name);
      free(row.page);
      return st;
    }
  } else {
    w->rd->document(&w->sink, r, &w->ro, b->ndocs);
  }
  b->ndocs++;
  b->hidden += r->hidden;
  b->gate = r->gate;
  b->have_gate = 1;
  if (w->keep_rows) {
    b->rows[b->nrows++] = row;
  } else {
    free(row.name);
    free(row.page);
  }
  if (!r->passed)
    b->failed++;
  b->suppressed += r->supp_baseline + r->supp_accept;
  b->supp_shown |= r->supp_shown;
  return S_flush(w);
}

mta_status mta_writer_add_error(mta_writer *w, const char *name,
                                mta_status status, const char *message) {
  return mta_writer_add_record_error(w, name, NULL, 0, status, message);
}

/* 'line' 0: not a record (mta_writer_add_error()). */
mta_status mta_writer_add_record_error(mta_writer *w, const char *name,
                                       const char *id, size_t line,
                                       mta_status status, const char *message) {
  if (!w || !name || w->finished)
    return MTA_ERR_INVALID_ARG;
  if (w->failed)
    return w->failed;
  struct mtai_batch *b = &w->batch;
  if (mtai_vec_reserve(b->errors, b->caperrors, b->nerrors + 1))
    return S_fail(w, MTA_ERR_NOMEM, NULL);
  struct mtai_error_row e = {strdup(name),
                             status,
                             strdup(message ? message : mta_strerror(status)),
                             line != 0,
                             id ? strdup(id) : NULL,
                             line};
  if (!e.name || !e.message || (id && !e.id)) {
    free(e.name);
    free(e.message);
    free(e.id);
    return S_fail(w, MTA_ERR_NOMEM, NULL);
  }
  S_begin(w);
  if (w->rd->error)
    w->rd->error(&w->sink, &e, &w->ro, b->nerrors);
  b->errors[b->nerrors++] = e;
  return w->sink.status ? S_sink_failed(w) : MTA_OK;
}

/* The HTML index is written only when every page was; an output file is
 * renamed into place only when everything was written. */
mta_status mta_writer_finish(mta_writer *w) {
  if (!w || w->finished)
    return MTA_ERR_INVALID_ARG;
  w->finished = 1;
  char *why = NULL;
  if (w->failed) {
    mtai_out_close(&w->out, 0, &why);
    return w->failed;
  }
  S_begin(w);
  if (w->dir) {
    struct mta_buf path;
    mtai_buf_init(&path, 0);
    mta_status st = mtai_buf_printf(&path, "%s/index.html", w->dir);
    if (!st)
      st = S_write_file(w, mtai_buf_str(&path), NULL, &w->batch);
    mtai_buf_free(&path);
    return st ? S_fail(w, st, NULL) : MTA_OK;
  }
  if (w->rd->end)
    w->rd->end(&w->sink, &w->batch, &w->ro);
  mta_status st = S_flush(w);
  if (st) {
    mtai_out_close(&w->out, 0, &why);
    return st;
  }
  if ((st = mtai_out_close(&w->out, 1, &why)))
    return S_fail(w, st, why);
  return MTA_OK;
}

void mta_writer_free(mta_writer *w) {
  if (!w)
    return;
  char *why = NULL;
  mtai_out_close(&w->out, 0, &why); /* unfinished: the old file stays */
  free(w->errmsg);
  for (size_t i = 0; i < w->batch.nrows; i++) {
    free(w->batch.rows[i].name);
    free(w->batch.rows[i].page);
  }
  for (size_t i = 0; i < w->batch.nerrors; i++) {
    free(w->batch.errors[i].name);
    free(w->batch.errors[i].message);
    free(w->batch.errors[i].id);
  }
  free(w->batch.rows);
  free(w->batch.errors);
  free(w->dir);
  if (w->dir || w->pages.slots)
    mtai_strset_free(&w->pages);
  free(w);
}

mta_status mta_render(const mta_report *r, mta_format format,
                      const mta_render_options *ro, char **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  const struct mtai_renderer *rd = S_renderer(format);
  if (!r || !rd)
    return MTA_ERR_INVALID_ARG;
  mta_render_options none = {0};
  struct mta_buf buf;
  mtai_buf_init(&buf, 0);
  struct mtai_sink sink;
  mtai_sink_init(&sink, NULL, &buf);
  struct mtai_row row;
  mtai_row_of(&row, r);
  struct mtai_batch b = {.ndocs = 1,
                         .rows = &row,
                         .nrows = 1,
                         .caprows = 1,
                         .failed = r->passed ? 0 : 1,
                         .suppressed = row.suppressed,
                         .supp_shown = row.supp_shown,
                         .hidden = r->hidden,
                         .have_gate = 1,
                         .gate = r->gate,
                         .started = time(NULL)};
  if (rd->begin)
    rd->begin(&sink, ro ? ro : &none);
  rd->document(&sink, r, ro ? ro : &none, 0);
  if (rd->end)
    rd->end(&sink, &b, ro ? ro : &none);
  if (sink.status) {
    mtai_buf_free(&buf);
    return sink.status;
  }
  *out = mtai_buf_detach(&buf);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}
