/*
 * The speller: the German (and English) Hunspell dictionaries behind one
 * cached word look-up, shared by every check that needs to know words.
 *
 * A word's verdict, in order of evidence:
 *   1. user words (--dict FILE) and dict/names.txt: USER / NAME;
 *   2. the German Hunspell dictionary (de_DE_frami, else de_DE): KNOWN; a
 *      word with a character outside the dictionary's encoding (Latin-1),
 *      or of 200 bytes and more, cannot be in it: FOREIGN;
 *   3. hyphenated words (of at most S_MAX_PARTS parts) whose every part is
 *      a known word, a name, a number or an acronym
 *      ("Suchoi-Kampfflugzeuge", "UN-Sicherheitsrates"): COMPOUND;
 *      "Jong-un"-style given names (capitalized short part, hyphen,
 *      lower-case short part): NAME_LIKE;
 *   4. our own compound splitter: the word splits into known words, with
 *      the linking elements -s- -es- -n- -en- -er- -e- between them
 *      ("Interkontinentalraketentests"): COMPOUND; so do lower-case words
 *      of German word formation the dictionary lacks (spell_morph.c:
 *      particle verbs "vorbeischweben", "ungefälschter", German
 *      inflections of English stems "gestreamt");
 *   5. else UNKNOWN.
 * Verdicts are cached per distinct word; suggestions are computed only on
 * request, once per distinct word, and never by Hunspell's suggest() (see
 * spell_suggest.c). Every search on one word is bounded by a constant per
 * byte of it: the splitter is memoised, the one-edit searches stop at 64
 * code points; mtai_speller_work() counts the steps for the tests.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dictfile.h"
#include "spell_int.h"
#include "status.h"
#include "vec.h"
#include "i18n.h"

#define S_MIN_PART 3                       /* code points in a compound part */
#define S_MAX_PARTS 16                     /* parts of a hyphenated word */
#define S_USER_MAX_FILE (16 * 1024 * 1024) /* bytes of a user word list */
#define S_USER_MAX_WORD 1024               /* bytes of one of its words */

void mtai_speller_set_lexicon(struct mtai_speller *sp,
                              const struct mtai_lexicon *lx) {
  if (sp)
    sp->lx = lx;
}

/* 1 when 'w' may be a German word: a form of the lexicon's table as
 * written. Every word the one-edit search accepts must pass this before
 * Hunspell is asked; without a lexicon, everything passes. */
int mtai_spell_maybe_word(const struct mtai_speller *sp, const char *w,
                          size_t n) {
  return !sp->lx || mtai_lexicon_has_form(sp->lx, w, n);
}

static const char *const S_links[] = {"", "s", "es", "n", "en", "er", "e"};

void mtai_spell_free_entry(void *p) {
  struct mtai_spell_entry *e = p;
  if (!e)
    return;
  free(e->memo.yes);
  free(e->suggestions);
  free(e->first);
  free(e);
}
#define S_free_entry mtai_spell_free_entry

/* struct mtai_spell_entry.state */
#define S_DONE 0   /* verdict computed */
#define S_BUSY 1   /* being computed by one speller */
#define S_FAILED 2 /* out of memory while computed: to be computed again */

/* A speller over dictionaries 'd' (owned when 'own'; freed here on
 * failure). */
static mta_status S_speller_on(struct mta_dictionaries *d, int own,
                               struct mtai_speller **out) {
  struct mtai_speller *sp = calloc(1, sizeof *sp);
  if (!sp) {
    if (own)
      mtai_dicts_free(d);
    return MTA_ERR_NOMEM;
  }
  sp->d = d;
  sp->own_d = own;
  sp->to_de = (iconv_t)-1;
  sp->fail_after = -1;
  sp->user = &d->user;
  sp->names = &d->names;
  sp->heads = &d->heads;
  sp->translit = &d->translit;
  mtai_strset_init(&sp->parts);
  mtai_strset_init(&sp->english);
  mtai_strset_init(&sp->mmemo);
  mtai_buf_init(&sp->tmp, 0);
  *out = sp;
  return MTA_OK;
}

mta_status mtai_speller_new(const char *dict_dir, const char *const *user,
                            size_t nuser, struct mtai_speller **out, char *err,
                            size_t errsz) {
  *out = NULL;
  struct mta_dictionaries *d = NULL;
  mta_status st = mtai_dicts_new(dict_dir, user, nuser, &d, err, errsz);
  return st ? st : S_speller_on(d, 1, out);
}

mta_status mtai_speller_new_shared(struct mta_dictionaries *d,
                                   struct mtai_speller **out) {
  *out = NULL;
  return d ? S_speller_on(d, 0, out) : MTA_ERR_INVALID_ARG;
}

void mtai_speller_prefetch(struct mtai_speller *sp) {
  if (sp)
    mtai_dicts_start(sp->d);
}

const char *mtai_speller_errmsg(const struct mtai_speller *sp) {
  return sp ? sp->d->errmsg : "";
}

/* Lets the speller go of its cache generation (sp->gen); frees it when it
 * was retired and this was its last user. Called with cache_mu held. */
static void S_gen_release(struct mtai_speller *sp) {
  struct mtai_spell_gen *g = sp->gen;
  sp->gen = NULL;
  if (!g || --g->users || !g->retired)
    return;
  struct mtai_spell_gen **pp = &sp->d->gens;
  while (*pp != g)
    pp = &(*pp)->next;
  *pp = g->next;
  mtai_strset_free_with(&g->cache, S_free_entry);
  free(g);
}

/* The speller's cache generation, taken on first use; NULL when out of
 * memory. */
static struct mtai_spell_gen *S_gen(struct mtai_speller *sp) {
  if (sp->gen)
    return sp->gen;
  pthread_mutex_lock(&sp->d->cache_mu);
  if ((sp->gen = sp->d->gen))
    sp->gen->users++;
  pthread_mutex_unlock(&sp->d->cache_mu);
  return sp->gen;
}

