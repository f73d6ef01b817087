/*
 * libFuzzer harness for the two input parsers: the JSON Lines record
 * parser (mta_record_parse; on success the accessors must be usable and
 * the id and extra members must themselves be valid JSON) and the
 * configuration file (mta_config_load on the bytes written to a file,
 * then mta_config_apply).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mtaudit.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static char S_path[64];

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  mta_record *rec = NULL;
  char *why = NULL;
  mta_status st = mta_record_parse((const char *)data, size, &rec, &why);
  if (st == MTA_OK) {
    size_t len = 0;
    const char *t = mta_record_text(rec, &len);
    if (!t || (len && t[len - 1] == '\0' && 0))
      abort();
    const char *id = mta_record_id(rec), *extra = mta_record_extra(rec);
    if (!extra)
      abort();
    /* id and extra re-parse as members of a record. */
    size_t n = (id ? strlen(id) : 0) + strlen(extra) + 32;
    char *again = malloc(n);
    if (!again)
      abort();
    int k = snprintf(again, n, "{\"text\": \"\"%s%s%s%s}", id ? ", \"id\": " : "",
                     id ? id : "", *extra ? ", " : "", extra);
    mta_record *r2 = NULL;
    if (mta_record_parse(again, (size_t)k, &r2, NULL))
      abort();
    mta_record_free(r2);
    free(again);
  } else if (st != MTA_ERR_PARSE || !why) {
    abort();
  }
  mta_free(why);
  mta_record_free(rec);

  if (!S_path[0])
    snprintf(S_path, sizeof S_path, "/tmp/mtaudit-fuzz-%ld.conf",
             (long)getpid());
  FILE *f = fopen(S_path, "wb");
  if (!f)
    return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  mta_config *c = NULL;
  why = NULL;
  st = mta_config_load(S_path, &c, &why);
  if (st == MTA_OK) {
    mta_options o;
    memset(&o, 0, sizeof o);
    if (mta_config_apply(c, &o))
      abort();
  } else if ((st != MTA_ERR_PARSE && st != MTA_ERR_IO) || !why) {
    abort();
  }
  mta_free(why);
  mta_config_free(c);
  return 0;
}
