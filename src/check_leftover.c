/*
 * English leftovers in German text (the honorific, the number/date/unit
 * and the transliteration rules live in check_honorific.c,
 * check_numbers.c and check_translit.c):
 *
 *   english-leftover/phrase     web chrome from dict/english-phrases.txt
 *                               ("Leave a Reply", "source site") - major
 *   english-leftover/word       runs of English words; lower-case ones are
 *                               major (minor inside a quotation); title-case
 *                               runs ("Royal United Services Institute")
 *                               are minor, and not reported when they are a
 *                               known name (dict/english-names.txt), are
 *                               introduced as one (dict/name-introducers.txt:
 *                               "die Zeitung ..."), end in an institution
 *                               word (dict/institution-words.txt), are
 *                               quoted, or are shaped like a person's or a
 *                               place's name ("Bill Smith", "Palm Springs");
 *                               a quotation that is English as a whole and
 *                               shaped like a title („Gone with the Wind“)
 *                               is not reported at all
 *   english-leftover/genitive   "Sunak's Regierung": an apostrophe genitive
 *                               before a German noun, outside a quotation -
 *                               minor (no noun after it: part of a name,
 *                               "Domino's meldet")
 *   english-leftover/initial    "Joseph R. Biden", "Wladimir V. Putin" -
 *                               minor; not names known with their initial
 *                               ("John F. Kennedy"), regnal numbers
 *                               ("Kaiser Karl V.") or an abbreviated name
 *                               ending its sentence ("Thomas K. Die ...")
 *   english-leftover/quotes     German text in English quotation marks
 *                               (“...”, or "..." in a text that also
 *                               quotes the German way) - minor
 *   english-leftover/mt-notice  a self-declared machine translation - one
 *                               minor note per document
 *
 * An English word is one the German dictionary (with our compounds and
 * names) does not know but the English one does, or one of the English
 * function words of dict/english-function-words.txt. Words that are both
 * ("National", "a", "die") only extend a run of English words. German
 * loanwords (Team, Update, online) are known to the German dictionary and
 * so never start a run.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "english-leftover/phrase",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("English web phrase left in the text (\"Leave a Reply\")"),
     .explanation = N_(
         "English web chrome in the text ('Leave a Reply', 'Read more', "
         "'source site'), from dict/english-phrases.txt. Machine translation "
         "leaves these untouched because they come from buttons and links, "
         "not from the article. The phrases are specific enough not to occur "
         "in names or quotations German news keeps in English; delete them."),
     .wrong = "Die Behörden gaben an, die Lage sei unter Kontrolle. Read more",
     .right = "Die Behörden gaben an, die Lage sei unter Kontrolle."},
    {.id = "english-leftover/word",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("untranslated English words (minor for a title-case name)"),
     .explanation = N_(
         "A run of English words the translation left untranslated: "
         "lower-case runs ('for the time being') are major (minor when "
         "quoted), title-case runs minor. Not reported: known English names "
         "('New York Times'), names with an institution word or introduced "
         "by a German noun ('die Zeitung …'), runs shaped like a person's or "
         "a place's name ('Bill Smith', 'in Palm Springs'), quoted English "
         "titles ('„Gone with the Wind“'), and loanwords German uses (Team, "
         "Update, online); a lone word one edit from a German word is a "
         "spelling finding instead. Translate the words."),
     .wrong = "Die Waffenruhe soll for the time being nur im Norden gelten.",
     .right = "Die Waffenruhe soll vorerst nur im Norden gelten."},
    {.id = "english-leftover/genitive",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English genitive apostrophe (\"Putin's Regierung\")"),
     .explanation =
         N_("An English genitive apostrophe before a German noun ('Putin's "
            "Regierung', 'Sunak's neue Regierung'): German adds the -s without "
            "an apostrophe ('Putins'). Machine translation copies the English "
            "possessive along with the name. Minor: the text stays clear. Not "
            "reported inside a quotation, nor where no German noun follows, "
            "since the 's is then part of a name ('Domino's meldet', 'St. "
            "John's Wood'); write the German genitive or 'von'."),
     .wrong = "Putin's Regierung wies die Vorwürfe am Montag zurück.",
     .right = "Putins Regierung wies die Vorwürfe am Montag zurück."},
    {.id = "english-leftover/initial",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English-style middle initial (\"Joseph R. Biden\")"),
     .explanation = N_(
         "An English-style middle initial in a name ('Joseph R. Biden', "
         "'Wladimir V. Putin'). American and British news write them, German "
         "news does not, and machine translation keeps them. Not reported: "
         "names German news also writes with the initial ('John F. Kennedy', "
         "dict/english-names.txt), regnal numbers ('Kaiser Karl V.'), and an "
         "abbreviated name that ends its sentence ('… Thomas K. Die "
         "Staatsanwaltschaft …'). Drop the initial."),
     .wrong = "Präsident Joseph R. Biden empfing den Gast im Weißen Haus.",
     .right = "Präsident Joseph Biden empfing den Gast im Weißen Haus."},
    {.id = "english-leftover/quotes",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("English quotation marks around German text"),
     .explanation = N_(
         "German text inside English quotation marks (“…”), which machine "
         "translation carries over from the source. German uses „…“ (or "
         "»…«). Straight marks (\"…\") are the typewriter form of German ones "
         "and are reported only in a text that also quotes the German way. "
         "A quotation with fewer than two plainly German words (an English "
         "title or name) is not reported. Replace the marks with „ and “."),
     .wrong = "Er nannte das Treffen “einen historischen Schritt”.",
     .right = "Er nannte das Treffen „einen historischen Schritt“."},
    {.id = "english-leftover/mt-notice",
     .category = MTAI_CAT_ENGLISH_LEFTOVER,
     .severity = MTA_SEV_MINOR,
     .summary = N_("the article declares itself a machine translation"),
     .explanation = N_(
         "The article declares itself machine-translated ('… aus dem "
         "Englischen automatisiert ins Deutsche übersetzt'). The notice is "
         "correct information, but it means the text was not edited by a "
         "person; it is reported once per article, at minor severity. Review "
         "the article, then delete the notice or keep it as the site's policy "
         "requires."),
     .wrong = "Der Text wurde aus dem Englischen automatisiert ins Deutsche "
              "übersetzt.",
     .right = "(delete the notice after review, or keep it as required)"},
};

enum { R_PHRASE, R_WORD, R_GENITIVE, R_INITIAL, R_QUOTES, R_MT };

struct S_phrase {
  char **words; /* lower-case */
  size_t n;
  size_t len0; /* strlen(words[0]): a cheap first filter */
};