void mtai_speller_free(struct mtai_speller *sp) {
  if (!sp)
    return;
  if (sp->gen) {
    pthread_mutex_lock(&sp->d->cache_mu);
    S_gen_release(sp);
    pthread_mutex_unlock(&sp->d->cache_mu);
  }
  if (sp->to_de != (iconv_t)-1)
    iconv_close(sp->to_de);
  mtai_strset_free(&sp->parts);
  mtai_strset_free(&sp->english);
  mtai_strset_free(&sp->mmemo);
  mtai_buf_free(&sp->tmp);
  mtai_spell_model_cache_free(sp->mcache);
  if (sp->own_d)
    mtai_dicts_free(sp->d);
  free(sp);
}

/* Waits for the German dictionary and opens this speller's converter to
 * its encoding; returns with sp->d->de.mu held and 1, or with it released
 * and 0 when the dictionary could not be loaded (the speller's error is
 * then MTA_ERR_DICT). */
static int S_de_lock(struct mtai_speller *sp) {
  struct mta_dictionaries *d = sp->d;
  mtai_hun_lock(d, &d->de);
  if (!sp->ready && d->de.h) {
    sp->to_de = iconv_open(d->de.enc, "UTF-8");
    sp->ready = sp->to_de != (iconv_t)-1 ? 1 : -1;
  }
  if (!d->de.h || sp->ready < 0) {
    pthread_mutex_unlock(&d->de.mu);
    mtai_spell_fail(sp, MTA_ERR_DICT);
    return 0;
  }
  return 1;
}

static int S_hun(struct mtai_speller *sp, const char *w, size_t n, int model);

/* The model of the German dictionary (spell_model.c), waited for at the
 * first question; NULL when it is not modelled. */
static const struct mtai_spell_model *S_model(struct mtai_speller *sp) {
  if (!sp->model_asked) {
    sp->model = mtai_dicts_model(sp->d);
    sp->model_asked = 1;
  }
  if (sp->model && !sp->mcache)
    sp->mcache = mtai_spell_model_cache_new(); /* NULL: without it */
  return sp->model;
}

/* Hunspell look-up of UTF-8 'w': 1 known, 0 unknown, -1 not representable
 * in the dictionary's encoding. A word the model of the dictionary
 * certainly rejects is not asked (0): most of the splitter's parts and
 * the made-up words of a text, at a fraction of a Hunspell call each. */
int mtai_spell_hun(struct mtai_speller *sp, const char *w, size_t n) {
  return S_hun(sp, w, n, 1);
}

/* The model's answer for w[0..n): 1 when it may be a word, 0 when Hunspell
 * certainly rejects it. Read from the speculative pass's memo when that
 * holds it; recorded there during the pass. */
static int S_may(struct mtai_speller *sp, const struct mtai_spell_model *m,
                 const char *w, size_t n) {
  void *v;
  if (sp->mmemo.count && mtai_strset_get(&sp->mmemo, w, n, &v)) {
    sp->mmemo_hits++;
    return v == (void *)1;
  }
  int may = mtai_spell_model_may(m, sp->mcache, w, n);
  if (sp->spec) /* out of memory: not recorded, asked again later */
    (void)mtai_strset_put(&sp->mmemo, w, n, may ? (void *)1 : (void *)2);
  return may;
}

/* Hunspell's build-time answer for w[0..n) when it is a form of the
 * lexicon and the model came from the table built for this dictionary
 * (spell_model.h): 1 or 0; -1 otherwise (ask Hunspell). */
static int S_known_form(struct mtai_speller *sp, const char *w, size_t n) {
  const struct mtai_spell_model *m = S_model(sp);
  long k = m && sp->lx ? mtai_lexicon_line(sp->lx, w, n) : -1;
  return k < 0 ? -1
               : mtai_spell_model_known(m, (size_t)k,
                                        mtai_lexicon_line_count(sp->lx));
}

/* mtai_spell_hun(), asking the model first when 'model', then the
 * build-time answers for the lexicon's forms. During the speculative pass
 * (sp->spec) the German dictionary may still be loading: a word the model
 * rejects is unknown as ever, a form of the lexicon has its answer, and
 * any other is guessed known. */
static int S_hun(struct mtai_speller *sp, const char *w, size_t n, int model) {
  char enc[256];
  sp->work++;
  if (n >= 200)
    return -1;
  if (sp->spec) {
    const struct mtai_spell_model *m = model ? S_model(sp) : NULL;
    if (m && !S_may(sp, m, w, n))
      return 0;
    int known = S_known_form(sp, w, n);
    return known >= 0 ? known : 1;
  }
  /* Once the dictionary is loaded (sp->ready), only the Hunspell call
   * itself holds its lock. */
  if (sp->ready <= 0) {
    if (!S_de_lock(sp))
      return 0;
    pthread_mutex_unlock(&sp->d->de.mu);
  }
  if (!mtai_dict_conv(sp->to_de, w, n, enc, sizeof enc))
    return -1;
  for (const unsigned char *c = (const unsigned char *)enc; *c; c++)
    if (!sp->d->alphabet[*c])
      return 0;
  if (model) {
    const struct mtai_spell_model *m = S_model(sp);
    if (m && !S_may(sp, m, w, n))
      return 0;
  }
  int known = S_known_form(sp, w, n);
  if (known >= 0)
    return known;
  pthread_mutex_lock(&sp->d->de.mu);
  int r = Hunspell_spell(sp->d->de.h, enc) != 0;
  pthread_mutex_unlock(&sp->d->de.mu);
  return r;
}

/* Writes 'w' with its first letter upper-cased into 'out'. */
size_t mtai_spell_capitalize(const char *w, size_t n, char *out, size_t sz) {
  size_t i = 0;
  int32_t c = mtai_utf8_next(w, n, &i);
  int32_t k = 0;
  UBool bad = 0;
  U8_APPEND((uint8_t *)out, k, (int32_t)sz, u_toupper(c), bad);
  if (bad || (size_t)k + (n - i) >= sz)
    return 0;
  memcpy(out + k, w + i, n - i);
  return (size_t)k + (n - i);
}

