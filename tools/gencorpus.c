/*
 * Benchmark corpus generator (make bench).
 *
 *   gencorpus rep  OUTDIR MB NFILES FILE...
 *   gencorpus wide OUTDIR MB NFILES FILE...
 *   gencorpus mqm  OUTDIR MB NFILES TSV
 *
 * rep:  the input files concatenated over and over (a blank line between
 *       them) into NFILES files of together at least MB megabytes.
 * wide: paragraphs drawn at random (fixed seed) from the input files with
 *       the vocabulary widened so that the spelling cache cannot hide the
 *       cost:
 *       one capitalized word in twelve becomes an invented name
 *       ("Kodarew": a new unknown word, with its suggestion search), and
 *       every number is a new random number. (Invented compounds of two
 *       nouns without their linking element -- "Regierungkonzern" -- were
 *       tried too: each costs the near-miss search hundreds of Hunspell
 *       look-ups; see docs/PERFORMANCE.md.)
 * mqm:  real machine translations: the German targets of the MQM TSV
 *       (tests/data/mqm-ted-ende-dev, columns in its README) without the
 *       error marks <v>...</v>, one article per talk and system (segments
 *       in order, each once, 2-5 segments to a paragraph), the articles
 *       then concatenated over and over as in rep. The rows of the held-out
 *       talk (S_HELDOUT_DOC) are skipped on their doc column: their other
 *       columns are never looked at.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per 120 capitalized words: invented compounds (0: none, see above). */
#define S_COMPOUNDS 0

/* The MQM talk kept aside for measuring (tests/data/mqm-ted-ende-dev). */
#define S_HELDOUT_DOC "talk.5"

static unsigned long long S_rng = 0x9E3779B97F4A7C15ull;

static unsigned S_rand(unsigned n) {
  S_rng ^= S_rng << 13;
  S_rng ^= S_rng >> 7;
  S_rng ^= S_rng << 17;
  return n ? (unsigned)(S_rng % n) : 0;
}

static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  size_t r;
  while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap)
      b = realloc(b, cap *= 2);
  }
  fclose(f);
  if (!b) {
    fprintf(stderr, "gencorpus: out of memory\n");
    exit(1);
  }
  *len = n;
  return b;
}

static FILE *S_open_part(const char *dir, int k) {
  char path[4096];
  snprintf(path, sizeof path, "%s/part-%03d.txt", dir, k);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  return f;
}

struct S_words {
  char **v;
  size_t n, cap;
};

static void S_push(struct S_words *w, char *s) {
  if (w->n == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 1024;
    w->v = realloc(w->v, w->cap * sizeof *w->v);
    if (!w->v)
      exit(1);
  }
  w->v[w->n++] = s;
}

/* Writes paragraph text p[0..n) with widened vocabulary. */
static void S_widen(FILE *out, const char *p, size_t n,
                    const struct S_words *nouns) {
  static const char *const syl[] = {"ko",  "da",  "re",  "wa", "mi", "lu",
                                    "sch", "tar", "nov", "el", "ja", "rin"};
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)p[i];
    if (isdigit(c)) {
      while (i < n && isdigit((unsigned char)p[i]))
        i++;
      fprintf(out, "%u", S_rand(100000));
      continue;
    }
    if (!isalpha(c) && c < 0x80) {
      fputc(c, out);
      i++;
      continue;
    }
    size_t j = i;
    while (j < n &&
           (isalpha((unsigned char)p[j]) || (unsigned char)p[j] >= 0x80))
      j++;
    int cap = isupper(c);
    unsigned r = S_rand(120);
    if (cap && j - i >= 4 && r < 10) {
      /* An invented name of 2-4 syllables. */
      unsigned k = 2 + S_rand(3);
      for (unsigned q = 0; q < k; q++) {
        const char *s = syl[S_rand(sizeof syl / sizeof syl[0])];
        fputc(q ? s[0] : toupper((unsigned char)s[0]), out);
        fputs(s + 1, out);
      }
      fputs("ew", out);
    } else if (cap && j - i >= 4 && r < 10 + S_COMPOUNDS && nouns->n) {
      /* A compound with another noun of the corpus. */
      const char *o = nouns->v[S_rand((unsigned)nouns->n)];
      fwrite(p + i, 1, j - i, out);
      fputc(tolower((unsigned char)o[0]), out);
      fputs(o + 1, out);
    } else {
      fwrite(p + i, 1, j - i, out);
    }
    i = j;
  }
}

/* One target segment of the MQM TSV. */
struct S_seg {
  const char *doc, *sys, *text;
  long seg;
};

static int S_seg_cmp(const void *a, const void *b) {
  const struct S_seg *x = a, *y = b;
  int c = strcmp(x->doc, y->doc);
  if (!c)
    c = strcmp(x->sys, y->sys);
  if (!c)
    c = (x->seg > y->seg) - (x->seg < y->seg);
  return c;
}

