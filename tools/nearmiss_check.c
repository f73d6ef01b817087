/*
 * The C side of tools/nearmiss_model.py's check: for every word of the
 * given files (one a line, UTF-8), every one-edit variant the near-miss
 * guard enumerates (mtai_spell_edits(): transpositions, deletions,
 * insertions and substitutions of the guard's 30 letters, never at the
 * first letter) is asked of Hunspell (the oracle) and of the model
 * (src/spell_model.c); a variant Hunspell accepts that the model rejects
 * is printed and makes the exit status 1. The model is the library's:
 * served from the table built with it when the dictionary is the one it
 * was built from (mtai_spell_model_open()), else read from the files.
 *
 *   build/tools/nearmiss_check [-d /usr/share/hunspell/de_DE_frami] FILE...
 *
 * Prints per word: word, candidates, pass the model, Hunspell accepts,
 * missed; then the totals and the time per candidate of each.
 */
#include <hunspell.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "spell_model.h"

static double S_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *const S_alpha[] = {
    "e",        "n",        "i", "r", "s", "t", "a",        "h",
    "d",        "u",        "l", "c", "g", "m", "o",        "b",
    "w",        "f",        "k", "z", "p", "v", "\xC3\xBC", "\xC3\xA4",
    "\xC3\xB6", "\xC3\x9F", "j", "y", "x", "q"};

struct S_tot {
  long words, cands, pass, acc, missed;
  double t_model, t_hun;
};

static Hunhandle *S_h;
static iconv_t S_cd;
static const struct mtai_spell_model *S_m;
static struct mtai_spell_model_cache *S_cache;

static int S_hun(const char *w, size_t n) {
  char out[512];
  char *ip = (char *)w, *op = out;
  size_t il = n, ol = sizeof out - 1;
  iconv(S_cd, NULL, NULL, NULL, NULL);
  if (iconv(S_cd, &ip, &il, &op, &ol) == (size_t)-1)
    return 0;
  *op = 0;
  return Hunspell_spell(S_h, out) != 0;
}

static void S_cand(struct S_tot *t, const char *c, size_t n, long *pass,
                   long *acc, long *missed) {
  double t0 = S_now();
  int may = mtai_spell_model_may(S_m, S_cache, c, n);
  double t1 = S_now();
  int ok = S_hun(c, n);
  double t2 = S_now();
  t->t_model += t1 - t0;
  t->t_hun += t2 - t1;
  t->cands++;
  *pass += may;
  *acc += ok;
  if (ok && !may) {
    (*missed)++;
    printf("MISSED\t%.*s\n", (int)n, c);
  }
}

static void S_word(struct S_tot *t, const char *w, size_t n) {
  size_t off[66], m = 0;
  for (size_t i = 0; i < n && m < 65; m++) {
    off[m] = i;
    i++;
    while (i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
      i++;
  }
  if (m >= 65 || n > 200 || m < 2)
    return;
  off[m] = n;
  long pass = 0, acc = 0, missed = 0, c0 = t->cands;
  char c[300];
  for (size_t p = 2; p < m; p++) { /* transpose p-1, p */
    size_t k = off[p - 1];
    memcpy(c, w, k);
    memcpy(c + k, w + off[p], off[p + 1] - off[p]);
    k += off[p + 1] - off[p];
    memcpy(c + k, w + off[p - 1], off[p] - off[p - 1]);
    k += off[p] - off[p - 1];
    memcpy(c + k, w + off[p + 1], n - off[p + 1]);
    S_cand(t, c, n, &pass, &acc, &missed);
  }
  for (size_t p = 1; p < m; p++) { /* delete p */
    memcpy(c, w, off[p]);
    memcpy(c + off[p], w + off[p + 1], n - off[p + 1]);
    S_cand(t, c, n - (off[p + 1] - off[p]), &pass, &acc, &missed);
  }
  for (int sub = 0; sub < 2; sub++)
    for (size_t p = 1; p <= m; p++) {
      if (sub && p >= m)
        break;
      for (size_t a = 0; a < sizeof S_alpha / sizeof S_alpha[0]; a++) {
        size_t al = strlen(S_alpha[a]);
        size_t skip = sub ? off[p + 1] - off[p] : 0;
        if (sub && skip == al && !memcmp(w + off[p], S_alpha[a], al))
          continue;
        memcpy(c, w, off[p]);
        memcpy(c + off[p], S_alpha[a], al);
        memcpy(c + off[p] + al, w + off[p] + skip, n - off[p] - skip);
        S_cand(t, c, n - skip + al, &pass, &acc, &missed);
      }
    }
  t->words++;
  t->pass += pass;
  t->acc += acc;
  t->missed += missed;
  printf("%.*s\t%ld candidates\t%ld pass\t%ld accepted\t%ld missed\n", (int)n,
         w, t->cands - c0, pass, acc, missed);
}

int main(int argc, char **argv) {
  const char *base = "/usr/share/hunspell/de_DE_frami";
  int i = 1;
  if (i + 1 < argc && !strcmp(argv[i], "-d")) {
    base = argv[i + 1];
    i += 2;
  }
  char aff[4096], dic[4096];
  snprintf(aff, sizeof aff, "%s.aff", base);
  snprintf(dic, sizeof dic, "%s.dic", base);
  double t0 = S_now();
  struct mtai_spell_model *m = NULL;
  mta_status st = mtai_spell_model_open(
      mtai_spell_model_table,
      (size_t)(mtai_spell_model_table_end - mtai_spell_model_table), aff, dic,
      &m);
  double t1 = S_now();
  if (st != MTA_OK) {
    fprintf(stderr, "nearmiss_check: the model refused %s (%d)\n", base,
            (int)st);
    return 2;
  }
  fprintf(stderr, "model: %.1f ms, %.1f MB, %s\n", (t1 - t0) * 1e3,
          (double)mtai_spell_model_bytes(m) / 1e6,
          mtai_spell_model_in_table(m) ? "from the build-time table"
                                       : "read from the files");
  S_m = m;
  S_cache = getenv("NM_NOCACHE") ? NULL : mtai_spell_model_cache_new();
  S_h = Hunspell_create(aff, dic);
  S_cd = iconv_open(Hunspell_get_dic_encoding(S_h), "UTF-8");
  struct S_tot t = {0};
  for (; i < argc; i++) {
    FILE *f = fopen(argv[i], "r");
    if (!f) {
      perror(argv[i]);
      return 2;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
      size_t n = strcspn(line, "\r\n");
      if (n)
        S_word(&t, line, n);
    }
    fclose(f);
  }
  printf("words %ld, candidates %ld, pass the model %ld (%.2f %%), Hunspell "
         "accepts %ld, of which the model rejects %ld\n",
         t.words, t.cands, t.pass,
         100.0 * (double)t.pass / (double)(t.cands ? t.cands : 1), t.acc,
         t.missed);
  printf("time per candidate: model %.2f us, hunspell %.2f us\n",
         t.t_model * 1e6 / (double)(t.cands ? t.cands : 1),
         t.t_hun * 1e6 / (double)(t.cands ? t.cands : 1));
  mtai_spell_model_free(m);
  Hunspell_destroy(S_h);
  iconv_close(S_cd);
  return t.missed ? 1 : 0;
}
