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
#include "i18n.h"

int mtai_encoding_known(const char *name) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1)
    return 0;
  iconv_close(cd);
  return 1;
}

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

/* NFC works on chunks of about this many bytes (see S_nfc()). */
#define S_NFC_CHUNK 65536

/* End of the chunk of s[0..n) that starts at 'from': about S_NFC_CHUNK
 * bytes, cut before a character that has a normalization boundary before
 * it (else at the end of the text). */
static size_t S_nfc_cut(const UNormalizer2 *nfc, const char *s, size_t n,
                        size_t from) {
  if (n - from <= S_NFC_CHUNK)
    return n;
  size_t i = from + S_NFC_CHUNK;
  while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
    i++;
  while (i < n) {
    size_t k = i;
    if (unorm2_hasBoundaryBefore(nfc, mtai_utf8_next(s, n, &k)))
      return i;
    i = k;
  }
  return n;
}

/* Scratch of the chunked normalization. Sized exactly, not with
 * mtai_vec_reserve(): room for one chunk, not an append, and a chunk with no
 * normalization boundary is the whole text, where doubling would hold up to
 * twice the room (DESIGN "Memory"); ICU takes int32_t capacities. */
struct S_nfc_scratch {
  UChar *u, *v; /* the chunk in UTF-16, and its NFC */
  int32_t ucap, vcap;
  char *o; /* the NFC in UTF-8 */
  size_t ocap;
};

static void S_nfc_scratch_free(struct S_nfc_scratch *x) {
  free(x->u);
  free(x->v);
  free(x->o);
}

/* Converts s[0..n) to UTF-16 in x->u ('*ulen' units). */
static mta_status S_nfc_utf16(struct S_nfc_scratch *x, const char *s, size_t n,
                              int32_t *ulen, UErrorCode *ec) {
  if ((int32_t)n + 1 > x->ucap) {
    UChar *u = realloc(x->u, (n + 1) * sizeof *u);
    if (!u)
      return MTA_ERR_NOMEM;
    x->u = u;
    x->ucap = (int32_t)n + 1;
  }
  /* UTF-16 never needs more units than UTF-8 has bytes. */
  u_strFromUTF8(x->u, x->ucap, ulen, s, (int32_t)n, ec);
  return MTA_OK;
}

/* Appends the NFC of x->u[0..ulen) to 'out' in UTF-8. */
static mta_status S_nfc_append(struct S_nfc_scratch *x, const UNormalizer2 *nfc,
                               int32_t ulen, struct mta_buf *out,
                               UErrorCode *ec) {
  /* NFC at most triples a string in UTF-16 units. */
  if (3 * ulen + 16 > x->vcap) {
    UChar *v = realloc(x->v, (size_t)(3 * ulen + 16) * sizeof *v);
    if (!v)
      return MTA_ERR_NOMEM;
    x->v = v;
    x->vcap = 3 * ulen + 16;
  }
  int32_t vlen = unorm2_normalize(nfc, x->u, ulen, x->v, x->vcap, ec);
  if (U_FAILURE(*ec))
    return MTA_ERR_ICU;
  /* A unit becomes at most three bytes (a pair of two, four). */
  size_t need = 3 * (size_t)vlen + 1;
  if (need > x->ocap) {
    char *o = realloc(x->o, need);
    if (!o)
      return MTA_ERR_NOMEM;
    x->o = o;
    x->ocap = need;
  }
  int32_t olen = 0;
  u_strToUTF8(x->o, (int32_t)x->ocap, &olen, x->v, vlen, ec);
  if (U_FAILURE(*ec))
    return MTA_ERR_ICU;
  return mtai_buf_add(out, x->o, (size_t)olen);
}

/* Rewrites 'b' in NFC unless it already is (the common case: a quick ASCII
 * scan, then ICU's isNormalized). The text is checked, and normalized when
 * it must be, in chunks cut before characters with a normalization
 * boundary before them: the NFC of the whole is then the concatenation of
 * the NFC of the chunks, and ICU's UTF-16 copies stay the size of a chunk
 * instead of twice the document. Chunks already in NFC are copied as they
 * are. */
