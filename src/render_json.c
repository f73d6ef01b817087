/*
 * JSON and JSON Lines renderers. The JSON shape is a public contract:
 * keys may be added, never renamed (see README, "JSON output").
 *
 *   {"tool": {...}, "documents": [ {document}, ... ],
 *    "summary": {"documents": N, "failed": N, "errors": N},
 *    "errors": [{"file": ..., "status": ..., "message": ...}]}
 *
 * JSON Lines prints one document object per line as each document is
 * done, and one {"file", "status", "message"} object per input that
 * failed.
 *
 * Source-aware mode (only when a source was given, so that the output
 * without one stays as it was): the document has
 *
 *   "source": {"name": ..., "encoding": ..., "used": true|false,
 *              "error": ... (only when not used), "paragraphs": N}
 *
 * (encoding and paragraphs null when the source was not used); with a
 * used source every paragraph has "source_start"/"source_end", the bytes
 * of the source paragraphs aligned with it (null when none is), and a
 * finding about a span of the source has "source_start", "source_end"
 * and "source_text".
 */
#include <string.h>

#include "emit.h"

/* The "source" member, when a source was given. */
static void S_source(struct mtai_sink *s, const struct mta_report *r) {
  if (!r->src_name)
    return;
  mtai_sink_puts(s, ", \"source\": {\"name\": ");
  mtai_sink_json_cstr(s, r->src_name);
  mtai_sink_puts(s, ", \"encoding\": ");
  mtai_sink_json_cstr(s, r->bi ? r->bi->src.encoding : NULL);
  mtai_sink_printf(s, ", \"used\": %s", r->bi ? "true" : "false");
  if (!r->bi) {
    mtai_sink_puts(s, ", \"error\": ");
    mtai_sink_json_cstr(s, r->src_error ? r->src_error : "cannot be used");
    mtai_sink_puts(s, ", \"paragraphs\": null}");
  } else {
    mtai_sink_printf(s, ", \"paragraphs\": %zu}", r->bi->src.npara);
  }
}

/* "source_start"/"source_end" of target paragraph 'i': the source
 * paragraphs of its bead, null when it has none. */
static void S_para_source(struct mtai_sink *s, const struct mtai_bitext *bi,
                          size_t i) {
  size_t a, b;
  if (bi->t_pbead && bi->t_pbead[i] < bi->npb &&
      mtai_bead_src_span(bi, &bi->pb[bi->t_pbead[i]], 1, &a, &b))
    mtai_sink_printf(s, ", \"source_start\": %zu, \"source_end\": %zu", a, b);
  else
    mtai_sink_puts(s, ", \"source_start\": null, \"source_end\": null");
}

/* Stable ids of the reasons (data, unlike mta_reason_name()'s phrase). */
static const char *const S_reason_ids[] = {[MTA_REASON_NONE] = NULL,
                                           [MTA_REASON_NO_TEXT] = "no_text",
                                           [MTA_REASON_TOO_LITTLE_TEXT] =
                                               "too_few_words",
                                           [MTA_REASON_SCORE] = "score",
                                           [MTA_REASON_SEVERITY] = "severity",
                                           [MTA_REASON_UNSCORED] = "unscored"};

/* "gate": the gates the document was judged by (null when not set) and
 * why it failed or has no score, as data: "reason" one of the ids above
 * (null: scored, and passed or not gated), with the figures compared. */
static void S_gate(struct mtai_sink *s, const struct mta_report *r) {
  const struct mtai_gate *g = &r->gate;
  mtai_sink_puts(s, ", \"gate\": {\"reason\": ");
  mtai_sink_json_cstr(s, (unsigned)r->reason < MTA_REASON_LAST
                             ? S_reason_ids[r->reason]
                             : NULL);
  mtai_sink_puts(s, ", \"fail_under\": ");
  if (g->fail_under > 0)
    mtai_sink_printf(s, "%.12g", g->fail_under);
  else
    mtai_sink_puts(s, "null");
  mtai_sink_puts(s, ", \"fail_on\": ");
  mtai_sink_json_cstr(s, g->on_severity ? mta_severity_name(g->fail_on) : NULL);
  mtai_sink_puts(s, ", \"fail_unscored\": ");
  if (g->on_unscored)
    mtai_sink_printf(s, "%.12g", g->fail_unscored);
  else
    mtai_sink_puts(s, "null");
  size_t all = r->words + r->unscored;
  mtai_sink_printf(s,
                   ", \"min_words\": %zu, \"scored_words\": %zu, "
                   "\"unscored_percent\": %.1f}",
                   g->min_words, r->words,
                   all ? 100.0 * (double)r->unscored / (double)all : 0.0);
}

