/*
 * accuracy/name: a person, place or organisation the English source
 * names that the aligned German target does not ("Lloyd Austin said" ->
 * "sagte der Minister").
 *
 * Per paragraph bead (names move between sentences; beads with the
 * target left out of the alignment or with an empty side are omission's
 * business), the names of the source paragraphs are collected and each
 * is looked for in the target paragraphs.
 *
 * Names in English: runs of capitalized words ("Vladimir Putin", "New
 * York Times", with "of", "de", "van", ... and initials inside), and
 * acronyms (NATO, FBI). Left out: English function words, "I", months,
 * weekdays and holidays (a date is accuracy/number's), titles
 * (dict/english-titles.txt and dict/titles.txt: "President", "Mr.";
 * they make the next word a name), and the capitalized common words of
 * dict/english-non-names.txt (nationality adjectives, languages,
 * religions, "Internet"). A word of a run is a key of the name when
 * English does not know its lower-case form ("Biden", "Zelensky"; en_US
 * lists proper names capitalized, so that is the test for common words),
 * or when it is a known name (dict/names.txt: "Trump") or follows a
 * title ("President Bush") -- but not at the start of a sentence, where
 * every word is capitalized. A run without a key ("Big Bang", "White
 * House", "Supreme Court") is looked for only when
 * dict/name-equivalents.txt or dict/exonyms.txt lists it: its words are
 * common words that German translates.
 *
 * Found in German: any key of the name in a target word (the surname
 * alone will do: "President Joe Biden" -> "Biden"), compared after folding
 * case, diacritics and the differences of English and German
 * transliteration (the key folding of check_names.c, zh/sch, w/v, y/j/i,
 * plus c/k, z/s and doubled letters), with the German spelling of
 * dict/transliterations.txt, and allowing declension and compounds (a
 * target word that starts with the key: "Putins", "Biden-Regierung",
 * "Nato-Gipfel") and one edit in a long name (two in a very long one);
 * or any German form dict/exonyms.txt (Moscow -> Moskau) or
 * dict/name-equivalents.txt (UN -> UNO, Vereinte Nationen; Russia ->
 * russisch) gives for the name or a part of it, matched with its
 * inflections and the adjectives derived from it ("Russland" ->
 * "russische").
 *
 * Major; minor when unsure: a name whose only key is a common English
 * word made a name by dict/names.txt or a title, or an acronym no list
 * names (it may be a common abbreviation). The finding covers the target
 * sentence(s) aligned with the source sentence that holds the name (the
 * paragraph when that sentence has no counterpart) and carries the
 * name's source span. One finding per name and bead.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/name",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("a person, place or organisation of the source is missing "
                   "from the translation"),
     .explanation = N_(
         "A name the English source paragraph has (a person, place or "
         "organisation: a run of capitalized words or an acronym) appears "
         "nowhere in the aligned German paragraph. Machine translation drops "
         "names, replaces them with a pronoun or a wrong name, or garbles an "
         "unusual one. German exonyms and equivalents count (Moscow -> "
         "Moskau, UN -> UNO, Vereinte Nationen: dict/exonyms.txt, "
         "dict/name-equivalents.txt), as do the German transliteration "
         "(Zelensky -> Selenskyj), declension and compounds (Putins, "
         "Nato-Gipfel) and the surname alone for a full name. Not looked "
         "for: titles, months and weekdays, nationality adjectives, "
         "capitalized common words (dict/english-non-names.txt) and "
         "capitalized words at the start of a sentence that are English "
         "words. Major; minor when the word may be a common noun or an "
         "abbreviation. Check the translation and put the name back."),
     .wrong = "Defense Secretary Lloyd Austin met his counterpart in Kyiv. "
              "||| Der Verteidigungsminister traf seinen Amtskollegen in Kiew.",
     .right = "Defense Secretary Lloyd Austin met his counterpart in Kyiv. "
              "||| Verteidigungsminister Lloyd Austin traf seinen Amtskollegen "
              "in Kiew."},
};

/* The largest paragraph bead searched, in tokens of either side. */
#define S_MAX_BEAD_TOKENS 20000

struct S_state {
  struct mtai_strset exo;    /* dict/exonyms.txt: English -> German[\tFLAG] */
  size_t exo_max;            /* its longest key in tokens */
  struct mtai_strset equiv;  /* dict/name-equivalents.txt: -> "A|B|C" */
  size_t equiv_max;          /* its longest key in tokens */
  struct mtai_strset titles; /* dict/english-titles.txt */
  size_t titles_max;
  struct mtai_strset non; /* dict/english-non-names.txt */
};

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free_with(&s->exo, free);
  mtai_strset_free_with(&s->equiv, free);
  mtai_strset_free_with(&s->titles, free);
  mtai_strset_free(&s->non);
  free(s);
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  mtai_strset_init(&s->exo);
  mtai_strset_init(&s->equiv);
  mtai_strset_init(&s->titles);
  mtai_strset_init(&s->non);
  const char *list = "exonyms.txt";
  mta_status st = mtai_pairs_load(&s->exo, list, &s->exo_max);
  if (!st)
    st = mtai_pairs_load(&s->equiv, list = "name-equivalents.txt",
                         &s->equiv_max);
  if (!st)
    st = mtai_pairs_load(&s->titles, list = "english-titles.txt",
                         &s->titles_max);
  if (!st)
    st = mtai_strset_load(&s->non, list = "english-non-names.txt");
  if (st)
    return mtai_check_error(cx, st, "accname: dict/%s: %s", list,
                            mta_strerror(st));
  return MTA_OK;
}

