/*
 * Report writer: streams reports in one format to a FILE *, keeping only a
 * small row per document for the batch summary. mta_render() is the same
 * machinery on a string buffer for a single report.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

struct mta_writer {
  const struct mtai_renderer *rd;
  mta_render_options ro;
  struct mtai_sink sink;
  struct mtai_batch batch;
  int begun, finished;
};

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
  if (ro)
    w->ro = *ro;
  w->sink.fp = fp;
  *out = w;
  return MTA_OK;
}

static void S_begin(mta_writer *w) {
  if (!w->begun && w->rd->begin)
    w->rd->begin(&w->sink, &w->ro);
  w->begun = 1;
}

mta_status mta_writer_add(mta_writer *w, const mta_report *r) {
  if (!w || !r || w->finished)
    return MTA_ERR_INVALID_ARG;
  struct mtai_batch *b = &w->batch;
  if (b->nrows == b->caprows) {
    size_t cap = b->caprows ? b->caprows * 2 : 16;
    struct mtai_row *p = realloc(b->rows, cap * sizeof *p);
    if (!p)
      return MTA_ERR_NOMEM;
    b->rows = p;
    b->caprows = cap;
  }
  struct mtai_row row;
  memset(&row, 0, sizeof row);
  row.name = strdup(r->doc.name);
  row.words = r->words;
  row.score = r->score;
  row.passed = r->passed;
  if (!row.name)
    return MTA_ERR_NOMEM;
  for (size_t i = 0; i < r->nfind; i++) {
    row.counts[r->findings[i].severity]++;
    row.cats[r->findings[i].rule->category]++;
  }
  S_begin(w);
  w->rd->document(&w->sink, r, &w->ro, b->nrows);
  b->rows[b->nrows++] = row;
  if (!r->passed)
    b->failed++;
  if (w->sink.fp && fflush(w->sink.fp))
    w->sink.status = MTA_ERR_IO;
  return w->sink.status;
}

mta_status mta_writer_add_error(mta_writer *w, const char *name,
                                mta_status status, const char *message) {
  if (!w || !name || w->finished)
    return MTA_ERR_INVALID_ARG;
  struct mtai_batch *b = &w->batch;
  if (b->nerrors == b->caperrors) {
    size_t cap = b->caperrors ? b->caperrors * 2 : 8;
    struct mtai_error_row *p = realloc(b->errors, cap * sizeof *p);
    if (!p)
      return MTA_ERR_NOMEM;
    b->errors = p;
    b->caperrors = cap;
  }
  struct mtai_error_row e = {strdup(name), status,
                             strdup(message ? message : mta_strerror(status))};
  if (!e.name || !e.message) {
    free(e.name);
    free(e.message);
    return MTA_ERR_NOMEM;
  }
  S_begin(w);
  if (w->rd->error)
    w->rd->error(&w->sink, &e, &w->ro, b->nerrors);
  b->errors[b->nerrors++] = e;
  return w->sink.status;
}

mta_status mta_writer_finish(mta_writer *w) {
  if (!w || w->finished)
    return MTA_ERR_INVALID_ARG;
  S_begin(w);
  if (w->rd->end)
    w->rd->end(&w->sink, &w->batch, &w->ro);
  w->finished = 1;
  if (w->sink.fp && fflush(w->sink.fp))
    w->sink.status = MTA_ERR_IO;
  return w->sink.status;
}

void mta_writer_free(mta_writer *w) {
  if (!w)
    return;
  for (size_t i = 0; i < w->batch.nrows; i++) {
    free(w->batch.rows[i].name);
    free(w->batch.rows[i].page);
  }
  for (size_t i = 0; i < w->batch.nerrors; i++) {
    free(w->batch.errors[i].name);
    free(w->batch.errors[i].message);
  }
  free(w->batch.rows);
  free(w->batch.errors);
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
  struct mtai_sink sink = {NULL, &buf, MTA_OK, 0};
  struct mtai_row row;
  memset(&row, 0, sizeof row);
  row.name = r->doc.name;
  row.words = r->words;
  row.score = r->score;
  row.passed = r->passed;
  for (size_t i = 0; i < r->nfind; i++) {
    row.counts[r->findings[i].severity]++;
    row.cats[r->findings[i].rule->category]++;
  }
  struct mtai_batch b = {&row, 1, 1, NULL, 0, 0, r->passed ? 0 : 1};
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
