/* Tests of src/decode.c and src/utf8.c: encoding detection, forced
 * encodings, input errors, NFC normalization and UTF-8 validation. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "tests.h"

/* UTF-8 spellings of the non-ASCII characters used below. */
#define AE "\xC3\xA4"        /* ä */
#define OE "\xC3\xB6"        /* ö */
#define UE "\xC3\xBC"        /* ü */
#define SZ "\xC3\x9F"        /* ß */
#define CAP_AE "\xC3\x84"    /* Ä */
#define EURO "\xE2\x82\xAC"  /* € */
#define BDQUO "\xE2\x80\x9E" /* „ */
#define LDQUO "\xE2\x80\x9C" /* “ */
#define RDQUO "\xE2\x80\x9D" /* ” */
#define BOM "\xEF\xBB\xBF"   /* U+FEFF in UTF-8 */

/* The result of one mtai_decode() call. */
struct S_dec {
  mta_status st;
  char *out;
  size_t len;
  char enc[32];
  char err[256];
};

/* Decodes 'len' bytes at 'in' (forced encoding 'forced' or NULL) into 'd'.
 * The output and error buffers start out non-empty so that a decoder that
 * forgets to set them is caught. */
static void S_decode(struct S_dec *d, const void *in, size_t len,
                     const char *forced) {
  memset(d, 0, sizeof *d);
  strcpy(d->enc, "unset");
  strcpy(d->err, "unset");
  d->out = (char *)"unset";
  d->len = 12345;
  d->st = mtai_decode(in, len, forced, &d->out, &d->len, d->enc, sizeof d->enc,
                      d->err, sizeof d->err);
}

/* Asserts success with output 'want' (NUL-terminated) in encoding 'enc'. */
static void S_expect_ok(struct S_dec *d, const char *want, const char *enc) {
  ck_assert_msg(d->st == MTA_OK, "status %d: %s", (int)d->st, d->err);
  ck_assert_ptr_nonnull(d->out);
  ck_assert_uint_eq(d->len, strlen(want));
  ck_assert_mem_eq(d->out, want, d->len);
  ck_assert_int_eq(d->out[d->len], '\0');
  ck_assert_str_eq(d->enc, enc);
  ck_assert_str_eq(d->err, "");
}

/* Asserts failure with 'st', no output, and 'needle' in the message. */
static void S_expect_err(const struct S_dec *d, mta_status st,
                         const char *needle) {
  ck_assert_int_eq(d->st, st);
  ck_assert_ptr_null(d->out);
  ck_assert_uint_eq(d->len, 0);
  ck_assert_msg(strstr(d->err, needle) != NULL, "message '%s' lacks '%s'",
                d->err, needle);
}

static void S_done(struct S_dec *d) {
  if (d->st == MTA_OK)
    free(d->out);
}

/* Encodes the code units 'u' (BMP only) as UTF-16 with a BOM into 'out'
 * (2 + 2 * n bytes), little-endian when 'le'. */
static size_t S_utf16(const unsigned *u, size_t n, int le, unsigned char *out) {
  out[0] = le ? 0xFF : 0xFE;
  out[1] = le ? 0xFE : 0xFF;
  for (size_t i = 0; i < n; i++) {
    unsigned char hi = (unsigned char)(u[i] >> 8), lo = (unsigned char)u[i];
    out[2 + 2 * i] = le ? lo : hi;
    out[3 + 2 * i] = le ? hi : lo;
  }
  return 2 + 2 * n;
}

/* "Grüße €\n" as UTF-16 code units, and as UTF-8. */
static const unsigned S_gruesse16[] = {'G', 'r', 0x00FC, 0x00DF,
                                       'e', ' ', 0x20AC, '\n'};
#define S_GRUESSE8 "Gr" UE SZ "e " EURO "\n"

/* ---- detection ---------------------------------------------------------- */

START_TEST(decode_plain_utf8) {
  const char *in = "Gro" SZ "e Stra" SZ "e in K" OE "ln.";
  struct S_dec d;
  S_decode(&d, in, strlen(in), NULL);
  S_expect_ok(&d, in, "UTF-8");
  ck_assert_ptr_ne(d.out, in);
  S_done(&d);
}
END_TEST