/* ---- folding ------------------------------------------------------------ */

/* The base letters of U+00E0..U+00FF (after lower-casing). */
static const char *const S_latin1[32] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e",
    "e", "i", "i", "i", "i", "d", "n",  "o", "o",  "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y"};
/* The base letters of U+0100..U+017F. */
static const char S_latin_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiii"
    "iiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssss"
    "ssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof S_latin_a == 129, "one letter per code point");

/* Spelling differences of English and German transliteration, applied
 * in this order at every position (the key folding of check_names.c and
 * a few more). */
static const struct {
  const char *from, *to;
} S_folds[] = {{"tsch", "ch"}, {"tch", "ch"}, {"sch", "sh"}, {"zh", "sh"},
               {"kh", "ch"},   {"ch", "ch"},  {"ck", "k"},   {"ce", "se"},
               {"ci", "si"},   {"cy", "si"},  {"c", "k"},    {"ph", "f"},
               {"th", "t"},    {"q", "k"},    {"w", "v"},    {"z", "s"},
               {"ij", "i"},    {"yj", "i"},   {"j", "i"},    {"y", "i"}};

/* Folds the word w[0..n) into 'out' (reset first): lower case, base
 * letters, no apostrophes or hyphens, the transliteration folds, and
 * doubled letters single ("Selenskyj" and "Zelensky" both "selenski"). */
static mta_status S_fold(const char *w, size_t n, struct mta_buf *out) {
  struct mta_buf low, base;
  mtai_buf_init(&low, 0);
  mtai_buf_init(&base, 0);
  mta_status st = mtai_utf8_lower(w, n, &low);
  const char *l = mtai_buf_str(&low);
  size_t ln = mtai_buf_len(&low);
  for (size_t i = 0; !st && i < ln;) {
    size_t at = i;
    int32_t c = mtai_utf8_next(l, ln, &i);
    if (c == '\'' || c == '-' || c == 0x2019 || c == 0x2010 || c == '.')
      continue;
    if (c >= 0xE0 && c <= 0xFF)
      st = mtai_buf_puts(&base, S_latin1[c - 0xE0]);
    else if (c >= 0x100 && c <= 0x17F)
      st = mtai_buf_putc(&base, S_latin_a[c - 0x100]);
    else if (c == 0xDF)
      st = mtai_buf_puts(&base, "ss");
    else
      st = mtai_buf_add(&base, l + at, i - at);
  }
  mtai_buf_reset(out);
  const char *b = mtai_buf_str(&base);
  size_t bn = mtai_buf_len(&base);
  for (size_t i = 0; !st && i < bn;) {
    size_t k = 0;
    const char *to = NULL;
    for (; k < sizeof S_folds / sizeof S_folds[0]; k++) {
      size_t fl = strlen(S_folds[k].from);
      if (i + fl <= bn && !memcmp(b + i, S_folds[k].from, fl)) {
        to = S_folds[k].to;
        i += fl;
        break;
      }
    }
    char one[2] = {b[i], '\0'};
    if (!to) {
      to = one;
      i++;
    }
    for (; !st && *to; to++) {
      size_t on = mtai_buf_len(out);
      if (on && mtai_buf_str(out)[on - 1] == *to)
        continue; /* doubled letters count once */
      st = mtai_buf_putc(out, *to);
    }
  }
  mtai_buf_free(&low);
  mtai_buf_free(&base);
  return st;
}

/* ---- the target side ---------------------------------------------------- */

/* The folded words of a bead's target paragraphs: every word token whole
 * (in text order, for names of several words) and, after them, the parts
 * of hyphenated ones ("Russland-Besuch": "rusland", "besuk"). */
struct S_target {
  struct mta_buf text; /* the folded words, each NUL-terminated */
  size_t *off;         /* offset of each word in 'text' */
  size_t n, cap;
  size_t nwhole; /* words [0, nwhole) are whole tokens in order */
};

static mta_status S_target_add(struct S_target *t, const char *w, size_t n,
                               struct mta_buf *tmp) {
  mta_status st = S_fold(w, n, tmp);
  if (st || !mtai_buf_len(tmp))
    return st;
  if (t->n == t->cap) {
    size_t c = t->cap ? 2 * t->cap : 64;
    size_t *o = realloc(t->off, c * sizeof *o);
    if (!o)
      return MTA_ERR_NOMEM;
    t->off = o;
    t->cap = c;
  }
  t->off[t->n++] = mtai_buf_len(&t->text);
  st = mtai_buf_add(&t->text, mtai_buf_str(tmp), mtai_buf_len(tmp));
  return st ? st : mtai_buf_putc(&t->text, '\0');
}

