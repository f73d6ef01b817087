/*
 * A growable byte buffer with a size cap. The contents are always
 * NUL-terminated; members are private to buf.c (use the functions).
 */
#ifndef MTAUDIT_BUF_H
#define MTAUDIT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "mtaudit.h"

struct mta_buf {
  char *data;
  size_t len, cap, max;
};

/* Starts an empty buffer that may grow to 'max' bytes (0: no cap). */
void mtai_buf_init(struct mta_buf *b, size_t max);
/* Frees the contents; the buffer may be reused after mtai_buf_init(). */
void mtai_buf_free(struct mta_buf *b);
/* Cuts the contents to its first 'n' bytes (n <= length). */
void mtai_buf_truncate(struct mta_buf *b, size_t n);
/* Empties the buffer, keeping its memory. */
void mtai_buf_reset(struct mta_buf *b);
/* Makes room for 'n' more bytes (and the terminator) at once, allocating
 * exactly that much when it grows: for a size known in advance, where
 * doubling would waste up to half of a large buffer. */
mta_status mtai_buf_reserve(struct mta_buf *b, size_t n);
/* Appends 'n' bytes; MTA_ERR_NOMEM or MTA_ERR_TOO_LARGE on failure. */
mta_status mtai_buf_add(struct mta_buf *b, const void *p, size_t n);
mta_status mtai_buf_puts(struct mta_buf *b, const char *s);
mta_status mtai_buf_putc(struct mta_buf *b, char c);
mta_status mtai_buf_printf(struct mta_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
mta_status mtai_buf_vprintf(struct mta_buf *b, const char *fmt, va_list ap);
/* The contents ("" for an empty buffer; never NULL). Borrowed. */
const char *mtai_buf_str(const struct mta_buf *b);
size_t mtai_buf_len(const struct mta_buf *b);
/* Hands the contents to the caller (malloc'd, NUL-terminated, never NULL
 * unless out of memory) and leaves the buffer empty. */
char *mtai_buf_detach(struct mta_buf *b);

#endif