/* 1 when a compound part is a word: as written or capitalized (a noun
 * stem inside a lower-case compound: "raketen|gestützten"). Cached. */
static int S_part_known(struct mtai_speller *sp, const char *w, size_t n) {
  void *v;
  if (!sp->spec && mtai_strset_get(&sp->parts, w, n, &v))
    return v == (void *)1;
  int ok = mtai_spell_hun(sp, w, n) == 1;
  if (!ok) {
    char cap[256];
    size_t m = mtai_spell_capitalize(w, n, cap, sizeof cap);
    ok = m && mtai_spell_hun(sp, cap, m) == 1;
  }
  if (!sp->spec) /* a guess is not kept */
    mtai_strset_put(&sp->parts, w, n, ok ? (void *)1 : (void *)2);
  return ok;
}

/* 1 when w[0..n) can open a compound: a word (as written, capitalized, or
 * an adjective with a lower-case initial: "Nuklear|waffen"), or a bound
 * element of dict/compound-heads.txt ("Krypto", "Cyber"). */
static int S_head_known(struct mtai_speller *sp, const char *w, size_t n) {
  if (S_part_known(sp, w, n))
    return 1;
  char cap[256];
  size_t m = mtai_spell_capitalize(w, n, cap, sizeof cap);
  if (m && mtai_strset_has(sp->heads, cap, m))
    return 1;
  if (!mtai_spell_upper_initial(w, n) || n >= sizeof cap)
    return 0;
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  int ok = 0;
  mta_status st = mtai_utf8_lower(w, n, &low);
  if (st == MTA_ERR_NOMEM)
    mtai_spell_fail(sp, st);
  else if (!st && mtai_buf_len(&low) <= n)
    ok = mtai_spell_hun(sp, mtai_buf_str(&low), mtai_buf_len(&low)) == 1;
  mtai_buf_free(&low);
  return ok;
}

/*
 * The compound splitter. Tries the splits of w[0..n) into a known head, a
 * linking element and a tail that is known or splits again (at most
 * MTAI_SPELL_MAX_DEPTH times). Heads and tails have at least S_MIN_PART code
 * points, which keeps short dictionary entries ("Ei", "er") from
 * explaining away typos; heads at most MTAI_SPELL_MAX_HEAD. The result is the
 * first split found, shortest head first, then the links in S_links
 * order: its number of parts (0: none) and '*shortest', the length in
 * code points of its shortest part.
 *
 * Searched naively, a word whose every prefix is a word ("sieh" + 150
 * digits + "e": Hunspell accepts every number) costs exponential time.
 * So every answer is computed once (struct mtai_spell_splitter): whether the
 * head [p, p+len) is known, whether the tail from code point q is known,
 * and the first split of the suffix from p at depth d. The work is then
 * at most ncp * (MTAI_SPELL_MAX_DEPTH + 1) * MTAI_SPELL_MAX_HEAD * links steps
 * and ncp * MTAI_SPELL_MAX_HEAD head look-ups: linear in the word. Words of
 * MTAI_SPELL_SPLIT_MAX bytes or more are not split (Hunspell cannot check them
 * either, see mtai_spell_hun()).
 */
static int S_split_from(struct mtai_speller *sp, struct mtai_spell_splitter *x,
                        size_t p, int depth, size_t *shortest) {
  if (depth > MTAI_SPELL_MAX_DEPTH || x->ncp - p < 2 * S_MIN_PART)
    return 0;
  if (x->parts[p][depth] >= 0) {
    *shortest = x->shortest[p][depth];
    return x->parts[p][depth];
  }
  int parts = 0;
  size_t best = 0;
  for (size_t len = S_MIN_PART;
       !parts && len <= MTAI_SPELL_MAX_HEAD && x->ncp - p - len >= S_MIN_PART;
       len++) {
    sp->work++;
    if (x->head[p][len] < 0)
      x->head[p][len] = (int8_t)S_head_known(sp, x->w + x->off[p],
                                             x->off[p + len] - x->off[p]);
    if (!x->head[p][len])
      continue;
    size_t i = x->off[p + len]; /* byte offset of the link */
    for (size_t k = 0; !parts && k < sizeof S_links / sizeof S_links[0]; k++) {
      size_t ll = strlen(S_links[k]);
      sp->work++;
      if (x->n - i < ll || memcmp(x->w + i, S_links[k], ll))
        continue;
      size_t q = p + len + ll; /* links are ASCII: one code point a byte */
      if (x->ncp - q < S_MIN_PART)
        continue;
      if (x->tail[q] < 0)
        x->tail[q] =
            (int8_t)S_part_known(sp, x->w + x->off[q], x->n - x->off[q]);
      if (x->tail[q]) {
        parts = 2;
        best = len < x->ncp - q ? len : x->ncp - q;
        break;
      }
      size_t sub = 0;
      int k2 = S_split_from(sp, x, q, depth + 1, &sub);
      if (k2) {
        parts = 1 + k2;
        best = len < sub ? len : sub;
      }
    }
  }
  x->parts[p][depth] = (int8_t)parts;
  x->shortest[p][depth] = (uint8_t)best;
  *shortest = best;
  return parts;
}

static int S_split(struct mtai_speller *sp, const char *w, size_t n,
                   size_t *shortest) {
  *shortest = 0;
  if (n >= MTAI_SPELL_SPLIT_MAX)
    return 0;
  struct mtai_spell_splitter *x = &sp->splitter;
  x->w = w;
  x->n = n;
  x->ncp = 0;
  for (size_t i = 0; i < n;) {
    x->off[x->ncp++] = (uint8_t)i;
    mtai_utf8_next(w, n, &i);
  }
  x->off[x->ncp] = (uint8_t)n;
  memset(x->head, -1, sizeof x->head);
  memset(x->tail, -1, sizeof x->tail);
  memset(x->parts, -1, sizeof x->parts);
  return S_split_from(sp, x, 0, 0, shortest);
}

