/*
 * The configuration file (mtaudit.conf): read it once into an mta_config,
 * then copy what it names into an mta_options with mta_config_apply().
 *
 * Format (UTF-8, an optional BOM is skipped; LF, CRLF or CR line ends):
 *
 *   # comment                      ('#' or ';' first on the line, after
 *   ; comment                       optional whitespace)
 *   fail-under = 90                 top-level keys, before any section or
 *   [audit]                         in [audit]
 *   dict = "my words.txt"  # note   a value may be "quoted" (\" and \\ are
 *   [rules]                         its only escapes)
 *   compound/split = off            RULE = BOOL
 *   [severity]
 *   spelling/unknown = minor        RULE = SEVERITY
 *   [accept]
 *   spelling = Wolodymyr            RULE = PHRASE (or * = PHRASE): the
 *                                   rule does not report the phrase
 *
 * - Lines are at most S_MAX_LINE bytes; a NUL byte or invalid UTF-8 is an
 *   error; so is a file above S_MAX_FILE bytes, and anything but a regular
 *   file (a FIFO or a device is refused without being read).
 * - Whitespace around key, '=' and value is trimmed. An unquoted value runs
 *   to the end of the line, except that '#' after whitespace starts a
 *   comment ("dict = a#b.txt" is the file "a#b.txt"; "x = 1 # one" is 1);
 *   quote a value to keep " #" in it. After a closing quote only
 *   whitespace and a '#' comment may follow.
 * - Keys, section names and rule ids are case-sensitive; boolean words
 *   (true/false, yes/no, on/off, 1/0) and severities (minor, major,
 *   critical) are not.
 * - Top-level keys: fail-under (decimal 0..100), fail-on (a severity; sets
 *   MTA_OPT_FAIL_ON), fail-unscored (decimal 0..100, a percentage; sets
 *   MTA_OPT_FAIL_UNSCORED), min-words (0..1000000; 0 as 1), score-all
 *   (bool), spell (bool; false sets
 *   MTA_OPT_NO_SPELL), encoding, dict-dir, dict (repeatable, in order),
 *   max-document-size (bytes, or with a suffix k, M or G: powers of 1024).
 *   A later value of a key wins, except for dict, which accumulates.
 * - dict and dict-dir paths that are relative are taken relative to the
 *   directory of the configuration file, not the working directory.
 * - A RULE is a rule id ("compound/split"), a category ("spelling") or
 *   "CATEGORY/" + "*". Each entry of [rules] and [severity] becomes one
 *   mta_rule_setting in file order: [rules] gives {RULE, 0 or 1, -1},
 *   [severity] gives {RULE, -1, SEVERITY}, where enabled = -1 keeps the
 *   rule's on/off state (so a severity never re-enables a rule switched
 *   off earlier).
 *
 * Every error is MTA_ERR_PARSE with the message "PATH:LINE: what"; only
 * the first error is reported. Bytes below 0x20 (and 0x7F) that a message
 * echoes from the file are written as \xNN, so the message is one line.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "i18n.h"
#include "status.h"
#include "vec.h"

#define S_MAX_LINE 4096          /* bytes, without the line end */
#define S_MAX_FILE (1024 * 1024) /* a config file is never this big */
#define S_MAX_FRACTION 12        /* fail-under: digits after the point */

/* Which top-level keys the file set (mta_config.set). */
enum {
  S_SET_FAIL_UNDER = 1u << 0,
  S_SET_FAIL_ON = 1u << 1,
  S_SET_SCORE_ALL = 1u << 2,
  S_SET_SPELL = 1u << 3,
  S_SET_ENCODING = 1u << 4,
  S_SET_DICT_DIR = 1u << 5,
  S_SET_MAX_DOC = 1u << 6,
  S_SET_FAIL_UNSCORED = 1u << 7,
  S_SET_MIN_WORDS = 1u << 8
};

