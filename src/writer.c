/*
 * Report writer: streams reports in one format to a FILE *, keeping only a
 * small row per document for the batch summary. mta_render() is the same
 * machinery on a string buffer for a single report.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit.h"

struct mta_writer {
  char *dir;                /* directory mode (HTML): one file per document */
  struct mtai_strset pages; /* page names used so far */
  const struct mtai_renderer *rd;
  mta_render_options ro;
  struct mtai_sink sink;
  struct mtai_batch batch;
  int keep_rows; /* the format shows a summary table or index */
  int begun, finished;
};

void mtai_row_of(struct mtai_row *row, const struct mta_report *r) {
  memset(row, 0, sizeof *row);
  row->name = r->doc.name;
  row->words = r->words;
  row->score = r->score;
  row->passed = r->passed;
  for (size_t i = 0; i < r->nfind; i++) {
    row->counts[r->findings[i].severity]++;
    row->cats[r->findings[i].rule->category]++;
  }
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
  w->sink.fp = fp;
  *out = w;
  return MTA_OK;
}

static void S_begin(mta_writer *w) {
  if (!w->begun && w->rd->begin)
    w->rd->begin(&w->sink, &w->ro);
  w->begun = 1;
}

/* Writes 'path' atomically: into a temporary file in the same directory,
 * renamed into place when complete. 'fill' writes the contents. */
static mta_status S_write_file(const char *path, const mta_writer *w,
                               const mta_report *r,
                               const struct mtai_batch *b) {
  size_t n = strlen(path);
  char *tmp = malloc(n + 16);
  if (!tmp)
    return MTA_ERR_NOMEM;
  memcpy(tmp, path, n);
  memcpy(tmp + n, ".tmp.XXXXXX", 12);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    free(tmp);
    return MTA_ERR_IO;
  }
  FILE *fp = fdopen(fd, "w");
  if (!fp) {
    close(fd);
    unlink(tmp);
    free(tmp);
    return MTA_ERR_IO;
  }
  struct mtai_sink sink = {fp, NULL, MTA_OK, 0};
  if (r)
    w->rd->document(&sink, r, &w->ro, 0);
  else
    mtai_html_index(&sink, b, &w->ro);
  mta_status st = sink.status;
  if (fflush(fp) || ferror(fp))
    st = MTA_ERR_IO;
  if (fclose(fp))
    st = MTA_ERR_IO;
  if (!st) {
    (void)chmod(tmp, 0644);
    if (rename(tmp, path))
      st = MTA_ERR_IO;
  }
  if (st)
    unlink(tmp);
  free(tmp);
  return st;
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
    st = S_write_file(mtai_buf_str(&path), w, r, NULL);
  mtai_buf_free(&path);
  if (!st) {
    row->page = mtai_buf_detach(&name);
    if (!row->page)
      st = MTA_ERR_NOMEM;
  }
  mtai_buf_free(&name);
  return st;
}

mta_status mta_writer_new_dir(mta_format format, const mta_render_options *ro,
                              const char *dir, mta_writer **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (format != MTA_FORMAT_HTML || !dir || !*dir)
    return MTA_ERR_INVALID_ARG;
  if (mkdir(dir, 0777) && errno != EEXIST)
    return MTA_ERR_IO;
  struct stat stt;
  if (stat(dir, &stt) || !S_ISDIR(stt.st_mode))
    return MTA_ERR_IO;
  mta_writer *w = calloc(1, sizeof *w);
  if (!w)
    return MTA_ERR_NOMEM;
  w->dir = strdup(dir);
  if (!w->dir) {
    free(w);
    return MTA_ERR_NOMEM;
  }
  mtai_strset_init(&w->pages);
  w->rd = &mtai_render_html;
  w->keep_rows = 1;
  if (ro)
    w->ro = *ro;
  *out = w;
  return MTA_OK;
}

mta_status mta_writer_add(mta_writer *w, const mta_report *r) {
  if (!w || !r || w->finished)
    return MTA_ERR_INVALID_ARG;
  struct mtai_batch *b = &w->batch;
  if (w->keep_rows && b->nrows == b->caprows) {
    size_t cap = b->caprows ? b->caprows * 2 : 16;
    struct mtai_row *p = realloc(b->rows, cap * sizeof *p);
    if (!p)
      return MTA_ERR_NOMEM;
    b->rows = p;
    b->caprows = cap;
  }
  struct mtai_row row;
  mtai_row_of(&row, r);
  row.name = strdup(r->doc.name);
  if (!row.name)
    return MTA_ERR_NOMEM;
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
  if (w->keep_rows) {
    b->rows[b->nrows++] = row;
  } else {
    free(row.name);
    free(row.page);
  }
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
  if (w->dir) {
    struct mta_buf path;
    mtai_buf_init(&path, 0);
    mta_status st = mtai_buf_printf(&path, "%s/index.html", w->dir);
    if (!st)
      st = S_write_file(mtai_buf_str(&path), w, NULL, &w->batch);
    mtai_buf_free(&path);
    w->finished = 1;
    return st;
  }
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
  struct mtai_sink sink = {NULL, &buf, MTA_OK, 0};
  struct mtai_row row;
  mtai_row_of(&row, r);
  struct mtai_batch b = {1, &row, 1, 1, NULL, 0, 0, r->passed ? 0 : 1};
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