int mtai_speller_split(struct mtai_speller *sp, const char *w, size_t n) {
  size_t shortest;
  return S_split(sp, w, n, &shortest) > 0;
}

unsigned long mtai_speller_work(const struct mtai_speller *sp) {
  return sp ? sp->work : 0;
}

int mtai_spell_upper_initial(const char *w, size_t n) {
  size_t i = 0;
  return n && u_isupper(mtai_utf8_next(w, n, &i));
}

static int S_all_digits(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((w[i] < '0' || w[i] > '9') && w[i] != '.' && w[i] != ',')
      return 0;
  return n > 0;
}

static int S_all_caps(const char *w, size_t n) {
  size_t i = 0, letters = 0;
  while (i < n) {
    int32_t c = mtai_utf8_next(w, n, &i);
    if (u_isalpha(c)) {
      if (!u_isupper(c))
        return 0;
      letters++;
    }
  }
  return letters >= 2;
}

/* Hyphenated words: every part must stand on its own. A word of more
 * than S_MAX_PARTS parts is no word (and each part may cost a split). */
static enum mtai_spell S_verdict_hyphen(struct mtai_speller *sp, const char *w,
                                        size_t n) {
  size_t hyphens = 0;
  for (const char *q = w; (q = memchr(q, '-', (size_t)(w + n - q))); q++)
    if (++hyphens >= S_MAX_PARTS)
      return MTAI_SPELL_UNKNOWN;
  /* "Jong-un", "Kil-joo", "Byong-chul": Korean/Chinese given names. */
  const char *h = memchr(w, '-', n);
  size_t a = (size_t)(h - w);
  if (!memchr(h + 1, '-', n - a - 1) && mtai_spell_upper_initial(w, a) &&
      mtai_utf8_count(w, a) <= 6 && n - a - 1 >= 2 &&
      mtai_utf8_count(h + 1, n - a - 1) <= 5 &&
      !mtai_spell_upper_initial(h + 1, n - a - 1) && !S_all_caps(w, a))
    return MTAI_SPELL_NAME_LIKE;
  size_t i = 0;
  int parts = 0, words = 0, last_unknown = 0;
  while (i <= n) {
    size_t e = i;
    while (e < n && w[e] != '-')
      e++;
    if (e > i) {
      const char *p = w + i;
      size_t pn = e - i;
      parts++;
      last_unknown = 0;
      if (!S_all_digits(p, pn) && !S_all_caps(p, pn)) {
        enum mtai_spell v = mtai_spell_verdict_plain(sp, p, pn);
        /* A capitalized part the dictionary lacks is taken as a name
         * ("Suchoi-Kampfflugzeuge"); a lower-case one is not. */
        if (v == MTAI_SPELL_UNKNOWN && !mtai_spell_upper_initial(p, pn))
          return MTAI_SPELL_UNKNOWN;
        last_unknown = v == MTAI_SPELL_UNKNOWN;
        words += v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND;
      }
    }
    i = e + 1;
  }
  /* German puts the name first ("Suchoi-Kampfflugzeuge"): an unknown last
   * part after a common word is a misspelt word ("Kampf-Flugzeugee"),
   * unless every part is name-like ("Leif-Eric"). */
  if (last_unknown && words)
    return MTAI_SPELL_UNKNOWN;
  return parts ? MTAI_SPELL_COMPOUND : MTAI_SPELL_UNKNOWN;
}

/* Verdict of a word without hyphens, uncached. */
enum mtai_spell mtai_spell_verdict_plain(struct mtai_speller *sp, const char *w,
                                         size_t n) {
  if (mtai_strset_has(sp->user, w, n))
    return MTAI_SPELL_USER;
  if (mtai_strset_has(sp->names, w, n))
    return MTAI_SPELL_NAME;
  int h = mtai_spell_hun(sp, w, n);
  if (h == 1)
    return MTAI_SPELL_KNOWN;
  if (h < 0)
    return MTAI_SPELL_FOREIGN;
  size_t shortest;
  if (S_split(sp, w, n, &shortest) || mtai_spell_derived(sp, w, n))
    return MTAI_SPELL_COMPOUND;
  return MTAI_SPELL_UNKNOWN;
}

/* Decodes up to 'max' code points of w[0..n) into 'cp'; returns the count,
 * or max + 1 when there are more. */
size_t mtai_spell_cps(const char *w, size_t n, int32_t *cp, size_t max) {
  size_t i = 0, k = 0;
  while (i < n && k <= max) {
    int32_t c = mtai_utf8_next(w, n, &i);
    if (k < max)
      cp[k] = c;
    k++;
  }
  return k;
}

/* 1 when 'longer' is 'shorter' plus an inflection ending: a compound and
 * its plural or case form are not a typo of each other. */
static int S_inflection(const int32_t *shorter, size_t ns,
                        const int32_t *longer, size_t nl) {
  static const char *const ends[] = {"n",  "s",  "e",  "en", "er",
                                     "es", "em", "se", "ns", "ne"};
  if (nl <= ns || memcmp(shorter, longer, ns * sizeof *shorter))
    return 0;
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    if (el != nl - ns)
      continue;
    size_t j = 0;
    while (j < el && longer[ns + j] == (unsigned char)ends[k][j])
      j++;
    if (j == el)
      return 1;
  }
  return 0;
}

/* Number of parts Hunspell's analysis gives UTF-8 'w': its first analysis
 * marks every part but the first with "pa:" ("Kriegswirtschaft
 * pa:wirtschaft" is two parts); a word of the lexicon is one. */
