/*
 * Decoding stage: raw bytes in, NUL-terminated UTF-8 in NFC form out.
 *
 * Order of decisions: an explicitly forced encoding wins; else a byte-order
 * mark (UTF-8, UTF-16LE, UTF-16BE); else the bytes are taken as UTF-8 when
 * they are well-formed UTF-8; else as Windows-1252 (falling back to
 * ISO-8859-1 for the five bytes Windows-1252 leaves undefined). Conversion
 * goes through iconv; normalization through ICU's NFC normalizer.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

/* Converts 'in' from 'from' to UTF-8 with iconv. On an invalid or
 * incomplete sequence, '*bad_at' receives its byte offset in 'in'. */
static mta_status S_iconv(const char *from, const unsigned char *in, size_t len,
                          struct mta_buf *out, size_t *bad_at, int *unknown) {
  *unknown = 0;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) {
    *unknown = 1;
    return MTA_ERR_INVALID_ARG;
  }
  char *ip = (char *)in;
  size_t ileft = len;
  char chunk[8192];
  mta_status st = MTA_OK;
  while (ileft > 0) {
    char *op = chunk;
    size_t oleft = sizeof chunk;
    size_t rc = iconv(cd, &ip, &ileft, &op, &oleft);
    if ((st = mtai_buf_add(out, chunk, sizeof chunk - oleft)))
      break;
    if (rc == (size_t)-1 && errno != E2BIG) {
      *bad_at = (size_t)(ip - (char *)in);
      st = MTA_ERR_ENCODING;
      break;
    }
  }
  if (!st) {
    char *op = chunk;
    size_t oleft = sizeof chunk;
    iconv(cd, NULL, NULL, &op, &oleft);
    st = mtai_buf_add(out, chunk, sizeof chunk - oleft);
  }
  iconv_close(cd);
  return st;
}

/* Rewrites 'b' in NFC unless it already is (the common case: a quick
 * ASCII scan, then ICU's isNormalized). */
static mta_status S_nfc(struct mta_buf *b, char *err, size_t errsz) {
  const char *s = mtai_buf_str(b);
  size_t n = mtai_buf_len(b);
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80)
    i++;
  if (i == n)
    return MTA_OK;
  if (n > INT32_MAX / 2) {
    snprintf(err, errsz, "document too large to normalize");
    return MTA_ERR_TOO_LARGE;
  }
  UErrorCode ec = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
  int32_t ulen = 0;
  u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)n, &ec);
  if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec))
    goto icu_fail;
  ec = U_ZERO_ERROR;
  UChar *u = malloc(((size_t)ulen + 1) * sizeof(UChar));
  if (!u)
    return MTA_ERR_NOMEM;
  u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)n, &ec);
  if (U_FAILURE(ec) || unorm2_isNormalized(nfc, u, ulen, &ec)) {
    free(u);
    if (U_FAILURE(ec))
      goto icu_fail;
    return MTA_OK;
  }
  int32_t cap = ulen + ulen / 2 + 16;
  UChar *v = malloc((size_t)cap * sizeof(UChar));
  if (!v) {
    free(u);
    return MTA_ERR_NOMEM;
  }
  int32_t vlen = unorm2_normalize(nfc, u, ulen, v, cap, &ec);
  free(u);
  if (U_FAILURE(ec)) {
    free(v);
    goto icu_fail;
  }
  int32_t blen = 0;
  u_strToUTF8(NULL, 0, &blen, v, vlen, &ec);
  ec = U_ZERO_ERROR;
  struct mta_buf nb;
  mtai_buf_init(&nb, 0);
  mta_status st = MTA_ERR_NOMEM;
  char *tmp = malloc((size_t)blen + 1);
  if (tmp) {
    u_strToUTF8(tmp, blen + 1, NULL, v, vlen, &ec);
    st = U_FAILURE(ec) ? MTA_ERR_ICU : mtai_buf_add(&nb, tmp, (size_t)blen);
    free(tmp);
  }
  free(v);
  if (st) {
    mtai_buf_free(&nb);
    return st;
  }
  mtai_buf_free(b);
  *b = nb;
  return MTA_OK;
icu_fail:
  snprintf(err, errsz, "Unicode normalization failed: %s", u_errorName(ec));
  return MTA_ERR_ICU;
}

static int S_is_utf8_name(const char *name) {
  return !strcasecmp(name, "UTF-8") || !strcasecmp(name, "UTF8");
}

/* Post-conversion checks: no U+0000, some non-blank text. 'base' is the
 * file offset of the first decoded byte when decoded offsets are file
 * offsets (plain UTF-8 after a BOM), or -1 when they are not. */
static mta_status S_check_text(const struct mta_buf *b, long base, char *err,
                               size_t errsz) {
  const char *s = mtai_buf_str(b);
  size_t n = mtai_buf_len(b);
  const char *nul = memchr(s, '\0', n);
  if (nul && base >= 0) {
    snprintf(err, errsz, "binary content (NUL byte at offset %zu)",
             (size_t)(nul - s) + (size_t)base);
    return MTA_ERR_BINARY;
  }
  if (nul) {
    snprintf(err, errsz,
             "binary content (NUL character at position %zu "
             "of the decoded text)",
             mtai_utf8_count(s, (size_t)(nul - s)) + 1);
    return MTA_ERR_BINARY;
  }
  size_t i = 0;
  while (i < n) {
    if (!mtai_is_space(mtai_utf8_next(s, n, &i)))
      return MTA_OK;
  }
  snprintf(err, errsz, "no text (only whitespace)");
  return MTA_ERR_EMPTY;
}