START_TEST(decode_plain_ascii) {
  struct S_dec d;
  S_decode(&d, "Hallo Welt.", 11, NULL);
  S_expect_ok(&d, "Hallo Welt.", "UTF-8");
  S_done(&d);
}
END_TEST

START_TEST(decode_utf8_bom_is_stripped) {
  const char in[] = BOM "Gr" UE SZ "e";
  struct S_dec d;
  S_decode(&d, in, sizeof in - 1, NULL);
  S_expect_ok(&d, "Gr" UE SZ "e", "UTF-8");
  S_done(&d);
}
END_TEST

START_TEST(decode_utf16le_bom) {
  unsigned char in[64];
  size_t n =
      S_utf16(S_gruesse16, sizeof S_gruesse16 / sizeof *S_gruesse16, 1, in);
  ck_assert_int_eq(in[0], 0xFF);
  ck_assert_int_eq(in[2], 'G');
  struct S_dec d;
  S_decode(&d, in, n, NULL);
  S_expect_ok(&d, S_GRUESSE8, "UTF-16LE");
  S_done(&d);
}
END_TEST

START_TEST(decode_utf16be_bom) {
  unsigned char in[64];
  size_t n =
      S_utf16(S_gruesse16, sizeof S_gruesse16 / sizeof *S_gruesse16, 0, in);
  ck_assert_int_eq(in[0], 0xFE);
  ck_assert_int_eq(in[3], 'G');
  struct S_dec d;
  S_decode(&d, in, n, NULL);
  S_expect_ok(&d, S_GRUESSE8, "UTF-16BE");
  S_done(&d);
}
END_TEST

START_TEST(decode_windows1252) {
  /* ä ö ü ß, the euro sign and curly double quotes. */
  const char in[] = "\xE4\xF6\xFC\xDF \x80 \x93Hallo\x94";
  struct S_dec d;
  S_decode(&d, in, sizeof in - 1, NULL);
  S_expect_ok(&d, AE OE UE SZ " " EURO " " LDQUO "Hallo" RDQUO, "WINDOWS-1252");
  S_done(&d);
}
END_TEST

START_TEST(decode_windows1252_longer_than_a_chunk) {
  /* 10000 x 0xE4 become 20000 bytes of UTF-8, more than the converter's
   * 8 KiB output chunk. */
  size_t n = 10000;
  unsigned char *in = malloc(n);
  ck_assert_ptr_nonnull(in);
  memset(in, 0xE4, n);
  struct S_dec d;
  S_decode(&d, in, n, NULL);
  free(in);
  ck_assert_int_eq(d.st, MTA_OK);
  ck_assert_str_eq(d.enc, "WINDOWS-1252");
  ck_assert_uint_eq(d.len, 2 * n);
  for (size_t i = 0; i < d.len; i += 2)
    ck_assert_msg(d.out[i] == '\xC3' && d.out[i + 1] == '\xA4',
                  "bad output at byte %zu", i);
  ck_assert_int_eq(d.out[d.len], '\0');
  S_done(&d);
}
END_TEST

START_TEST(decode_latin1_bytes) {
  /* Latin-1 letters are the same bytes in Windows-1252. */
  const char in[] = "Caf\xE9 na\xEFve \xC4pfel";
  struct S_dec d;
  S_decode(&d, in, sizeof in - 1, NULL);
  S_expect_ok(&d, "Caf\xC3\xA9 na\xC3\xAFve " CAP_AE "pfel", "WINDOWS-1252");
  S_done(&d);
}
END_TEST

START_TEST(decode_latin1_fallback_for_undefined_1252_bytes) {
  /* 0x81 0x8D 0x8F 0x90 0x9D are undefined in Windows-1252. */
  const char in[] = "a\x81\x8D\x8F\x90\x9D \xE4";
  struct S_dec d;
  S_decode(&d, in, sizeof in - 1, NULL);
  S_expect_ok(&d, "a\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D " AE,
              "ISO-8859-1");
  S_done(&d);
}
END_TEST

