/*
 * Suppressions: the baseline of accepted findings (--baseline FILE,
 * --write-baseline FILE) and the accept list of the configuration
 * ([accept] RULE = phrase). A suppressed finding is removed from its
 * report: no output shows it, and the score and the gates are computed
 * again without it (the report counts how many were suppressed, and
 * why). See docs/OUTPUTS.md, "Baseline".
 *
 * The baseline file (JSON, UTF-8; written sorted, one finding per line,
 * so that it diffs well under version control):
 *
 *   {"version": 1, "tool": "mtaudit",
 *    "findings": [
 *     {"rule": "spelling/unknown", "fingerprint": "0123456789abcdef",
 *      "file": "a.txt", "text": "vorgestelt"},
 *     ...
 *    ]}
 *
 * A finding matches an entry with the same file (the document name as
 * reports show it), rule and fingerprint (fingerprint.c: rule, text,
 * sentence; not the line). Matching counts: each entry suppresses one
 * finding, so two entries suppress two occurrences and a third is new.
 * "text" is for the reader only. Unknown members are ignored; a version
 * other than 1 is refused.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "bitext.h"
#include "emit.h"
#include "i18n.h"
#include "vec.h"

struct S_entry {
  char *file, *rule, *fp, *text;
  int used; /* matched a finding of this run */
};

struct mta_baseline {
  struct S_entry *e;
  size_t n, cap;
  int sorted;
};

/* ---- entries ------------------------------------------------------------ */

static int S_entry_cmp(const void *x, const void *y) {
  const struct S_entry *a = x, *b = y;
  int c = strcmp(a->file, b->file);
  if (!c)
    c = strcmp(a->rule, b->rule);
  if (!c)
    c = strcmp(a->fp, b->fp);
  if (!c)
    c = strcmp(a->text, b->text);
  return c;
}

static void S_sort(mta_baseline *b) {
  if (!b->sorted && b->n > 1)
    qsort(b->e, b->n, sizeof *b->e, S_entry_cmp);
  b->sorted = 1;
}

/* Appends an entry, taking the four strings (freed on failure). */
static mta_status S_push(mta_baseline *b, char *file, char *rule, char *fp,
                         char *text) {
  if (!file || !rule || !fp || !text ||
      mtai_vec_reserve(b->e, b->cap, b->n + 1)) {
    free(file);
    free(rule);
    free(fp);
    free(text);
    return MTA_ERR_NOMEM;
  }
  b->e[b->n++] = (struct S_entry){file, rule, fp, text, 0};
  b->sorted = 0;
  return MTA_OK;
}

mta_status mta_baseline_new(mta_baseline **out) {
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = calloc(1, sizeof **out);
  return *out ? MTA_OK : MTA_ERR_NOMEM;
}

void mta_baseline_free(mta_baseline *b) {
  if (!b)
    return;
  for (size_t i = 0; i < b->n; i++) {
    free(b->e[i].file);
    free(b->e[i].rule);
    free(b->e[i].fp);
    free(b->e[i].text);
  }
  free(b->e);
  free(b);
}

size_t mta_baseline_count(const mta_baseline *b) { return b ? b->n : 0; }

static char *S_dup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

#define S_TEXT_MAX 160 /* bytes of a finding's text kept for the reader */

/* The finding's text for the reader: white space collapsed, at most
 * S_TEXT_MAX bytes (cut at a character, "..." appended). */
static char *S_text(const char *s, size_t n) {
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  int space = 0;
  mta_status st = MTA_OK;
  for (size_t i = 0; i < n && !st; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ' || (ch >= 0x09 && ch <= 0x0D)) {
      space = mtai_buf_len(&b) > 0;
      continue;
    }
    if (mtai_buf_len(&b) >= S_TEXT_MAX && (ch & 0xC0) != 0x80) {
      st = mtai_buf_puts(&b, "...");
      break;
    }
    if (space)
      st = mtai_buf_putc(&b, ' ');
    space = 0;
    if (!st)
      st = mtai_buf_putc(&b, (char)ch);
  }
  char *out = st ? NULL : mtai_buf_detach(&b);
  if (!out && !st)
    out = S_dup("", 0);
  mtai_buf_free(&b);
  return out;
}