static mta_status S_nfc(struct mta_buf *b, char *err, size_t errsz) {
  const char *s = mtai_buf_str(b);
  size_t n = mtai_buf_len(b);
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80)
    i++;
  if (i == n)
    return MTA_OK;
  UErrorCode ec = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
  if (U_FAILURE(ec))
    goto icu_fail;
  struct S_nfc_scratch x;
  memset(&x, 0, sizeof x);
  struct mta_buf nb;
  mtai_buf_init(&nb, 0);
  int rewriting = 0;
  mta_status st = MTA_OK;
  for (size_t a = 0; !st && a < n;) {
    size_t e = S_nfc_cut(nfc, s, n, a);
    if (e - a > INT32_MAX / 3) {
      S_nfc_scratch_free(&x);
      mtai_buf_free(&nb);
      snprintf(err, errsz, _("document too large to normalize"));
      return MTA_ERR_TOO_LARGE;
    }
    size_t k = a;
    while (k < e && (unsigned char)s[k] < 0x80)
      k++;
    int32_t ulen = 0;
    int normal = 1;
    if (k < e) {
      st = S_nfc_utf16(&x, s + a, e - a, &ulen, &ec);
      if (!st && U_SUCCESS(ec))
        normal = unorm2_isNormalized(nfc, x.u, ulen, &ec) != 0;
    }
    if (!st && U_FAILURE(ec))
      st = MTA_ERR_ICU;
    if (!st && !normal && !rewriting) {
      /* The first chunk to change: the text before it is kept. */
      rewriting = 1;
      st = mtai_buf_reserve(&nb, n + n / 8);
      if (!st)
        st = mtai_buf_add(&nb, s, a);
    }
    if (!st && rewriting)
      st = normal ? mtai_buf_add(&nb, s + a, e - a)
                  : S_nfc_append(&x, nfc, ulen, &nb, &ec);
    a = e;
  }
  S_nfc_scratch_free(&x);
  if (st) {
    mtai_buf_free(&nb);
    if (st == MTA_ERR_ICU)
      goto icu_fail;
    return st;
  }
  if (rewriting) {
    mtai_buf_free(b);
    *b = nb;
  }
  return MTA_OK;
icu_fail:
  snprintf(err, errsz, _("Unicode normalization failed: %s"), u_errorName(ec));
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
    snprintf(err, errsz, _("binary content (NUL byte at offset %zu)"),
             (size_t)(nul - s) + (size_t)base);
    return MTA_ERR_BINARY;
  }
  if (nul) {
    snprintf(err, errsz,
             _("binary content (NUL character at position %zu "
               "of the decoded text)"),
             mtai_utf8_count(s, (size_t)(nul - s)) + 1);
    return MTA_ERR_BINARY;
  }
  size_t i = 0;
  while (i < n) {
    if (!mtai_is_space(mtai_utf8_next(s, n, &i)))
      return MTA_OK;
  }
  snprintf(err, errsz, _("no text (only whitespace)"));
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
    snprintf(err, errsz, _("empty file"));
    return MTA_ERR_EMPTY;
  }
  if (forced && *forced) {
    snprintf(enc, encsz, "%s", forced);
    if (S_is_utf8_name(forced)) {
      size_t skip = len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3) ? 3 : 0;
      if (!mtai_utf8_valid((const char *)in + skip, len - skip, &bad)) {
        snprintf(err, errsz, _("invalid UTF-8 at byte %zu"), bad + skip);
        return MTA_ERR_ENCODING;
      }
      st = mtai_buf_reserve(&b, len - skip);
      if (!st)
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
        snprintf(err, errsz, _("unknown encoding '%s'"), forced);
      else if (st == MTA_ERR_ENCODING)
        snprintf(err, errsz, _("invalid %s byte sequence at byte %zu"), forced,
                 bad);
    }
  } else if (len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
    snprintf(enc, encsz, "UTF-8");
    if (!mtai_utf8_valid((const char *)in + 3, len - 3, &bad)) {
      snprintf(err, errsz, _("invalid UTF-8 at byte %zu"), bad + 3);
      return MTA_ERR_ENCODING;
    }
    st = mtai_buf_reserve(&b, len - 3);
    if (!st)
      st = mtai_buf_add(&b, in + 3, len - 3);
    base = 3;
  } else if (len >= 2 && ((in[0] == 0xFF && in[1] == 0xFE) ||
                          (in[0] == 0xFE && in[1] == 0xFF))) {
    const char *name = in[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    snprintf(enc, encsz, "%s", name);
    st = S_iconv(name, in + 2, len - 2, &b, &bad, &unknown);
    if (st == MTA_ERR_ENCODING)
      snprintf(err, errsz, _("invalid %s at byte %zu"), name, bad + 2);
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
                 _("binary content: looks like UTF-16%s without a byte-order "
                   "mark (try --encoding UTF-16%s)"),
                 odd > even ? "LE" : "BE", odd > even ? "LE" : "BE");
      else
        snprintf(err, errsz, _("binary content (NUL byte at offset %zu)"),
                 (size_t)(nul - in));
      return MTA_ERR_BINARY;
    }
    if (mtai_utf8_valid((const char *)in, len, NULL)) {
      snprintf(enc, encsz, "UTF-8");
      st = mtai_buf_reserve(&b, len);
      if (!st)
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
        snprintf(err, errsz, _("undecodable byte at offset %zu"), bad);
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