/* ---- forced encodings --------------------------------------------------- */

START_TEST(decode_forced_iso8859_2) {
  /* 0xB1 0xEA: "ąę" in ISO-8859-2, "±ê" when detected as Windows-1252. */
  struct S_dec d;
  S_decode(&d, "\xB1\xEA", 2, "ISO-8859-2");
  S_expect_ok(&d, "\xC4\x85\xC4\x99", "ISO-8859-2");
  S_done(&d);
  S_decode(&d, "\xB1\xEA", 2, NULL);
  S_expect_ok(&d, "\xC2\xB1\xC3\xAA", "WINDOWS-1252");
  S_done(&d);
}
END_TEST

START_TEST(decode_forced_wins_over_detection) {
  /* Well-formed UTF-8 "ä", forced to be read as Windows-1252. */
  struct S_dec d;
  S_decode(&d, AE, 2, "WINDOWS-1252");
  S_expect_ok(&d, "\xC3\x83\xC2\xA4", "WINDOWS-1252");
  S_done(&d);
}
END_TEST

START_TEST(decode_forced_utf8_strips_bom) {
  const char in[] = BOM "Gr" UE SZ "e";
  struct S_dec d;
  S_decode(&d, in, sizeof in - 1, "utf8");
  S_expect_ok(&d, "Gr" UE SZ "e", "utf8");
  S_done(&d);
}
END_TEST

START_TEST(decode_forced_utf16_drops_bom) {
  static const unsigned char in[] = {0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0};
  struct S_dec d;
  S_decode(&d, in, sizeof in, "UTF-16LE");
  S_expect_ok(&d, "Hi.", "UTF-16LE");
  S_done(&d);
}
END_TEST

START_TEST(decode_nul_after_bom_gives_file_offset) {
  struct S_dec d;
  S_decode(&d, BOM "ab\0c", 6, NULL);
  S_expect_err(&d, MTA_ERR_BINARY, "offset 5");
}
END_TEST

START_TEST(decode_forced_unknown_encoding) {
  struct S_dec d;
  S_decode(&d, "abc", 3, "NO-SUCH-ENCODING-42");
  S_expect_err(&d, MTA_ERR_INVALID_ARG, "NO-SUCH-ENCODING-42");
}
END_TEST

START_TEST(decode_forced_utf8_invalid_gives_offset) {
  struct S_dec d;
  S_decode(&d, "abc\xC3x", 5, "UTF-8");
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 3");
  /* With a BOM the offset is still the file offset. */
  S_decode(&d, BOM "ab\xFF", 6, "UTF-8");
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 5");
  /* Overlong forms are invalid even though the bytes look plausible. */
  S_decode(&d, "ab\xC0\xAF", 4, "UTF-8");
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 2");
}
END_TEST

START_TEST(decode_forced_iconv_invalid_gives_offset) {
  struct S_dec d;
  S_decode(&d, "ab\xE4", 3, "ASCII");
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 2");
}
END_TEST

/* ---- rejected input ----------------------------------------------------- */

START_TEST(decode_nul_byte_is_binary) {
  struct S_dec d;
  S_decode(&d, "ab\0cd", 5, NULL);
  S_expect_err(&d, MTA_ERR_BINARY, "NUL");
  S_decode(&d, "\0", 1, NULL);
  S_expect_err(&d, MTA_ERR_BINARY, "NUL");
}
END_TEST

START_TEST(decode_nul_in_utf16_is_binary) {
  static const unsigned u[] = {'A', 0, 'B'};
  unsigned char in[16];
  size_t n = S_utf16(u, 3, 1, in);
  struct S_dec d;
  S_decode(&d, in, n, NULL);
  S_expect_err(&d, MTA_ERR_BINARY, "NUL");
}
END_TEST

START_TEST(decode_nul_in_forced_encoding_is_binary) {
  struct S_dec d;
  S_decode(&d, "a\0b", 3, "ISO-8859-1");
  S_expect_err(&d, MTA_ERR_BINARY, "NUL");
}
END_TEST