struct S_state {
  struct mtai_speller *sp; /* borrowed; NULL without dictionaries */
  struct mtai_strset names, heads, intro;
  struct mtai_strset abbrev; /* spaceless, with parts: "ca.", "a." */
  const struct mtai_strset *func, *titles; /* the context's shared lists */
  struct S_phrase *phrases;
  size_t nphrases;
  struct mtai_strset first; /* first word -> (void *)(1 + phrase index) */
  size_t *next;             /* next phrase with the same first word, + 1 */
  /* Per word of the token table: 1 + its value in 'first' (0 when not
   * asked yet, 1 when not there). */
  struct mtai_tokmemo first_of;
};

static void S_destroy(void *p) {
  struct S_state *s = p;
  if (!s)
    return;
  mtai_strset_free(&s->names);
  mtai_strset_free(&s->heads);
  mtai_strset_free(&s->intro);
  mtai_strset_free(&s->abbrev);
  for (size_t i = 0; i < s->nphrases; i++) {
    for (size_t k = 0; k < s->phrases[i].n; k++)
      free(s->phrases[i].words[k]);
    free(s->phrases[i].words);
  }
  free(s->phrases);
  free(s->next);
  mtai_strset_free(&s->first);
  mtai_tokmemo_free(&s->first_of);
  free(s);
}

/* Splits every phrase of dict/english-phrases.txt into lower-case words. */
static mta_status S_load_phrases(struct S_state *s) {
  mtai_strset_init(&s->first);
  struct mtai_strset raw;
  mtai_strset_init(&raw);
  mta_status st = mtai_strset_load(&raw, "english-phrases.txt");
  if (!st &&
      !(s->phrases = calloc(raw.count ? raw.count : 1, sizeof *s->phrases)))
    st = MTA_ERR_NOMEM;
  for (size_t i = 0; !st && i < raw.cap; i++) {
    if (!raw.slots[i].key)
      continue;
    struct mta_buf low;
    mtai_buf_init(&low, 0);
    st = mtai_utf8_lower(raw.slots[i].key, raw.slots[i].len, &low);
    struct S_phrase *ph = &s->phrases[s->nphrases++];
    char *save = NULL;
    char *copy = st ? NULL : mtai_buf_detach(&low);
    mtai_buf_free(&low);
    if (!st && !copy)
      st = MTA_ERR_NOMEM;
    for (char *w = copy ? strtok_r(copy, " ", &save) : NULL; !st && w;
         w = strtok_r(NULL, " ", &save)) {
      char **nw = realloc(ph->words, (ph->n + 1) * sizeof *nw);
      if (!nw || !(nw[ph->n] = strdup(w))) {
        if (nw)
          ph->words = nw;
        st = MTA_ERR_NOMEM;
        break;
      }
      ph->words = nw;
      ph->n++;
    }
    ph->len0 = ph->n ? strlen(ph->words[0]) : 0;
    free(copy);
  }
  /* Index by first word: a token is compared with the phrases that start
   * with it only. */
  s->next = calloc(s->nphrases + 1, sizeof *s->next);
  if (!st && !s->next)
    st = MTA_ERR_NOMEM;
  for (size_t i = s->nphrases; !st && i-- > 0;) {
    const struct S_phrase *ph = &s->phrases[i];
    if (!ph->n)
      continue;
    void *v = NULL;
    if (mtai_strset_get(&s->first, ph->words[0], ph->len0, &v))
      s->next[i] = (size_t)(uintptr_t)v;
    st = mtai_strset_put(&s->first, ph->words[0], ph->len0,
                         (void *)(uintptr_t)(i + 1));
  }
  mtai_strset_free(&raw);
  return st;
}

static mta_status S_init(const struct mtai_check_ctx *cx, void **out) {
  struct S_state *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return MTA_ERR_NOMEM;
  s->sp = cx->speller;
  s->func = &cx->lists->func;
  s->titles = &cx->lists->titles;
  mtai_strset_init(&s->names);
  mtai_strset_init(&s->heads);
  mtai_strset_init(&s->intro);
  mtai_strset_init(&s->abbrev);
  mta_status st = mtai_strset_load(&s->names, "english-names.txt");
  if (!st)
    st = mtai_strset_load(&s->heads, "institution-words.txt");
  if (!st)
    st = mtai_strset_load(&s->intro, "name-introducers.txt");
  if (!st)
    st = mtai_abbrev_load(&s->abbrev, 1);
  if (!st)
    st = S_load_phrases(s);
  if (st)
    return mtai_check_error(cx, st, "english leftovers: word lists: %s",
                            mta_strerror(st));
  return MTA_OK;
}

/* ---- per-document context ------------------------------------------- */

struct S_doc {
  struct S_state *s;
  const struct mtai_check_ctx *cx;
  struct mtai_findings *r;
  const struct mtai_doc *d;
  unsigned char *covered; /* a bit per token: already part of a finding */
  /* A bit per token: reported by an earlier English-leftover check (a
   * title: the name after it is a name, "Gov. Josh Shapiro"). */
  unsigned char *prior;
  int german_marks; /* the document quotes with „ or » somewhere */
  /* Surnames the document writes after a first name ("Tim Cook"), so
   * that the surname alone later ("Cook sagte") is a name too. */
  struct mtai_strset surnames;
};

/* Bit 'i' of the per-token bit set 'm'. */
static int S_bit(const unsigned char *m, size_t i) {
  return (m[i >> 3] >> (i & 7)) & 1;
}

static void S_bit_set(unsigned char *m, size_t i) {
  m[i >> 3] = (unsigned char)(m[i >> 3] | (1u << (i & 7)));
}

static int S_lower_eq(const struct mtai_doc *d, size_t i, const char *low) {
  size_t n = mtai_tok_len(d, i);
  if (n != strlen(low))
    return 0;
  const char *w = d->text + d->toks[i].start;
  for (size_t k = 0; k < n; k++) {
    char c = w[k];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != low[k])
      return 0;
  }
  return 1;
}

/* ---- phrases ---------------------------------------------------------- */