static mta_status S_target_build(const struct mtai_doc *d,
                                 const struct mtai_bead *b, struct S_target *t,
                                 struct mta_buf *tmp) {
  mtai_buf_reset(&t->text);
  t->n = t->nwhole = 0;
  mta_status st = MTA_OK;
  for (int pass = 0; pass < 2 && !st; pass++) {
    for (uint32_t pi = b->t_first; !st && pi < b->t_end; pi++) {
      const struct mtai_paragraph *p = &d->paras[pi];
      for (size_t i = p->tok_first; !st && i < p->tok_end; i++) {
        const struct mtai_token *k = &d->toks[i];
        if (k->kind != MTAI_TOK_WORD)
          continue;
        const char *w = d->text + k->start;
        size_t n = k->end - k->start;
        if (!pass) {
          st = S_target_add(t, w, n, tmp);
          continue;
        }
        if (!(k->flags & MTAI_TF_HYPHEN))
          continue;
        for (size_t a = 0; !st && a < n;) {
          const char *h = memchr(w + a, '-', n - a);
          size_t e = h ? (size_t)(h - w) : n;
          if (e > a)
            st = S_target_add(t, w + a, e - a, tmp);
          a = e + 1;
        }
      }
    }
    if (!pass)
      t->nwhole = t->n;
  }
  return st;
}

static const char *S_target_word(const struct S_target *t, size_t i) {
  return mtai_buf_str(&t->text) + t->off[i];
}

/* Levenshtein distance of a[0..an) and b[0..bn), at most 'cap' + 1. */
static size_t S_edits(const char *a, size_t an, const char *b, size_t bn,
                      size_t cap) {
  size_t row[64];
  if (an >= 63 || bn >= 63)
    return cap + 1;
  for (size_t j = 0; j <= bn; j++)
    row[j] = j;
  for (size_t i = 1; i <= an; i++) {
    size_t diag = row[0], best = row[0] = i;
    for (size_t j = 1; j <= bn; j++) {
      size_t up = row[j];
      size_t v = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < v)
        v = up + 1;
      if (row[j - 1] + 1 < v)
        v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
      if (v < best)
        best = v;
    }
    if (best > cap)
      return cap + 1;
  }
  return row[bn];
}

/* 1 when folded target word 'w' is the folded name word k[0..kn): the
 * same, the same with an ending ("putins", "bidenregierung" of a part),
 * or within one edit of it or of its start when the name is long (two
 * when very long); a word of two letters must be the same. */
static int S_word_match(const char *k, size_t kn, const char *w) {
  size_t wn = strlen(w);
  if (kn == wn && !memcmp(k, w, kn))
    return 1;
  if (kn <= 2)
    return 0;
  if (wn > kn && !memcmp(k, w, kn))
    return 1;
  if (kn < 5)
    return 0;
  size_t cap = kn >= 9 ? 2 : 1;
  for (size_t l = kn > cap ? kn - cap : 1; l <= kn + cap && l <= wn; l++)
    if (S_edits(k, kn, w, l, cap) <= cap)
      return 1;
  return 0;
}

/* 1 when a target word matches k[0..kn) (folded). */
static int S_target_has(const struct S_target *t, const char *k, size_t kn) {
  for (size_t i = 0; i < t->n; i++)
    if (S_word_match(k, kn, S_target_word(t, i)))
      return 1;
  return 0;
}

/* 1 when a target word has k[0..kn) (folded, four letters or more)
 * inside it, after its start: the head or middle of a German compound
 * ("Firmenchefin" of "Chef", "Ex-Kremlchef"). */
static int S_target_inside(const struct S_target *t, const char *k, size_t kn) {
  if (kn < 4)
    return 0;
  for (size_t i = 0; i < t->n; i++) {
    const char *w = S_target_word(t, i);
    size_t wn = strlen(w);
    for (size_t a = 1; a + kn <= wn; a++)
      if (!memcmp(w + a, k, kn))
        return 1;
  }
  return 0;
}

/* The stem of folded German name g[0..gn) that its inflections and
 * derived adjectives share: "rusland" -> "rus" ("russische"), "sirien"
 * -> "sir", "ukraine" -> "ukrain"; its length (0 when too short). */
static size_t S_stem(const char *g, size_t gn) {
  static const char *const ends[] = {"land", "ien", "en", "e", "a", "i"};
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t en = strlen(ends[k]);
    if (gn >= en + 3 && !memcmp(g + gn - en, ends[k], en))
      return gn - en;
  }
  return gn >= 3 ? gn : 0;
}

/* 1 when the German form g[0..gn) (several words possible: "Vereinte
 * Nationen") is in the target: each of its words matches a whole target
 * word in a row, or the start of one ("Weißen" of "Weiße"); a form of
 * one word also a part of a compound, or a word starting with its stem
 * (the adjective "russische" of "Russland"). */