START_TEST(decode_empty_input) {
  struct S_dec d;
  S_decode(&d, "", 0, NULL);
  S_expect_err(&d, MTA_ERR_EMPTY, "empty");
  S_decode(&d, "", 0, "UTF-8");
  S_expect_err(&d, MTA_ERR_EMPTY, "empty");
}
END_TEST

START_TEST(decode_whitespace_only_is_empty) {
  struct S_dec d;
  S_decode(&d, " \t\r\n \n", 6, NULL);
  S_expect_err(&d, MTA_ERR_EMPTY, "whitespace");
  /* No-break space and ideographic space are blank too. */
  S_decode(&d, " \xC2\xA0\xE3\x80\x80\n", 7, NULL);
  S_expect_err(&d, MTA_ERR_EMPTY, "whitespace");
  /* A BOM alone holds no text. */
  S_decode(&d, BOM, 3, NULL);
  S_expect_err(&d, MTA_ERR_EMPTY, "whitespace");
  S_decode(&d, "\xFF\xFE", 2, NULL);
  S_expect_err(&d, MTA_ERR_EMPTY, "whitespace");
  S_decode(&d, "  ", 2, "ISO-8859-1");
  S_expect_err(&d, MTA_ERR_EMPTY, "whitespace");
}
END_TEST

START_TEST(decode_utf8_bom_then_invalid_bytes) {
  struct S_dec d;
  S_decode(&d, BOM "ab\xC3", 6, NULL);
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 5");
}
END_TEST

START_TEST(decode_utf16_odd_length) {
  /* BOM, 'A', then half a code unit at byte 4. */
  static const unsigned char in[] = {0xFE, 0xFF, 0x00, 'A', 0x00};
  struct S_dec d;
  S_decode(&d, in, sizeof in, NULL);
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 4");
}
END_TEST

START_TEST(decode_utf16_lone_surrogate) {
  /* A high surrogate at byte 4 followed by 'B' instead of a low one. */
  static const unsigned u[] = {'A', 0xD800, 'B'};
  unsigned char in[16];
  size_t n = S_utf16(u, 3, 1, in);
  struct S_dec d;
  S_decode(&d, in, n, NULL);
  S_expect_err(&d, MTA_ERR_ENCODING, "byte 4");
}
END_TEST

START_TEST(decode_errors_through_the_auditor) {
  static char sentinel;
  mta_auditor *a = test_auditor();
  mta_report *r = (mta_report *)&sentinel;
  ck_assert_int_eq(mta_audit_buffer(a, "leer.txt", NULL, 0, &r), MTA_ERR_EMPTY);
  ck_assert_ptr_null(r);
  ck_assert_ptr_nonnull(strstr(mta_auditor_errmsg(a), "leer.txt"));
  r = (mta_report *)&sentinel;
  ck_assert_int_eq(mta_audit_buffer(a, "bin.dat", "a\0b", 3, &r),
                   MTA_ERR_BINARY);
  ck_assert_ptr_null(r);
  ck_assert_ptr_nonnull(strstr(mta_auditor_errmsg(a), "bin.dat"));
}
END_TEST

START_TEST(decode_windows1252_through_the_auditor) {
  mta_report *r = test_audit("Gr\xFC\xDF"
                             "e aus K\xF6ln.");
  ck_assert_str_eq(mta_report_encoding(r), "WINDOWS-1252");
  ck_assert_str_eq(r->doc.text, "Gr" UE SZ "e aus K" OE "ln.");
  ck_assert_uint_eq(r->doc.len, strlen(r->doc.text));
  mta_report_free(r);
}
END_TEST

/* ---- normalization and line ends ---------------------------------------- */