static mta_status S_phrases(struct S_doc *x, const struct mtai_paragraph *p) {
  const struct mtai_doc *d = x->d;
  uint32_t *memo = mtai_tokmemo_get(&x->s->first_of, d);
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    if (d->toks[i].kind != MTAI_TOK_WORD || S_bit(x->covered, i))
      continue;
    uint32_t *m = memo ? &memo[d->tid[i]] : NULL;
    void *v = NULL;
    if (m && *m) {
      if (*m == 1)
        continue;
      v = (void *)(uintptr_t)(*m - 1);
    } else {
      /* The token in ASCII lower case, as the phrases are. */
      size_t tl = mtai_tok_len(d, i);
      char low[64];
      if (tl >= sizeof low)
        continue;
      for (size_t q = 0; q < tl; q++) {
        char c = d->text[d->toks[i].start + q];
        low[q] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
      }
      int found = mtai_strset_get(&x->s->first, low, tl, &v);
      if (m && (uintptr_t)v < UINT32_MAX - 1)
        *m = found ? (uint32_t)(uintptr_t)v + 1 : 1;
      if (!found)
        continue;
    }
    for (size_t k = (size_t)(uintptr_t)v; k; k = x->s->next[k - 1]) {
      const struct S_phrase *ph = &x->s->phrases[k - 1];
      size_t j = 0;
      while (j < ph->n && i + j < p->tok_end &&
             d->toks[i + j].kind == MTAI_TOK_WORD &&
             S_lower_eq(d, i + j, ph->words[j]) &&
             (j == 0 || (d->toks[i + j].flags & MTAI_TF_SPACE_BEFORE)))
        j++;
      if (!ph->n || j < ph->n)
        continue;
      size_t a = d->toks[i].start, b = d->toks[i + j - 1].end;
      for (size_t q = i; q < i + j; q++)
        S_bit_set(x->covered, q);
      mta_status st = mtai_finding_add(
          x->r, &S_rules[R_PHRASE], S_rules[R_PHRASE].severity, a, b, NULL,
          "English web phrase '%.*s' (scraped page chrome or untranslated)",
          (int)(b - a), d->text + a);
      if (st)
        return st;
      i += j - 1;
      break;
    }
  }
  return MTA_OK;
}

/* ---- runs of English words ------------------------------------------- */

/* 1 when the word w[0..n) ends in an apostrophe and s ("Domino's",
 * "John’s"): a possessive, which belongs to a name. */
static int S_possessive(const char *w, size_t n) {
  if (n < 3 || w[n - 1] != 's')
    return 0;
  if (w[n - 2] == '\'')
    return 1;
  /* ’ and ‘ are three bytes in UTF-8. */
  return n >= 5 && (!memcmp(w + n - 4, "\xE2\x80\x99", 3) ||
                    !memcmp(w + n - 4, "\xE2\x80\x98", 3));
}

/* 1 for an acronym with a plural or genitive s ("NGOs", "TEDs"). */
static int S_acronym_s(const char *w, size_t n) {
  if (n < 3 || w[n - 1] != 's')
    return 0;
  for (size_t k = 0; k + 1 < n; k++)
    if (w[k] < 'A' || w[k] > 'Z')
      return 0;
  return 1;
}

/* 1 when token 'i' and the period right after it are a German
 * abbreviation of dict/abbreviations.txt or part of one ("ca.", "a." of
 * "u. a."). */
static int S_abbreviation(const struct S_doc *x, size_t i) {
  const struct mtai_doc *d = x->d;
  size_t n = mtai_tok_len(d, i);
  char form[16];
  if (i + 1 >= d->ntok || n + 1 >= sizeof form || !mtai_tok_eq(d, i + 1, ".") ||
      d->toks[i + 1].start != d->toks[i].end)
    return 0;
  memcpy(form, d->text + d->toks[i].start, n);
  form[n] = '.';
  return mtai_strset_has(&x->s->abbrev, form, n + 1);
}

/* 1 when lower-case token 'i' has a capital inside: a brand written that
 * way ("iOS", "eBay"), not an English word. */
static int S_brand(const struct mtai_doc *d, size_t i) {
  const struct mtai_token *t = &d->toks[i];
  if (t->flags & MTAI_TF_UPPER)
    return 0;
  for (size_t k = t->start + 1; k < t->end; k++)
    if (d->text[k] >= 'A' && d->text[k] <= 'Z')
      return 1;
  return 0;
}

/* 1 when capitalized token 'i' is an English common noun German knows
 * only as a name ("seine Bill", "die Bill": "Bill" is a first name of
 * dict/names.txt): English knows it in lower case, the lexicon has no German
 * word of that form, a German article or possessive stands right before it
 * (names go without one), and no capitalized word follows (a name goes
 * on: "der Bill Gates Stiftung"). */
/* 1 when a German article or possessive stands before token 'i', perhaps
 * with up to two German adjectives between ("eine neue Bill"; a word that
 * is also a determiner, "eine", ends the walk). */
static int S_det_before(struct S_doc *x, size_t i) {
  const struct mtai_doc *d = x->d;
  if (!x->cx->lexicon || i == 0 || !(d->toks[i].flags & MTAI_TF_SPACE_BEFORE))
    return 0;
  size_t k = i - 1;
  for (int adj = 0; adj < 2 && k > 0; adj++) {
    const struct mtai_token *q = &d->toks[k];
    unsigned c = q->kind == MTAI_TOK_WORD && !(q->flags & MTAI_TF_UPPER)
                     ? mtai_tok_classes(x->cx->lexicon, x->r->doc, k, 0)
                     : 0;
    if ((c & MTAI_LEX_DET) || !(c & (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE)) ||
        mtai_tok_english_known(x->cx, d, k))
      break;
    k--;
  }
  return d->toks[k].kind == MTAI_TOK_WORD &&
         (mtai_tok_classes(x->cx->lexicon, x->r->doc, k, 0) & MTAI_LEX_DET);
}

static int S_noun_after_det(struct S_doc *x, size_t i) {
  const struct mtai_doc *d = x->d;
  const struct mtai_token *t = &d->toks[i];
  if (!x->s->sp || !x->cx->lexicon || i == 0 || t->kind != MTAI_TOK_WORD ||
      !(t->flags & MTAI_TF_UPPER) || (t->flags & MTAI_TF_ALLCAPS) ||
      mtai_tok_quoted(d, i))
    return 0;
  const char *w = d->text + t->start;
  size_t n = t->end - t->start;
  /* (The word's classes first: a table fact, and most capitalized words
   * have some.) */
  if (mtai_tok_classes(x->cx->lexicon, x->r->doc, i, 0) ||
      mtai_utf8_count(w, n) < 3 || mtai_tok_title(x->cx, d, i) ||
      !S_det_before(x, i) || !mtai_tok_english_lc(x->s->sp, d, i))
    return 0;
  /* Known to German only as a name of dict/names.txt: a loanword the
   * German dictionary lists ("Workshop", "Support") is German. */
  if (mtai_tok_spell(x->s->sp, d, i) != MTAI_SPELL_NAME)
    return 0;
  return !(i + 1 < d->ntok && d->toks[i + 1].kind == MTAI_TOK_WORD &&
           (d->toks[i + 1].flags & MTAI_TF_UPPER) &&
           (d->toks[i + 1].flags & MTAI_TF_SPACE_BEFORE));
}