struct mta_config {
  unsigned set; /* S_SET_* */
  double fail_under;
  mta_severity fail_on;
  double fail_unscored;
  size_t min_words;
  int score_all, spell;
  const char *encoding, *dict_dir; /* in 'owned' */
  size_t max_doc;
  const char **dicts; /* each in 'owned' */
  size_t ndicts, dicts_cap;
  mta_rule_setting *settings; /* each .rule in 'owned' */
  size_t nsettings, settings_cap;
  mta_accept *accepts; /* [accept], strings in 'owned' */
  size_t naccepts, accepts_cap;
  char **owned; /* every string above, freed by mta_config_free() */
  size_t nowned, owned_cap;
};

enum S_section { S_SEC_TOP, S_SEC_RULES, S_SEC_SEVERITY, S_SEC_ACCEPT };

struct S_parser {
  mta_config *c;
  const char *path;
  size_t dirlen; /* bytes of 'path' up to and including its last '/' */
  size_t line;   /* 1-based number of the line being read */
  enum S_section section;
  struct mta_buf err; /* the message of the first error */
};

void mta_config_free(mta_config *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nowned; i++)
    free(c->owned[i]);
  free(c->owned);
  free(c->dicts);
  free(c->settings);
  free(c->accepts);
  free(c);
}

/* Copies s[0..n) into a new string owned by 'c'; NULL when out of memory. */
static const char *S_keep(mta_config *c, const char *s, size_t n) {
  if (mtai_vec_reserve(c->owned, c->owned_cap, c->nowned + 1))
    return NULL;
  char *copy = malloc(n + 1);
  if (!copy)
    return NULL;
  memcpy(copy, s, n);
  copy[n] = '\0';
  c->owned[c->nowned++] = copy;
  return copy;
}

/* Sets the parser's error to "PATH:LINE: " and the formatted text (or to
 * "PATH: " and the text when 'line' is 0), control bytes escaped; returns
 * 'st'. Out of memory leaves the message empty. */
static mta_status S_fail_at(struct S_parser *p, mta_status st, size_t line,
                            const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static mta_status S_fail_at(struct S_parser *p, mta_status st, size_t line,
                            const char *fmt, ...) {
  struct mta_buf raw;
  mtai_buf_init(&raw, 0);
  va_list ap;
  va_start(ap, fmt);
  mta_status bst = line ? mtai_buf_printf(&raw, "%s:%zu: ", p->path, line)
                        : mtai_buf_printf(&raw, "%s: ", p->path);
  if (!bst)
    bst = mtai_buf_vprintf(&raw, fmt, ap);
  va_end(ap);
  mtai_buf_reset(&p->err);
  const char *s = mtai_buf_str(&raw);
  for (size_t i = 0; !bst && s[i]; i++) {
    unsigned char ch = (unsigned char)s[i];
    bst = ch < 0x20 || ch == 0x7F ? mtai_buf_printf(&p->err, "\\x%02X", ch)
                                  : mtai_buf_putc(&p->err, (char)ch);
  }
  if (bst)
    mtai_buf_reset(&p->err);
  mtai_buf_free(&raw);
  return st;
}

#define S_FAIL(p, ...) S_fail_at((p), MTA_ERR_PARSE, (p)->line, __VA_ARGS__)

static int S_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v';
}

static char *S_skip_space(char *s) {
  while (S_space(*s))
    s++;
  return s;
}

/* Cuts trailing whitespace off the string that starts at 's' and ends
 * before 'end'. */
static void S_rtrim(char *s, char *end) {
  while (end > s && S_space(end[-1]))
    end--;
  *end = '\0';
}

/* ---- values ------------------------------------------------------------ */

#define S_BOOL_WORDS "true, false, yes, no, on, off, 1 or 0"