START_TEST(decode_nfc_composes) {
  struct S_dec d;
  S_decode(&d, "a\xCC\x88", 3, NULL);
  S_expect_ok(&d, AE, "UTF-8");
  S_done(&d);
  /* Within a word, and with the UTF-16 path. */
  S_decode(&d, "Mu\xCC\x88nchen", 9, NULL);
  S_expect_ok(&d, "M" UE "nchen", "UTF-8");
  S_done(&d);
  static const unsigned u[] = {'o', 0x0308, 'l'};
  unsigned char in[16];
  size_t n = S_utf16(u, 3, 0, in);
  S_decode(&d, in, n, NULL);
  S_expect_ok(&d, OE "l", "UTF-16BE");
  S_done(&d);
}
END_TEST

START_TEST(decode_nfc_text_is_unchanged) {
  const char *in =
      CAP_AE "rger " UE "ber " BDQUO "Stra" SZ "en" LDQUO " " EURO " 5";
  struct S_dec d;
  S_decode(&d, in, strlen(in), NULL);
  S_expect_ok(&d, in, "UTF-8");
  S_done(&d);
}
END_TEST

/* Normalization works in chunks of about 64 KiB (decode.c): composing
 * sequences across every chunk boundary, a run of combining marks longer
 * than a chunk, and a long text already in NFC. */
START_TEST(decode_nfc_in_chunks) {
  struct mta_buf in, want;
  mtai_buf_init(&in, 0);
  mtai_buf_init(&want, 0);
  for (size_t i = 0; i < 40000; i++) {
    ck_assert_int_eq(mtai_buf_puts(&in, "abc o\xCC\x88 "), MTA_OK);
    ck_assert_int_eq(mtai_buf_puts(&want, "abc " OE " "), MTA_OK);
  }
  ck_assert_int_eq(mtai_buf_puts(&in, "a"), MTA_OK);
  ck_assert_int_eq(mtai_buf_puts(&want, "\xC3\xA1"), MTA_OK); /* á */
  for (size_t i = 0; i < 70000; i++) {
    ck_assert_int_eq(mtai_buf_puts(&in, "\xCC\x81"), MTA_OK);
    if (i)
      ck_assert_int_eq(mtai_buf_puts(&want, "\xCC\x81"), MTA_OK);
  }
  struct S_dec d;
  S_decode(&d, mtai_buf_str(&in), mtai_buf_len(&in), NULL);
  S_expect_ok(&d, mtai_buf_str(&want), "UTF-8");
  S_done(&d);
  /* The result is in NFC already: unchanged. */
  S_decode(&d, mtai_buf_str(&want), mtai_buf_len(&want), NULL);
  S_expect_ok(&d, mtai_buf_str(&want), "UTF-8");
  S_done(&d);
  mtai_buf_free(&in);
  mtai_buf_free(&want);
}
END_TEST

START_TEST(decode_line_ends_are_kept) {
  const char *in = "a\r\nb\rc\n\r\nd";
  struct S_dec d;
  S_decode(&d, in, strlen(in), NULL);
  S_expect_ok(&d, in, "UTF-8");
  S_done(&d);
  /* Windows-1252 with CRLF: only the letters change length. */
  S_decode(&d, "\xE4\r\n\xF6\r", 5, NULL);
  S_expect_ok(&d, AE "\r\n" OE "\r", "WINDOWS-1252");
  S_done(&d);
}
END_TEST

/* ---- UTF-8 helpers ------------------------------------------------------ */

/* Lower case through the chunked writer: longer than a chunk, ASCII and
 * not, a character across the chunk's end. */
START_TEST(utf8_lower_long) {
  struct mta_buf in, want, out;
  mtai_buf_init(&in, 0);
  mtai_buf_init(&want, 0);
  mtai_buf_init(&out, 0);
  for (size_t i = 0; i < 300; i++) {
    ck_assert_int_eq(mtai_buf_puts(&in, CAP_AE "BcX" EURO), MTA_OK);
    ck_assert_int_eq(mtai_buf_puts(&want, AE "bcx" EURO), MTA_OK);
  }
  ck_assert_int_eq(mtai_utf8_lower(mtai_buf_str(&in), mtai_buf_len(&in), &out),
                   MTA_OK);
  ck_assert_str_eq(mtai_buf_str(&out), mtai_buf_str(&want));
  /* Appends; nothing for empty input. */
  ck_assert_int_eq(mtai_utf8_lower("", 0, &out), MTA_OK);
  ck_assert_int_eq(mtai_utf8_lower("A", 1, &out), MTA_OK);
  ck_assert_uint_eq(mtai_buf_len(&out), mtai_buf_len(&want) + 1);
  mtai_buf_free(&in);
  mtai_buf_free(&want);
  mtai_buf_free(&out);
}
END_TEST