mta_status mta_baseline_add(mta_baseline *b, const mta_report *r) {
  if (!b || !r)
    return MTA_ERR_INVALID_ARG;
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    size_t end = f->end < r->doc.len ? f->end : r->doc.len;
    size_t start = f->start < end ? f->start : end;
    mta_status st = S_push(b, S_dup(r->doc.name, strlen(r->doc.name)),
                           S_dup(f->rule->id, strlen(f->rule->id)),
                           S_dup(f->fp, strlen(f->fp)),
                           S_text(r->doc.text + start, end - start));
    if (st)
      return st;
  }
  return MTA_OK;
}

/* ---- writing ------------------------------------------------------------ */

mta_status mta_baseline_save(mta_baseline *b, const char *path, char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!b || !path)
    return MTA_ERR_INVALID_ARG;
  S_sort(b);
  struct mtai_out o;
  memset(&o, 0, sizeof o);
  char *why = NULL;
  mta_status st = mtai_out_open(&o, path, &why);
  if (st) {
    if (errmsg)
      *errmsg = why;
    else
      free(why);
    return st;
  }
  struct mtai_sink s;
  mtai_sink_init(&s, o.fp, NULL);
  mtai_sink_puts(&s, "{\"version\": 1, \"tool\": \"mtaudit\",\n"
                     " \"findings\": [");
  for (size_t i = 0; i < b->n; i++) {
    const struct S_entry *e = &b->e[i];
    mtai_sink_puts(&s, i ? ",\n  {\"rule\": " : "\n  {\"rule\": ");
    mtai_sink_json_cstr(&s, e->rule);
    mtai_sink_puts(&s, ", \"fingerprint\": ");
    mtai_sink_json_cstr(&s, e->fp);
    mtai_sink_puts(&s, ", \"file\": ");
    mtai_sink_json_cstr(&s, e->file);
    mtai_sink_puts(&s, ", \"text\": ");
    mtai_sink_json_cstr(&s, e->text);
    mtai_sink_puts(&s, "}");
  }
  mtai_sink_puts(&s, b->n ? "\n ]}\n" : "]}\n");
  if (s.status) {
    mtai_out_error(&why, path, "write error", s.err ? s.err : EIO);
    mtai_out_close(&o, 0, NULL);
    if (errmsg)
      *errmsg = why;
    else
      free(why);
    return MTA_ERR_IO;
  }
  st = mtai_out_close(&o, 1, &why);
  if (errmsg)
    *errmsg = why;
  else
    free(why);
  return st;
}

/* ---- reading: a small JSON parser for this one shape --------------------- */

struct S_json {
  const char *s;
  size_t n, i;
  const char *err; /* static */
};

static void S_ws(struct S_json *j) {
  while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
                         j->s[j->i] == '\n' || j->s[j->i] == '\r'))
    j->i++;
}

static int S_eat(struct S_json *j, char c) {
  S_ws(j);
  if (j->i < j->n && j->s[j->i] == c) {
    j->i++;
    return 1;
  }
  return 0;
}

static int S_hex4(struct S_json *j, unsigned *v) {
  if (j->n - j->i < 4)
    return 0;
  *v = 0;
  for (int k = 0; k < 4; k++) {
    char c = j->s[j->i++];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return 0;
    *v = *v * 16 + (unsigned)d;
  }
  return 1;
}