/* Parses a boolean word into '*out'; 0 when 's' is none. */
static int S_bool(const char *s, int *out) {
  static const char *const yes[] = {"true", "yes", "on", "1"};
  static const char *const no[] = {"false", "no", "off", "0"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
    if (!strcasecmp(s, yes[i]) || !strcasecmp(s, no[i])) {
      *out = !strcasecmp(s, yes[i]);
      return 1;
    }
  return 0;
}

/* Parses a severity name, in any case, into '*out'; 0 when 's' is none. */
static int S_severity(const char *s, mta_severity *out) {
  for (int i = MTA_SEV_MINOR; i <= MTA_SEV_CRITICAL; i++)
    if (!strcasecmp(s, mta_severity_name((mta_severity)i))) {
      *out = (mta_severity)i;
      return 1;
    }
  return 0;
}

/*
 * Parses a decimal "[+-]DIGITS[.DIGITS]" (at least one digit) into '*out'
 * without strtod(), whose decimal point depends on the locale. Digits
 * beyond S_MAX_FRACTION after the point are ignored, and an integer part
 * above 1000 counts as 1000 (the caller accepts only 0..100), so the
 * result is one correctly rounded division of two exact doubles,
 * mantissa / 10^k: "97.9" gives the same double as the literal 97.9.
 * Returns 0 when 's' is not such a number.
 */
static int S_decimal(const char *s, double *out) {
  int neg = *s == '-';
  if (*s == '+' || *s == '-')
    s++;
  uint64_t whole = 0, frac = 0, scale = 1;
  int digits = 0, fdigits = 0;
  for (; *s >= '0' && *s <= '9'; s++, digits++) {
    whole = whole * 10 + (uint64_t)(*s - '0');
    if (whole > 1000)
      whole = 1000;
  }
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++, digits++)
      if (fdigits++ < S_MAX_FRACTION) {
        frac = frac * 10 + (uint64_t)(*s - '0');
        scale *= 10;
      }
  if (!digits || *s)
    return 0;
  double v = (double)(whole * scale + frac) / (double)scale;
  *out = neg ? -v : v;
  return 1;
}

/* Parses a byte count "DIGITS[kKmMgG]" into '*out'. Returns 1, 0 when 's'
 * has another form, or -1 when the value does not fit a size_t. */
static int S_size(const char *s, size_t *out) {
  size_t v = 0;
  int digits = 0, big = 0;
  for (; *s >= '0' && *s <= '9'; s++, digits++) {
    size_t d = (size_t)(*s - '0');
    if (v > (SIZE_MAX - d) / 10)
      big = 1;
    else
      v = v * 10 + d;
  }
  unsigned shift = 0;
  switch (*s) {
  case 'k':
  case 'K':
    shift = 10;
    break;
  case 'm':
  case 'M':
    shift = 20;
    break;
  case 'g':
  case 'G':
    shift = 30;
    break;
  }
  if (shift)
    s++;
  if (!digits || *s)
    return 0;
  if (big || v > (SIZE_MAX >> shift))
    return -1;
  *out = v << shift;
  return 1;
}

/* Stores path 'v' in the configuration, prefixed with the configuration
 * file's directory when it is relative. */
static const char *S_keep_path(struct S_parser *p, const char *v) {
  if (v[0] == '/' || p->dirlen == 0)
    return S_keep(p->c, v, strlen(v));
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  const char *kept = NULL;
  if (!mtai_buf_add(&b, p->path, p->dirlen) && !mtai_buf_puts(&b, v))
    kept = S_keep(p->c, mtai_buf_str(&b), mtai_buf_len(&b));
  mtai_buf_free(&b);
  return kept;
}

/* 1 when 'name' is a rule id, a category, or "CATEGORY/" followed by '*'. */
static int S_rule_target(const char *name) {
  if (mta_rule_find(name) != (size_t)-1)
    return 1;
  size_t n = strlen(name);
  if (n >= 2 && !strcmp(name + n - 2, "/*"))
    n -= 2;
  mta_rule_info ri;
  for (size_t i = 0; mta_rule_get(i, &ri) == MTA_OK; i++)
    if (strlen(ri.category) == n && !memcmp(ri.category, name, n))
      return 1;
  return 0;
}