static int S_hun_parts(struct mtai_speller *sp, const char *w, size_t n) {
  char enc[256];
  if (sp->spec) /* not known yet: as many as to explain nothing */
    return INT_MAX;
  if (n >= 200 || !S_de_lock(sp))
    return 1;
  int parts = 0;
  if (mtai_dict_conv(sp->to_de, w, n, enc, sizeof enc)) {
    char **list = NULL;
    int k = Hunspell_analyze(sp->d->de.h, &list, enc);
    for (const char *p = k > 0 ? list[0] : ""; (p = strstr(p, "pa:")); p += 3)
      parts++;
    if (list)
      Hunspell_free_list(sp->d->de.h, &list, k);
  }
  pthread_mutex_unlock(&sp->d->de.mu);
  return parts + 1;
}

/* The recorded answer of memo 'm' for candidate number 'idx' (c[0..cn),
 * code points b[0..nb), of the word a[0..na)): 1 accepted, 0 rejected, -1
 * not known (not recorded, or the recorded pass did not ask for it). */
static int S_memo_answer(const struct mtai_speller *sp,
                         const struct mtai_spell_memo *m, size_t idx,
                         const int32_t *a, size_t na, const int32_t *b,
                         size_t nb, const char *c, size_t cn) {
  if (!m || !m->valid || idx >= m->done)
    return -1;
  if (!(m->flags & MTAI_SPELL_EDIT_INFLECTED) &&
      (S_inflection(a, na, b, nb) || S_inflection(b, nb, a, na)))
    return -1;
  if ((m->flags & MTAI_SPELL_EDIT_LEXICON) && !mtai_spell_maybe_word(sp, c, cn))
    return -1;
  size_t lo = 0, hi = m->nyes;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->yes[mid] < idx)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->nyes && m->yes[lo] == idx;
}

/* Records that Hunspell accepted candidate number 'idx' in 'm'. */
static void S_memo_yes(struct mtai_spell_memo *m, size_t idx) {
  if (m->nomem)
    return;
  if (mtai_vec_reserve(m->yes, m->cap, m->nyes + 1)) {
    m->nomem = 1;
    return;
  }
  m->yes[m->nyes++] = (uint16_t)idx;
}

/* Known words one edit away from w[0..n) (a transposition, deletion,
 * insertion or substitution of a lower-case letter, never at the first
 * letter), that are not just an inflected form of it (plural, case
 * ending) unless 'flags' has MTAI_SPELL_EDIT_INFLECTED. Calls 'found' with
 * each, in that order of edits, until it returns non-zero; returns that value
 * or 0. Words of 65 code points or 200 bytes and more have none. Costs at most
 * 62 look-ups per code point.
 *
 * 'memo' (may be NULL) belongs to the word: the first pass with it records
 * which candidates Hunspell accepted, and later passes take those answers
 * instead of asking again (the candidates are numbered in the order of
 * enumeration, the same in every pass; at most 4 * 65 * 30 of them). */
int mtai_spell_edits(struct mtai_speller *sp, const char *w, size_t n,
                     int (*found)(struct mtai_speller *, const char *, size_t,
                                  void *),
                     void *ctx, int flags, struct mtai_spell_memo *memo) {
  static const char *const alpha[] = {
      "e",        "n",        "i", "r", "s", "t", "a",        "h",
      "d",        "u",        "l", "c", "g", "m", "o",        "b",
      "w",        "f",        "k", "z", "p", "v", "\xC3\xBC", "\xC3\xA4",
      "\xC3\xB6", "\xC3\x9F", "j", "y", "x", "q"};
  size_t off[66];
  size_t m = 0;
  for (size_t i = 0; i < n && m < 65; m++) {
    off[m] = i;
    mtai_utf8_next(w, n, &i);
  }
  if (m >= 65 || n > 200)
    return 0;
  off[m] = n;
  int32_t a[64], b[66];
  size_t na = mtai_spell_cps(w, n, a, 64);
  char cand[256];
  struct mtai_spell_memo *rec = memo && !memo->valid && !sp->spec ? memo : NULL;
  if (rec)
    rec->flags = flags;
  const struct mtai_spell_model *model =
      flags & MTAI_SPELL_EDIT_MODEL ? S_model(sp) : NULL;
  size_t idx = 0;
  int r = 0;
  for (int kind = 0; !r && kind < 4; kind++) {
    for (size_t p = 1; !r && p <= m; p++) {
      size_t nalpha = kind >= 2 ? sizeof alpha / sizeof alpha[0] : 1;
      for (size_t k = 0; !r && k < nalpha; k++) {
        size_t cn = 0;
        if (kind == 0) { /* transpose p-1, p */
          if (p >= m || p < 2)
            break;
          cn = off[p - 1];
          memcpy(cand, w, cn);
          memcpy(cand + cn, w + off[p], off[p + 1] - off[p]);
          cn += off[p + 1] - off[p];
          memcpy(cand + cn, w + off[p - 1], off[p] - off[p - 1]);
          cn += off[p] - off[p - 1];
          memcpy(cand + cn, w + off[p + 1], n - off[p + 1]);
          cn += n - off[p + 1];
        } else if (kind == 1) { /* delete p */
          if (p >= m)
            break;
          memcpy(cand, w, off[p]);
          memcpy(cand + off[p], w + off[p + 1], n - off[p + 1]);
          cn = n - (off[p + 1] - off[p]);
        } else { /* insert before p, or substitute p */
          size_t al = strlen(alpha[k]);
          size_t skip = kind == 3 ? (p < m ? off[p + 1] - off[p] : 0) : 0;
          if (kind == 3 && p >= m)
            break;
          memcpy(cand, w, off[p]);
          memcpy(cand + off[p], alpha[k], al);
          memcpy(cand + off[p] + al, w + off[p] + skip, n - off[p] - skip);
          cn = n - skip + al;
          if (kind == 3 && skip == al && !memcmp(w + off[p], alpha[k], al))
            continue;
        }
        size_t nb = mtai_spell_cps(cand, cn, b, 66), i = idx++;
        sp->work++;
        if (nb > 64 ||
            (!(flags & MTAI_SPELL_EDIT_INFLECTED) &&
             (S_inflection(a, na, b, nb) || S_inflection(b, nb, a, na))) ||
            ((flags & MTAI_SPELL_EDIT_LEXICON) &&
             !mtai_spell_maybe_word(sp, cand, cn)))
          continue;
        int ok = S_memo_answer(sp, memo, i, a, na, b, nb, cand, cn);
        /* The model says no only when Hunspell certainly rejects it; a
         * memo recorded so is therefore exact too. */
        if (ok < 0 && model && !S_may(sp, model, cand, cn))
          ok = 0;
        if (ok < 0) {
          ok = S_hun(sp, cand, cn, !model) == 1;
          if (ok && rec)
            S_memo_yes(rec, i);
        }
        if (ok)
          r = found(sp, cand, cn, ctx);
      }
    }
  }
  if (rec) {
    rec->done = idx;
    rec->valid = !rec->nomem;
  }
  return r;
}

