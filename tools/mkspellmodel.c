/*
 * Build-time helper: the near-miss guard's model of the German Hunspell
 * dictionary (src/spell_model.c, linked in) as a table embedded in the
 * library, so that a process whose dictionary is the one found here
 * parses nothing at start-up (mtai_spell_model_open(); the load from the
 * .aff/.dic took ~95 ms of CPU and 8.5 MB per process).
 *
 * Finds the dictionary as mtai_dicts_new() does without --dict-dir: in
 * $DICPATH (':'-separated), /usr/share/hunspell, /usr/share/myspell, the
 * name de_DE_frami first, then de_DE. Loads the model with the library's
 * loader and writes its table (mtai_spell_model_write_table(): the
 * arrays, and the size and a hash of each file) to OUT.bin, and OUT.S,
 * which links it in as read-only data:
 *
 *   mtai_spell_model_table, mtai_spell_model_table_end   (hidden, .rodata,
 *                                                        64-byte aligned)
 *
 * When no dictionary is found or the model refuses it, the table is empty
 * (the run time then loads the model from the files, as before): the
 * build does not need the dictionary.
 *
 * With -l LEXICON.tsv (the word-class lexicon, build/gen/lexicon.tsv) it
 * also asks Hunspell, with the same dictionary, about every form of the
 * lexicon (the first field of each line), converted to the dictionary's
 * encoding as the speller converts, and writes the answers with the table
 * (mtai_spell_model_set_known()): the speller then answers those forms
 * without Hunspell (~400 of the ~680 German calls of an article).
 *
 * Usage: mkspellmodel [-l LEXICON.tsv] OUT.bin OUT.S [BASE]  (OUT.bin as
 * an absolute path: the .incbin names it; BASE: a dictionary's path
 * without .aff/.dic, used instead of the search)
 */
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell.h>

#include "dictfile.h"
#include "spell_model.h"
#include "incbin.h"

/*
 * Hunspell's answer for every form of 'lexicon' (one bit a line, in its
 * order) into '*bits' and '*n'; 0 with a message when it cannot be done
 * (the table is then written without them).
 */
static int S_known(const char *lexicon, const char *aff, const char *dic,
                   uint64_t **bits, size_t *n) {
  *bits = NULL;
  *n = 0;
  FILE *f = fopen(lexicon, "r");
  if (!f) {
    perror(lexicon);
    return 0;
  }
  Hunhandle *h = Hunspell_create(aff, dic);
  const char *enc = h ? Hunspell_get_dic_encoding(h) : NULL;
  iconv_t cd = enc ? iconv_open(enc, "UTF-8") : (iconv_t)-1;
  size_t cap = 0, yes = 0;
  char *line = NULL, out[256];
  size_t lcap = 0;
  ssize_t len;
  int ok = cd != (iconv_t)-1;
  while (ok && (len = getline(&line, &lcap, f)) > 0) {
    size_t k = strcspn(line, "\t\n");
    if (*n / 64 >= cap) {
      size_t ncap = cap ? 2 * cap : 8192;
      uint64_t *b = realloc(*bits, ncap * sizeof *b);
      if (!b) {
        ok = 0;
        break;
      }
      memset(b + cap, 0, (ncap - cap) * sizeof *b);
      *bits = b;
      cap = ncap;
    }
    /* converted as the speller converts (its S_hun() asks no longer word) */
    if (k < 200 && mtai_dict_conv(cd, line, k, out, sizeof out)) {
      if (Hunspell_spell(h, out)) {
        (*bits)[*n / 64] |= (uint64_t)1 << (*n % 64);
        yes++;
      }
    }
    ++*n;
  }
  if (!ok)
    fprintf(stderr, "mkspellmodel: %s: no answers for the lexicon\n", dic);
  else
    printf("mkspellmodel: %zu of %zu forms of %s known to %s\n", yes, *n,
           lexicon, dic);
  free(line);
  fclose(f);
  if (cd != (iconv_t)-1)
    iconv_close(cd);
  if (h)
    Hunspell_destroy(h);
  if (!ok) {
    free(*bits);
    *bits = NULL;
    *n = 0;
  }
  return ok;
}

int main(int argc, char **argv) {
  const char *lexicon = NULL;
  int opt;
  while ((opt = getopt(argc, argv, "l:")) != -1) {
    if (opt != 'l') {
      fprintf(stderr,
              "usage: mkspellmodel [-l LEXICON.tsv] OUT.bin OUT.S [BASE]\n");
      return 2;
    }
    lexicon = optarg;
  }
  argc -= optind - 1;
  argv += optind - 1;
  if (argc != 3 && argc != 4) {
    fprintf(stderr,
            "usage: mkspellmodel [-l LEXICON.tsv] OUT.bin OUT.S [BASE]\n");
    return 2;
  }
  char dirs[4096], aff[4200], dic[4200];
  int found;
  if (argc == 4) {
    snprintf(aff, sizeof aff, "%s.aff", argv[3]);
    snprintf(dic, sizeof dic, "%s.dic", argv[3]);
    found = !access(aff, R_OK) && !access(dic, R_OK);
    snprintf(dirs, sizeof dirs, "%s", argv[3]);
  } else {
    const char *env = getenv("DICPATH");
    snprintf(dirs, sizeof dirs, "%s%s/usr/share/hunspell:/usr/share/myspell",
             env && *env ? env : "", env && *env ? ":" : "");
    found = mtai_dict_search(dirs, "de_DE_frami", aff, dic, sizeof aff) ||
            mtai_dict_search(dirs, "de_DE", aff, dic, sizeof aff);
  }
  FILE *bin = fopen(argv[1], "wb");
  if (!bin) {
    perror(argv[1]);
    return 1;
  }
  struct mtai_spell_model *m = NULL;
  mta_status st = MTA_ERR_DICT;
  if (!found)
    fprintf(stderr,
            "mkspellmodel: no German dictionary in %s: empty table (the "
            "model is read from the dictionary at run time)\n",
            dirs);
  else if ((st = mtai_spell_model_load(aff, dic, &m)) != MTA_OK)
    fprintf(stderr,
            "mkspellmodel: the model refuses %s (status %d): empty table "
            "(the guard asks Hunspell about every variant)\n",
            dic, (int)st);
  if (m) {
    uint64_t *bits;
    size_t nbits;
    if (lexicon && S_known(lexicon, aff, dic, &bits, &nbits))
      mtai_spell_model_set_known(m, bits, nbits);
    if ((st = mtai_spell_model_write_table(m, aff, dic, bin)) != MTA_OK) {
      fprintf(stderr, "mkspellmodel: %s: cannot write the table (status %d)\n",
              argv[1], (int)st);
      return 1;
    }
    printf("mkspellmodel: %s: %.1f MB\n", dic,
           (double)mtai_spell_model_bytes(m) / 1e6);
  }
  mtai_spell_model_free(m);
  if (fclose(bin)) {
    perror(argv[1]);
    return 1;
  }
  FILE *out = fopen(argv[2], "w");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  incbin_begin(out, "mkspellmodel.c", 64, argv[1], "mtai_spell_model_table",
               "mtai_spell_model_table_end");
  incbin_end(out);
  if (fclose(out)) {
    perror(argv[2]);
    return 1;
  }
  return 0;
}