/* ---- lines ------------------------------------------------------------- */

/* One top-level key (before any section or in [audit]). */
static mta_status S_top_key(struct S_parser *p, const char *key,
                            const char *v) {
  mta_config *c = p->c;
  int b;
  if (!strcmp(key, "fail-under")) {
    double d;
    if (!S_decimal(v, &d))
      return S_FAIL(p, _("fail-under: '%s' is not a number"), v);
    if (d < 0 || d > 100)
      return S_FAIL(p, _("fail-under: '%s' is out of range (0 to 100)"), v);
    c->fail_under = d;
    c->set |= S_SET_FAIL_UNDER;
  } else if (!strcmp(key, "fail-unscored")) {
    double d;
    if (!S_decimal(v, &d))
      return S_FAIL(p, _("fail-unscored: '%s' is not a number"), v);
    if (d < 0 || d > 100)
      return S_FAIL(p, _("fail-unscored: '%s' is out of range (0 to 100)"), v);
    c->fail_unscored = d;
    c->set |= S_SET_FAIL_UNSCORED;
  } else if (!strcmp(key, "min-words")) {
    size_t n = 0;
    if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 7 ||
        (n = (size_t)strtoul(v, NULL, 10)) > 1000000)
      return S_FAIL(p, _("min-words: '%s' is not a number from 0 to 1000000"),
                    v);
    c->min_words = n ? n : 1; /* 0 and 1 alike, as on the command line */
    c->set |= S_SET_MIN_WORDS;
  } else if (!strcmp(key, "fail-on")) {
    if (!S_severity(v, &c->fail_on))
      return S_FAIL(p,
                    _("fail-on: bad severity '%s' (expected minor, major or "
                      "critical)"),
                    v);
    c->set |= S_SET_FAIL_ON;
  } else if (!strcmp(key, "score-all") || !strcmp(key, "spell")) {
    if (!S_bool(v, &b))
      return S_FAIL(p, _("%s: bad boolean '%s' (expected %s)"), key, v,
                    S_BOOL_WORDS);
    if (!strcmp(key, "score-all")) {
      c->score_all = b;
      c->set |= S_SET_SCORE_ALL;
    } else {
      c->spell = b;
      c->set |= S_SET_SPELL;
    }
  } else if (!strcmp(key, "max-document-size")) {
    size_t n = 0;
    int ok = S_size(v, &n);
    if (ok == 0)
      return S_FAIL(p,
                    _("max-document-size: bad size '%s' (expected bytes, "
                      "optionally with a suffix k, M or G)"),
                    v);
    if (ok < 0)
      return S_FAIL(p, _("max-document-size: '%s' is too large"), v);
    if (n == 0)
      return S_FAIL(p, _("max-document-size: must be at least 1 byte"));
    c->max_doc = n;
    c->set |= S_SET_MAX_DOC;
  } else if (!strcmp(key, "encoding") || !strcmp(key, "dict-dir") ||
             !strcmp(key, "dict")) {
    if (!*v)
      return S_FAIL(p, _("%s: empty value"), key);
    int is_path = strcmp(key, "encoding") != 0;
    const char *kept = is_path ? S_keep_path(p, v) : S_keep(c, v, strlen(v));
    if (!kept)
      return MTA_ERR_NOMEM;
    if (!is_path) {
      c->encoding = kept;
      c->set |= S_SET_ENCODING;
    } else if (!strcmp(key, "dict-dir")) {
      c->dict_dir = kept;
      c->set |= S_SET_DICT_DIR;
    } else {
      if (mtai_vec_reserve(c->dicts, c->dicts_cap, c->ndicts + 1))
        return MTA_ERR_NOMEM;
      c->dicts[c->ndicts++] = kept;
    }
  } else {
    return S_FAIL(p, _("unknown key '%s'"), key);
  }
  return MTA_OK;
}