static mta_status S_form_found(const struct S_target *t, const char *g,
                               size_t gn, struct mta_buf *tmp, int *found) {
  *found = 0;
  /* Its words, folded, one after the other in 'words'. */
  char words[256];
  size_t wstart[8], wlen[8], nw = 0, used = 0;
  for (size_t a = 0; a < gn && nw < 8;) {
    while (a < gn && g[a] == ' ')
      a++;
    size_t e = a;
    while (e < gn && g[e] != ' ')
      e++;
    if (e > a) {
      mta_status st = S_fold(g + a, e - a, tmp);
      if (st)
        return st;
      size_t fl = mtai_buf_len(tmp);
      if (!fl || used + fl >= sizeof words)
        return MTA_OK;
      memcpy(words + used, mtai_buf_str(tmp), fl);
      wstart[nw] = used;
      wlen[nw++] = fl;
      used += fl;
    }
    a = e;
  }
  if (!nw)
    return MTA_OK;
  if (nw == 1) {
    size_t sn = S_stem(words, wlen[0]);
    *found = S_target_has(t, words, wlen[0]) ||
             (sn && S_target_has(t, words, sn)) ||
             S_target_inside(t, words, wlen[0]);
    /* "Saudi-Arabien": a part will do ("saudische"). */
    const char *h = memchr(g, '-', gn);
    for (size_t a = 0; !*found && h && a < gn;) {
      const char *e = memchr(g + a, '-', gn - a);
      size_t pe = e ? (size_t)(e - g) : gn;
      if (pe - a >= 4) {
        mta_status st = S_fold(g + a, pe - a, tmp);
        if (st)
          return st;
        size_t fl = mtai_buf_len(tmp);
        if (fl < sizeof words) {
          memcpy(words, mtai_buf_str(tmp), fl);
          sn = S_stem(words, fl);
          *found =
              S_target_has(t, words, fl) || (sn && S_target_has(t, words, sn));
        }
      }
      a = pe + 1;
    }
    return MTA_OK;
  }
  for (size_t i = 0; i + nw <= t->nwhole; i++) {
    size_t j = 0;
    for (; j < nw; j++) {
      const char *w = S_target_word(t, i + j);
      size_t n = wlen[j];
      /* "weiße" also as "weißen", "weißes": the word without its last
       * letter starts the target word. */
      if (n >= 4)
        n--;
      if (strlen(w) < n || memcmp(w, words + wstart[j], n))
        break;
    }
    if (j == nw) {
      *found = 1;
      return MTA_OK;
    }
  }
  return MTA_OK;
}

/* 1 when one of the German forms "A|B|C" (a list value; an exonym's
 * "German<TAB>FLAG") is in the target. */
static mta_status S_forms_found(const struct S_target *t, const char *val,
                                struct mta_buf *tmp, int *found) {
  *found = 0;
  size_t vn = strcspn(val, "\t");
  for (size_t a = 0; a < vn && !*found;) {
    size_t e = a;
    while (e < vn && val[e] != '|')
      e++;
    if (e > a && !(e - a == 1 && val[a] == '=')) {
      mta_status st = S_form_found(t, val + a, e - a, tmp, found);
      if (st)
        return st;
    }
    a = e + 1;
  }
  return MTA_OK;
}

/* ---- the source side ---------------------------------------------------- */

enum S_class {
  S_NONE,  /* not part of a name */
  S_KEY,   /* a name word English does not know in lower case */
  S_PROMO, /* a common English word made a name: names.txt, a title */
  S_WEAK,  /* a capitalized common word: part of a name, not its key */
  S_ACRO,  /* an acronym */
  S_TITLE, /* a title: the next word is a name */
  S_LINK   /* "of", "de", "van" ...: inside a name before a capital */
};

/* The length of word w[0..n) without an English possessive ("Putin's",
 * "Putin’s", "Jesus'"). */
static size_t S_unpossess(const char *w, size_t n) {
  if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
    return n - 2;
  if (n > 4 && !memcmp(w + n - 4, "\xE2\x80\x99s", 4))
    return n - 4;
  if (n > 1 && w[n - 1] == '\'')
    return n - 1;
  return n;
}

static int S_link_word(const struct mtai_doc *d, size_t i) {
  static const char *const links[] = {"of", "de", "van", "von", "der", "den",
                                      "al", "el", "bin", "ibn", "la",  "le",
                                      "du", "da", "dos", "del", "di",  "y"};
  for (size_t k = 0; k < sizeof links / sizeof links[0]; k++)
    if (mtai_tok_eq(d, i, links[k]))
      return 1;
  return 0;
}

/* 1 when w[0..n) is listed in dict/english-non-names.txt, as written or
 * with a plural "s" removed ("Russians"). */
static int S_non_name(const struct S_state *s, const char *w, size_t n) {
  return mtai_strset_has(&s->non, w, n) ||
         (n > 3 && w[n - 1] == 's' && mtai_strset_has(&s->non, w, n - 1));
}

/* 1 when all-caps w[0..n) is no acronym of a name: a Roman numeral, a
 * word shouted ("NOT") or a common one ("OK", "AM"). */
static int S_not_acronym(const struct mtai_check_ctx *cx, const char *w,
                         size_t n) {
  size_t roman = 0;
  while (roman < n && strchr("IVXLC", w[roman]))
    roman++;
  if (roman == n)
    return 1;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)w[i] >= 0x80)
      return 1;
  return n >= 3 && mtai_english_known(cx, w, n) && cx->speller &&
         mtai_speller_english_lc(cx->speller, w, n);
}

/* 1 when w[0..n) has two or more letters, all capitals ("TED" of
 * "TED's"); digits may stand inside ("G20"). */
static int S_allcaps(const char *w, size_t n) {
  size_t letters = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i] >= 'A' && w[i] <= 'Z')
      letters++;
    else if (w[i] < '0' || w[i] > '9')
      return 0;
  }
  return letters >= 2;
}