struct S_miss {
  int parts;       /* parts of our split */
  size_t shortest; /* its shortest part, in code points */
};

static int S_miss_found(struct mtai_speller *sp, const char *c, size_t n,
                        void *ctx) {
  const struct S_miss *m = ctx;
  int hp = S_hun_parts(sp, c, n);
  return hp < m->parts || (hp == m->parts && m->shortest <= S_MIN_PART);
}

/* A word the compound splitter accepts may still be a typo of a longer
 * word that splits into real words by accident ("Waffenstil|stand",
 * "Kriegs|wirt|schaf", "Verteidigungsminister|um"). It is taken as a typo
 * when a known word one edit away (not just an inflected form of it) takes
 * fewer parts than our split: Hunspell also knows odd compounds of its own
 * ("Drohnenn|abwehr|system" next to "Drohnen|abwehrsystem"), which explain
 * the word worse, not better. With as many parts, our split wins unless it
 * needs a part of only three letters ("Feuer|wer" for "Feuerwehr"). Runs
 * only for words Hunspell itself rejects. */
static int S_near_miss(struct mtai_speller *sp, const char *w, size_t n,
                       struct mtai_spell_memo *memo) {
  struct S_miss m = {0, 0};
  m.parts = S_split(sp, w, n, &m.shortest);
  if (!m.parts)
    return 0;
  /* Not through the lexicon: the word one edit away is often a compound
   * that only Hunspell's compounding knows ("Kriegswirtschaft"). The
   * model of Hunspell's dictionary (spell_model.c) filters instead: it
   * drops only variants Hunspell rejects (~99 % of them). */
  return mtai_spell_edits(sp, w, n, S_miss_found, &m, MTAI_SPELL_EDIT_MODEL,
                          memo);
}

/* Computes the verdict of entry 'e' (state S_BUSY, owned by this speller
 * until published) for w[0..n), up to the near-miss guard: e->guard is set
 * when the guard is still to run (S_guard()). */
static void S_compute(struct mtai_speller *sp, struct mtai_spell_entry *e,
                      const char *w, size_t n) {
  if (mtai_strset_has(sp->user, w, n))
    e->verdict = MTAI_SPELL_USER;
  else if (w[n - 1] == '.') /* an abbreviation: the dictionary only */
    e->verdict =
        mtai_spell_hun(sp, w, n) == 1 ? MTAI_SPELL_KNOWN : MTAI_SPELL_UNKNOWN;
  else if (memchr(w, '-', n) && mtai_spell_hun(sp, w, n) != 1)
    e->verdict = S_verdict_hyphen(sp, w, n);
  else
    e->verdict = mtai_spell_verdict_plain(sp, w, n);
  e->known = e->verdict == MTAI_SPELL_KNOWN;
  e->guard = e->verdict == MTAI_SPELL_COMPOUND && !memchr(w, '-', n);
}

/* Runs the near-miss guard of entry 'e' (state S_BUSY, e->guard set): the
 * only step that can turn a verdict (COMPOUND) into UNKNOWN, and never
 * into or from KNOWN, so mtai_speller_known() need not wait for it. A
 * particle verb is not overturned: its neighbour one edit away is mostly
 * another particle verb ("vorbeischweben", "vorbeischieben"). */
static void S_guard(struct mtai_speller *sp, struct mtai_spell_entry *e,
                    const char *w, size_t n) {
  if (!mtai_spell_particle_verb(sp, w, n) && S_near_miss(sp, w, n, &e->memo))
    e->verdict = MTAI_SPELL_UNKNOWN;
}

/* Publishes entry 'e', computed by this speller (state S_BUSY), its guard
 * run when 'guarded': S_DONE, or S_FAILED when memory ran out meanwhile
 * (NULL then). 'late': only the guard was run, on an entry published
 * before; when it failed, the entry goes back to its state before (others
 * may be reading it) with the guard still due. */
static struct mtai_spell_entry *S_publish(struct mtai_speller *sp,
                                          struct mtai_spell_entry *e,
                                          int guarded, int late) {
  struct mta_dictionaries *d = sp->d;
  pthread_mutex_lock(&d->cache_mu);
  if (late && sp->err) {
    free(e->memo.yes);
    memset(&e->memo, 0, sizeof e->memo);
    e->verdict = MTAI_SPELL_COMPOUND;
  } else if (guarded)
    e->guard = 0;
  e->state = sp->err && !late ? S_FAILED : S_DONE;
  pthread_cond_broadcast(&d->cache_cv);
  pthread_mutex_unlock(&d->cache_mu);
  return sp->err ? NULL : e;
}