/* "counts": findings by severity (those past the findings cap included)
 * and by category (kept findings; every category, zeros too). */
static void S_counts(struct mtai_sink *s, const struct mta_report *r) {
  struct mtai_row row;
  mtai_row_of(&row, r);
  mtai_sink_printf(s,
                   ", \"counts\": {\"critical\": %zu, \"major\": %zu, "
                   "\"minor\": %zu, \"by_category\": {",
                   row.counts[MTA_SEV_CRITICAL], row.counts[MTA_SEV_MAJOR],
                   row.counts[MTA_SEV_MINOR]);
  for (int k = 0; k < MTAI_CAT__COUNT; k++)
    mtai_sink_printf(s, "%s\"%s\": %zu", k ? ", " : "",
                     mtai_category_name((enum mtai_category)k), row.cats[k]);
  mtai_sink_puts(s, "}}");
}

/* `, "findings_WHAT": N, "findings_WHAT_by_severity": {...}`: findings
 * left out of the list (dropped past the cap, hidden by --min-severity). */
static void S_left_out(struct mtai_sink *s, const char *what, size_t n,
                       const size_t sev[3]) {
  mtai_sink_printf(s,
                   ", \"findings_%s\": %zu, \"findings_%s_by_severity\": "
                   "{\"critical\": %zu, \"major\": %zu, \"minor\": %zu}",
                   what, n, what, sev[MTA_SEV_CRITICAL], sev[MTA_SEV_MAJOR],
                   sev[MTA_SEV_MINOR]);
}