/* Splits line 'l' (NUL-terminated) at tabs into at most 'max' fields. */
static int S_fields(char *l, char **f, int max) {
  int n = 0;
  f[n++] = l;
  for (char *p = l; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  return n;
}

/*
 * Reads the MQM TSV 'path' and returns its articles (one per doc and
 * system, segments in seg_id order, error marks removed) in *text and *len;
 * their number in *n. Exits on errors.
 */
static void S_mqm_articles(const char *path, char ***text, size_t **len,
                           size_t *n) {
  size_t tlen;
  char *t = S_slurp(path, &tlen);
  t = realloc(t, tlen + 1);
  if (!t)
    exit(1);
  t[tlen] = '\0';
  struct S_seg *seg = NULL;
  size_t nseg = 0, cap = 0;
  char *line = t, *next;
  for (int row = 0; line && *line; line = next, row++) {
    next = strchr(line, '\n');
    if (next)
      *next++ = '\0';
    char *f[8];
    /* The doc column first: the held-out talk's rows go unread. */
    char *tab = strchr(line, '\t');
    if (row == 0 || !tab ||
        !strncmp(tab + 1, S_HELDOUT_DOC "\t", strlen(S_HELDOUT_DOC) + 1))
      continue;
    if (S_fields(line, f, 8) < 7)
      continue;
    if (nseg == cap) {
      cap = cap ? cap * 2 : 1024;
      seg = realloc(seg, cap * sizeof *seg);
      if (!seg)
        exit(1);
    }
    /* system, doc, doc_id, seg_id, rater, source, target, ... */
    char *w = f[6];
    for (const char *r = f[6]; *r;) {
      if (!strncmp(r, "<v>", 3))
        r += 3;
      else if (!strncmp(r, "</v>", 4))
        r += 4;
      else
        *w++ = *r++;
    }
    *w = '\0';
    seg[nseg++] = (struct S_seg){f[1], f[0], f[6], atol(f[3])};
  }
  if (!nseg) {
    fprintf(stderr, "gencorpus: %s: no segments\n", path);
    exit(1);
  }
  qsort(seg, nseg, sizeof *seg, S_seg_cmp);
  *text = calloc(nseg, sizeof **text);
  *len = calloc(nseg, sizeof **len);
  if (!*text || !*len)
    exit(1);
  *n = 0;
  for (size_t i = 0; i < nseg;) {
    /* One article: the segments i..j of one doc and system. */
    size_t j = i, size = 1;
    while (j < nseg && !strcmp(seg[j].doc, seg[i].doc) &&
           !strcmp(seg[j].sys, seg[i].sys))
      size += strlen(seg[j++].text) + 2;
    char *a = malloc(size), *p = a;
    if (!a)
      exit(1);
    unsigned left = 2 + S_rand(4);
    for (size_t k = i; k < j; k++) {
      if (k > i && seg[k].seg == seg[k - 1].seg)
        continue; /* another rater's row of the same segment */
      if (p > a) {
        if (--left == 0) {
          *p++ = '\n';
          *p++ = '\n';
          left = 2 + S_rand(4);
        } else {
          *p++ = ' ';
        }
      }
      size_t l = strlen(seg[k].text);
      memcpy(p, seg[k].text, l);
      p += l;
    }
    (*text)[*n] = a;
    (*len)[(*n)++] = (size_t)(p - a);
    i = j;
  }
  free(seg);
}

int main(int argc, char **argv) {
  if (argc < 6 || (strcmp(argv[1], "rep") && strcmp(argv[1], "wide") &&
                   strcmp(argv[1], "mqm"))) {
    fprintf(stderr, "usage: gencorpus rep|wide OUTDIR MB NFILES FILE...\n"
                    "       gencorpus mqm OUTDIR MB NFILES TSV\n");
    return 2;
  }
  int wide = !strcmp(argv[1], "wide");
  const char *dir = argv[2];
  size_t want = (size_t)atol(argv[3]) * 1000 * 1000;
  int nfiles = atoi(argv[4]);
  if (nfiles < 1)
    nfiles = 1;
  size_t nin = (size_t)(argc - 5);
  char **text;
  size_t *len;
  if (!strcmp(argv[1], "mqm")) {
    S_mqm_articles(argv[5], &text, &len, &nin);
  } else {
    text = calloc(nin, sizeof *text);
    len = calloc(nin, sizeof *len);
    if (!text || !len)
      return 1;
    for (size_t i = 0; i < nin; i++)
      text[i] = S_slurp(argv[5 + i], &len[i]);
  }

  /* Paragraphs and capitalized words (nouns, mostly) of the inputs. */
  struct S_words paras = {0}, plen = {0}, nouns = {0};
  for (size_t i = 0; wide && i < nin; i++) {
    char *t = text[i];
    size_t a = 0;
    while (a < len[i]) {
      char *e = strstr(t + a, "\n\n");
      size_t b = e ? (size_t)(e - t) : len[i];
      if (b > a) {
        S_push(&paras, t + a);
        S_push(&plen, (char *)(uintptr_t)(b - a));
      }
      a = b + 2;
    }
    for (size_t k = 0; k + 1 < len[i]; k++) {
      if ((k == 0 || !isalpha((unsigned char)t[k - 1])) &&
          isupper((unsigned char)t[k])) {
        size_t e = k;
        while (e < len[i] && isalpha((unsigned char)t[e]))
          e++;
        if (e - k >= 4 && e - k <= 12 && (e == len[i] || t[e] == ' ')) {
          char *w = malloc(e - k + 1);
          memcpy(w, t + k, e - k);
          w[e - k] = '\0';
          S_push(&nouns, w);
        }
      }
    }
  }

  size_t total = 0, per = want / (size_t)nfiles + 1;
  for (int f = 0; f < nfiles; f++) {
    FILE *out = S_open_part(dir, f);
    size_t here = 0;
    for (size_t k = 0; here < per; k++) {
      long before = ftell(out);
      if (wide) {
        size_t q = S_rand((unsigned)paras.n);
        S_widen(out, paras.v[q], (size_t)(uintptr_t)plen.v[q], &nouns);
        fputs("\n\n", out);
      } else {
        size_t q = k % nin;
        fwrite(text[q], 1, len[q], out);
        fputs("\n\n", out);
      }
      here += (size_t)(ftell(out) - before);
    }
    total += here;
    if (fclose(out))
      return 1;
  }
  fprintf(stderr, "gencorpus: %s: %d files, %.1f MB\n", dir, nfiles,
          (double)total / 1e6);
  return 0;
}
