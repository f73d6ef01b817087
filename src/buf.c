/*
 * Capped, always NUL-terminated byte buffer (after curl's dynbuf).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void mtai_buf_init(struct mta_buf *b, size_t max) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->max = max;
}

void mtai_buf_free(struct mta_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void mtai_buf_truncate(struct mta_buf *b, size_t n) {
  if (n < b->len) {
    b->len = n;
    b->data[n] = '\0';
  }
}

void mtai_buf_reset(struct mta_buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

/* Makes room for 'n' more bytes plus the terminator, doubling the capacity
 * so that appends are amortized O(1). */
/* The bytes 'b' needs for 'n' more plus the terminator, into '*need';
 * MTA_ERR_TOO_LARGE past its cap or SIZE_MAX. */
static mta_status S_need(const struct mta_buf *b, size_t n, size_t *need) {
  if (n > (size_t)-1 - b->len - 1)
    return MTA_ERR_TOO_LARGE;
  *need = b->len + n + 1;
  if (b->max && *need > b->max + 1)
    return MTA_ERR_TOO_LARGE;
  return MTA_OK;
}

static mta_status S_grow(struct mta_buf *b, size_t n) {
  size_t need;
  mta_status st = S_need(b, n, &need);
  if (st || need <= b->cap)
    return st;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap = cap > (size_t)-1 / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p)
    return MTA_ERR_NOMEM;
  b->data = p;
  b->cap = cap;
  return MTA_OK;
}

mta_status mtai_buf_reserve(struct mta_buf *b, size_t n) {
  size_t need;
  mta_status st = S_need(b, n, &need);
  if (st || need <= b->cap)
    return st;
  char *p = realloc(b->data, need);
  if (!p)
    return MTA_ERR_NOMEM;
  b->data = p;
  b->cap = need;
  return MTA_OK;
}

mta_status mtai_buf_add(struct mta_buf *b, const void *p, size_t n) {
  mta_status st = S_grow(b, n);
  if (st)
    return st;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return MTA_OK;
}

mta_status mtai_buf_puts(struct mta_buf *b, const char *s) {
  return mtai_buf_add(b, s, strlen(s));
}

mta_status mtai_buf_putc(struct mta_buf *b, char c) {
  return mtai_buf_add(b, &c, 1);
}

mta_status mtai_buf_vprintf(struct mta_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    return MTA_ERR_INVALID_ARG;
  mta_status st = S_grow(b, (size_t)n);
  if (st)
    return st;
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
  return MTA_OK;
}

mta_status mtai_buf_printf(struct mta_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  mta_status st = mtai_buf_vprintf(b, fmt, ap);
  va_end(ap);
  return st;
}

const char *mtai_buf_str(const struct mta_buf *b) {
  return b->data ? b->data : "";
}

size_t mtai_buf_len(const struct mta_buf *b) { return b->len; }

char *mtai_buf_detach(struct mta_buf *b) {
  char *p = b->data;
  if (!p) {
    p = malloc(1);
    if (p)
      p[0] = '\0';
  }
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}
