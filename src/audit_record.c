/*
 * Auditing a JSON Lines input record (record.c parses it): the text is
 * audited like a buffer, and the record's id and other members ride along
 * in the report for the JSON and JSON Lines renderers.
 */
#include <stdlib.h>
#include <string.h>

#include "auditor_int.h"
#include "i18n.h"

mta_status mta_audit_record(mta_auditor *a, const mta_record *rec,
                            const char *name, mta_report **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!a || !rec || !name)
    return MTA_ERR_INVALID_ARG;
  size_t len = 0;
  const char *text = mta_record_text(rec, &len);
  size_t slen = 0;
  const char *src = mta_record_source(rec, &slen);
  /* Not "empty file": the record is there, its text is empty. */
  if (len == 0)
    return mtai_set_error(a, MTA_ERR_EMPTY, _("%s: record has an empty text"),
                          name);
  mta_report *r = NULL;
  mta_status st =
      mta_audit_buffer_source(a, name, text, len, "source", src, slen, &r);
  if (st)
    return st;
  const char *id = mta_record_id(rec), *extra = mta_record_extra(rec);
  r->rec_id = id ? strdup(id) : NULL;
  r->rec_extra = extra && *extra ? strdup(extra) : NULL;
  if ((id && !r->rec_id) || (extra && *extra && !r->rec_extra)) {
    mta_report_free(r);
    return MTA_ERR_NOMEM;
  }
  *out = r;
  return MTA_OK;
}