/*
 * The shared cache entry of w[0..n), its verdict complete when 'full'
 * (else the near-miss guard may still be due: e->guard). A word not yet in the
 * cache is entered as S_BUSY and computed by this speller outside the lock;
 * another speller asking for it meanwhile waits (cache_cv) instead of
 * computing it again (workers that audit similar text at the same time
 * would otherwise do the costly first-seen work twice: measured 2x the
 * Hunspell calls at -j 2). Computing a verdict never asks for another
 * entry, so the wait cannot deadlock. A verdict reached while memory ran
 * out may be wrong: its entry is marked S_FAILED, never used, and
 * computed again by the next speller that asks.
 */
static struct mtai_spell_entry *S_entry(struct mtai_speller *sp, const char *w,
                                        size_t n, int full) {
  void *v;
  struct mta_dictionaries *d = sp->d;
  struct mtai_spell_gen *g = S_gen(sp);
  if (!g || sp->err) {
    mtai_spell_fail(sp, MTA_ERR_NOMEM);
    return NULL;
  }
  struct mtai_spell_entry *e = NULL;
  pthread_mutex_lock(&d->cache_mu);
  if (mtai_strset_get(&g->cache, w, n, &v)) {
    e = v;
    while (e->state == S_BUSY)
      pthread_cond_wait(&d->cache_cv, &d->cache_mu);
    if (e->state == S_DONE && (!full || !e->guard)) {
      pthread_mutex_unlock(&d->cache_mu);
      return e;
    }
    if (e->state == S_DONE) { /* the guard is due: run by this speller */
      e->state = S_BUSY;
      pthread_mutex_unlock(&d->cache_mu);
      S_guard(sp, e, w, n);
      return S_publish(sp, e, 1, 1);
    }
    if (!mtai_spell_alloc_ok(sp)) { /* as the calloc below */
      pthread_mutex_unlock(&d->cache_mu);
      mtai_spell_fail(sp, MTA_ERR_NOMEM);
      return NULL;
    }
    free(e->memo.yes); /* S_FAILED: taken over, computed again */
    memset(&e->memo, 0, sizeof e->memo);
  } else {
    e = mtai_spell_alloc_ok(sp) ? calloc(1, sizeof *e) : NULL;
    mta_status st = e ? mtai_strset_put(&g->cache, w, n, e) : MTA_ERR_NOMEM;
    if (st) {
      pthread_mutex_unlock(&d->cache_mu);
      free(e);
      mtai_spell_fail(sp, st);
      return NULL;
    }
  }
  e->state = S_BUSY;
  e->typo = -1;
  e->near = -1;
  pthread_mutex_unlock(&d->cache_mu);
  S_compute(sp, e, w, n);
  int guarded = full && e->guard && !sp->err;
  if (guarded)
    S_guard(sp, e, w, n);
  return S_publish(sp, e, guarded, 0);
}

struct mtai_spell_entry *mtai_spell_entry(struct mtai_speller *sp,
                                          const char *w, size_t n) {
  return S_entry(sp, w, n, 1);
}

void mtai_speller_trim(struct mtai_speller *sp) {
  /* Caches grow with the vocabulary of everything audited; a stream of
   * unlimited vocabulary must not grow the process. Emptied between
   * documents only: entries are borrowed while a document is audited. */
  if (!sp)
    return;
  /* The shared verdict cache: this speller lets go of the generation it
   * used for its last document; a full current one is retired (freed when
   * no speller uses it any more) and replaced by an empty one. */
  struct mta_dictionaries *d = sp->d;
  pthread_mutex_lock(&d->cache_mu);
  S_gen_release(sp);
  if (d->gen->cache.count > MTAI_SPELL_CACHE_MAX) {
    struct mtai_spell_gen *g = calloc(1, sizeof *g);
    if (g) {
      mtai_strset_init(&g->cache);
      g->next = d->gens;
      d->gens = g;
      d->gen->retired = 1;
      if (!d->gen->users) {
        sp->gen = d->gen;
        d->gen->users++;
        S_gen_release(sp);
      }
      d->gen = g;
    }
  }
  sp->gen = d->gen;
  sp->gen->users++;
  pthread_mutex_unlock(&d->cache_mu);
  if (sp->parts.count > MTAI_SPELL_CACHE_MAX) {
    mtai_strset_free(&sp->parts);
    mtai_strset_init(&sp->parts);
  }
  if (sp->english.count > MTAI_SPELL_CACHE_MAX) {
    mtai_strset_free(&sp->english);
    mtai_strset_init(&sp->english);
  }
  if (sp->mmemo.count) { /* the last document's speculative pass */
    mtai_strset_free(&sp->mmemo);
    mtai_strset_init(&sp->mmemo);
  }
}

/*
 * The speculative pass. The German dictionary takes ~90 ms to load, most
 * of a short article's run, while its model (spell_model.c) is ready after
 * ~1 ms and the English dictionary after ~25 ms. Meanwhile this computes
 * the verdict of every distinct word of 'd' that has none yet, near-miss
 * guard included, with every German Hunspell answer the model allows
 * guessed "known", except for the lexicon's forms, whose build-time
 * answers are exact (S_hun()). Nothing it concludes is kept; the questions
 * it puts to the model are, with their (exact) answers, in sp->mmemo; so
 * the real pass finds most of its model answers there instead of
 * computing them. A guess only decides which questions are asked: a word
 * guessed known but unknown to Hunspell gets its split and guard in the
 * real pass, with the model. Then the English answers of the checks
 * (mtai_tok_english(), _english_lc(); exact, kept as usual). Stops as
 * soon as the German dictionary is loaded. One speller of the
 * dictionaries at a time (spec_busy), after the English dictionary has
 * loaded: the German loader thread keeps a core of its own.
 *
 * Measured on samples/000 (a slow 2-core machine): the work after the
 * German dictionary is there fell from 53-70 to 21-31 ms (docs/
 * PERFORMANCE.md).
 */