/* How English token 'i' is (mtai_english_verdict(), the one verdict);
 * a token already covered by a finding, a German abbreviation ("ca."), a
 * brand ("iOS") or an acronym with an s ("TEDs") is not. A capitalized
 * possessive ("Domino's") is at most WEAK: it extends a name ("John's
 * Wood") but is no English word by itself (the genitive rule judges its
 * apostrophe). */
static int S_english(struct S_doc *x, size_t i) {
  if (S_bit(x->covered, i))
    return MTAI_EN_NO;
  int v = (int)mtai_english_verdict(x->cx, x->d, i);
  if (v != MTAI_EN_STRONG && S_noun_after_det(x, i))
    return MTAI_EN_STRONG;
  if (v != MTAI_EN_NO && (S_abbreviation(x, i) || S_brand(x->d, i)))
    return MTAI_EN_NO;
  if (v == MTAI_EN_NO || !(x->d->toks[i].flags & MTAI_TF_UPPER))
    return v;
  const char *w = x->d->text + x->d->toks[i].start;
  size_t n = mtai_tok_len(x->d, i);
  if (S_acronym_s(w, n))
    return MTAI_EN_NO;
  if (S_possessive(w, n))
    return MTAI_EN_WEAK;
  return v;
}

/* 1 when token 'k' (inside paragraph 'p') is a lower-case English word
 * that no German word shares. */
static int S_lower_english(struct S_doc *x, const struct mtai_paragraph *p,
                           size_t k) {
  return k >= p->tok_first && k < p->tok_end &&
         !(x->d->toks[k].flags & MTAI_TF_UPPER) &&
         S_english(x, k) == MTAI_EN_STRONG;
}

/* Tokens of the longest name of dict/english-names.txt (seven words)
 * and then some: a name is looked up over no longer span, so that a run
 * of a thousand English words costs a thousand short look-ups, not a
 * million long ones (it took 3.6 s for 1,500 words). */
#define S_NAME_TOKS 12

/* 1 when a known English name overlaps the run [ti, tj]; it may start or
 * end up to three tokens outside it ("New York | Times Critics", "Voice |
 * of America"). */
static int S_known_name(const struct S_doc *x, const struct mtai_paragraph *p,
                        size_t ti, size_t tj) {
  const struct mtai_doc *d = x->d;
  size_t from = ti >= p->tok_first + 3 ? ti - 3 : p->tok_first;
  size_t to = tj + 4 <= p->tok_end ? tj + 4 : p->tok_end;
  for (size_t i = from; i <= tj; i++)
    for (size_t j = to < i + S_NAME_TOKS ? to : i + S_NAME_TOKS;
         j > i && j > ti; j--) {
      size_t a = d->toks[i].start, b = d->toks[j - 1].end;
      if (mtai_strset_has(&x->s->names, d->text + a, b - a))
        return 1;
    }
  return 0;
}

/* 1 when a title-case run [ti, tj] reads as a name: an institution word
 * in it, a German noun introducing it ("die Zeitung New ..."), quoted. */
static int S_named(const struct S_doc *x, const struct mtai_paragraph *p,
                   size_t ti, size_t tj) {
  const struct mtai_doc *d = x->d;
  if (mtai_tok_quoted(x->d, ti) || S_known_name(x, p, ti, tj))
    return 1;
  /* An institution word in the run or right after it ("… Centre", which
   * the English dictionary may not know); alone it is a common noun ("der
   * Treaty", "die Agency"). */
  size_t last = tj + 1 < p->tok_end ? tj + 1 : tj;
  for (size_t i = ti; i <= last; i++)
    if ((ti < tj || i > tj) &&
        mtai_strset_has(&x->s->heads, d->text + d->toks[i].start,
                        mtai_tok_len(d, i)))
      return 1;
  /* The run opens with an introducer that is English too ("Sender",
   * "Film"). */
  if (ti < tj && mtai_strset_has(&x->s->intro, d->text + d->toks[ti].start,
                                 mtai_tok_len(d, ti)))
    return 1;
  /* Up to two words back: "die Zeitung", "des Magazins". */
  for (size_t back = 1; back <= 2 && ti >= p->tok_first + back; back++) {
    size_t k = ti - back;
    if (d->toks[k].kind != MTAI_TOK_WORD)
      break;
    if (mtai_strset_has(&x->s->intro, d->text + d->toks[k].start,
                        mtai_tok_len(d, k)))
      return 1;
  }
  return 0;
}

/* 1 when token 'k' is a first name or another name: in dict/names.txt,
 * or a word English knows only capitalized ("Mary"). */
static int S_name_word(struct S_doc *x, size_t k) {
  const struct mtai_token *t = &x->d->toks[k];
  if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
      (t->flags & MTAI_TF_ALLCAPS) || !x->s->sp)
    return 0;
  return mtai_tok_spell(x->s->sp, x->d, k) == MTAI_SPELL_NAME ||
         (mtai_tok_english(x->s->sp, x->d, k) &&
          !mtai_tok_english_lc(x->s->sp, x->d, k));
}

/* 1 when a title-case run [ti, tj] is shaped like the name of a person
 * or a place rather than like untranslated words:
 *   - a surname after a first name ("Tim Cook": the word before is a
 *     name, S_name_word()), and that surname alone later ("Cook sagte");
 *   - the head of a name that goes on after a function word ("City of
 *     London");
 *   - two or three capitalized words with no function word between them
 *     ("Palm Springs", "Long Beach", "St. John's Wood") that a German
 *     article or preposition does not open ("Der Sector") or stand after
 *     ("den Big Bang"), and that no capitalized word follows (a title
 *     before a name: "Prime Minister Sunak").
 * English capitalizes names, not common nouns: such a run came from a
 * name of the source. */