/* A JSON string into a new malloc'd string ('out' NULL: skipped). */
static int S_string(struct S_json *j, char **out) {
  if (!S_eat(j, '"')) {
    j->err = N_("expected a string");
    return 0;
  }
  struct mta_buf b;
  mtai_buf_init(&b, 0);
  mta_status st = MTA_OK;
  for (;;) {
    if (j->i >= j->n) {
      j->err = N_("unterminated string");
      break;
    }
    unsigned char c = (unsigned char)j->s[j->i++];
    if (c == '"') {
      if (out && !st && !(*out = mtai_buf_detach(&b)))
        *out = S_dup("", 0);
      mtai_buf_free(&b);
      if (st || (out && !*out)) {
        j->err = N_("out of memory");
        return 0;
      }
      return 1;
    }
    if (c < 0x20) {
      j->err = N_("control character in a string");
      break;
    }
    if (c != '\\') {
      st = st ? st : mtai_buf_putc(&b, (char)c);
      continue;
    }
    if (j->i >= j->n) {
      j->err = N_("unterminated string");
      break;
    }
    c = (unsigned char)j->s[j->i++];
    const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
    const char *hit = c ? strchr(from, c) : NULL;
    if (hit) {
      st = st ? st : mtai_buf_putc(&b, to[hit - from]);
      continue;
    }
    unsigned cp;
    if (c != 'u' || !S_hex4(j, &cp)) {
      j->err = N_("bad escape in a string");
      break;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF && j->n - j->i >= 6 &&
        j->s[j->i] == '\\' && j->s[j->i + 1] == 'u') {
      unsigned lo;
      j->i += 2;
      if (S_hex4(j, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      else
        cp = 0xFFFD;
    } else if (cp >= 0xD800 && cp <= 0xDFFF)
      cp = 0xFFFD;
    char u[4];
    size_t k = cp < 0x80      ? (u[0] = (char)cp, 1)
               : cp < 0x800   ? (u[0] = (char)(0xC0 | cp >> 6),
                               u[1] = (char)(0x80 | (cp & 0x3F)), 2)
               : cp < 0x10000 ? (u[0] = (char)(0xE0 | cp >> 12),
                                 u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
                                 u[2] = (char)(0x80 | (cp & 0x3F)), 3)
                              : (u[0] = (char)(0xF0 | cp >> 18),
                                 u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
                                 u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)),
                                 u[3] = (char)(0x80 | (cp & 0x3F)), 4);
    st = st ? st : mtai_buf_add(&b, u, k);
  }
  mtai_buf_free(&b);
  return 0;
}

/* Skips any JSON value (depth-limited). */
static int S_skip(struct S_json *j, int depth) {
  S_ws(j);
  if (depth > 64) {
    j->err = N_("nested too deeply");
    return 0;
  }
  if (j->i >= j->n) {
    j->err = N_("unexpected end");
    return 0;
  }
  char c = j->s[j->i];
  if (c == '"')
    return S_string(j, NULL);
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    j->i++;
    if (S_eat(j, close))
      return 1;
    do {
      if (c == '{' && (!S_string(j, NULL) || !S_eat(j, ':'))) {
        j->err = j->err ? j->err : N_("expected ':'");
        return 0;
      }
      if (!S_skip(j, depth + 1))
        return 0;
    } while (S_eat(j, ','));
    if (!S_eat(j, close)) {
      j->err = N_("expected ',' or a closing bracket");
      return 0;
    }
    return 1;
  }
  size_t at = j->i;
  while (j->i < j->n && strchr("+-.0123456789eEtruefalsn", j->s[j->i]))
    j->i++;
  if (j->i == at) {
    j->err = N_("unexpected character");
    return 0;
  }
  return 1;
}