/* The words the source writes capitalized inside a sentence (not first,
 * not after a quotation mark or a colon), possessive dropped: built once
 * per document, when a sentence-initial word first asks. */
struct S_inside {
  struct mtai_strset set;
  int built;
  mta_status st; /* MTA_ERR_NOMEM when it could not be built */
};

static void S_inside_build(const struct mtai_doc *d, struct S_inside *in) {
  in->built = 1;
  for (size_t s = 0; !in->st && s < d->nsent; s++) {
    const struct mtai_sentence *se = &d->sents[s];
    size_t k = se->tok_first;
    while (k < se->tok_end && d->toks[k].kind != MTAI_TOK_WORD)
      k++;
    for (k++; !in->st && k < se->tok_end; k++) {
      const struct mtai_token *t = &d->toks[k];
      if (t->kind == MTAI_TOK_WORD && (t->flags & MTAI_TF_UPPER) &&
          mtai_tok_quote(d, k - 1) == MTAI_Q_NONE &&
          !mtai_tok_eq(d, k - 1, ":"))
        in->st = mtai_strset_add(
            &in->set, d->text + t->start,
            S_unpossess(d->text + t->start, mtai_tok_len(d, k)));
    }
  }
}

/* 1 when word w[0..n) stands in the source capitalized inside a
 * sentence. */
static int S_capitalized_inside(const struct mtai_doc *d, struct S_inside *in,
                                const char *w, size_t n) {
  if (!in->built)
    S_inside_build(d, in);
  return mtai_strset_has(&in->set, w, n);
}

/* The class of word token 'i' of the source: 'initial' when it starts a
 * sentence (or a quotation, or follows a colon), 'titled' when a title
 * stands right before it. */
static enum S_class S_classify(const struct S_state *s,
                               const struct mtai_check_ctx *cx,
                               const struct mtai_doc *d, struct S_inside *in,
                               size_t i, int initial, int titled) {
  const struct mtai_token *t = &d->toks[i];
  const char *w = d->text + t->start;
  size_t n = S_unpossess(w, t->end - t->start);
  if (!(t->flags & MTAI_TF_UPPER))
    return S_link_word(d, i) ? S_LINK : S_NONE;
  if (n < 2)
    return S_NONE;
  if (S_allcaps(w, n))
    return S_not_acronym(cx, w, n) ? S_NONE : S_ACRO;
  if (mtai_strset_has(&s->titles, w, n) ||
      mtai_strset_has(&cx->lists->titles, w, n))
    return S_TITLE;
  /* Part of a name ("Saudi Arabia", "South Africa"), never its key. */
  if (S_non_name(s, w, n))
    return S_WEAK;
  /* A contraction ("I'm", "Don't") or a function word ("The", "And"). */
  for (size_t k = 0; k < n; k++)
    if (w[k] == '\'' || (k + 3 <= n && !memcmp(w + k, "\xE2\x80\x99", 3)))
      return S_NONE;
  if (!cx->speller)
    return initial ? S_NONE : S_KEY;
  if (!mtai_speller_english_lc(cx->speller, w, n)) {
    /* At the start of a sentence, a word English does not know at all
     * ("Whistleblowers") may be a common word en_US lacks: a name only
     * when en_US lists it capitalized ("Geneva"), a list knows it, or the
     * source writes it capitalized inside a sentence too. */
    char g[128];
    if (!initial || mtai_speller_english(cx->speller, w, n) ||
        mtai_speller_is_name(cx->speller, w, n) ||
        mtai_speller_translit(cx->speller, w, n, g, sizeof g) ||
        S_capitalized_inside(d, in, w, n))
      return S_KEY;
    return S_NONE;
  }
  if (initial)
    return S_NONE;
  if (titled || mtai_speller_is_name(cx->speller, w, n))
    return S_PROMO;
  return S_WEAK;
}

/* 1 when token 'i' is part of an address or handle (accuracy/url's):
 * "@" or "#" right before it, or a period and a word right after it
 * ("washingtonpost.com"). */
static int S_address(const struct mtai_doc *d, size_t i, size_t end) {
  const char *w = d->text + d->toks[i].start;
  size_t n = mtai_tok_len(d, i);
  if (memchr(w, '@', n) || memchr(w, '#', n) ||
      (d->toks[i].start > 0 && (w[-1] == '@' || w[-1] == '#')))
    return 1;
  if (i > 0 && !(d->toks[i].flags & MTAI_TF_SPACE_BEFORE) &&
      (mtai_tok_eq(d, i - 1, "@") || mtai_tok_eq(d, i - 1, "#") ||
       mtai_tok_eq(d, i - 1, "/") || mtai_tok_eq(d, i - 1, ".")))
    return 1;
  return i + 2 < end && mtai_tok_eq(d, i + 1, ".") &&
         !(d->toks[i + 1].flags & MTAI_TF_SPACE_BEFORE) &&
         d->toks[i + 2].kind == MTAI_TOK_WORD &&
         !(d->toks[i + 2].flags & MTAI_TF_SPACE_BEFORE);
}

/* 1 when punctuation token 'i' starts something whose first word is
 * capitalized anyway: a quotation, a colon, a bracket, a dash. */