START_TEST(utf8_valid_accepts_well_formed) {
  size_t bad = 99;
  ck_assert(mtai_utf8_valid("", 0, &bad));
  ck_assert(mtai_utf8_valid("abc", 3, NULL));
  ck_assert(mtai_utf8_valid("\xC3\xA4\xE2\x82\xAC", 5, &bad));
  ck_assert(mtai_utf8_valid("\xF0\x9F\x98\x80", 4, &bad)); /* U+1F600 */
  ck_assert(mtai_utf8_valid("\xF4\x8F\xBF\xBF", 4, &bad)); /* U+10FFFF */
  ck_assert(mtai_utf8_valid("\xED\x9F\xBF", 3, &bad));     /* U+D7FF */
  ck_assert(mtai_utf8_valid("\xEE\x80\x80", 3, &bad));     /* U+E000 */
}
END_TEST

START_TEST(utf8_valid_rejects_ill_formed) {
  static const struct {
    const char *s;
    size_t n, bad;
  } cases[] = {
      {"ab\xC0\xAF", 4, 2},          /* overlong '/' */
      {"\xC1\xBF", 2, 0},            /* overlong */
      {"x\xE0\x80\xAF", 4, 1},       /* overlong, three bytes */
      {"\xF0\x80\x80\xAF", 4, 0},    /* overlong, four bytes */
      {"ok\xED\xA0\x80", 5, 2},      /* surrogate U+D800 */
      {"\xED\xBF\xBF", 3, 0},        /* surrogate U+DFFF */
      {"abc\xF4\x90\x80\x80", 7, 3}, /* U+110000 */
      {"\xF5\x80\x80\x80", 4, 0},    /* lead byte above F4 */
      {"a\x80", 2, 1},               /* lone continuation byte */
      {"ab\xC3", 3, 2},              /* truncated at the end */
      {"\xE2\x82x", 3, 0},           /* truncated before ASCII */
      {"\xFF", 1, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t bad = 99;
    ck_assert_msg(!mtai_utf8_valid(cases[i].s, cases[i].n, &bad),
                  "case %zu accepted", i);
    ck_assert_msg(bad == cases[i].bad, "case %zu: bad_at %zu, want %zu", i, bad,
                  cases[i].bad);
    ck_assert(!mtai_utf8_valid(cases[i].s, cases[i].n, NULL));
  }
}
END_TEST

START_TEST(utf8_next_and_count) {
  const char *s = "a\xC3\xA4\xF0\x9F\x98\x80\xFFz";
  size_t n = strlen(s), i = 0;
  ck_assert_int_eq(mtai_utf8_next(s, n, &i), 'a');
  ck_assert_uint_eq(i, 1);
  ck_assert_int_eq(mtai_utf8_next(s, n, &i), 0xE4);
  ck_assert_uint_eq(i, 3);
  ck_assert_int_eq(mtai_utf8_next(s, n, &i), 0x1F600);
  ck_assert_uint_eq(i, 7);
  ck_assert_int_eq(mtai_utf8_next(s, n, &i), 0xFFFD); /* invalid byte */
  ck_assert_uint_eq(i, 8);
  ck_assert_int_eq(mtai_utf8_next(s, n, &i), 'z');
  ck_assert_uint_eq(i, n);
  ck_assert_uint_eq(mtai_utf8_count("\xC3\xA4\xC3\xB6\xC3\xBC x", 8), 5);
  ck_assert_uint_eq(mtai_utf8_count("", 0), 0);
}
END_TEST

/* The inline ASCII paths of mtai_utf8_next(), mtai_is_space() and
 * segment.c's case flags agree with ICU: every ASCII byte decodes to itself,
 * and whitespace is White_Space plus BOM and zero-width space at every code
 * point. */
START_TEST(utf8_ascii_paths_agree_with_icu) {
  for (int c = 0; c < 0x80; c++) {
    char b[2] = {(char)c, 'x'};
    size_t i = 0;
    ck_assert_int_eq(mtai_utf8_next(b, 2, &i), c);
    ck_assert_uint_eq(i, 1);
    /* segment.c's case flags read ASCII letters without ICU */
    int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    ck_assert_int_eq(!u_isalpha(c), !alpha);
    ck_assert_int_eq(!u_isupper(c), !(c >= 'A' && c <= 'Z'));
  }
  for (int32_t c = 0; c <= 0x10FFFF; c++) {
    int want = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xFEFF ||
               c == 0x200B || u_isUWhiteSpace(c);
    ck_assert_msg(!mtai_is_space(c) == !want, "U+%04X", (unsigned)c);
  }
}
END_TEST

Suite *decode_suite(void) {
  Suite *s = suite_create("decode");
  TCase *tc = tcase_create("detect");
  tcase_add_test(tc, decode_plain_utf8);
  tcase_add_test(tc, decode_plain_ascii);
  tcase_add_test(tc, decode_utf8_bom_is_stripped);
  tcase_add_test(tc, decode_utf16le_bom);
  tcase_add_test(tc, decode_utf16be_bom);
  tcase_add_test(tc, decode_windows1252);
  tcase_add_test(tc, decode_windows1252_longer_than_a_chunk);
  tcase_add_test(tc, decode_latin1_bytes);
  tcase_add_test(tc, decode_latin1_fallback_for_undefined_1252_bytes);
  tcase_add_test(tc, decode_windows1252_through_the_auditor);
  suite_add_tcase(s, tc);
  tc = tcase_create("forced");
  tcase_add_test(tc, decode_forced_iso8859_2);
  tcase_add_test(tc, decode_forced_wins_over_detection);
  tcase_add_test(tc, decode_forced_utf8_strips_bom);
  tcase_add_test(tc, decode_forced_unknown_encoding);
  tcase_add_test(tc, decode_forced_utf8_invalid_gives_offset);
  tcase_add_test(tc, decode_forced_iconv_invalid_gives_offset);
  suite_add_tcase(s, tc);
  tc = tcase_create("errors");
  tcase_add_test(tc, decode_nul_byte_is_binary);
  tcase_add_test(tc, decode_nul_in_utf16_is_binary);
  tcase_add_test(tc, decode_nul_in_forced_encoding_is_binary);
  tcase_add_test(tc, decode_empty_input);
  tcase_add_test(tc, decode_whitespace_only_is_empty);
  tcase_add_test(tc, decode_utf8_bom_then_invalid_bytes);
  tcase_add_test(tc, decode_nul_after_bom_gives_file_offset);
  tcase_add_test(tc, decode_forced_utf16_drops_bom);
  tcase_add_test(tc, decode_utf16_odd_length);
  tcase_add_test(tc, decode_utf16_lone_surrogate);
  tcase_add_test(tc, decode_errors_through_the_auditor);
  suite_add_tcase(s, tc);
  tc = tcase_create("normalize");
  tcase_add_test(tc, decode_nfc_composes);
  tcase_add_test(tc, decode_nfc_text_is_unchanged);
  tcase_add_test(tc, decode_nfc_in_chunks);
  tcase_add_test(tc, decode_line_ends_are_kept);
  suite_add_tcase(s, tc);
  tc = tcase_create("utf8");
  tcase_add_test(tc, utf8_valid_accepts_well_formed);
  tcase_add_test(tc, utf8_valid_rejects_ill_formed);
  tcase_add_test(tc, utf8_next_and_count);
  tcase_add_test(tc, utf8_ascii_paths_agree_with_icu);
  tcase_add_test(tc, utf8_lower_long);
  suite_add_tcase(s, tc);
  return s;
}
