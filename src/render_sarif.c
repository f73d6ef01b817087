/*
 * SARIF 2.1.0 renderer (--format sarif): one run of the tool "mtaudit"
 * with every rule of the registry in tool.driver.rules (id, short and
 * full description, help with a wrong and a right example, default level)
 * and one result per finding: ruleId and ruleIndex, level (critical ->
 * error, major -> warning, minor -> note), message, and a physical
 * location whose region has start/end line and column (columns in Unicode
 * code points, declared by run.columnKind) and the byte offset and length
 * into the UTF-8 text. Inputs that failed become tool execution
 * notifications of the run's invocation. Code-scanning UIs of
 * documentation pipelines read this.
 *
 * Every result has partialFingerprints {"mtauditFinding/v1": the
 * finding's fingerprint} (fingerprint.c), and "fixes" when its rule's
 * suggestions replace the span (mta_rule.replaces): one fix per
 * suggestion. Absolute paths are file:// URIs, relative ones relative
 * references with uriBaseId "SRCROOT"; no informationUri (the project has
 * no public page).
 *
 * Source-aware mode: a finding about a span of the English source has it
 * as a relatedLocations entry (the source file's uri, its region like the
 * target's, message "English source").
 */
#include <string.h>

#include "emit.h"
#include "i18n.h"

static const char *S_level(mta_severity sev) {
  switch (sev) {
  case MTA_SEV_CRITICAL:
    return "error";
  case MTA_SEV_MAJOR:
    return "warning";
  case MTA_SEV_MINOR:
    break;
  }
  return "note";
}

/* A file name as a URI: an absolute path as a file URI (RFC 8089,
 * "file:///abs/path"), anything else as a relative URI reference resolved
 * against "SRCROOT" (the directory mtaudit ran in); unreserved bytes and
 * '/' kept, everything else percent-encoded (':' too, so that a relative
 * reference never reads as a scheme; a record's name
 * "<stdin>[id=3]" is "%3Cstdin%3E%5Bid%3D3%5D"). Writes the "uri" member
 * and, for a relative one, "uriBaseId". */
static void S_uri(struct mtai_sink *s, const char *name) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  int abs = name[0] == '/';
  if (abs)
    mtai_buf_puts(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      mtai_buf_putc(&b, (char)*p);
    else
      mtai_buf_printf(&b, "%%%02X", *p);
  }
  mtai_sink_puts(s, "\"uri\": ");
  mtai_sink_json_cstr(s, mtai_buf_str(&b));
  if (!abs)
    mtai_sink_puts(s, ", \"uriBaseId\": \"SRCROOT\"");
  mtai_buf_free(&b);
}

/* Source-aware mode: the span of the English source a finding is about,
 * as the result's related location in the source file (line and column
 * in code points, as for the target). */
static void S_related_source(struct mtai_sink *s, const struct mta_report *r,
                             const struct mta_finding *f) {
  const struct mtai_doc *src = &r->bi->src;
  size_t line, col, eline, ecol;
  mtai_doc_linecol(src, f->src_start, &line, &col);
  mtai_doc_linecol(src, f->src_end, &eline, &ecol);
  mtai_sink_puts(s, ", \"relatedLocations\": [{\"physicalLocation\": "
                    "{\"artifactLocation\": {");
  S_uri(s, r->src_name ? r->src_name : src->name);
  mtai_sink_printf(s,
                   "}, \"region\": {\"startLine\": %zu, \"startColumn\": "
                   "%zu, \"endLine\": %zu, \"endColumn\": %zu, "
                   "\"byteOffset\": %zu, \"byteLength\": %zu, "
                   "\"snippet\": {\"text\": ",
                   line, col, eline, ecol, f->src_start,
                   f->src_end - f->src_start);
  mtai_sink_json_str(s, src->text + f->src_start, f->src_end - f->src_start);
  mtai_sink_puts(s, "}}}, \"message\": {\"text\": ");
  mtai_sink_json_cstr(s, _("English source"));
  mtai_sink_puts(s, "}}]");
}