static int S_name_shaped(struct S_doc *x, const struct mtai_paragraph *p,
                         size_t ti, size_t tj) {
  const struct mtai_doc *d = x->d;
  if (ti > p->tok_first && (d->toks[ti].flags & MTAI_TF_SPACE_BEFORE) &&
      S_name_word(x, ti - 1))
    return 1;
  /* After a title another check reported ("Gov. Josh Shapiro"). */
  size_t at = ti;
  if (at > p->tok_first && mtai_tok_eq(d, at - 1, "."))
    at--;
  if (at > p->tok_first && S_bit(x->prior, at - 1) &&
      (d->toks[at - 1].flags & MTAI_TF_UPPER))
    return 1;
  if (ti == tj && mtai_strset_has(&x->surnames, d->text + d->toks[ti].start,
                                  mtai_tok_len(d, ti)))
    return 1;
  /* "City of | London": the run ends in a function word and a name that
   * is no English word goes on. */
  size_t n = tj + 1;
  if (ti < tj && !(d->toks[tj].flags & MTAI_TF_UPPER) && n < p->tok_end &&
      d->toks[n].kind == MTAI_TOK_WORD && (d->toks[n].flags & MTAI_TF_UPPER) &&
      (d->toks[n].flags & MTAI_TF_SPACE_BEFORE))
    return 1;
  if (tj - ti < 1 || tj - ti > 2)
    return 0;
  for (size_t k = ti; k <= tj; k++)
    if (!(d->toks[k].flags & MTAI_TF_UPPER))
      return 0;
  if (x->cx->lexicon &&
      (mtai_tok_classes(x->cx->lexicon, x->r->doc, ti, 1) &
       (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
        MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ)))
    return 0;
  /* A German article before it makes it a common noun ("den Big Bang");
   * names of people and towns go without ("in Long Beach"). */
  if (x->cx->lexicon && ti > p->tok_first &&
      d->toks[ti - 1].kind == MTAI_TOK_WORD &&
      !(d->toks[ti - 1].flags & MTAI_TF_UPPER) &&
      (mtai_tok_classes(x->cx->lexicon, x->r->doc, ti - 1, 0) & MTAI_LEX_DET))
    return 0;
  return !(n < p->tok_end && d->toks[n].kind == MTAI_TOK_WORD &&
           (d->toks[n].flags & MTAI_TF_UPPER) &&
           (d->toks[n].flags & MTAI_TF_SPACE_BEFORE));
}

/* 1 when token 'k' is a plainly German word: one the German dictionary
 * knows and English does not (not a name, not an acronym). */
static int S_german_word(struct S_doc *x, size_t k) {
  const struct mtai_token *t = &x->d->toks[k];
  if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_ALLCAPS) || !x->s->sp ||
      S_english(x, k) != MTAI_EN_NO)
    return 0;
  enum mtai_spell v = mtai_tok_spell(x->s->sp, x->d, k);
  return (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND) &&
         !mtai_tok_english_known(x->cx, x->d, k);
}

/* How the run [ti, tj] stands in a quotation: 0 not quoted; 2 when the
 * whole quotation is English and shaped like a title (it opens with a
 * capital, holds no plainly German word, no full stop and at most twelve
 * words: „Gone with the Wind“, „I Will Always Love You“), which German
 * text cites as it is; 1 for English inside another quotation or a quoted
 * English sentence („We will win.“). */
/* The lower-case words of English title case: articles, coordinating
 * conjunctions and prepositions ("Gone with the Wind"). Any other lower-case
 * word ("So here it is") makes a run a clause, not a title. */
static int S_title_lower(const struct mtai_doc *d, size_t k) {
  static const char *const words[] = {
      "a",       "about",   "above",   "across", "after",   "against", "along",
      "among",   "an",      "and",     "around", "as",      "at",      "before",
      "behind",  "below",   "between", "beyond", "but",     "by",      "down",
      "during",  "for",     "from",    "in",     "into",    "near",    "nor",
      "of",      "off",     "on",      "onto",   "or",      "out",     "over",
      "past",    "per",     "than",    "the",    "through", "to",      "toward",
      "towards", "under",   "until",   "up",     "upon",    "via",     "with",
      "within",  "without", "yet"};
  size_t n = mtai_tok_len(d, k);
  const char *w = d->text + d->toks[k].start;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
      return 1;
  return 0;
}

static int S_quotation(struct S_doc *x, const struct mtai_paragraph *p,
                       size_t ti, size_t tj) {
  const struct mtai_doc *d = x->d;
  if (!mtai_tok_quoted(d, ti))
    return 0;
  size_t o = ti, c = tj;
  while (o > p->tok_first && mtai_tok_quoted(d, o - 1))
    o--;
  while (c + 1 < p->tok_end && mtai_tok_quoted(d, c + 1))
    c++;
  size_t words = 0;
  int first_upper = -1;
  for (size_t k = o; k <= c; k++) {
    if (mtai_tok_eq(d, k, "."))
      return 1; /* a quoted sentence: „We will win.“ */
    if (d->toks[k].kind != MTAI_TOK_WORD)
      continue;
    if (first_upper < 0)
      first_upper = (d->toks[k].flags & MTAI_TF_UPPER) != 0;
    if (++words > 12 || S_german_word(x, k))
      return 1;
  }
  return first_upper == 1 ? 2 : 1;
}