mta_status mtai_decode(const unsigned char *in, size_t len, const char *forced,
                       char **out, size_t *outlen, char *enc, size_t encsz,
                       char *err, size_t errsz) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  mta_status st = MTA_OK;
  size_t bad = 0;
  int unknown = 0;
  long base = -1; /* see S_check_text() */
  *out = NULL;
  *outlen = 0;
  err[0] = '\0';
  if (len == 0) {
    snprintf(err, errsz, "empty file");
    return MTA_ERR_EMPTY;
  }
  if (forced && *forced) {
    snprintf(enc, encsz, "%s", forced);
    if (S_is_utf8_name(forced)) {
      size_t skip = len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3) ? 3 : 0;
      if (!mtai_utf8_valid((const char *)in + skip, len - skip, &bad)) {
        snprintf(err, errsz, "invalid UTF-8 at byte %zu", bad + skip);
        return MTA_ERR_ENCODING;
      }
      st = mtai_buf_add(&b, in + skip, len - skip);
      base = (long)skip;
    } else {
      st = S_iconv(forced, in, len, &b, &bad, &unknown);
      /* A BOM that a forced UTF-16/32 conversion kept is not text. */
      if (!st && mtai_buf_len(&b) >= 3 &&
          !memcmp(mtai_buf_str(&b), "\xEF\xBB\xBF", 3)) {
        struct mta_buf nb;
        mtai_buf_init(&nb, 0);
        st = mtai_buf_add(&nb, mtai_buf_str(&b) + 3, mtai_buf_len(&b) - 3);
        mtai_buf_free(&b);
        b = nb;
      }
      if (st == MTA_ERR_INVALID_ARG && unknown)
        snprintf(err, errsz, "unknown encoding '%s'", forced);
      else if (st == MTA_ERR_ENCODING)
        snprintf(err, errsz, "invalid %s byte sequence at byte %zu", forced,
                 bad);
    }
  } else if (len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
    snprintf(enc, encsz, "UTF-8");
    if (!mtai_utf8_valid((const char *)in + 3, len - 3, &bad)) {
      snprintf(err, errsz, "invalid UTF-8 at byte %zu", bad + 3);
      return MTA_ERR_ENCODING;
    }
    st = mtai_buf_add(&b, in + 3, len - 3);
    base = 3;
  } else if (len >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) ||
                          (in[0] == 0xFE && in[1] == 0xFF))) {
    const char *name = in[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    snprintf(enc, encsz, "%s", name);
    st = S_iconv(name, in + 2, len - 2, &b, &bad, &unknown);
    if (st == MTA_ERR_ENCODING)
      snprintf(err, errsz, "invalid %s at byte %zu", name, bad + 2);
  } else {
    const unsigned char *nul = memchr(in, '\0', len);
    if (nul) {
      /* UTF-16 without a byte-order mark: NUL in every other byte. */
      size_t even = 0, odd = 0, m = len < 512 ? len : 512;
      for (size_t i = 0; i < m; i++)
        if (!in[i] && i % 2)
          odd++;
        else if (!in[i])
          even++;
      if (m >= 4 && (odd * 4 >= m * 3 / 2 || even * 4 >= m * 3 / 2))
        snprintf(err, errsz,
                 "binary content: looks like UTF-16%s without a byte-order "
                 "mark (try --encoding UTF-16%s)",
                 odd > even ? "LE" : "BE", odd > even ? "LE" : "BE");
      else
        snprintf(err, errsz, "binary content (NUL byte at offset %zu)",
                 (size_t)(nul - in));
      return MTA_ERR_BINARY;
    }
    if (mtai_utf8_valid((const char *)in, len, NULL)) {
      snprintf(enc, encsz, "UTF-8");
      st = mtai_buf_add(&b, in, len);
      base = 0;
    } else {
      snprintf(enc, encsz, "WINDOWS-1252");
      st = S_iconv("WINDOWS-1252", in, len, &b, &bad, &unknown);
      if (st == MTA_ERR_ENCODING) {
        mtai_buf_reset(&b);
        snprintf(enc, encsz, "ISO-8859-1");
        st = S_iconv("ISO-8859-1", in, len, &b, &bad, &unknown);
      }
      if (st == MTA_ERR_ENCODING)
        snprintf(err, errsz, "undecodable byte at offset %zu", bad);
    }
  }
  if (!st)
    st = S_check_text(&b, base, err, errsz);
  if (!st)
    st = S_nfc(&b, err, errsz);
  if (st) {
    if (!err[0])
      snprintf(err, errsz, "%s", mta_strerror(st));
    mtai_buf_free(&b);
    return st;
  }
  *outlen = mtai_buf_len(&b);
  *out = mtai_buf_detach(&b);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}