/* One entry of [rules] or [severity]: appends a rule setting. */
static mta_status S_rule_key(struct S_parser *p, const char *key,
                             const char *v) {
  const char *sec = p->section == S_SEC_RULES ? "[rules]" : "[severity]";
  if (!S_rule_target(key)) {
    const char *near = mta_rule_closest(key);
    if (near)
      return S_FAIL(p, _("%s: unknown rule '%s' (did you mean '%s'?)"), sec,
                    key, near);
    return S_FAIL(p, _("%s: unknown rule '%s'"), sec, key);
  }
  mta_rule_setting rs = {NULL, -1, -1};
  mta_severity sev;
  if (p->section == S_SEC_RULES) {
    if (!S_bool(v, &rs.enabled))
      return S_FAIL(p, _("%s: %s: bad value '%s' (expected %s)"), sec, key, v,
                    S_BOOL_WORDS);
  } else {
    if (!S_severity(v, &sev))
      return S_FAIL(p,
                    _("%s: %s: bad severity '%s' (expected minor, major or "
                      "critical)"),
                    sec, key, v);
    rs.severity = (int)sev;
  }
  mta_config *c = p->c;
  if (!(rs.rule = S_keep(c, key, strlen(key))))
    return MTA_ERR_NOMEM;
  if (mtai_vec_reserve(c->settings, c->settings_cap, c->nsettings + 1))
    return MTA_ERR_NOMEM;
  c->settings[c->nsettings++] = rs;
  return MTA_OK;
}

/* One entry of [accept]: RULE (or "*") = PHRASE, a phrase the rule must
 * not report (kept as written, case-sensitive). */
static mta_status S_accept_key(struct S_parser *p, const char *key,
                               const char *v) {
  if (strcmp(key, "*") && !S_rule_target(key))
    return S_FAIL(p, _("[accept]: unknown rule '%s'"), key);
  if (!*v)
    return S_FAIL(p, _("[accept]: %s: empty phrase"), key);
  mta_config *c = p->c;
  mta_accept e;
  if (!(e.rule = S_keep(c, key, strlen(key))) ||
      !(e.phrase = S_keep(c, v, strlen(v))) ||
      mtai_vec_reserve(c->accepts, c->accepts_cap, c->naccepts + 1))
    return MTA_ERR_NOMEM;
  c->accepts[c->naccepts++] = e;
  return MTA_OK;
}

/* A section header "[name]" (leading whitespace already skipped). */
static mta_status S_section_line(struct S_parser *p, char *s) {
  char *close = strchr(s, ']');
  if (!close)
    return S_FAIL(p, _("malformed section header '%s' (no ']')"), s);
  char *rest = S_skip_space(close + 1);
  if (*rest && *rest != '#')
    return S_FAIL(p, _("text after section header: '%s'"), rest);
  char *name = S_skip_space(s + 1);
  S_rtrim(name, close);
  if (!strcmp(name, "audit"))
    p->section = S_SEC_TOP;
  else if (!strcmp(name, "rules"))
    p->section = S_SEC_RULES;
  else if (!strcmp(name, "severity"))
    p->section = S_SEC_SEVERITY;
  else if (!strcmp(name, "accept"))
    p->section = S_SEC_ACCEPT;
  else
    return S_FAIL(p, _("unknown section '[%s]'"), name);
  return MTA_OK;
}

/*
 * Reads a quoted value in place: 'q' points at the opening '"'. The
 * unescaped value is written from 'q' on (it is never longer than the
 * quoted text) and NUL-terminated.
 */