static void S_begin(struct mtai_sink *s, const mta_render_options *ro) {
  (void)ro;
  mtai_sink_printf(s,
                   "{\"$schema\": "
                   "\"https://json.schemastore.org/sarif-2.1.0.json\", "
                   "\"version\": \"2.1.0\", \"runs\": [{\"tool\": "
                   "{\"driver\": {\"name\": \"mtaudit\", \"version\": "
                   "\"%s\", \"rules\": [",
                   mta_version_string());
  size_t n = mta_rule_count();
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    if (mta_rule_get(i, &ri))
      continue;
    mtai_sink_printf(s, "%s{\"id\": ", i ? ", " : "");
    mtai_sink_json_cstr(s, ri.id);
    mtai_sink_puts(s, ", \"shortDescription\": {\"text\": ");
    mtai_sink_json_cstr(s, ri.summary);
    mtai_sink_puts(s, "}, \"fullDescription\": {\"text\": ");
    mtai_sink_json_cstr(s, ri.explanation);
    mtai_sink_puts(s, "}");
    if (ri.wrong && ri.wrong[0]) {
      struct mta_buf h;
      mtai_buf_init(&h, 0);
      mtai_buf_printf(&h, "Wrong: %s\nRight: %s", ri.wrong, ri.right);
      mtai_sink_puts(s, ", \"help\": {\"text\": ");
      mtai_sink_json_str(s, mtai_buf_str(&h), mtai_buf_len(&h));
      mtai_sink_puts(s, "}");
      mtai_buf_free(&h);
    }
    mtai_sink_printf(s,
                     ", \"defaultConfiguration\": {\"level\": \"%s\"}, "
                     "\"properties\": {\"category\": \"%s\", \"severity\": "
                     "\"%s\"}}",
                     S_level(ri.severity), ri.category,
                     mta_severity_name(ri.severity));
  }
  mtai_sink_puts(s, "]}}, \"columnKind\": \"unicodeCodePoints\", "
                    "\"results\": [");
}

/* "fixes": one per suggestion of a rule whose suggestions replace the
 * finding's span (mta_rule.replaces): the span deleted (the location's
 * region) and the suggestion inserted. */
static void S_fixes(struct mtai_sink *s, const struct mtai_doc *d,
                    const struct mta_finding *f, size_t eline, size_t ecol) {
  const char *sp;
  size_t sn;
  if (!f->rule->replaces || !mtai_finding_suggestion(f, 0, &sp, &sn))
    return;
  mtai_sink_puts(s, ", \"fixes\": [");
  for (size_t k = 0; mtai_finding_suggestion(f, k, &sp, &sn); k++) {
    mtai_sink_puts(s, k ? ", " : "");
    mtai_sink_puts(s, "{\"description\": {\"text\": ");
    struct mta_buf t;
    mtai_buf_init(&t, 0);
    mtai_buf_printf(&t, _("Replace with '%.*s'"), (int)sn, sp);
    mtai_sink_json_str(s, mtai_buf_str(&t), mtai_buf_len(&t));
    mtai_buf_free(&t);
    mtai_sink_puts(s, "}, \"artifactChanges\": [{\"artifactLocation\": {");
    S_uri(s, d->name);
    mtai_sink_printf(s,
                     "}, \"replacements\": [{\"deletedRegion\": "
                     "{\"startLine\": %zu, \"startColumn\": %zu, "
                     "\"endLine\": %zu, \"endColumn\": %zu, "
                     "\"byteOffset\": %zu, \"byteLength\": %zu}, "
                     "\"insertedContent\": {\"text\": ",
                     f->line, f->col, eline, ecol, f->start, f->end - f->start);
    mtai_sink_json_str(s, sp, sn);
    mtai_sink_puts(s, "}}]}]}");
  }
  mtai_sink_puts(s, "]");
}

/* One result for finding 'f' of 'r'; 'unchanged' for a finding the
 * baseline suppressed. */