static void S_document(struct mtai_sink *s, const struct mta_report *r) {
  const struct mtai_doc *d = &r->doc;
  mtai_sink_puts(s, "{\"file\": ");
  mtai_sink_json_cstr(s, d->name);
  if (r->rec_id) {
    /* JSON Lines input: the record's id as it was written (validated by
     * the record parser). */
    mtai_sink_puts(s, ", \"id\": ");
    mtai_sink_puts(s, r->rec_id);
  }
  mtai_sink_puts(s, ", \"encoding\": ");
  mtai_sink_json_cstr(s, d->encoding);
  S_source(s, r);
  mtai_sink_printf(s, ", \"words\": %zu, \"score\": ", r->words);
  if (r->scored)
    mtai_sink_score(s, r->score);
  else
    mtai_sink_puts(s, "null");
  /* No gate, no verdict: null, never a true nobody asked for. */
  mtai_sink_printf(s, ", \"passed\": %s, \"reason\": ",
                   !r->gated   ? "null"
                   : r->passed ? "true"
                               : "false");
  if (r->reason != MTA_REASON_NONE)
    mtai_sink_json_cstr(s, mta_reason_name(r->reason));
  else
    mtai_sink_puts(s, "null");
  S_gate(s, r);
  S_counts(s, r);
  mtai_sink_puts(s, ", \"unscored_words\": {");
  for (size_t k = 0; k < r->nunsc; k++)
    mtai_sink_printf(s, "%s\"%s\": %zu", k ? ", " : "", r->unsc[k].kind,
                     r->unsc[k].words);
  mtai_sink_puts(s, "}, \"paragraphs\": [");
  for (size_t i = 0; i < d->npara; i++) {
    const struct mtai_paragraph *p = &d->paras[i];
    mtai_sink_key_zu(s, i ? ", {\"index\": " : "{\"index\": ", i + 1);
    mtai_sink_key_zu(s, ", \"line\": ", p->line);
    mtai_sink_key_zu(s, ", \"start\": ", p->start);
    mtai_sink_key_zu(s, ", \"end\": ", p->end);
    mtai_sink_key_zu(s, ", \"words\": ", p->words);
    mtai_sink_puts(s, ", \"score\": ");
    mtai_sink_score(s, p->score);
    mtai_sink_printf(s, ", \"kind\": \"%s\", \"scored\": %s",
                     mtai_para_kind_name(p->kind),
                     p->scored ? "true" : "false");
    if (p->dup_of)
      mtai_sink_printf(s, ", \"repeats\": %zu", (size_t)p->dup_of);
    if (r->bi)
      S_para_source(s, r->bi, i);
    mtai_sink_puts(s, "}");
  }
  mtai_sink_puts(s, "], \"findings\": [");
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    mtai_sink_puts(s, i ? ", {\"rule\": \"" : "{\"rule\": \"");
    mtai_sink_puts(s, f->rule->id);
    mtai_sink_puts(s, "\", \"category\": \"");
    mtai_sink_puts(s, mtai_category_name(f->rule->category));
    mtai_sink_puts(s, "\", \"severity\": \"");
    const char *sev = mta_severity_name(f->severity);
    mtai_sink_puts(s, sev ? sev : "(null)"); /* as printf's %s wrote it */
    mtai_sink_key_zu(s, "\", \"paragraph\": ", f->para + 1);
    mtai_sink_key_zu(s, ", \"line\": ", f->line);
    mtai_sink_key_zu(s, ", \"column\": ", f->col);
    mtai_sink_key_zu(s, ", \"start\": ", f->start);
    mtai_sink_key_zu(s, ", \"end\": ", f->end);
    mtai_sink_puts(s, ", \"text\": ");
    mtai_sink_json_str(s, d->text + f->start, f->end - f->start);
    mtai_sink_puts(s, ", \"message\": ");
    mtai_sink_json_cstr(s, f->message);
    mtai_sink_json_suggestions(s, f);
    if (mtai_finding_has_src(r, f)) {
      mtai_sink_printf(s,
                       ", \"source_start\": %zu, \"source_end\": %zu, "
                       "\"source_text\": ",
                       f->src_start, f->src_end);
      mtai_sink_json_str(s, r->bi->src.text + f->src_start,
                         f->src_end - f->src_start);
    }
    mtai_sink_puts(s, "}");
  }
  mtai_sink_puts(s, "]");
  if (r->dropped)
    S_left_out(s, "dropped", r->dropped, r->dropped_sev);
  if (r->supp_shown)
    mtai_sink_printf(s,
                     ", \"suppressed\": {\"baseline\": %zu, \"accept\": %zu}",
                     r->supp_baseline, r->supp_accept);
  if (r->config) {
    mtai_sink_puts(s, ", \"config\": ");
    mtai_sink_json_cstr(s, r->config);
  }
  /* --min-severity: findings left out of the list (they count in the
   * score and the gates). */
  if (r->hidden)
    S_left_out(s, "hidden", r->hidden, r->hidden_sev);
  if (r->rec_extra) {
    /* The record's other members, nested so that they cannot clash with
     * the report's own keys. */
    mtai_sink_puts(s, ", \"record\": {");
    mtai_sink_puts(s, r->rec_extra);
    mtai_sink_puts(s, "}");
  }
  mtai_sink_puts(s, "}");
}

static void S_error(struct mtai_sink *s, const struct mtai_error_row *e) {
  mtai_sink_puts(s, "{\"file\": ");
  mtai_sink_json_cstr(s, e->name);
  if (e->record) {
    /* A JSON Lines record: its id as written (null when the line could
     * not be read that far) and its line in the stream. */
    mtai_sink_puts(s, ", \"id\": ");
    mtai_sink_puts(s, e->id ? e->id : "null");
    mtai_sink_printf(s, ", \"line\": %zu", e->line);
  }
  mtai_sink_printf(
      s, ", \"status\": \"%s\", \"message\": ", mtai_status_key(e->status));
  mtai_sink_json_cstr(s, e->message);
  mtai_sink_puts(s, "}");
}

static void S_json_begin(struct mtai_sink *s, const mta_render_options *ro) {
  mtai_sink_printf(s, "{\"tool\": {\"name\": \"mtaudit\", \"version\": \"%s\"",
                   mta_version_string());
  if (ro && ro->config) {
    mtai_sink_puts(s, ", \"config\": ");
    mtai_sink_json_cstr(s, ro->config);
  }
  mtai_sink_puts(s, "},\n \"documents\": [");
}