static mta_status S_runs(struct S_doc *x, const struct mtai_paragraph *p) {
  const struct mtai_doc *d = x->d;
  size_t i = p->tok_first;
  while (i < p->tok_end) {
    int e = S_english(x, i);
    if (e == MTAI_EN_NO) {
      i++;
      continue;
    }
    /* Grow a run over English words separated by spaces only. */
    size_t j = i;
    int strong = e == MTAI_EN_STRONG;
    int lower_strong = S_lower_english(x, p, i);
    while (j + 1 < p->tok_end &&
           (d->toks[j + 1].flags & MTAI_TF_SPACE_BEFORE)) {
      int f = S_english(x, j + 1);
      if (f == MTAI_EN_NO) {
        /* A name inside an English clause ("the situation in Gaza is
         * getting worse"): up to two capitalized words are bridged when
         * the run so far has a lower-case English word and lower-case
         * English goes on after them, so the clause is one finding. */
        size_t g = j + 1, k = g;
        while (
            k < p->tok_end && k < g + 2 && d->toks[k].kind == MTAI_TOK_WORD &&
            (d->toks[k].flags & MTAI_TF_UPPER) &&
            (d->toks[k].flags & MTAI_TF_SPACE_BEFORE) && !S_bit(x->covered, k))
          k++;
        if (!lower_strong || k == g || k >= p->tok_end ||
            !(d->toks[k].flags & MTAI_TF_SPACE_BEFORE) ||
            !S_lower_english(x, p, k))
          break;
        j = k - 1;
        continue;
      }
      /* A word German shares ("will", "die", "der") joins only next to a
       * lower-case English word: "the plans will change", not "Financial
       * Times | will die Bank". */
      if (f == MTAI_EN_WEAK && !(d->toks[j + 1].flags & MTAI_TF_UPPER) &&
          !S_lower_english(x, p, j) && !S_lower_english(x, p, j + 2))
        break;
      strong |= f == MTAI_EN_STRONG;
      lower_strong |= S_lower_english(x, p, j + 1);
      j++;
    }
    size_t next = j + 1;
    /* Weak lower-case words at the edges are German ("die", "also"),
     * unless an English word follows ("in the coming days"). */
    while (i <= j && S_english(x, i) == MTAI_EN_WEAK &&
           !(d->toks[i].flags & MTAI_TF_UPPER) &&
           !(i < j && S_lower_english(x, p, i + 1) &&
             mtai_strset_has(x->s->func, d->text + d->toks[i + 1].start,
                             mtai_tok_len(d, i + 1))))
      i++;
    while (j >= i && j > 0 && S_english(x, j) == MTAI_EN_WEAK &&
           !(d->toks[j].flags & MTAI_TF_UPPER))
      j--;
    /* So is a capitalized article or pronoun opening a sentence ("Der
     * Roman Gone with the Wind", "Die Company"). */
    while (i < j && S_english(x, i) == MTAI_EN_WEAK &&
           (d->toks[i].flags & MTAI_TF_UPPER) && x->cx->lexicon &&
           (mtai_tok_classes(x->cx->lexicon, x->r->doc, i, 1) &
            (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP |
             MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB)))
      i++;
    if (i > j || !strong) {
      i = next;
      continue;
    }
    /* A strong word must remain after trimming. */
    int any = 0, lower_content = 0, upper = 0;
    for (size_t k = i; k <= j; k++) {
      int f = S_english(x, k);
      any |= f == MTAI_EN_STRONG;
      upper |= (d->toks[k].flags & MTAI_TF_UPPER) != 0;
      if (!(d->toks[k].flags & MTAI_TF_UPPER) && !S_title_lower(d, k))
        lower_content = 1;
    }
    /* A single capitalized word at the start of a run of German may be a
     * German sentence-initial word the English dictionary also lists; it
     * needs a second English word or to be strong. */
    /* A lone capitalized word of one to three letters ("Ye" in "Michelle
     * Ye Hee Lee") is too weak a signal. */
    if (!any ||
        (i == j && (d->toks[i].flags & MTAI_TF_UPPER) &&
         mtai_utf8_count(d->text + d->toks[i].start, mtai_tok_len(d, i)) < 4)) {
      i = next;
      continue;
    }
    /* A lone lower-case word with a German word one edit away is a
     * German typo ("knap"), which the spelling check reports. */
    if (i == j && !(d->toks[i].flags & MTAI_TF_UPPER) && x->s->sp &&
        !(i > p->tok_first && S_english(x, i - 1) == MTAI_EN_STRONG) &&
        !mtai_strset_has(x->s->func, d->text + d->toks[i].start,
                         mtai_tok_len(d, i)) &&
        mtai_speller_german_typo(x->s->sp, d->text + d->toks[i].start,
                                 mtai_tok_len(d, i))) {
      i = next;
      continue;
    }
    size_t a = d->toks[i].start, b = d->toks[j].end;
    mta_status st = MTA_OK;
    /* Title case: every content word capitalized; function words may be
     * lower case, also first ("… for Future" after "Fridays"). */
    int title = !lower_content && upper;
    int q = S_quotation(x, p, i, j);
    if (q == 2) {
      /* A quoted English title or slogan: cited, not left over. */
    } else if (!title && !S_known_name(x, p, i, j)) {
      /* Major in running text; quoted English is cited, so minor. */
      st = mtai_finding_add(
          x->r, &S_rules[R_WORD], q ? MTA_SEV_MINOR : MTA_SEV_MAJOR, a, b, NULL,
          i == j ? N_("English word '%.*s' left untranslated")
                 : N_("English words '%.*s' left untranslated"),
          (int)(b - a), d->text + a);
    } else if (!S_named(x, p, i, j) && !S_name_shaped(x, p, i, j)) {
      /* One capitalized word after a German article is a noun the
       * translation kept ("die Lawmakers"), not a name. */
      if (i == j && S_det_before(x, i))
        st = mtai_finding_add(x->r, &S_rules[R_WORD], MTA_SEV_MINOR, a, b, NULL,
                              "English noun '%.*s' left untranslated",
                              (int)(b - a), d->text + a);
      else
        st = mtai_finding_add(
            x->r, &S_rules[R_WORD], MTA_SEV_MINOR, a, b, NULL,
            i == j ? N_("English word '%.*s': a name, or left untranslated?")
                   : N_("English words '%.*s': a name, or left untranslated?"),
            (int)(b - a), d->text + a);
    }
    if (st)
      return st;
    for (size_t k = i; k <= j; k++)
      S_bit_set(x->covered, k);
    i = next;
  }
  return MTA_OK;
}

/* ---- genitive, initials, quotes -------------------------------------- */

/* 1 when the code point at byte 'at' is an apostrophe (', ’ or ‘). */
static int S_apostrophe(const char *t, size_t at, size_t end, size_t *len) {
  size_t k = at;
  int32_t c = mtai_utf8_next(t, end, &k);
  *len = k - at;
  return c == '\'' || c == 0x2019 || c == 0x2018;
}

/* 1 when an inflected German adjective may end w[0..n) ("neue",
 * "umstrittenen"): for words the lexicon does not know. */
static int S_adjective_ending(const char *w, size_t n) {
  static const char *const ends[] = {"e", "en", "em", "er", "es"};
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t el = strlen(ends[k]);
    if (n > el + 2 && !memcmp(w + n - el, ends[k], el))
      return 1;
  }
  return 0;
}

/* 1 when a German noun phrase follows a possessive, from token 'k' on:
 * a German noun, perhaps after up to three numbers, adjectives or
 * adverbs ("Putin's neue Regierung", "Starmer’s Haushaltsplänen"). An
 * English possessive is an error only before such a head; without one
 * the 's belongs to the name ("Domino's meldet", "bei McDonald's."), and
 * before an English word to an English name ("St. John's Wood"). Without
 * a dictionary every capitalized word counts as a noun. */
