/*
 * CSV renderer (--format csv): the batch summary for spreadsheets, one row
 * per article in input order, RFC 4180 quoting (emit.c), a header row:
 *
 *   file,status,words,score,passed,critical,major,minor,findings,categories,
 *   unscored,reason
 *
 * 'categories' lists the categories with findings as "spelling:3 ..." in
 * the fixed category order. 'score' is empty for an article without a
 * score, 'passed' when no gate was set; 'unscored' counts the words left
 * out of the score, 'reason' says why there is no score or the gate
 * failed (mta_reason_name()). An input that failed gives a row with its
 * status ("io", "encoding", ...) and empty numbers.
 */
#include "emit.h"

static void S_begin(struct mtai_sink *s, const mta_render_options *ro) {
  (void)ro;
  mtai_sink_puts(s, "file,status,words,score,passed,critical,major,minor,"
                    "findings,categories,unscored,reason\r\n");
}

static void S_document(struct mtai_sink *s, const struct mta_report *r,
                       const mta_render_options *ro, size_t index) {
  (void)ro;
  (void)index;
  struct mtai_row row;
  mtai_row_of(&row, r);
  const size_t *counts = row.counts, *cats = row.cats;
  mtai_sink_csv_str(s, r->doc.name);
  char sc[16] = "";
  if (r->scored)
    mtai_format_score(sc, r->score);
  mtai_sink_printf(s, ",ok,%zu,%s,%s,%zu,%zu,%zu,%zu,", r->words, sc,
                   !r->gated   ? ""
                   : r->passed ? "true"
                               : "false",
                   counts[MTA_SEV_CRITICAL], counts[MTA_SEV_MAJOR],
                   counts[MTA_SEV_MINOR], r->nfind + r->dropped + r->hidden);
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  for (int c = 0; c < MTAI_CAT__COUNT; c++)
    if (cats[c])
      mtai_buf_printf(&b, "%s%s:%zu", mtai_buf_len(&b) ? " " : "",
                      mtai_category_name((enum mtai_category)c), cats[c]);
  mtai_sink_csv_str(s, mtai_buf_str(&b));
  mtai_buf_free(&b);
  mtai_sink_printf(s, ",%zu,%s\r\n", r->unscored, mta_reason_name(r->reason));
}

static void S_error(struct mtai_sink *s, const struct mtai_error_row *e,
                    const mta_render_options *ro, size_t index) {
  (void)ro;
  (void)index;
  mtai_sink_csv_str(s, e->name);
  mtai_sink_printf(s, ",%s,,,false,,,,,,,", mtai_status_key(e->status));
  mtai_sink_puts(s, "\r\n");
}

const struct mtai_renderer mtai_render_csv = {S_begin, S_document, S_error,
                                              NULL};