static int S_restart(const struct mtai_doc *d, size_t i) {
  if (mtai_tok_quote(d, i) != MTAI_Q_NONE)
    return 1;
  const char *p = d->text + d->toks[i].start;
  return *p == ':' || *p == '(' || *p == '"' || *p == '-' ||
         !strncmp(p, "\xE2\x80\x94", 3) || !strncmp(p, "\xE2\x80\x93", 3);
}

/* ---- the check ---------------------------------------------------------- */

/* A name of the source: tokens [a, b] of source sentence 'sent'. */
struct S_name {
  size_t a, b, sent;
  int keys;         /* words of class S_KEY */
  int promos;       /* words of class S_PROMO */
  int acro;         /* an acronym */
  uint64_t keymask; /* bit k: token a + k is a key (KEY, PROMO, acronym) */
};

struct S_run_ctx {
  struct S_state *s;
  const struct mtai_check_ctx *cx;
  struct mtai_findings *out;
  const struct mtai_bitext *bi;
  const struct mtai_bead *pb;
  struct S_target tgt;
  struct mta_buf tmp, key;
  struct mta_buf seen; /* folded names reported in this bead, NUL-ended */
  struct S_inside inside;
};

/* mtai_pairs_match() over tokens [i, end) of the source with the
 * possessive of a token dropped ("Britain's" is "Britain"); the number of
 * tokens matched, 0 when none. */
static size_t S_pairs_match(const struct mtai_strset *map, size_t maxtok,
                            const struct mtai_doc *d, size_t i, size_t end,
                            const char **val) {
  char key[160];
  size_t kn = 0, best = 0;
  for (size_t j = i; j < end && j < i + maxtok; j++) {
    const struct mtai_token *t = &d->toks[j];
    size_t tl = t->end - t->start;
    int sp = j > i && (t->flags & MTAI_TF_SPACE_BEFORE);
    if (j > i && sp && t->start - d->toks[j - 1].end != 1)
      break;
    if (t->kind == MTAI_TOK_WORD)
      tl = S_unpossess(d->text + t->start, tl);
    else if (!mtai_tok_eq(d, j, "."))
      break;
    if (kn + sp + tl >= sizeof key)
      break;
    if (sp)
      key[kn++] = ' ';
    memcpy(key + kn, d->text + t->start, tl);
    kn += tl;
    void *v = NULL;
    if (mtai_strset_get(map, key, kn, &v)) {
      best = j - i + 1;
      *val = v;
    }
    if (tl != (size_t)(t->end - t->start))
      break; /* a possessive ends the name */
  }
  return best;
}

/* '*listed' is 1 when the name's text, or a part of it, has German forms
 * in a list (dict/name-equivalents.txt, dict/exonyms.txt), 2 when all
 * such entries are flagged "common" (a common noun: "CEO", "AI"), else
 * 0; '*found' says whether one of the forms is in the target. */
static mta_status S_listed(struct S_run_ctx *r, const struct S_name *nm,
                           int *listed, int *found) {
  const struct mtai_doc *sd = &r->bi->src;
  *listed = *found = 0;
  for (size_t i = nm->a; i <= nm->b && !*found; i++) {
    const struct mtai_strset *maps[2] = {&r->s->equiv, &r->s->exo};
    size_t maxs[2] = {r->s->equiv_max, r->s->exo_max};
    for (int m = 0; m < 2 && !*found; m++) {
      const char *val = NULL;
      size_t k = S_pairs_match(maps[m], maxs[m], sd, i, nm->b + 1, &val);
      if (!k || !val)
        continue;
      const char *flag = strchr(val, '\t');
      *listed = flag && !strcmp(flag + 1, "common") && *listed != 1 ? 2 : 1;
      mta_status st = S_forms_found(&r->tgt, val, &r->tmp, found);
      if (st)
        return st;
      /* The English form as written ("Geneva", also an English word). */
      size_t ea = sd->toks[i].start, eb = sd->toks[i + k - 1].end;
      eb = ea + S_unpossess(sd->text + ea, eb - ea);
      if (!*found &&
          (st = S_form_found(&r->tgt, sd->text + ea, eb - ea, &r->tmp, found)))
        return st;
    }
  }
  return MTA_OK;
}

/* 1 when w[0..n) ends like a word derived from a name ("Gazans",
 * "Keynesian", "Yemenis"): German derives its own ("Bewohner des
 * Gazastreifens", "keynesianisch"), so the start of the word will do. */
static int S_derived(const char *w, size_t n) {
  static const char *const ends[] = {"ian", "ians", "an",  "ans", "ese",
                                     "ish", "is",   "ite", "ites"};
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t en = strlen(ends[k]);
    if (n > en + 2 && !memcmp(w + n - en, ends[k], en))
      return 1;
  }
  return 0;
}

/* 1 when a key word of the name (as written, folded, and in the German
 * transliteration of dict/transliterations.txt) is in the target. */