static void S_json_document(struct mtai_sink *s, const struct mta_report *r,
                            const mta_render_options *ro, size_t index) {
  (void)ro;
  mtai_sink_puts(s, index ? ",\n  " : "\n  ");
  S_document(s, r);
}

static void S_json_end(struct mtai_sink *s, const struct mtai_batch *b,
                       const mta_render_options *ro) {
  (void)ro;
  mtai_sink_printf(s,
                   "],\n \"summary\": {\"documents\": %zu, \"failed\": %zu, "
                   "\"errors\": %zu",
                   b->ndocs, b->failed, b->nerrors);
  if (b->supp_shown)
    mtai_sink_printf(s, ", \"suppressed\": %zu", b->suppressed);
  mtai_sink_puts(s, "},\n \"errors\": [");
  for (size_t i = 0; i < b->nerrors; i++) {
    mtai_sink_puts(s, i ? ", " : "");
    S_error(s, &b->errors[i]);
  }
  mtai_sink_puts(s, "]}\n");
}

/* One example of a rule: "wrong"/"right", and for an accuracy rule
 * ("SOURCE ||| TARGET") the source apart. */
static void S_example(struct mtai_sink *s, const char *wrong,
                      const char *right) {
  const char *wb = strstr(wrong, " ||| "), *rb = strstr(right, " ||| ");
  mtai_sink_puts(s, "{");
  if (wb && rb) {
    mtai_sink_puts(s, "\"source\": ");
    mtai_sink_json_str(s, wrong, (size_t)(wb - wrong));
    mtai_sink_puts(s, ", ");
    wrong = wb + 5;
    right = rb + 5;
  }
  mtai_sink_puts(s, "\"wrong\": ");
  mtai_sink_json_cstr(s, wrong);
  mtai_sink_puts(s, ", \"right\": ");
  mtai_sink_json_cstr(s, right);
  mtai_sink_puts(s, "}");
}

mta_status mta_rules_json(char **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  struct mtai_sink s;
  mtai_sink_init(&s, NULL, &b);
  mtai_sink_puts(&s, "[");
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    if (mta_rule_get(i, &ri))
      continue;
    mtai_sink_puts(&s, i ? ",\n {\"id\": " : "{\"id\": ");
    mtai_sink_json_cstr(&s, ri.id);
    mtai_sink_puts(&s, ", \"category\": ");
    mtai_sink_json_cstr(&s, ri.category);
    mtai_sink_printf(&s, ", \"severity\": \"%s\", \"summary\": ",
                     mta_severity_name(ri.severity));
    mtai_sink_json_cstr(&s, ri.summary);
    mtai_sink_puts(&s, ", \"explanation\": ");
    mtai_sink_json_cstr(&s, ri.explanation);
    mtai_sink_puts(&s, ", \"examples\": [");
    if (ri.wrong && *ri.wrong)
      S_example(&s, ri.wrong, ri.right ? ri.right : "");
    mtai_sink_puts(&s, "]}");
  }
  mtai_sink_puts(&s, "]\n");
  if (s.status) {
    mtai_buf_free(&b);
    return s.status;
  }
  *out = mtai_buf_detach(&b);
  mtai_buf_free(&b);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

const struct mtai_renderer mtai_render_json = {S_json_begin, S_json_document,
                                               NULL, S_json_end};

static void S_jsonl_document(struct mtai_sink *s, const struct mta_report *r,
                             const mta_render_options *ro, size_t index) {
  (void)ro;
  (void)index;
  S_document(s, r);
  mtai_sink_puts(s, "\n");
}

static void S_jsonl_error(struct mtai_sink *s, const struct mtai_error_row *e,
                          const mta_render_options *ro, size_t index) {
  (void)ro;
  (void)index;
  S_error(s, e);
  mtai_sink_puts(s, "\n");
}

const struct mtai_renderer mtai_render_jsonl = {NULL, S_jsonl_document,
                                                S_jsonl_error, NULL};