void mtai_speller_speculate(struct mtai_speller *sp, const struct mtai_doc *d) {
  if (!sp) /* an auditor without the spelling check */
    return;
  struct mta_dictionaries *dd = sp->d;
  int idle = 0;
  if (!dd->de.present || sp->ready || atomic_load(&dd->de.loaded) || !d->tid ||
      !atomic_compare_exchange_strong(&dd->spec_busy, &idle, 1))
    return;
  S_model(sp);
  int english = mtai_spell_has_english(sp);
  unsigned char *seen = calloc((size_t)d->nid + 1, 1);
  unsigned long work = sp->work;
  /* The German verdicts, each word's own answer guessed by the model. */
  sp->spec = 1;
  for (size_t i = 0; sp->model && seen && i < d->ntok; i++) {
    uint32_t id = d->tid[i];
    if (!id || seen[id] || (d->facts[id].have & MTAI_TK_SPELL))
      continue;
    if (atomic_load(&dd->de.loaded))
      break;
    seen[id] = 1;
    const char *w = d->text + d->toks[i].start;
    size_t n = d->toks[i].end - d->toks[i].start;
    struct mtai_spell_entry e = {0};
    S_compute(sp, &e, w, n);
    if (e.guard && !mtai_spell_particle_verb(sp, w, n))
      S_near_miss(sp, w, n, NULL);
  }
  sp->spec = 0;
  sp->work = work;
  free(seen);
  /* The English answers the checks ask for. */
  for (size_t i = 0; english && i < d->ntok && !atomic_load(&dd->de.loaded);
       i++)
    if (d->tid[i]) {
      mtai_tok_english(sp, d, i);
      mtai_tok_english_lc(sp, d, i);
    }
  atomic_store(&dd->spec_busy, 0);
}

enum mtai_spell mtai_speller_check(struct mtai_speller *sp, const char *w,
                                   size_t n) {
  struct mtai_spell_entry *e = mtai_spell_entry(sp, w, n);
  return e ? e->verdict : MTAI_SPELL_UNKNOWN;
}

int mtai_speller_known(struct mtai_speller *sp, const char *w, size_t n) {
  /* e->known, not e->verdict: another speller may be running the guard
   * (which writes the verdict) meanwhile. */
  struct mtai_spell_entry *e = S_entry(sp, w, n, 0);
  return e && e->known;
}

mta_status mtai_speller_verdict(struct mtai_speller *sp, const char *w,
                                size_t n, enum mtai_spell *out) {
  struct mtai_spell_entry *e = mtai_spell_entry(sp, w, n);
  *out = e ? e->verdict : MTAI_SPELL_UNKNOWN;
  return e ? MTA_OK : MTA_ERR_NOMEM;
}

mta_status mtai_spell_fail(struct mtai_speller *sp, mta_status st) {
  if (st && !sp->err)
    sp->err = st;
  return st;
}

mta_status mtai_speller_take_error(struct mtai_speller *sp) {
  if (!sp)
    return MTA_OK;
  mta_status st = sp->err;
  sp->err = MTA_OK;
  return st;
}

int mtai_spell_alloc_ok(struct mtai_speller *sp) {
  if (sp->fail_after < 0)
    return 1;
  if (sp->fail_after == 0)
    return 0;
  sp->fail_after--;
  return 1;
}

void mtai_speller_fail_after(struct mtai_speller *sp, long n) {
  if (sp)
    sp->fail_after = n;
}

int mtai_spell_has_english(struct mtai_speller *sp) {
  struct mtai_hun *en = &sp->d->en;
  if (!en->present)
    return 0;
  mtai_hun_lock(sp->d, en);
  int ok = en->h != NULL;
  pthread_mutex_unlock(&en->mu);
  return ok;
}

/* English look-ups have a cache of their own: asking whether a word is
 * English must not compute its (costlier) German verdict. */
int mtai_speller_english(struct mtai_speller *sp, const char *w, size_t n) {
  if (!sp->d->en.present || n >= 200)
    return 0;
  void *v;
  if (mtai_strset_get(&sp->english, w, n, &v))
    return v == (void *)1;
  char u8[256];
  memcpy(u8, w, n);
  u8[n] = '\0';
  struct mtai_hun *en = &sp->d->en;
  mtai_hun_lock(sp->d, en);
  int r = en->h && Hunspell_spell(en->h, u8) != 0;
  pthread_mutex_unlock(&en->mu);
  mtai_strset_put(&sp->english, w, n, r ? (void *)1 : (void *)2);
  return r;
}

int mtai_speller_english_lc(struct mtai_speller *sp, const char *w, size_t n) {
  struct mta_buf low;
  mtai_buf_init(&low, 256);
  mta_status st = mtai_utf8_lower(w, n, &low);
  if (st == MTA_ERR_NOMEM)
    mtai_spell_fail(sp, st);
  int en =
      !st && mtai_speller_english(sp, mtai_buf_str(&low), mtai_buf_len(&low));
  mtai_buf_free(&low);
  return en;
}

int mtai_speller_is_name(const struct mtai_speller *sp, const char *w,
                         size_t n) {
  return mtai_strset_has(sp->names, w, n) || mtai_strset_has(sp->user, w, n);
}

static int S_any_found(struct mtai_speller *sp, const char *c, size_t n,
                       void *ctx) {
  (void)sp;
  (void)c;
  (void)n;
  (void)ctx;
  return 1;
}

int mtai_speller_german_typo(struct mtai_speller *sp, const char *w, size_t n) {
  struct mtai_spell_entry *e = mtai_spell_entry(sp, w, n);
  if (!e || e->verdict != MTAI_SPELL_UNKNOWN)
    return 0;
  pthread_mutex_lock(&sp->d->lazy_mu);
  if (e->typo < 0)
    e->typo = mtai_spell_edits(sp, w, n, S_any_found, NULL,
                               MTAI_SPELL_EDIT_LEXICON, &e->memo) != 0;
  int typo = e->typo;
  pthread_mutex_unlock(&sp->d->lazy_mu);
  return typo;
}