static mta_status S_unquote(struct S_parser *p, char *q) {
  char *w = q, *r = q + 1;
  for (;;) {
    if (!*r)
      return S_FAIL(p, _("unterminated quoted value"));
    if (*r == '"')
      break;
    if (*r == '\\') {
      r++;
      if (*r != '"' && *r != '\\')
        return S_FAIL(p, _("bad escape in quoted value (only \\\" and \\\\)"));
    }
    *w++ = *r++;
  }
  r = S_skip_space(r + 1);
  if (*r && *r != '#')
    return S_FAIL(p, _("text after the closing quote: '%s'"), r);
  *w = '\0';
  return MTA_OK;
}

/* One line, NUL-terminated, without its line end. */
static mta_status S_line(struct S_parser *p, char *s) {
  s = S_skip_space(s);
  if (!*s || *s == '#' || *s == ';')
    return MTA_OK;
  if (*s == '[')
    return S_section_line(p, s);
  char *eq = strchr(s, '=');
  if (!eq)
    return S_FAIL(p, _("missing '=' in '%s' (expected 'key = value')"), s);
  S_rtrim(s, eq);
  if (!*s)
    return S_FAIL(p, _("empty key"));
  char *v = S_skip_space(eq + 1);
  if (*v == '"') {
    mta_status st = S_unquote(p, v);
    if (st)
      return st;
  } else {
    char *end = v;
    while (*end && !(*end == '#' && S_space(end[-1])))
      end++;
    S_rtrim(v, end);
  }
  if (p->section == S_SEC_ACCEPT)
    return S_accept_key(p, s, v);
  return p->section == S_SEC_TOP ? S_top_key(p, s, v) : S_rule_key(p, s, v);
}

/* Reads all of 'path' (at most S_MAX_FILE bytes) into '*data' (malloc'd,
 * NUL-terminated) and '*len'. The file must be a regular file: it is
 * opened without blocking, so that a FIFO is refused rather than waited
 * for, and a device such as /dev/zero is refused before it is read. */