static mta_status S_key_found(struct S_run_ctx *r, const struct S_name *nm,
                              int *found) {
  const struct mtai_doc *sd = &r->bi->src;
  *found = 0;
  for (size_t i = nm->a; i <= nm->b && !*found; i++) {
    const struct mtai_token *t = &sd->toks[i];
    if (i - nm->a >= 64 || !((nm->keymask >> (i - nm->a)) & 1))
      continue;
    const char *w = sd->text + t->start;
    size_t n = S_unpossess(w, t->end - t->start);
    mta_status st = S_fold(w, n, &r->key);
    if (st)
      return st;
    size_t kn = mtai_buf_len(&r->key);
    if (S_target_has(&r->tgt, mtai_buf_str(&r->key), kn) ||
        (S_derived(w, n) && kn >= 6 &&
         S_target_has(&r->tgt, mtai_buf_str(&r->key),
                      kn - 4 > 4 ? kn - 4 : 4))) {
      *found = 1;
      return MTA_OK;
    }
    /* "Jong-un": each part of a hyphenated name on its own. */
    if (t->flags & MTAI_TF_HYPHEN) {
      for (size_t a = 0; a < n && !*found;) {
        const char *h = memchr(w + a, '-', n - a);
        size_t e = h ? (size_t)(h - w) : n;
        if (e - a >= 3) {
          st = S_fold(w + a, e - a, &r->key);
          if (st)
            return st;
          *found = S_target_has(&r->tgt, mtai_buf_str(&r->key),
                                mtai_buf_len(&r->key));
        }
        a = e + 1;
      }
    }
    char german[128];
    if (!*found && r->cx->speller &&
        mtai_speller_translit(r->cx->speller, w, n, german, sizeof german)) {
      st = S_fold(german, strlen(german), &r->key);
      if (st)
        return st;
      *found =
          S_target_has(&r->tgt, mtai_buf_str(&r->key), mtai_buf_len(&r->key));
    }
  }
  return MTA_OK;
}

/* Reports name 'nm' when the target has neither a key word of it nor a
 * German form of it, once per bead. */
static mta_status S_check_name(struct S_run_ctx *r, const struct S_name *nm) {
  const struct mtai_doc *sd = &r->bi->src;
  int listed, found;
  mta_status st = S_listed(r, nm, &listed, &found);
  if (st || found)
    return st;
  if (!nm->keys && !nm->promos && !nm->acro && !listed)
    return MTA_OK; /* common words German translates */
  if (nm->keys || nm->promos || nm->acro) {
    st = S_key_found(r, nm, &found);
    if (st || found)
      return st;
  }
  size_t sa = sd->toks[nm->a].start, sb = sd->toks[nm->b].end;
  sb = sa + S_unpossess(sd->text + sa, sb - sa);
  /* Once per bead. */
  st = S_fold(sd->text + sa, sb - sa, &r->key);
  if (st)
    return st;
  const char *k = mtai_buf_str(&r->key);
  size_t kn = mtai_buf_len(&r->key);
  for (size_t o = 0; o < mtai_buf_len(&r->seen);) {
    const char *e = mtai_buf_str(&r->seen) + o;
    size_t en = strlen(e);
    if (en == kn && !memcmp(e, k, kn))
      return MTA_OK;
    o += en + 1;
  }
  if ((st = mtai_buf_add(&r->seen, k, kn)) ||
      (st = mtai_buf_putc(&r->seen, '\0')))
    return st;
  /* Unsure: only a common word made a name, an unlisted acronym, or a
   * common noun of the list ("CEO"). */
  mta_severity sev =
      nm->keys || listed == 1 ? S_rules[0].severity : MTA_SEV_MINOR;
  /* The target sentences aligned with the name's sentence, else the
   * bead's paragraphs. */
  const struct mtai_doc *d = r->out->doc;
  size_t ta = 0, tb = 0;
  const struct mtai_bead *sbd = NULL;
  if (r->bi->s_sbead && r->bi->sb && nm->sent < sd->nsent &&
      r->bi->s_sbead[nm->sent] < r->bi->nsb)
    sbd = &r->bi->sb[r->bi->s_sbead[nm->sent]];
  if (!sbd || sbd->t_first >= sbd->t_end || sbd->t_end > d->nsent ||
      d->sents[sbd->t_first].para < r->pb->t_first ||
      d->sents[sbd->t_end - 1].para >= r->pb->t_end ||
      !mtai_bead_tgt_span(d, sbd, 0, &ta, &tb))
    if (!mtai_bead_tgt_span(d, r->pb, 1, &ta, &tb))
      return MTA_OK;
  return mtai_finding_add_src(r->out, &S_rules[0], sev, ta, tb, sa, sb, NULL,
                              "Source names \"%.*s\"; the target does not",
                              (int)(sb - sa), sd->text + sa);
}

