/*
 * Status, severity and system error texts (status.c): a leaf module that
 * depends on nothing but the public header, so that every stage may name
 * a status without depending on the auditor.
 */
#ifndef MTAUDIT_STATUS_H
#define MTAUDIT_STATUS_H

#include <stddef.h>

#include "mtaudit.h"

/* Short lower-case name of a status for machine-readable output ("io",
 * "too-large"); "unknown" for a number outside the enum. */
const char *mtai_status_key(mta_status st);

/* The text of errno value 'errnum' in 'buf' (of 'size' bytes), through
 * the thread-safe XSI strerror_r (library code may run on worker
 * threads); "error N" for a number the C library does not know. Returns
 * 'buf' ("" when 'size' is 0). */
const char *mtai_errstr(int errnum, char *buf, size_t size);

#endif
