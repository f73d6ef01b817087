/*
 * libFuzzer harness: arbitrary bytes through decoding, the whole audit
 * (with the German dictionary when it is installed) and one of the six
 * renderers (picked by a hash of the input). An input holding a line
 * "|||" is a target and its English source (the part before the line):
 * source-aware mode, alignment and the accuracy checks.
 * The JSON, JSON Lines and SARIF outputs must be valid JSON whatever the
 * input bytes were: they are checked with the library's strict JSON
 * parser (mta_record_parse, as a member value of a record). Any failure
 * aborts, which libFuzzer reports as a crash.
 *
 *   make fuzz FUZZ_TIME=60
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtaudit.h"

static mta_auditor *S_a;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  mta_options o;
  memset(&o, 0, sizeof o);
  char *why = NULL;
  if (mta_auditor_new(&o, &S_a, &why)) {
    /* No dictionary: audit without spelling rather than not at all. */
    mta_free(why);
    o.flags |= MTA_OPT_NO_SPELL;
    if (mta_auditor_new(&o, &S_a, NULL))
      abort();
  }
  return 0;
}

/* Aborts unless s is one valid JSON value. */
static void S_valid_json(const char *s, const char *what) {
  size_t n = strlen(s);
  char *rec = malloc(n + 32);
  if (!rec)
    abort();
  int k = snprintf(rec, n + 32, "{\"text\": \"\", \"v\": %s}", s);
  mta_record *r = NULL;
  char *why = NULL;
  if (mta_record_parse(rec, (size_t)k, &r, &why)) {
    fprintf(stderr, "invalid %s output: %s\n", what, why ? why : "?");
    abort();
  }
  mta_record_free(r);
  free(rec);
}

/* The first "\n|||\n" in [data, data + size), or NULL. */
static const unsigned char *S_bar(const unsigned char *data, size_t size) {
  for (size_t i = 0; i + 5 <= size; i++)
    if (!memcmp(data + i, "\n|||\n", 5))
      return data + i;
  return NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  mta_report *r = NULL;
  const unsigned char *bar = S_bar(data, size);
  mta_status st =
      bar ? mta_audit_buffer_source(S_a, "fuzz.txt", bar + 5,
                                    size - (size_t)(bar + 5 - data), "en.txt",
                                    data, (size_t)(bar - data), &r)
          : mta_audit_buffer(S_a, "fuzz.txt", data, size, &r);
  if (st)
    return 0; /* a clean refusal (encoding, binary, empty) is fine */
  static const struct {
    mta_format f;
    const char *name;
    int json;
  } fmts[] = {{MTA_FORMAT_TEXT, "text", 0},   {MTA_FORMAT_JSON, "json", 1},
              {MTA_FORMAT_JSONL, "jsonl", 1}, {MTA_FORMAT_HTML, "html", 0},
              {MTA_FORMAT_SARIF, "sarif", 1}, {MTA_FORMAT_CSV, "csv", 0}};
  /* One renderer per input, chosen by the bytes (so that the same input
   * always takes the same one, and the corpus covers all six): rendering
   * every format for every input spent a third of the time in the
   * renderers and the JSON re-parse, not in the audit. */
  size_t h = size;
  for (size_t i = 0; i < size; i++)
    h = h * 31 + data[i];
  size_t nf = sizeof fmts / sizeof fmts[0];
  for (size_t i = h % nf; i < nf; i += nf) {
    char *out = NULL;
    mta_render_options ro = {i == 0 ? MTA_RENDER_COLOR : 0, NULL};
    if (mta_render(r, fmts[i].f, &ro, &out))
      abort();
    if (fmts[i].json)
      S_valid_json(out, fmts[i].name);
    mta_free(out);
  }
  mta_report_free(r);
  return 0;
}