static void S_result(struct mtai_sink *s, const struct mta_report *r,
                     const struct mta_finding *f, size_t index, int unchanged) {
  const struct mtai_doc *d = &r->doc;
  size_t eline, ecol;
  mtai_doc_srcpos(d, f->end, &eline, &ecol);
  /* Byte offsets into the file (HTML input: its decoded HTML). */
  size_t boff = mtai_doc_srcoff(d, f->start);
  size_t bend = mtai_doc_srcoff(d, f->end);
  /* A separator before every result but the very first of the run:
   * the first document with findings may come after empty ones, so the
   * sink remembers whether a result was written. */
  mtai_sink_puts(s, s->results ? ", " : "");
  s->results++;
  mtai_sink_puts(s, "{\"ruleId\": ");
  mtai_sink_json_cstr(s, f->rule->id);
  mtai_sink_printf(s,
                   ", \"ruleIndex\": %zu, \"level\": \"%s\", "
                   "\"message\": {\"text\": ",
                   mta_rule_find(f->rule->id), S_level(f->severity));
  mtai_sink_json_cstr(s, f->message);
  mtai_sink_puts(s, "}, \"locations\": [{\"physicalLocation\": "
                    "{\"artifactLocation\": {");
  S_uri(s, d->name);
  mtai_sink_printf(s,
                   "}, \"region\": {\"startLine\": %zu, \"startColumn\": "
                   "%zu, \"endLine\": %zu, \"endColumn\": %zu, "
                   "\"byteOffset\": %zu, \"byteLength\": %zu, "
                   "\"snippet\": {\"text\": ",
                   f->line, f->col, eline, ecol, boff,
                   bend > boff ? bend - boff : 0);
  mtai_sink_json_str(s, d->text + f->start, f->end - f->start);
  mtai_sink_puts(s, "}}}}]");
  if (mtai_finding_has_src(r, f))
    S_related_source(s, r, f);
  /* The finding's identity across runs (fingerprint.c: rule, text,
   * sentence, source span; not its line), for code-scanning UIs. */
  if (f->fp[0])
    mtai_sink_printf(s,
                     ", \"partialFingerprints\": {\"mtauditFinding/v1\": "
                     "\"%s\"}",
                     f->fp);
  /* With a baseline: a result it holds is "unchanged" and suppressed
   * (SARIF viewers hide it; the other formats leave it out), every
   * other one "new". */
  if (unchanged)
    mtai_sink_puts(s, ", \"baselineState\": \"unchanged\", \"suppressions\": "
                      "[{\"kind\": \"external\", \"justification\": "
                      "\"in the baseline\"}]");
  else if (r->baselined)
    mtai_sink_puts(s, ", \"baselineState\": \"new\"");
  mtai_sink_printf(s,
                   ", \"properties\": {\"severity\": \"%s\", "
                   "\"category\": \"%s\", \"paragraph\": %zu, "
                   "\"articleIndex\": %zu",
                   mta_severity_name(f->severity),
                   mtai_category_name(f->rule->category), f->para + 1, index);
  mtai_sink_json_suggestions(s, f);
  if (r->rec_id) {
    /* A JSON Lines record: its id as written. */
    mtai_sink_puts(s, ", \"recordId\": ");
    mtai_sink_puts(s, r->rec_id);
  }
  mtai_sink_puts(s, "}");
  S_fixes(s, d, f, eline, ecol);
  mtai_sink_puts(s, "}");
}

static void S_document(struct mtai_sink *s, const struct mta_report *r,
                       const mta_render_options *ro, size_t index) {
  (void)ro;
  for (size_t i = 0; i < r->nfind; i++)
    S_result(s, r, &r->findings[i], index, 0);
  for (size_t i = 0; i < r->nunchanged; i++)
    S_result(s, r, &r->unchanged[i], index, 1);
}

static void S_end(struct mtai_sink *s, const struct mtai_batch *b,
                  const mta_render_options *ro) {
  (void)ro;
  mtai_sink_printf(s,
                   "], \"invocations\": [{\"executionSuccessful\": %s, "
                   "\"toolExecutionNotifications\": [",
                   b->nerrors ? "false" : "true");
  for (size_t i = 0; i < b->nerrors; i++) {
    const struct mtai_error_row *e = &b->errors[i];
    mtai_sink_printf(
        s, "%s{\"level\": \"error\", \"message\": {\"text\": ", i ? ", " : "");
    mtai_sink_json_cstr(s, e->message);
    mtai_sink_puts(s, "}, \"locations\": [{\"physicalLocation\": "
                      "{\"artifactLocation\": {");
    S_uri(s, e->name);
    mtai_sink_printf(s, "}}}], \"properties\": {\"status\": \"%s\"}}",
                     mtai_status_key(e->status));
  }
  mtai_sink_puts(s, "]}], \"properties\": {\"articles\": ");
  mtai_sink_printf(s, "%zu, \"failed\": %zu", b->ndocs, b->failed);
  if (b->supp_shown)
    mtai_sink_printf(s, ", \"suppressed\": %zu", b->suppressed);
  if (b->hidden) /* --min-severity: results left out */
    mtai_sink_printf(s, ", \"findingsHidden\": %zu", b->hidden);
  mtai_sink_puts(s, "}}]}\n");
}

const struct mtai_renderer mtai_render_sarif = {S_begin, S_document, NULL,
                                                S_end};