/* The names of source sentence 'si', each checked. */
static mta_status S_sentence(struct S_run_ctx *r, size_t si) {
  const struct mtai_doc *sd = &r->bi->src;
  const struct mtai_sentence *se = &sd->sents[si];
  size_t a = se->tok_first, e = se->tok_end;
  /* A sentence in capitals (a headline) has no acronyms to tell. */
  size_t words = 0, caps = 0;
  for (size_t i = a; i < e; i++)
    if (sd->toks[i].kind == MTAI_TOK_WORD) {
      words++;
      caps += (sd->toks[i].flags & MTAI_TF_ALLCAPS) != 0;
    }
  int shouting = words >= 3 && 2 * caps > words;
  int initial = 1, titled = 0;
  struct S_name nm = {0, 0, si, 0, 0, 0, 0};
  int open = 0;
  mta_status st = MTA_OK;
  for (size_t i = a; !st && i <= e; i++) {
    enum S_class c = S_NONE;
    const struct mtai_token *t = i < e ? &sd->toks[i] : NULL;
    if (t && t->kind == MTAI_TOK_WORD) {
      /* A multi-word title ("Secretary of State") as one. */
      const char *val;
      size_t tn = (t->flags & MTAI_TF_UPPER)
                      ? mtai_pairs_match(&r->s->titles, r->s->titles_max, sd, i,
                                         e, &val)
                      : 0;
      if (tn > 1) {
        if (open)
          st = S_check_name(r, &nm);
        open = 0;
        i += tn - 1;
        initial = 0;
        titled = 1;
        continue;
      }
      c = S_address(sd, i, e)
              ? S_NONE
              : S_classify(r->s, r->cx, sd, &r->inside, i, initial, titled);
      initial = 0;
      titled = c == S_TITLE;
      if (c == S_ACRO && shouting)
        c = S_NONE;
    } else if (t) {
      initial = initial || S_restart(sd, i);
      titled = titled && mtai_tok_eq(sd, i, ".");
      /* An initial inside a name: "John F. Kennedy". */
      if (open && mtai_tok_eq(sd, i, ".") && nm.b + 1 == i &&
          mtai_tok_len(sd, nm.b) == 1 && i + 1 < e &&
          sd->toks[i + 1].kind == MTAI_TOK_WORD &&
          (sd->toks[i + 1].flags & MTAI_TF_UPPER)) {
        nm.b = i;
        continue;
      }
    }
    int joins = open && t && (t->flags & MTAI_TF_SPACE_BEFORE) &&
                t->start == sd->toks[i - 1].end + 1;
    if (open && joins &&
        (c == S_KEY || c == S_PROMO || c == S_WEAK ||
         (c == S_NONE && t->kind == MTAI_TOK_WORD &&
          (t->flags & MTAI_TF_UPPER) && mtai_tok_len(sd, i) == 1))) {
      nm.b = i;
      nm.keys += c == S_KEY;
      nm.promos += c == S_PROMO;
      if ((c == S_KEY || c == S_PROMO) && i - nm.a < 64)
        nm.keymask |= (uint64_t)1 << (i - nm.a);
      continue;
    }
    /* "of" and its kin inside a name, before a capitalized word. */
    if (open && joins && c == S_LINK && i + 1 < e &&
        sd->toks[i + 1].kind == MTAI_TOK_WORD &&
        (sd->toks[i + 1].flags & MTAI_TF_UPPER) &&
        !(sd->toks[i + 1].flags & MTAI_TF_ALLCAPS))
      continue;
    if (open) {
      /* A link word left at the end is not part of the name. */
      st = S_check_name(r, &nm);
      open = 0;
      if (st)
        break;
    }
    if (c == S_KEY || c == S_PROMO || c == S_WEAK) {
      nm = (struct S_name){i, i, si, c == S_KEY, c == S_PROMO, 0, c != S_WEAK};
      open = 1;
    } else if (c == S_ACRO) {
      nm = (struct S_name){i, i, si, 0, 0, 1, 1};
      st = S_check_name(r, &nm);
    }
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  const struct mtai_bitext *bi = out->bi;
  if (!bi)
    return MTA_OK;
  struct S_run_ctx r = {.s = state, .cx = cx, .out = out, .bi = bi};
  mtai_buf_init(&r.tgt.text, 0);
  mtai_buf_init(&r.tmp, 0);
  mtai_buf_init(&r.key, 0);
  mtai_buf_init(&r.seen, 0);
  mtai_strset_init(&r.inside.set);
  mta_status st = MTA_OK;
  for (size_t k = 0; !st && k < bi->npb; k++) {
    const struct mtai_bead *b = &bi->pb[k];
    if (b->skipped || b->t_first >= b->t_end || b->s_first >= b->s_end ||
        b->t_end > out->doc->npara || b->s_end > bi->src.npara)
      continue;
    /* Every name is compared with every target word of the bead: a bead
     * of more than S_MAX_BEAD_TOKENS tokens on either side (a text
     * without paragraph breaks) is left alone rather than searched
     * quadratically. */
    if (out->doc->paras[b->t_end - 1].tok_end -
                out->doc->paras[b->t_first].tok_first >
            S_MAX_BEAD_TOKENS ||
        bi->src.paras[b->s_end - 1].tok_end -
                bi->src.paras[b->s_first].tok_first >
            S_MAX_BEAD_TOKENS)
      continue;
    r.pb = b;
    mtai_buf_reset(&r.seen);
    st = S_target_build(out->doc, b, &r.tgt, &r.tmp);
    for (uint32_t sp = b->s_first; !st && sp < b->s_end; sp++) {
      const struct mtai_paragraph *p = &bi->src.paras[sp];
      for (uint32_t si = p->sent_first; !st && si < p->sent_end; si++)
        st = S_sentence(&r, si);
    }
    if (!st)
      st = r.inside.st;
  }
  mtai_strset_free(&r.inside.set);
  mtai_buf_free(&r.tgt.text);
  free(r.tgt.off);
  mtai_buf_free(&r.tmp);
  mtai_buf_free(&r.key);
  mtai_buf_free(&r.seen);
  return st;
}

const struct mta_check mtai_check_accname = {
    "accname", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,    S_run,   S_destroy};