static mta_status S_read(struct S_parser *p, char **data, size_t *len) {
  char eb[128];
  int fd = open(p->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return S_fail_at(p, MTA_ERR_IO, 0, "%s", mtai_errstr(errno, eb, sizeof eb));
  struct stat sb;
  const char *why = NULL;
  if (fstat(fd, &sb) != 0)
    why = mtai_errstr(errno, eb, sizeof eb);
  else if (S_ISDIR(sb.st_mode))
    why = mtai_errstr(EISDIR, eb, sizeof eb);
  else if (!S_ISREG(sb.st_mode))
    why = _("not a regular file");
  else if (sb.st_size > S_MAX_FILE) {
    close(fd);
    return S_fail_at(p, MTA_ERR_PARSE, 0, _("larger than %d bytes"),
                     S_MAX_FILE);
  }
  FILE *fp = why ? NULL : fdopen(fd, "rb");
  if (!why && !fp)
    why = mtai_errstr(errno, eb, sizeof eb);
  if (why) {
    close(fd);
    return S_fail_at(p, MTA_ERR_IO, 0, "%s", why);
  }
  struct mta_buf b;
  mtai_buf_init(&b, S_MAX_FILE);
  char chunk[8192];
  size_t n;
  mta_status st = MTA_OK;
  errno = 0;
  while (!st && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    st = mtai_buf_add(&b, chunk, n);
  if (!st && ferror(fp))
    st = S_fail_at(p, MTA_ERR_IO, 0, "%s",
                   mtai_errstr(errno ? errno : EIO, eb, sizeof eb));
  else if (st == MTA_ERR_TOO_LARGE)
    st = S_fail_at(p, MTA_ERR_PARSE, 0, _("larger than %d bytes"), S_MAX_FILE);
  fclose(fp);
  *len = mtai_buf_len(&b);
  if (!st && !(*data = mtai_buf_detach(&b)))
    st = MTA_ERR_NOMEM;
  mtai_buf_free(&b);
  return st;
}

/* Splits 'data' into lines (LF, CRLF or CR) and parses each. */
static mta_status S_parse(struct S_parser *p, char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
    i = 3;
  for (p->line = 1; i < len; p->line++) {
    size_t start = i;
    while (i < len && data[i] != '\n' && data[i] != '\r')
      i++;
    size_t n = i - start;
    if (i < len && data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
      data[i++] = '\0';
    if (i < len)
      data[i++] = '\0'; /* data[len] is the buffer's own NUL */
    size_t bad;
    if (memchr(data + start, '\0', n))
      return S_FAIL(p, _("NUL byte"));
    if (n > S_MAX_LINE)
      return S_FAIL(p, _("line longer than %d bytes"), S_MAX_LINE);
    if (!mtai_utf8_valid(data + start, n, &bad))
      return S_FAIL(p, _("invalid UTF-8 at column %zu"),
                    mtai_utf8_count(data + start, bad) + 1);
    mta_status st = S_line(p, data + start);
    if (st)
      return st;
  }
  return MTA_OK;
}

mta_status mta_config_load(const char *path, mta_config **out, char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!path)
    return MTA_ERR_INVALID_ARG;
  struct S_parser p;
  memset(&p, 0, sizeof p);
  p.path = path;
  const char *slash = strrchr(path, '/');
  p.dirlen = slash ? (size_t)(slash - path) + 1 : 0;
  p.section = S_SEC_TOP;
  mtai_buf_init(&p.err, 0);
  p.c = calloc(1, sizeof *p.c);
  if (!p.c)
    return MTA_ERR_NOMEM;
  char *data = NULL;
  size_t len = 0;
  mta_status st = S_read(&p, &data, &len);
  if (!st)
    st = S_parse(&p, data, len);
  free(data);
  if (st) {
    if (errmsg && mtai_buf_len(&p.err))
      *errmsg = mtai_buf_detach(&p.err);
    mtai_buf_free(&p.err);
    mta_config_free(p.c);
    return st;
  }
  mtai_buf_free(&p.err);
  *out = p.c;
  return MTA_OK;
}

mta_status mta_config_apply(const mta_config *c, mta_options *opts) {
  if (!c || !opts)
    return MTA_ERR_INVALID_ARG;
  if (c->set & S_SET_FAIL_UNDER)
    opts->fail_under = c->fail_under;
  if (c->set & S_SET_FAIL_ON) {
    opts->flags |= MTA_OPT_FAIL_ON;
    opts->fail_on = c->fail_on;
  }
  if (c->set & S_SET_FAIL_UNSCORED) {
    opts->flags |= MTA_OPT_FAIL_UNSCORED;
    opts->fail_unscored = c->fail_unscored;
  }
  if (c->set & S_SET_MIN_WORDS)
    opts->min_words = c->min_words;
  if (c->set & S_SET_SCORE_ALL) {
    if (c->score_all)
      opts->flags |= MTA_OPT_SCORE_ALL;
    else
      opts->flags &= ~MTA_OPT_SCORE_ALL;
  }
  if (c->set & S_SET_SPELL) {
    if (c->spell)
      opts->flags &= ~MTA_OPT_NO_SPELL;
    else
      opts->flags |= MTA_OPT_NO_SPELL;
  }
  if (c->set & S_SET_ENCODING)
    opts->encoding = c->encoding;
  if (c->set & S_SET_DICT_DIR)
    opts->dict_dir = c->dict_dir;
  if (c->set & S_SET_MAX_DOC)
    opts->max_document_size = c->max_doc;
  if (c->ndicts) {
    opts->user_dicts = (const char *const *)c->dicts;
    opts->user_dict_count = c->ndicts;
  }
  if (c->nsettings) {
    opts->rule_settings = c->settings;
    opts->rule_setting_count = c->nsettings;
  }
  if (c->naccepts) {
    opts->accepts = c->accepts;
    opts->accept_count = c->naccepts;
  }
  return MTA_OK;
}
