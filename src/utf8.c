/*
 * Small UTF-8 helpers on top of ICU's macros (unicode/utf8.h), so that
 * validation follows ICU's definition of well-formed UTF-8: no overlong
 * forms, no surrogates, nothing above U+10FFFF.
 */
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"

int32_t mtai_utf8_next_multi(const char *s, size_t len, size_t *i) {
  UChar32 c;
  int32_t j = 0;
  const uint8_t *p = (const uint8_t *)s + *i;
  int32_t n = len - *i > INT32_MAX ? INT32_MAX : (int32_t)(len - *i);
  U8_NEXT(p, j, n, c);
  *i += (size_t)j;
  return c < 0 ? 0xFFFD : c;
}

int mtai_is_space_multi(int32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xFEFF ||
         c == 0x200B || u_isUWhiteSpace(c);
}

size_t mtai_utf8_count(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      count++;
  return count;
}

int mtai_utf8_valid(const char *s, size_t n, size_t *bad_at) {
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    UChar32 c;
    int32_t j = 0;
    int32_t m = n - i > INT32_MAX ? INT32_MAX : (int32_t)(n - i);
    U8_NEXT((const uint8_t *)s + i, j, m, c);
    if (c < 0) {
      if (bad_at)
        *bad_at = i;
      return 0;
    }
    i += (size_t)j;
  }
  return 1;
}

/* Lower-cases through a small chunk (one buffer append per 256 bytes, not
 * per character), ASCII without a call into ICU. A long text (a sentence
 * of megabytes) gets its room at once: grown by doubling, the buffer
 * would be copied at every step, and the copies left in the allocator's
 * heap count in the peak. */
mta_status mtai_utf8_lower(const char *s, size_t n, struct mta_buf *out) {
  if (n >= 65536) {
    size_t have = mtai_buf_len(out);
    mta_status st = mtai_buf_reserve(out, n > have ? n : have);
    if (st)
      return st;
  }
  uint8_t chunk[256];
  int32_t k = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
      chunk[k++] = b >= 'A' && b <= 'Z' ? (uint8_t)(b + ('a' - 'A')) : b;
      i++;
    } else {
      UChar32 c = mtai_utf8_next(s, n, &i);
      UBool err = 0;
      U8_APPEND(chunk, k, (int32_t)sizeof chunk, u_tolower(c), err);
      if (err)
        return MTA_ERR_ENCODING;
    }
    if (k > (int32_t)sizeof chunk - U8_MAX_LENGTH) {
      mta_status st = mtai_buf_add(out, chunk, (size_t)k);
      if (st)
        return st;
      k = 0;
    }
  }
  return k ? mtai_buf_add(out, chunk, (size_t)k) : MTA_OK;
}