static int S_head_noun(struct S_doc *x, const struct mtai_paragraph *p,
                       size_t k) {
  const struct mtai_doc *d = x->d;
  for (size_t n = 0; k < p->tok_end && n <= 3; k++, n++) {
    const struct mtai_token *t = &d->toks[k];
    const char *w = d->text + t->start;
    size_t len = t->end - t->start;
    if (!(t->flags & MTAI_TF_SPACE_BEFORE))
      return 0;
    if (t->kind == MTAI_TOK_NUMBER)
      continue;
    if (t->kind != MTAI_TOK_WORD || (t->flags & MTAI_TF_ALLCAPS))
      return 0;
    if (t->flags & MTAI_TF_UPPER) {
      if (!x->s->sp)
        return 1;
      enum mtai_spell v = mtai_tok_spell(x->s->sp, d, k);
      return (v == MTAI_SPELL_KNOWN || v == MTAI_SPELL_COMPOUND) &&
             S_english(x, k) != MTAI_EN_STRONG;
    }
    unsigned c =
        x->cx->lexicon ? mtai_tok_classes(x->cx->lexicon, x->r->doc, k, 0) : 0;
    if (c & (MTAI_LEX_ADJ | MTAI_LEX_PARTICIPLE | MTAI_LEX_ADV))
      continue;
    if (c || !S_adjective_ending(w, len))
      return 0;
  }
  return 0;
}

static mta_status S_genitives(struct S_doc *x, const struct mtai_paragraph *p) {
  const struct mtai_doc *d = x->d;
  const char *t = d->text;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *tk = &d->toks[i];
    if (tk->kind != MTAI_TOK_WORD || !(tk->flags & MTAI_TF_UPPER) ||
        mtai_tok_quoted(x->d, i))
      continue;
    size_t a = tk->start, b = 0, al;
    /* One token "Putin's" (ICU keeps ' and ’ inside words) ... */
    if (tk->end - tk->start > 2 && t[tk->end - 1] == 's') {
      for (size_t k = tk->start + 1; k + 1 < tk->end; k++)
        if (S_apostrophe(t, k, tk->end, &al) && k + al + 1 == tk->end)
          b = tk->end;
    }
    /* ... or "Putin" "‘" "s". */
    if (!b && i + 2 < p->tok_end && d->toks[i + 1].start == tk->end &&
        d->toks[i + 2].start == d->toks[i + 1].end &&
        S_apostrophe(t, d->toks[i + 1].start, d->toks[i + 1].end, &al) &&
        mtai_tok_eq(d, i + 2, "s"))
      b = d->toks[i + 2].end;
    if (!b)
      continue;
    /* "Moody's", "King's College", "Standard & Poor's". */
    size_t last = i;
    while (last + 1 < p->tok_end && d->toks[last + 1].end <= b)
      last++;
    if (S_known_name(x, p, i, last) || !S_head_noun(x, p, last + 1))
      continue;
    mta_status st = mtai_finding_add(
        x->r, &S_rules[R_GENITIVE], S_rules[R_GENITIVE].severity, a, b, NULL,
        "English genitive apostrophe in '%.*s'; German writes the genitive "
        "without it (\"Putins\")",
        (int)(b - a), t + a);
    if (st)
      return st;
  }
  return MTA_OK;
}

static mta_status S_initials(struct S_doc *x, const struct mtai_paragraph *p) {
  const struct mtai_doc *d = x->d;
  for (size_t i = p->tok_first + 1; i + 2 < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind != MTAI_TOK_WORD || !(t->flags & MTAI_TF_UPPER) ||
        mtai_utf8_count(d->text + t->start, t->end - t->start) != 1 ||
        !mtai_tok_eq(d, i + 1, ".") || d->toks[i + 1].start != t->end)
      continue;
    const struct mtai_token *prev = &d->toks[i - 1], *next = &d->toks[i + 2];
    if (prev->kind != MTAI_TOK_WORD || !(prev->flags & MTAI_TF_UPPER) ||
        next->kind != MTAI_TOK_WORD || !(next->flags & MTAI_TF_UPPER) ||
        mtai_tok_len(d, i - 1) < 3 || (prev->flags & MTAI_TF_ALLCAPS))
      continue;
    /* "z. B.", "Dr. A. Meier": German abbreviations before it. */
    if (mtai_tok_title(x->cx, d, i - 1))
      continue;
    /* Not a middle initial: a name known with it ("John F. Kennedy",
     * dict/english-names.txt), a regnal number ("Kaiser Karl V."), or a
     * name German shortens ("Thomas K.") ending its sentence before a
     * German article, pronoun, conjunction or adverb ("... Thomas K. Die
     * Staatsanwaltschaft"). */
    if (S_known_name(x, p, i - 1, i + 2) ||
        mtai_regnal_number(x->cx, d, p->tok_first, i))
      continue;
    if (x->cx->lexicon &&
        (mtai_tok_classes(x->cx->lexicon, x->r->doc, i + 2, 1) &
         (MTAI_LEX_DET | MTAI_LEX_PRON | MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD |
          MTAI_LEX_CONJ_SUB | MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX)))
      continue;
    mta_status st = mtai_finding_add(
        x->r, &S_rules[R_INITIAL], S_rules[R_INITIAL].severity, t->start,
        d->toks[i + 1].end, NULL,
        "English-style middle initial '%.*s'; German news usually "
        "leaves it out",
        (int)(d->toks[i + 1].end - t->start), d->text + t->start);
    if (st)
      return st;
  }
  return MTA_OK;
}

/* Number of plainly German words in tokens [a, b): known to German,
 * unknown to English, of three letters or more. */
static size_t S_german_words(struct S_doc *x, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b && x->s->sp; i++) {
    const struct mtai_token *t = &x->d->toks[i];
    const char *w = x->d->text + t->start;
    size_t len = t->end - t->start;
    if (t->kind == MTAI_TOK_WORD && mtai_utf8_count(w, len) >= 3 &&
        mtai_tok_spell(x->s->sp, x->d, i) == MTAI_SPELL_KNOWN &&
        !mtai_tok_english(x->s->sp, x->d, i))
      n++;
  }
  return n;
}

