/*
 * Fixed texts: status messages and keys, severity names, the version, and
 * system error texts (after curl's lib/strerror.c). A leaf: it needs only
 * the public header and the C library, so decode.c, segment.c and the
 * renderers use it without depending on auditor.c.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "status.h"

int mta_version(void) {
  return (MTA_VERSION_MAJOR << 16) | (MTA_VERSION_MINOR << 8) |
         MTA_VERSION_PATCH;
}

const char *mta_version_string(void) { return MTA_VERSION_STRING; }

/* One row per status, indexed by its number: the message for people
 * (mta_strerror, translated) and the key for machine-readable output
 * (mtai_status_key). A status added to the enum without a row here has
 * NULL members and reads as unknown. */
_Static_assert(MTA_STATUS_LAST == 12, "a new status needs a row in S_status");

static const struct {
  const char *text, *key;
} S_status[MTA_STATUS_LAST] = {
    [MTA_OK] = {N_("no error"), "ok"},
    [MTA_ERR_NOMEM] = {N_("out of memory"), "nomem"},
    [MTA_ERR_IO] = {N_("input/output error"), "io"},
    [MTA_ERR_ENCODING] = {N_("invalid byte sequence for the encoding"),
                          "encoding"},
    [MTA_ERR_DICT] = {N_("dictionary or data file missing or unusable"),
                      "dict"},
    [MTA_ERR_ICU] = {N_("ICU error"), "icu"},
    [MTA_ERR_INVALID_ARG] = {N_("invalid argument"), "invalid-argument"},
    [MTA_ERR_BINARY] = {N_("binary content"), "binary"},
    [MTA_ERR_EMPTY] = {N_("no text"), "empty"},
    [MTA_ERR_TOO_LARGE] = {N_("input too large"), "too-large"},
    [MTA_ERR_PARSE] = {N_("malformed input record or configuration"), "parse"},
    [MTA_ERR_MARKUP] = {N_("input is markup (HTML, XML, RTF), not plain text"),
                        "markup"},
};

const char *mta_strerror(mta_status st) {
  if ((unsigned)st < MTA_STATUS_LAST && S_status[st].text)
    return _(S_status[st].text);
  return _("unknown status");
}

const char *mtai_status_key(mta_status st) {
  if ((unsigned)st < MTA_STATUS_LAST && S_status[st].key)
    return S_status[st].key;
  return "unknown";
}

/* The phrases of the JSON "reason" (README, "Gates"): a public contract
 * like the status keys. */
_Static_assert(MTA_REASON_LAST == 6, "a new reason needs a phrase");
static const char *const S_reasons[MTA_REASON_LAST] = {
    [MTA_REASON_NONE] = "",
    [MTA_REASON_NO_TEXT] = "no article text",
    [MTA_REASON_TOO_LITTLE_TEXT] = "too little article text",
    [MTA_REASON_SCORE] = "score under threshold",
    [MTA_REASON_SEVERITY] = "finding at or above severity",
    [MTA_REASON_UNSCORED] = "unscored share above limit",
};

const char *mta_reason_name(mta_reason reason) {
  return (unsigned)reason < MTA_REASON_LAST ? S_reasons[reason] : "";
}

static const char *const S_sev_names[] = {"minor", "major", "critical"};

const char *mta_severity_name(mta_severity sev) {
  return (unsigned)sev <= MTA_SEV_CRITICAL ? S_sev_names[sev] : NULL;
}

mta_status mta_severity_parse(const char *name, mta_severity *out) {
  if (!name || !out)
    return MTA_ERR_INVALID_ARG;
  for (int i = 0; i <= MTA_SEV_CRITICAL; i++)
    if (!strcmp(name, S_sev_names[i])) {
      *out = (mta_severity)i;
      return MTA_OK;
    }
  return MTA_ERR_INVALID_ARG;
}

/* The XSI strerror_r (-D_XOPEN_SOURCE=700, no _GNU_SOURCE) fills 'buf' and
 * returns 0; an unknown number or a short buffer gives "error N". */
const char *mtai_errstr(int errnum, char *buf, size_t size) {
  if (!size)
    return "";
  if (strerror_r(errnum, buf, size) != 0)
    snprintf(buf, size, "error %d", errnum);
  return buf;
}