/* One entry object of "findings". */
static int S_entry(struct S_json *j, mta_baseline *b) {
  char *f[4] = {NULL, NULL, NULL, NULL}; /* rule fingerprint file text */
  static const char *const names[4] = {"rule", "fingerprint", "file", "text"};
  int ok = S_eat(j, '{');
  if (!ok)
    j->err = N_("expected a finding object");
  if (ok && !S_eat(j, '}')) {
    do {
      char *key = NULL;
      ok = S_string(j, &key) && S_eat(j, ':');
      if (!ok) {
        j->err = j->err ? j->err : N_("expected ':'");
        free(key);
        break;
      }
      int k = 0;
      while (k < 4 && strcmp(key, names[k]))
        k++;
      free(key);
      if (k < 4) {
        free(f[k]);
        f[k] = NULL;
        ok = S_string(j, &f[k]);
      } else {
        ok = S_skip(j, 1);
      }
    } while (ok && S_eat(j, ','));
    if (ok && !S_eat(j, '}')) {
      j->err = N_("expected ',' or '}'");
      ok = 0;
    }
  }
  if (ok && (!f[0] || !f[1] || !f[2])) {
    j->err = N_("a finding needs \"rule\", \"fingerprint\" and \"file\"");
    ok = 0;
  }
  if (!ok) {
    for (int k = 0; k < 4; k++)
      free(f[k]);
    return 0;
  }
  if (!f[3])
    f[3] = S_dup("", 0);
  if (S_push(b, f[2], f[0], f[1], f[3])) {
    j->err = N_("out of memory");
    return 0;
  }
  return 1;
}

static int S_document(struct S_json *j, mta_baseline *b) {
  int version = 0, findings = 0;
  if (!S_eat(j, '{')) {
    j->err = N_("not a baseline (expected a JSON object)");
    return 0;
  }
  if (!S_eat(j, '}'))
    do {
      char *key = NULL;
      if (!S_string(j, &key) || !S_eat(j, ':')) {
        j->err = j->err ? j->err : N_("expected ':'");
        free(key);
        return 0;
      }
      int is_version = !strcmp(key, "version");
      int is_findings = !strcmp(key, "findings");
      free(key);
      if (is_version) {
        S_ws(j);
        if (j->n - j->i < 1 || j->s[j->i] != '1' ||
            (j->n - j->i > 1 && strchr("0123456789.eE", j->s[j->i + 1]))) {
          j->err = N_("unsupported baseline version (expected 1)");
          return 0;
        }
        j->i++;
        version = 1;
      } else if (is_findings) {
        if (!S_eat(j, '[')) {
          j->err = N_("\"findings\" is not an array");
          return 0;
        }
        if (!S_eat(j, ']')) {
          do
            if (!S_entry(j, b))
              return 0;
          while (S_eat(j, ','));
          if (!S_eat(j, ']')) {
            j->err = N_("expected ',' or ']'");
            return 0;
          }
        }
        findings = 1;
      } else if (!S_skip(j, 1)) {
        return 0;
      }
    } while (S_eat(j, ','));
  if (!S_eat(j, '}')) {
    j->err = N_("expected ',' or '}'");
    return 0;
  }
  S_ws(j);
  if (j->i != j->n) {
    j->err = N_("text after the baseline object");
    return 0;
  }
  if (!version || !findings) {
    j->err = N_("not a baseline (needs \"version\": 1 and \"findings\")");
    return 0;
  }
  return 1;
}