static mta_status S_quotes(struct S_doc *x, const struct mtai_paragraph *p) {
  const struct mtai_doc *d = x->d;
  size_t open = (size_t)-1;
  unsigned want = 0;
  int german_open = 0;
  for (size_t i = p->tok_first; i < p->tok_end; i++) {
    const struct mtai_token *t = &d->toks[i];
    unsigned c = mtai_tok_quote(d, i);
    if (!c)
      continue;
    if (c == MTAI_Q_LOW_DOUBLE) { /* „ opens German; its “ closes */
      german_open = 1;
      continue;
    }
    if (c == MTAI_Q_LEFT_DOUBLE && german_open) {
      german_open = 0;
      continue;
    }
    if (open == (size_t)-1) {
      if (c == MTAI_Q_LEFT_DOUBLE || c == MTAI_Q_STRAIGHT) {
        open = i;
        want = c == MTAI_Q_LEFT_DOUBLE ? MTAI_Q_RIGHT_DOUBLE : MTAI_Q_STRAIGHT;
      }
      continue;
    }
    if (c != want)
      continue;
    /* A German quotation in English marks: two German words at least.
     * Straight marks ("...") are the typewriter form of German marks too;
     * they are reported only in a document that quotes the German way
     * elsewhere, where they are the copied ones. */
    if ((want != MTAI_Q_STRAIGHT || x->german_marks) &&
        S_german_words(x, open + 1, i) >= 2) {
      size_t a = d->toks[open].start, b = t->end;
      mta_status st = mtai_finding_add(
          x->r, &S_rules[R_QUOTES], S_rules[R_QUOTES].severity, a, b, "„…“",
          "English quotation marks around German text; German uses "
          "„…“");
      if (st)
        return st;
    }
    open = (size_t)-1;
  }
  return MTA_OK;
}

/* ---- machine-translation notice -------------------------------------- */

static int S_contains_ci(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++) {
    size_t k = 0;
    while (k < m) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
      if (c != needle[k])
        break;
      k++;
    }
    if (k == m)
      return 1;
  }
  return 0;
}

/* A sentence declares a machine translation when it speaks of
 * translating ("übersetz") together with a machine ("maschinell",
 * "automatisch", "künstliche Intelligenz", "DeepL", ...) or with English
 * as the source, or says the German version was machine-made. */
static int S_mt_sentence(const char *low, size_t n) {
  static const char *const machine[] = {"maschinell",
                                        "automatisch",
                                        "automatisiert",
                                        "k\xC3\xBCnstliche",
                                        "k\xC3\xBCnstlicher",
                                        "deepl",
                                        "google translate",
                                        " ki ",
                                        "ki-",
                                        "aus dem englischen",
                                        "des englischen originals",
                                        "englischen originals"};
  static const char *const whole[] = {"machine translat", "maschinell erstellt",
                                      "automatisch erstellt"};
  for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++)
    if (S_contains_ci(low, n, whole[k]))
      return 1;
  if (!S_contains_ci(low, n,
                     "\xC3\xBC"
                     "bersetz"))
    return 0;
  for (size_t k = 0; k < sizeof machine / sizeof machine[0]; k++)
    if (S_contains_ci(low, n, machine[k]))
      return 1;
  return 0;
}

static mta_status S_mt_notice(struct S_doc *x) {
  const struct mtai_doc *d = x->d;
  mta_status st = MTA_OK;
  struct mta_buf low;
  mtai_buf_init(&low, 0);
  for (size_t i = 0; !st && i < d->nsent; i++) {
    const struct mtai_sentence *s = &d->sents[i];
    mtai_buf_reset(&low);
    if ((st = mtai_utf8_lower(d->text + s->start, s->end - s->start, &low)))
      break;
    if (!S_mt_sentence(mtai_buf_str(&low), mtai_buf_len(&low)))
      continue;
    st = mtai_finding_add(x->r, &S_rules[R_MT], S_rules[R_MT].severity,
                          s->start, s->end, NULL,
                          "the article says it was machine-translated: '%.*s'",
                          (int)(s->end - s->start), d->text + s->start);
    break; /* one note per document */
  }
  mtai_buf_free(&low);
  return st;
}

/* Fills x->surnames: capitalized words right after a first name. */
static mta_status S_collect_surnames(struct S_doc *x) {
  const struct mtai_doc *d = x->d;
  mta_status st = MTA_OK;
  for (size_t i = 1; !st && i < d->ntok; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind == MTAI_TOK_WORD && (t->flags & MTAI_TF_UPPER) &&
        !(t->flags & MTAI_TF_ALLCAPS) && (t->flags & MTAI_TF_SPACE_BEFORE) &&
        S_name_word(x, i - 1))
      st = mtai_strset_add(&x->surnames, d->text + t->start, t->end - t->start);
  }
  return st;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct S_doc x = {.s = state, .cx = cx, .r = r, .d = r->doc};
  if (!r->doc->ntok)
    return S_mt_notice(&x);
  for (size_t i = 0; i < r->doc->ntok && !x.german_marks; i++) {
    unsigned q = mtai_tok_quote(r->doc, i);
    x.german_marks =
        q == MTAI_Q_LOW_DOUBLE || q == MTAI_Q_RAQUO || q == MTAI_Q_LAQUO;
  }
  mtai_strset_init(&x.surnames);
  x.covered = calloc(r->doc->ntok / 8 + 1, 1);
  mta_status st = x.covered ? MTA_OK : MTA_ERR_NOMEM;
  /* Words an earlier English-leftover check reported (an exonym, an
   * acronym, a title, a weekday) are one finding, not two. */
  x.prior = st ? NULL : calloc(r->doc->ntok / 8 + 1, 1);
  if (!st && !x.prior)
    st = MTA_ERR_NOMEM;
  if (!st) {
    mtai_findings_mark(r, MTAI_CAT_ENGLISH_LEFTOVER, x.prior);
    memcpy(x.covered, x.prior, r->doc->ntok / 8 + 1);
  }
  if (!st)
    st = S_collect_surnames(&x);
  for (size_t pi = 0; !st && pi < r->doc->npara; pi++) {
    const struct mtai_paragraph *p = &r->doc->paras[pi];
    if (!(st = S_phrases(&x, p)) && !(st = S_runs(&x, p)) &&
        !(st = S_genitives(&x, p)) && !(st = S_initials(&x, p)))
      st = S_quotes(&x, p);
  }
  if (!st)
    st = S_mt_notice(&x);
  free(x.covered);
  free(x.prior);
  mtai_strset_free(&x.surnames);
  return st;
}

const struct mta_check mtai_check_leftover = {
    "leftover", S_rules, sizeof S_rules / sizeof S_rules[0],
    S_init,     S_run,   S_destroy};
