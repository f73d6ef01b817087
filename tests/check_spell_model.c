/*
 * Tests of src/spell_model.c, the near-miss guard's model of Hunspell:
 * refusal of what it does not model, its answers on a small fixed
 * dictionary, and -- with the real de_DE_frami and Hunspell_spell as the
 * oracle -- that every one-edit variant Hunspell accepts of a sample of
 * guarded words passes it (the full check is tools/nearmiss_check.c).
 */
#include <hunspell.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dictfile.h"
#include "spell_model.h"
#include "tests.h"

#define S_DE "/usr/share/hunspell/de_DE_frami"

static char S_dir[64], S_aff[128], S_dic[128];

/* Writes a dictionary 'aff'/'dic' into a fresh directory. */
static void S_write(const char *aff, const char *dic) {
  snprintf(S_dir, sizeof S_dir, "/tmp/mta-model-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(S_dir));
  snprintf(S_aff, sizeof S_aff, "%s/t.aff", S_dir);
  snprintf(S_dic, sizeof S_dic, "%s/t.dic", S_dir);
  FILE *f = fopen(S_aff, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(aff, f);
  fclose(f);
  f = fopen(S_dic, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(dic, f);
  fclose(f);
}

static void S_unwrite(void) {
  unlink(S_aff);
  unlink(S_dic);
  rmdir(S_dir);
}

static const char S_aff_ok[] = "SET ISO8859-1\n"
                               "COMPOUNDMIN 3\n"
                               "COMPOUNDBEGIN x\n"
                               "COMPOUNDMIDDLE y\n"
                               "COMPOUNDEND z\n"
                               "ONLYINCOMPOUND o\n"
                               "SFX S Y 2\n"
                               "SFX S 0 s/xy .\n"
                               "SFX S e en e\n"
                               "PFX U Y 1\n"
                               "PFX U 0 un .\n";
/* ISO-8859-1, as the .aff says */
static const char S_dic_ok[] = "5\n"
                               "Haus/xS\n"
                               "T\xFCr/z\n"
                               "Krieg/S\n"
                               "Wirtschaft/zU\n"
                               "Stra\xDF"
                               "e/z\n";

static mta_status S_load(const char *aff, const char *dic,
                         struct mtai_spell_model **m) {
  S_write(aff, dic);
  mta_status st = mtai_spell_model_load(S_aff, S_dic, m);
  S_unwrite();
  return st;
}

START_TEST(test_refuses) {
  struct mtai_spell_model *m = (struct mtai_spell_model *)1;
  ck_assert_int_eq(
      mtai_spell_model_load("/nonexistent.aff", "/nonexistent.dic", &m),
      MTA_ERR_IO);
  ck_assert_ptr_null(m);
  /* a directive it does not model */
  char aff[1024];
  snprintf(aff, sizeof aff, "%sCOMPOUNDRULE 1\nCOMPOUNDRULE xz\n", S_aff_ok);
  ck_assert_int_eq(S_load(aff, S_dic_ok, &m), MTA_ERR_DICT);
  ck_assert_ptr_null(m);
  snprintf(aff, sizeof aff, "FLAG long\n%s", S_aff_ok);
  ck_assert_int_eq(S_load(aff, S_dic_ok, &m), MTA_ERR_DICT);
  /* not ISO-8859-1 */
  ck_assert_int_eq(
      S_load("SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n", "1\nHaus/S\n", &m),
      MTA_ERR_DICT);
  /* more rules than announced */
  ck_assert_int_eq(
      S_load("SET ISO8859-1\nSFX S Y 1\nSFX S 0 s .\nSFX S 0 n .\n", "1\na\n",
             &m),
      MTA_ERR_DICT);
  mtai_spell_model_free(NULL);
  ck_assert_int_eq(mtai_spell_model_may(NULL, NULL, "xyz", 3), 1);
  ck_assert_uint_eq(mtai_spell_model_bytes(NULL), 0);
}
END_TEST

START_TEST(test_small_dictionary) {
  struct mtai_spell_model *m = NULL;
  ck_assert_int_eq(S_load(S_aff_ok, S_dic_ok, &m), MTA_OK);
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_gt(mtai_spell_model_bytes(m), 0);
  struct mtai_spell_model_cache *c = mtai_spell_model_cache_new();
  ck_assert_ptr_nonnull(c);
  static const struct {
    const char *w;
    int may;
  } cases[] = {
      {"Haus", 1},
      {"haus", 1},
      {"Häuser", 0},
      {"Hxus", 0},
      {"Haustür", 1},
      {"Haustür", 1},
      {"Tür", 1},
      {"Türhaus", 0},
      {"Krieg", 1},
      {"Kriegs", 1},
      {"Kriegswirtschaft", 1}, /* S gives x */
      {"Kriegwirtschaft", 0},  /* no x without s */
      {"Hausstrasse", 1},
      {"Hausstraße", 1}, /* CHECKSHARPS: ss = ß */
      {"Unwirtschaft", 1},
      {"Unhaus", 0}, /* prefix only on U */
      {"Hauskriegstür", 1},
      {"Haushaustür", 0}, /* a middle needs y */
      {"Haustürtür", 0},
      {"Hausestür", 0},
      /* not modelled: always asked */
      {"Haus-Tür", 1},
      {"HXUS", 1},
      {"H4us", 1},
      {"Hаus", 1}, /* Cyrillic a */
      {"", 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *w = cases[i].w;
    ck_assert_msg(mtai_spell_model_may(m, NULL, w, strlen(w)) == cases[i].may,
                  "%s: expected %d", w, cases[i].may);
    /* the cache changes no answer, the first time or later */
    for (int k = 0; k < 2; k++)
      ck_assert_msg(mtai_spell_model_may(m, c, w, strlen(w)) == cases[i].may,
                    "%s (cached): expected %d", w, cases[i].may);
  }
  mtai_spell_model_cache_free(c);
  mtai_spell_model_free(m);
}
END_TEST

static Hunhandle *S_h;
static iconv_t S_cd;

static int S_hun(const char *w, size_t n) {
  char out[512];
  return mtai_dict_conv(S_cd, w, n, out, sizeof out) &&
         Hunspell_spell(S_h, out) != 0;
}

/* Calls 'fn' on every one-edit variant of 'w' (the guard's: never the
 * first letter; edits of bytes, so of ASCII words here). */
static void S_each_variant(const char *w,
                           void (*fn)(const char *v, size_t k, void *ctx),
                           void *ctx) {
  static const char *const alpha[] = {
      "e",        "n",        "i", "r", "s", "t", "a",        "h",
      "d",        "u",        "l", "c", "g", "m", "o",        "b",
      "w",        "f",        "k", "z", "p", "v", "\xC3\xBC", "\xC3\xA4",
      "\xC3\xB6", "\xC3\x9F", "j", "y", "x", "q"};
  size_t len = strlen(w);
  char v[128];
  for (int kind = 0; kind < 4; kind++)
    for (size_t p = 1; p <= len; p++)
      for (size_t a = 0; a < (kind >= 2 ? 30u : 1u); a++) {
        size_t k = 0;
        if (kind == 0) { /* transpose */
          if (p < 2 || p >= len)
            break;
          memcpy(v, w, len);
          v[p - 1] = w[p], v[p] = w[p - 1];
          k = len;
        } else if (kind == 1) { /* delete */
          if (p >= len)
            break;
          memcpy(v, w, p);
          memcpy(v + p, w + p + 1, len - p - 1);
          k = len - 1;
        } else { /* insert before p, substitute p */
          size_t skip = kind == 3 ? 1 : 0, al = strlen(alpha[a]);
          if (kind == 3 && p >= len)
            break;
          memcpy(v, w, p);
          memcpy(v + p, alpha[a], al);
          memcpy(v + p + al, w + p + skip, len - p - skip);
          k = len - skip + al;
        }
        fn(v, k, ctx);
      }
}

struct S_oracle {
  const struct mtai_spell_model *m;
  struct mtai_spell_model_cache *c;
  long n, pass, acc;
};

static void S_oracle_one(const char *v, size_t k, void *ctx) {
  struct S_oracle *o = ctx;
  int ok = S_hun(v, k), may = mtai_spell_model_may(o->m, o->c, v, k);
  ck_assert_msg(!ok || may, "%.*s: Hunspell accepts, the model not", (int)k, v);
  ck_assert_int_eq(may, mtai_spell_model_may(o->m, NULL, v, k));
  o->n++, o->pass += may, o->acc += ok;
}

/* Every one-edit variant of 'w' that Hunspell accepts passes the model;
 * counts them and the ones that pass. */
static void S_variants(const struct mtai_spell_model *m,
                       struct mtai_spell_model_cache *c, const char *w, long *n,
                       long *pass, long *acc) {
  struct S_oracle o = {m, c, 0, 0, 0};
  S_each_variant(w, S_oracle_one, &o);
  *n += o.n, *pass += o.pass, *acc += o.acc;
}

START_TEST(test_oracle_de) {
  if (access(S_DE ".aff", R_OK) || access(S_DE ".dic", R_OK)) {
    ck_abort_msg("%s missing", S_DE);
    return;
  }
  struct mtai_spell_model *m = NULL;
  ck_assert_int_eq(mtai_spell_model_load(S_DE ".aff", S_DE ".dic", &m), MTA_OK);
  S_h = Hunspell_create(S_DE ".aff", S_DE ".dic");
  ck_assert_ptr_nonnull(S_h);
  S_cd = iconv_open(Hunspell_get_dic_encoding(S_h), "UTF-8");
  ck_assert(S_cd != (iconv_t)-1);
  struct mtai_spell_model_cache *c = mtai_spell_model_cache_new();
  /* words the guard sees (docs/PERFORMANCE.md): compounds Hunspell
   * rejects that split into real words, and their near misses */
  static const char *const words[] = {
      "Kriegswirtschaf", "Feuerwer", "Drohnenabwehrsystem", "Vorjahremonat",
      "voneinader", "Zehntelgrad", "Lyrikerion", "wiederhol", "Arbeitsglatzen",
      /* a space inside: a .dic stem of Hunspell's has one */
      "Russland Nordkorea", "Vernehmungshandbuch s"};
  long n = 0, pass = 0, acc = 0;
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    S_variants(m, c, words[i], &n, &pass, &acc);
  ck_assert_int_gt(acc, 0);
  ck_assert_int_lt(pass * 20, n); /* selective: under 5 % */
  mtai_spell_model_cache_free(c);
  iconv_close(S_cd);
  Hunspell_destroy(S_h);
  mtai_spell_model_free(m);
}
END_TEST

/* ---- the build-time table ---------------------------------------------- */

static size_t S_table_len(void) {
  return (size_t)(mtai_spell_model_table_end - mtai_spell_model_table);
}

struct S_pair {
  const struct mtai_spell_model *a, *b;
  struct mtai_spell_model_cache *ca, *cb;
  long n, pass;
};

static void S_pair_one(const char *v, size_t k, void *ctx) {
  struct S_pair *p = ctx;
  int a = mtai_spell_model_may(p->a, p->ca, v, k);
  ck_assert_msg(a == mtai_spell_model_may(p->b, p->cb, v, k),
                "%.*s: the table's model answers otherwise", (int)k, v);
  p->n++, p->pass += a;
}

/* Up to 'max' distinct words of 4-24 bytes of file 'path' (letters: ASCII
 * and UTF-8 sequences), into 'words' (of 'sz' bytes, NUL-separated). */
static size_t S_words_of(const char *path, char *words, size_t sz, size_t max) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  size_t n = 0, used = 0;
  char w[32];
  size_t k = 0;
  int c;
  do {
    c = fgetc(f);
    int letter = c != EOF && ((c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') || c >= 0x80);
    if (letter) {
      if (k < sizeof w - 1)
        w[k] = (char)c;
      k++;
      continue;
    }
    if (k >= 4 && k <= 24 && used + k + 1 <= sz) {
      w[k] = 0;
      int seen = 0;
      for (size_t at = 0; at < used && !seen; at += strlen(words + at) + 1)
        seen = !strcmp(words + at, w);
      if (!seen) {
        memcpy(words + used, w, k + 1);
        used += k + 1;
        n++;
      }
    }
    k = 0;
  } while (c != EOF && n < max);
  fclose(f);
  return n;
}

/* The model served from the table answers exactly like one loaded from
 * the files: every variant of a few hundred words of a sample article and
 * of the guard's words. */
START_TEST(test_table_same) {
  if (!S_table_len()) {
    /* built without a dictionary: nothing to compare */
    ck_assert_int_eq(access(S_DE ".dic", R_OK) == 0 && !getenv("DICPATH"), 0);
    return;
  }
  struct mtai_spell_model *fresh = NULL, *tab = NULL;
  ck_assert_int_eq(mtai_spell_model_load(S_DE ".aff", S_DE ".dic", &fresh),
                   MTA_OK);
  ck_assert_int_eq(mtai_spell_model_open(mtai_spell_model_table, S_table_len(),
                                         S_DE ".aff", S_DE ".dic", &tab),
                   MTA_OK);
  ck_assert(!mtai_spell_model_in_table(fresh));
  /* the build searched DICPATH first; without it, it found S_DE */
  const char *dp = getenv("DICPATH");
  if (!dp || !*dp)
    ck_assert(mtai_spell_model_in_table(tab));
  static char words[16384];
  const char *sample = "samples/000_68df5a6bf045e0b4.txt";
  size_t nw = S_words_of(sample, words, sizeof words, 300);
  if (!access(sample, R_OK)) /* run from the source tree */
    ck_assert_uint_eq(nw, 300);
  static const char *const guard[] = {
      "Kriegswirtschaf",      "Feuerwer",
      "Drohnenabwehrsystem",  "Vorjahremonat",
      "voneinader",           "Zehntelgrad",
      "Lyrikerion",           "wiederhol",
      "Arbeitsglatzen",       "Russland Nordkorea",
      "Vernehmungshandbuch s"};
  struct S_pair p = {
      fresh, tab, mtai_spell_model_cache_new(), mtai_spell_model_cache_new(),
      0,     0};
  for (size_t i = 0, at = 0; i < nw; i++, at += strlen(words + at) + 1)
    S_each_variant(words + at, S_pair_one, &p);
  for (size_t i = 0; i < sizeof guard / sizeof guard[0]; i++)
    S_each_variant(guard[i], S_pair_one, &p);
  ck_assert_int_gt(p.n, 10000);
  ck_assert_int_gt(p.pass, 0);
  ck_assert_int_lt(p.pass, p.n);
  mtai_spell_model_cache_free(p.ca);
  mtai_spell_model_cache_free(p.cb);
  mtai_spell_model_free(fresh);
  mtai_spell_model_free(tab);
}
END_TEST

/* Hunspell's build-time answers for the lexicon's forms, which the
 * speller takes instead of asking Hunspell (spell.c, S_known_form()):
 * every 97th form of the lexicon gets Hunspell's own answer; a model
 * loaded from the files, or a lexicon of another size, gets none. */
START_TEST(test_table_known_forms) {
  if (!S_table_len() || (getenv("DICPATH") && *getenv("DICPATH"))) {
    ck_assert_int_eq(access(S_DE ".dic", R_OK) == 0 && !getenv("DICPATH"), 0);
    return;
  }
  struct mtai_spell_model *tab = NULL, *fresh = NULL;
  ck_assert_int_eq(mtai_spell_model_open(mtai_spell_model_table, S_table_len(),
                                         S_DE ".aff", S_DE ".dic", &tab),
                   MTA_OK);
  ck_assert(mtai_spell_model_in_table(tab));
  ck_assert_int_eq(mtai_spell_model_load(S_DE ".aff", S_DE ".dic", &fresh),
                   MTA_OK);
  struct mtai_lexicon *lx = NULL;
  ck_assert_int_eq(mtai_lexicon_new(&lx), MTA_OK);
  size_t lines = mtai_lexicon_line_count(lx);
  ck_assert_uint_gt(lines, 100000);
  S_h = Hunspell_create(S_DE ".aff", S_DE ".dic");
  ck_assert_ptr_nonnull(S_h);
  S_cd = iconv_open(Hunspell_get_dic_encoding(S_h), "UTF-8");
  ck_assert(S_cd != (iconv_t)-1);
  size_t yes = 0, no = 0;
  for (size_t k = 0; k < lines; k += 97) {
    size_t n;
    const char *w = mtai_lexicon_form(lx, k, &n);
    int want = n < 200 && S_hun(w, n);
    int got = mtai_spell_model_known(tab, k, lines);
    ck_assert_msg(got == want, "%.*s: %d from the table, Hunspell says %d",
                  (int)n, w, got, want);
    ck_assert_int_eq(mtai_lexicon_line(lx, w, n), (long)k);
    yes += got == 1, no += got == 0;
    ck_assert_int_eq(mtai_spell_model_known(fresh, k, lines), -1);
    ck_assert_int_eq(mtai_spell_model_known(tab, k, lines + 1), -1);
  }
  ck_assert_uint_gt(yes, 1000);
  ck_assert_uint_gt(no, 100);
  iconv_close(S_cd);
  Hunspell_destroy(S_h);
  mtai_lexicon_free(lx);
  mtai_spell_model_free(fresh);
  mtai_spell_model_free(tab);
}
END_TEST

/* Copies file 'from' to 'to', with line 'line' (1-based) replaced by
 * 'repl' (NULL: unchanged) and 'extra' appended (NULL: nothing). */
static void S_copy(const char *from, const char *to, long line,
                   const char *repl, const char *extra) {
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  ck_assert_ptr_nonnull(in);
  ck_assert_ptr_nonnull(out);
  char buf[4096];
  long no = 0;
  while (fgets(buf, sizeof buf, in)) {
    size_t n = strlen(buf);
    int whole = n && buf[n - 1] == '\n';
    if (++no == line && repl)
      fputs(repl, out);
    else
      fputs(buf, out);
    if (!whole) /* a line longer than the buffer: counted once */
      no--;
  }
  if (extra)
    fputs(extra, out);
  fclose(in);
  ck_assert_int_eq(fclose(out), 0);
}

/* The number of the line of 'path' beginning with 'start', or 0. */
static long S_line_of(const char *path, const char *start) {
  FILE *f = fopen(path, "rb");
  ck_assert_ptr_nonnull(f);
  char buf[4096];
  long no = 0, found = 0;
  while (!found && fgets(buf, sizeof buf, f))
    if (++no, !strncmp(buf, start, strlen(start)))
      found = no;
  fclose(f);
  return found;
}

/* Files other than the table's are read, not served from it: one .dic
 * line changed (same size), a line added; the same bytes under another
 * name are served. A table that is empty, misaligned or not a table is
 * ignored. */
START_TEST(test_table_identity) {
  struct mtai_spell_model *m = (struct mtai_spell_model *)1;
  ck_assert_int_eq(mtai_spell_model_open(NULL, 0, "/nonexistent.aff",
                                         "/nonexistent.dic", &m),
                   MTA_ERR_IO);
  ck_assert_ptr_null(m);
  ck_assert(!mtai_spell_model_in_table(NULL));
  /* not a table: loaded from the files */
  static _Alignas(64) const unsigned char junk[8192];
  ck_assert_int_eq(S_load(S_aff_ok, S_dic_ok, &m), MTA_OK);
  mtai_spell_model_free(m);
  S_write(S_aff_ok, S_dic_ok);
  ck_assert_int_eq(mtai_spell_model_open(junk, sizeof junk, S_aff, S_dic, &m),
                   MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  mtai_spell_model_free(m);
  /* a table of the small dictionary, written as the build tool does */
  char tpath[160];
  snprintf(tpath, sizeof tpath, "%s/t.bin", S_dir);
  ck_assert_int_eq(mtai_spell_model_load(S_aff, S_dic, &m), MTA_OK);
  FILE *f = fopen(tpath, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(mtai_spell_model_write_table(m, S_aff, S_dic, f), MTA_OK);
  ck_assert_int_eq(fclose(f), 0);
  mtai_spell_model_free(m);
  f = fopen(tpath, "rb");
  ck_assert_ptr_nonnull(f);
  static _Alignas(64) unsigned char table[1 << 20];
  size_t tl = fread(table, 1, sizeof table, f);
  fclose(f);
  unlink(tpath);
  ck_assert_uint_gt(tl, 0);
  ck_assert_uint_lt(tl + 64, sizeof table);
  ck_assert_int_eq(mtai_spell_model_open(table, tl, S_aff, S_dic, &m), MTA_OK);
  ck_assert(mtai_spell_model_in_table(m));
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Haustür", strlen("Haustür")),
                   1);
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Hxus", 4), 0);
  mtai_spell_model_free(m);
  /* cut short, or not at a 64-byte boundary: ignored */
  ck_assert_int_eq(mtai_spell_model_open(table, tl - 64, S_aff, S_dic, &m),
                   MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  mtai_spell_model_free(m);
  memmove(table + 8, table, tl);
  ck_assert_int_eq(mtai_spell_model_open(table + 8, tl, S_aff, S_dic, &m),
                   MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  mtai_spell_model_free(m);
  memmove(table, table + 8, tl);
  /* one byte of the .dic changed, same size: "Hxus" now a stem */
  S_unwrite();
  char dic[sizeof S_dic_ok];
  memcpy(dic, S_dic_ok, sizeof dic);
  dic[3] = 'x'; /* "Haus" -> "Hxus" */
  S_write(S_aff_ok, dic);
  ck_assert_int_eq(mtai_spell_model_open(table, tl, S_aff, S_dic, &m), MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Hxus", 4), 1);
  mtai_spell_model_free(m);
  S_unwrite();
  /* the .aff changed */
  char aff[1024];
  snprintf(aff, sizeof aff, "%s# a comment\n", S_aff_ok);
  S_write(aff, S_dic_ok);
  ck_assert_int_eq(mtai_spell_model_open(table, tl, S_aff, S_dic, &m), MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  mtai_spell_model_free(m);
  S_unwrite();

  /* The real dictionary and the embedded table. */
  if (!S_table_len())
    return;
  const char *dp = getenv("DICPATH");
  if (dp && *dp) /* the table may be of another dictionary */
    return;
  char dir[64] = "/tmp/mta-model-XXXXXX", a2[128], d2[128];
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(a2, sizeof a2, "%s/x.aff", dir);
  snprintf(d2, sizeof d2, "%s/x.dic", dir);
  S_copy(S_DE ".aff", a2, 0, NULL, NULL);
  /* the same bytes elsewhere: served */
  S_copy(S_DE ".dic", d2, 0, NULL, NULL);
  ck_assert_int_eq(
      mtai_spell_model_open(mtai_spell_model_table, S_table_len(), a2, d2, &m),
      MTA_OK);
  ck_assert(mtai_spell_model_in_table(m));
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Zwiebxl", 7), 0);
  mtai_spell_model_free(m);
  /* one line changed, same size: read from the files */
  long zw = S_line_of(S_DE ".dic", "Zwiebel/");
  ck_assert_int_gt(zw, 1);
  S_copy(S_DE ".dic", d2, zw, "Zwiebxl/NMmij\n", NULL);
  ck_assert_int_eq(
      mtai_spell_model_open(mtai_spell_model_table, S_table_len(), a2, d2, &m),
      MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Zwiebxl", 7), 1);
  mtai_spell_model_free(m);
  /* a line added */
  S_copy(S_DE ".dic", d2, 0, NULL, "Zwiebxl/NMmij\n");
  ck_assert_int_eq(
      mtai_spell_model_open(mtai_spell_model_table, S_table_len(), a2, d2, &m),
      MTA_OK);
  ck_assert(!mtai_spell_model_in_table(m));
  ck_assert_int_eq(mtai_spell_model_may(m, NULL, "Zwiebxl", 7), 1);
  mtai_spell_model_free(m);
  unlink(a2);
  unlink(d2);
  rmdir(dir);
}
END_TEST

Suite *spell_model_suite(void) {
  Suite *s = suite_create("spell_model");
  TCase *tc = tcase_create("model");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_refuses);
  tcase_add_test(tc, test_small_dictionary);
  tcase_add_test(tc, test_oracle_de);
  tcase_add_test(tc, test_table_same);
  tcase_add_test(tc, test_table_identity);
  tcase_add_test(tc, test_table_known_forms);
  suite_add_tcase(s, tc);
  return s;
}