mta_status mta_baseline_load(const char *path, mta_baseline **out,
                             char **errmsg) {
  if (errmsg)
    *errmsg = NULL;
  if (!out)
    return MTA_ERR_INVALID_ARG;
  *out = NULL;
  if (!path)
    return MTA_ERR_INVALID_ARG;
  char eb[128];
  FILE *fp = fopen(path, "rb");
  struct mta_buf m;
  mtai_buf_init(&m, 0);
  if (!fp) {
    mtai_buf_printf(&m, "%s: %s", path, mtai_errstr(errno, eb, sizeof eb));
    if (errmsg)
      *errmsg = mtai_buf_detach(&m);
    mtai_buf_free(&m);
    return MTA_ERR_IO;
  }
  struct mta_buf data;
  mtai_buf_init(&data, (size_t)256 * 1024 * 1024);
  char chunk[8192];
  size_t n;
  mta_status st = MTA_OK;
  while (!st && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    st = mtai_buf_add(&data, chunk, n);
  int rerr = ferror(fp) ? errno : 0;
  fclose(fp);
  mta_baseline *b = NULL;
  if (!st && rerr) {
    st = MTA_ERR_IO;
    mtai_buf_printf(&m, "%s: %s", path, mtai_errstr(rerr, eb, sizeof eb));
  } else if (!st) {
    st = mta_baseline_new(&b);
  }
  if (!st) {
    struct S_json j = {mtai_buf_str(&data), mtai_buf_len(&data), 0, NULL};
    if (j.n >= 3 && !memcmp(j.s, "\xEF\xBB\xBF", 3))
      j.i = 3;
    if (!S_document(&j, b)) {
      st = MTA_ERR_PARSE;
      mtai_buf_printf(&m, _("%s: byte %zu: %s"), path, j.i + 1,
                      _(j.err ? j.err : N_("malformed")));
    }
  } else if (st == MTA_ERR_TOO_LARGE) {
    mtai_buf_printf(&m, _("%s: too large for a baseline"), path);
  }
  mtai_buf_free(&data);
  if (st) {
    mta_baseline_free(b);
    if (errmsg && mtai_buf_len(&m))
      *errmsg = mtai_buf_detach(&m);
    mtai_buf_free(&m);
    return st;
  }
  mtai_buf_free(&m);
  *out = b;
  return MTA_OK;
}

/* ---- suppression --------------------------------------------------------- */

/* Removes the findings of 'r' marked in 'drop', keeping the order; with
 * 'keep' (an array of 'nkeep' slots, or NULL) they are moved there. */
static void S_remove(struct mta_report *r, const unsigned char *drop,
                     struct mta_finding *keep) {
  size_t w = 0, k = 0;
  for (size_t i = 0; i < r->nfind; i++) {
    if (drop[i] && keep) {
      keep[k++] = r->findings[i];
      continue;
    }
    if (drop[i]) {
      free(r->findings[i].message);
      free(r->findings[i].suggestion);
      continue;
    }
    r->findings[w++] = r->findings[i];
  }
  r->nfind = w;
}

mta_status mta_report_apply_baseline(mta_report *r, mta_baseline *b) {
  if (!r || !b)
    return MTA_ERR_INVALID_ARG;
  S_sort(b);
  r->supp_shown = 1;
  r->baselined = 1;
  if (!r->nfind || !b->n)
    return MTA_OK;
  unsigned char *drop = calloc(r->nfind, 1);
  if (!drop)
    return MTA_ERR_NOMEM;
  size_t hits = 0;
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    struct S_entry key = {r->doc.name, (char *)f->rule->id, (char *)f->fp, "",
                          0};
    /* The first entry with this file, rule and fingerprint ("" sorts
     * first among texts), then the first of them not used yet. */
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (S_entry_cmp(&b->e[mid], &key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < b->n; lo++) {
      const struct S_entry *e = &b->e[lo];
      if (strcmp(e->file, key.file) || strcmp(e->rule, key.rule) ||
          strcmp(e->fp, key.fp))
        break;
      if (!e->used)
        break;
    }
    if (lo < b->n && !b->e[lo].used && !strcmp(b->e[lo].file, key.file) &&
        !strcmp(b->e[lo].rule, key.rule) && !strcmp(b->e[lo].fp, key.fp)) {
      b->e[lo].used = 1;
      drop[i] = 1;
      hits++;
    }
  }
  mta_status st = MTA_OK;
  struct mta_finding *keep =
      hits ? realloc(r->unchanged, (r->nunchanged + hits) * sizeof *keep)
           : NULL;
  if (hits && !keep) {
    free(drop);
    return MTA_ERR_NOMEM;
  }
  if (hits) {
    r->unchanged = keep;
    S_remove(r, drop, keep + r->nunchanged);
    r->nunchanged += hits;
    r->supp_baseline += hits;
    st = mtai_score_report(r, &r->gate);
  }
  free(drop);
  return st;
}

size_t mta_report_suppressed(const mta_report *r, mta_suppression kind) {
  if (!r)
    return 0;
  switch (kind) {
  case MTA_SUPPRESSED_BASELINE:
    return r->supp_baseline;
  case MTA_SUPPRESSED_ACCEPT:
    return r->supp_accept;
  case MTA_SUPPRESSED_ALL:
    return r->supp_baseline + r->supp_accept;
  }
  return 0;
}

/* ---- the accept list ----------------------------------------------------- */

/* 1 when code point 'cp' may be part of a word (letters, digits, marks):
 * a phrase must not start or end inside a word. */
static int S_wordch(int32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z') || cp == '_';
  return !(cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F));
}

/* The code point ending before byte 'i' of s (or -1 at the start). */
static int32_t S_prev(const char *s, size_t i) {
  if (!i)
    return -1;
  size_t k = i - 1;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  size_t at = k;
  return mtai_utf8_next(s, i, &at);
}

/* 1 when 'phrase' occurs in s[0..n) on word boundaries (case-sensitive). */
static int S_contains(const char *s, size_t n, const char *phrase) {
  size_t pl = strlen(phrase);
  if (!pl || pl > n)
    return 0;
  for (size_t i = 0; i + pl <= n; i++) {
    if (memcmp(s + i, phrase, pl))
      continue;
    int32_t before = S_prev(s, i);
    size_t at = i + pl;
    int32_t after = at < n ? mtai_utf8_next(s, n, &at) : -1;
    size_t k = 0;
    int32_t p0 = mtai_utf8_next(phrase, pl, &k);
    int32_t pz = S_prev(phrase, pl);
    /* A boundary is only needed where the phrase itself starts or ends
     * with a word character. */
    if (S_wordch(p0) && before >= 0 && S_wordch(before))
      continue;
    if (S_wordch(pz) && after >= 0 && S_wordch(after))
      continue;
    return 1;
  }
  return 0;
}

/* 1 when accept pattern 'rule' ("*", a rule id, a category, "CATEGORY/"
 * + "*") covers rule 'ru'. */
static int S_rule_covers(const char *rule, const struct mta_rule *ru) {
  if (!strcmp(rule, "*") || !strcmp(rule, ru->id))
    return 1;
  const char *cat = mtai_category_name(ru->category);
  size_t cl = strlen(cat);
  return !strncmp(rule, cat, cl) && (!rule[cl] || !strcmp(rule + cl, "/*"));
}

mta_status mtai_accept_apply(struct mta_report *r, const mta_accept *acc,
                             size_t nacc) {
  if (!nacc || !r->nfind)
    return MTA_OK;
  unsigned char *drop = calloc(r->nfind, 1);
  if (!drop)
    return MTA_ERR_NOMEM;
  size_t hits = 0;
  for (size_t i = 0; i < r->nfind; i++) {
    const struct mta_finding *f = &r->findings[i];
    size_t end = f->end < r->doc.len ? f->end : r->doc.len;
    size_t start = f->start < end ? f->start : end;
    int has_src =
        r->bi && f->src_end > f->src_start && f->src_end <= r->bi->src.len;
    for (size_t k = 0; k < nacc && !drop[i]; k++) {
      if (!S_rule_covers(acc[k].rule, f->rule))
        continue;
      if (S_contains(r->doc.text + start, end - start, acc[k].phrase) ||
          (has_src && S_contains(r->bi->src.text + f->src_start,
                                 f->src_end - f->src_start, acc[k].phrase)))
        drop[i] = 1;
    }
    hits += drop[i];
  }
  if (hits) {
    S_remove(r, drop, NULL);
    r->supp_accept += hits;
  }
  free(drop);
  return MTA_OK;
}
