/*
 * accuracy/negation (source-aware mode): a negated English sentence whose
 * aligned German sentence has no negation, and the reverse.
 *
 * Each sentence bead (bitext.h) is read on both sides for negation cues:
 *   - plain negators: English not, n't (don't, isn't, can't ...), cannot,
 *     never, no (as a determiner: "no evidence", not the answer "No, ..."),
 *     nothing, nobody, none, nowhere; German nicht, kein-, nie, niemals,
 *     nichts, niemand;
 *   - other negators: English neither, nor, without, lack, fail(ed) to;
 *     German weder, ohne, nirgends, nimmer, keinerlei, keineswegs ...;
 *   - soft cues, which never make a finding but answer one from the other
 *     side: words that carry a negation in their meaning or morphology
 *     (English hardly, unless, refuse, beyond, un-/in-/dis-/non- words,
 *     -less words; German kaum, statt, erst, nur, fehlen, scheitern,
 *     verfehlen, un- words, -los and -frei words, nicht- compounds), since
 *     "not possible" is rightly "unmöglich" and "unhelpfully" rightly
 *     "nicht hilfreich".
 * A bead is reported when one side has a negator and the other side has
 * no cue at all, and the paragraph bead around it confirms the loss (its
 * other side has fewer cues than this side has negators: a negation the
 * sentence alignment put one sentence off is no finding).
 *
 * Not read as negation, the bead skipped: "not only/just ... but",
 * "nicht nur ... sondern" and other idioms whose negation the other
 * language need not repeat ("no matter", "can't help", "nothing but",
 * "whether or not", tag questions "isn't it?"; "nicht wahr", "kein
 * Wunder", "nicht anders"), and double negation (a negator with another
 * negator or a negated word right after it: "not unlike", "nicht
 * unmöglich", "not without").
 *
 * Severity: a lost negation is major when sure -- a 1-1 sentence bead
 * inside a paragraph bead with both sides, one plain negator in the
 * source sentence (not all caps) and no other cue there, no question, and
 * sentence lengths that agree (target words 0.5 to 2 times the
 * source's); else minor. An added negation is always minor: German
 * paraphrases with a negation far more often than machine translation
 * adds one ("ambiguous" = "nicht eindeutig", "mismatch" = "stimmt nicht
 * überein"; measured on human translations).
 *
 * A target sentence with English negators ("not", "no", "n't") is
 * untranslated text, which accuracy/untranslated reports: not read.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "accuracy/negation",
     .category = MTAI_CAT_ACCURACY,
     .severity = MTA_SEV_MAJOR,
     .summary = N_("negation lost or added (source \"did not\", target without "
                   "\"nicht\")"),
     .explanation =
         N_("A negated sentence of the English source whose aligned German "
            "sentence has no negation (nicht, kein, nie, niemals, nichts, "
            "niemand, weder, ohne), or a German negation the source does not "
            "have. Machine translation drops or adds a negation now and then, "
            "and the sentence then says the opposite while reading fluently. "
            "Words that carry the negation in their meaning answer it "
            "('not possible' = 'unmöglich', 'failed to' = 'scheiterte', "
            "'hardly' = 'kaum', 'unhelpfully' = 'nicht hilfreich'); 'not only "
            "... but also', idioms ('no matter', 'can't help', 'whether or "
            "not', 'isn't it?') and double negation ('not unlike') are not "
            "read, nor a target sentence left in English. A lost negation is "
            "major when sure (one plain negator, sentences aligned one to one, "
            "similar lengths), else minor; an added one is minor (German often "
            "paraphrases with a negation: 'ambiguous' = 'nicht eindeutig'). "
            "Restore the negation (or remove the added one)."),
     .wrong = "The minister did not sign the agreement. ||| Der Minister "
              "unterzeichnete das Abkommen.",
     .right = "The minister did not sign the agreement. ||| Der Minister "
              "unterzeichnete das Abkommen nicht."},
};

/* What one side of a bead holds. */
struct S_side {
  unsigned plain;  /* plain negators */
  unsigned strong; /* every negator, plain ones included */
  unsigned soft;   /* soft cues */
  unsigned idiom;  /* an idiom or tag question: the bead is skipped */
  unsigned dbl;    /* double negation: the bead is skipped */
  unsigned question;
  unsigned english; /* German side: English negators (untranslated text) */
  size_t words;
  size_t cue; /* first negator token, or SIZE_MAX */
};

enum { S_NONE, S_PLAIN, S_STRONG, S_SOFT, S_MORPH };

#define S_WMAX 64

/* Token 'i' in lower case (ASCII and the German capitals Ä Ö Ü) into
 * 'buf'; its length, 0 when it is no word or too long. */
static size_t S_lower(const struct mtai_doc *d, size_t i, char *buf) {
  const struct mtai_token *t = &d->toks[i];
  size_t n = t->end - t->start;
  if (t->kind != MTAI_TOK_WORD || n >= S_WMAX)
    return 0;
  const unsigned char *s = (const unsigned char *)d->text + t->start;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = s[k];
    if (c >= 'A' && c <= 'Z')
      c = (unsigned char)(c + 32);
    else if (k > 0 && s[k - 1] == 0xC3 && (c == 0x84 || c == 0x96 || c == 0x9C))
      c = (unsigned char)(c + 0x20);
    buf[k] = (char)c;
  }
  buf[n] = '\0';
  return n;
}

static int S_in(const char *w, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(w, *list))
      return 1;
  return 0;
}

static int S_prefixed(const char *w, const char *const *list) {
  for (; *list; list++)
    if (!strncmp(w, *list, strlen(*list)))
      return 1;
  return 0;
}

static int S_ends(const char *w, size_t n, const char *suf) {
  size_t m = strlen(suf);
  return n >= m && !memcmp(w + n - m, suf, m);
}

/* Lower-case token 'i' (or "" past 'hi'). */
static const char *S_word_at(const struct mtai_doc *d, size_t i, size_t hi,
                             char *buf) {
  if (i >= hi || !S_lower(d, i, buf))
    buf[0] = '\0';
  return buf;
}

/* ---- English ---------------------------------------------------------- */

static const char *const S_en_plain[] = {
    "not",  "cannot",  "never", "nothing", "nobody",
    "none", "nowhere", "noone", "no-one",  NULL};
static const char *const S_en_strong[] = {
    "neither", "nor", "without", "lack", "lacks", "lacked", "lacking", NULL};
static const char *const S_en_soft[] = {
    "hardly",  "barely", "scarcely", "seldom",  "rarely",    "unless",
    "instead", "rather", "beyond",   "except",  "unable",    "few",
    "fewer",   "little", "less",     "least",   "only",      "merely",
    "free",    "until",  "till",     "yet",     "anymore",   "too",
    "fail",    "fails",  "failed",   "failing", "failure",   "ban",
    "bans",    "banned", "alone",    "outside", "short",     "far",
    "empty",   "vacant", "away",     "gone",    "otherwise", "else",
    "out",     "off",    "zero",     "nil",     "null",      "void",
    "wrong",   "false",  "los",      "loss",    "lose",      "loses",
    "lost",    "losing", "quit",     "halt",    "halted",    "spare",
    "spared",  "escape", "escaped",  "silent",  "silence",   "apart",
    "aside",   "absent", "absence",  "cease",   "ceased",    "ceases",
    "ceasing", NULL};
/* Beginnings of English words that carry a negation in their meaning
 * ("refused", "mismatch", "declined to comment"). */
static const char *const S_en_soft_stems[] = {
    "avoid",     "prevent",     "refus",   "deni",     "deny",     "stop",
    "ignor",     "forget",      "forgot",  "miss",     "doubt",    "forbid",
    "prohibit",  "exclud",      "neglect", "mismatch", "ambigu",   "differ",
    "deprecat",  "malform",     "invalid", "remember", "disabl",   "declin",
    "reject",    "dismiss",     "cancel",  "abandon",  "skip",     "omit",
    "disregard", "misconfigur", "unknown", "disallow", "suppress", "drop",
    "default",   "error",       NULL};
/* Function words after which "no" is no determiner. */
static const char *const S_en_function[] = {
    "on", "in",   "of",   "to",   "for", "and", "or",  "as",  "at", "if",
    "by", "with", "from", "than", "but", "is",  "was", "the", "a",  NULL};
/* Words that start like a negative prefix and are none. */
static const char *const S_en_un_not[] = {
    "under", "unit", "univers", "uniqu", "union", "uniform", "unanim", NULL};
static const char *const S_en_un_words[] = {"uncle", "uncles", "unto", NULL};

/* 1 when 'w' (lower case, 'n' bytes) is an n't form: "don't", "isn’t". */
static int S_en_nt(const char *w, size_t n) {
  return S_ends(w, n, "n't") || S_ends(w, n, "n\xE2\x80\x99t");
}

/* 1 when English 'w' is negative by its make: un-, non-, -less, or in-,
 * im-, il-, ir-, dis- before an English word ("impossible",
 * "dishonest"). */
static int S_en_morph(const struct mtai_check_ctx *cx, const char *w,
                      size_t n) {
  if (n >= 5 && !strncmp(w, "un", 2) && !S_in(w, S_en_un_words) &&
      !S_prefixed(w, S_en_un_not))
    return 1;
  if (n >= 5 && !strncmp(w, "non", 3) && strcmp(w, "nonetheless"))
    return 1;
  if (n >= 6 &&
      (S_ends(w, n, "less") || S_ends(w, n, "lessly") ||
       S_ends(w, n, "lessness")) &&
      strcmp(w, "nevertheless") && strcmp(w, "nonetheless"))
    return 1;
  /* in-, im-, il-, ir-, dis- only on adjectives and adverbs ("invisible",
   * "incorrectly"): "informed", "invest", "disclose" are no negations. */
  static const char *const pre[] = {"in", "im", "il", "ir", "dis"};
  static const char *const adj[] = {
      "ible", "ibly",  "able", "ably",  "ent",  "ently", "ant", "antly",
      "ate",  "ately", "ive",  "ively", "al",   "ally",  "ect", "ectly",
      "ete",  "etely", "ular", "ous",   "ient", NULL};
  int is_adj = 0;
  for (size_t k = 0; adj[k] && !is_adj; k++)
    is_adj = S_ends(w, n, adj[k]);
  for (size_t k = 0; is_adj && k < sizeof pre / sizeof *pre; k++) {
    size_t m = strlen(pre[k]);
    if (n >= m + 4 && !strncmp(w, pre[k], m) &&
        mtai_english_known(cx, w + m, n - m))
      return 1;
  }
  return 0;
}

/* The cue of English token 'i' of the sentence [lo, hi). */
static int S_en_cue(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                    size_t i, size_t lo, size_t hi) {
  char w[S_WMAX], nx[S_WMAX];
  size_t n = S_lower(d, i, w);
  if (!n)
    return S_NONE;
  /* An all-caps negator is a keyword or shouting ("NOT NULL", "did
   * NOT"): a negator, not a plain one. */
  int caps = (d->toks[i].flags & MTAI_TF_ALLCAPS) != 0;
  if (S_in(w, S_en_plain) || S_en_nt(w, n))
    return caps ? S_STRONG : S_PLAIN;
  /* "don" "'" "t" when the tokenizer cut the contraction. */
  if (!strcmp(w, "t") && i >= lo + 2 && d->toks[i - 1].kind == MTAI_TOK_PUNCT &&
      !(d->toks[i].flags & MTAI_TF_SPACE_BEFORE)) {
    char pw[S_WMAX];
    size_t pn = S_lower(d, i - 2, pw);
    if (pn && pw[pn - 1] == 'n')
      return S_PLAIN;
  }
  if (!strcmp(w, "no")) {
    /* A determiner: a word follows; not the answer "No, ...", not "No. 1",
     * not a capitalized "No" inside a sentence (a name, a title). */
    if (i + 1 >= hi)
      return S_NONE;
    /* before a quotation mark, a bracket or a code token it negates too
     * ("no 'control' file", "no <key>", "no --multiversion") */
    if (d->toks[i + 1].kind == MTAI_TOK_PUNCT) {
      unsigned char c = (unsigned char)d->text[d->toks[i + 1].start];
      if (c < 0x80 && strchr(",.;:!?)]}", c))
        return S_NONE;
      return S_STRONG;
    }
    if ((d->toks[i].flags & MTAI_TF_UPPER) && i > lo &&
        d->toks[i - 1].kind == MTAI_TOK_WORD)
      return S_NONE;
    /* "assume no on ...", "yes or no": no determiner before a
     * function word. */
    if (S_in(S_word_at(d, i + 1, hi, nx), S_en_function))
      return S_NONE;
    return caps ? S_STRONG : S_PLAIN;
  }
  if (S_in(w, S_en_strong))
    return S_STRONG;
  if (!strcmp(w, "fail") || !strcmp(w, "fails") || !strcmp(w, "failed") ||
      !strcmp(w, "failing"))
    return !strcmp(S_word_at(d, i + 1, hi, nx), "to") ? S_STRONG : S_SOFT;
  if (S_in(w, S_en_soft) || S_prefixed(w, S_en_soft_stems))
    return S_SOFT;
  if (S_en_morph(cx, w, n))
    return S_MORPH;
  return S_NONE;
}

/* Idioms whose negation German need not repeat, as word pairs (and a
 * third word where given). */
static const char *const S_en_idioms[][3] = {
    {"not", "only", NULL},
    {"not", "just", NULL},
    {"not", "merely", NULL},
    {"not", "simply", NULL},
    {"not", "least", NULL},
    {"not", "until", NULL},
    {"not", "to", "mention"},
    {"not", "bad", NULL},
    {"no", "matter", NULL},
    {"no", "doubt", NULL},
    {"no", "wonder", NULL},
    {"no", "sooner", NULL},
    {"no", "more", "than"},
    {"no", "less", "than"},
    {"nothing", "but", NULL},
    {"nothing", "less", NULL},
    {"none", "other", NULL},
    {"never", "mind", NULL},
    {"or", "not", NULL},
    {"can't", "help", NULL},
    {"cannot", "help", NULL},
    {"couldn't", "help", NULL},
    {"can't", "wait", NULL},
    {"couldn't", "wait", NULL},
    {"can\xE2\x80\x99t", "help", NULL},
    {"couldn\xE2\x80\x99t", "help", NULL},
    {"can\xE2\x80\x99t", "wait", NULL},
    {"only", "help", "but"},
    {"no", "later", "than"},
    {"not", "later", "than"},
    {"no", "earlier", "than"},
    {"no", "fewer", "than"},
    {"not", "seen", "since"},
    {"nothing", "short", "of"},
    {"none", "the", "less"},
    {"not", "surprisingly", NULL},
    {"not", "long", NULL},
    {"needless", "to", NULL},
};

static const char *const S_en_pron[] = {
    "it", "you", "he", "she", "they", "we", "i", "there", "that", "this", NULL};

/* 1 when an idiom starts at English token 'i'. */
static int S_en_idiom(const struct mtai_doc *d, size_t i, size_t hi) {
  char w[S_WMAX], w1[S_WMAX], w2[S_WMAX];
  size_t n = S_lower(d, i, w);
  if (!n)
    return 0;
  S_word_at(d, i + 1, hi, w1);
  S_word_at(d, i + 2, hi, w2);
  for (size_t k = 0; k < sizeof S_en_idioms / sizeof *S_en_idioms; k++)
    if (!strcmp(w, S_en_idioms[k][0]) && !strcmp(w1, S_en_idioms[k][1]) &&
        (!S_en_idioms[k][2] || !strcmp(w2, S_en_idioms[k][2])))
      return 1;
  /* A tag question: "..., isn't it?", "don't you?". */
  if (S_en_nt(w, n) && i + 2 < hi && S_in(w1, S_en_pron) &&
      mtai_tok_eq(d, i + 2, "?") && i > 0 && mtai_tok_eq(d, i - 1, ","))
    return 1;
  return 0;
}

/* ---- German ----------------------------------------------------------- */

static const char *const S_de_plain[] = {
    "nicht",  "kein",    "keine",     "keinen",    "keinem",
    "keiner", "keines",  "keins",     "nie",       "niemals",
    "nichts", "niemand", "niemanden", "niemandem", NULL};
static const char *const S_de_strong[] = {
    "weder",        "ohne",        "nirgends",   "nirgendwo",
    "nirgendwohin", "nimmer",      "nimmermehr", "keinerlei",
    "keineswegs",   "keinesfalls", "mitnichten", NULL};
static const char *const S_de_soft[] = {
    "kaum",      "statt",   "anstatt", "erst",       "egal",        "nur",
    "lediglich", "bloß",    "wenig",   "wenige",     "weniger",     "wenigen",
    "weniges",   "wenigem", "außer",   "geschweige", "ausgenommen", "weg",
    "frei",      "sonst",   "vorbei",  "falsch",     NULL};
/* Stems of verbs and nouns that carry a negation ("scheiterte",
 * "verfehlt", "fehlende"). */
static const char *const S_de_soft_stems[] = {"fehl",
                                              "mangel",
                                              "mangl",
                                              "scheiter",
                                              "gescheiter",
                                              "verfehl",
                                              "versäum",
                                              "misslang",
                                              "misslingt",
                                              "misslung",
                                              "misslingen",
                                              "verweiger",
                                              "weiger",
                                              "ablehn",
                                              "abgelehnt",
                                              "lehnte",
                                              "verhinder",
                                              "vermeid",
                                              "vermied",
                                              "verbiet",
                                              "verbot",
                                              "ausgeschlossen",
                                              "vergess",
                                              "vergaß",
                                              "verpass",
                                              "ignorier",
                                              "aufhör",
                                              "aufgehört",
                                              "zweifel",
                                              "bezweifel",
                                              "unterlass",
                                              "verschwieg",
                                              "verschweig",
                                              "verzicht",
                                              "abwesen",
                                              "nirgend",
                                              "ausgeschaltet",
                                              "abgeschaltet",
                                              "ausschalt",
                                              "abschalt",
                                              "deaktivier",
                                              "übersprung",
                                              "überspring",
                                              "weglass",
                                              "ausgelassen",
                                              "höchstens",
                                              "maximal",
                                              "mindestens",
                                              "vermisst",
                                              "ausbleib",
                                              "ausgeblieben",
                                              "entging",
                                              "entgeh",
                                              "übersehen",
                                              "schweig",
                                              "schwieg",
                                              "bestreit",
                                              "bestritt",
                                              "verneint",
                                              "aufgeb",
                                              "aufgegeben",
                                              "unterbleib",
                                              "verschont",
                                              "abgesagt",
                                              "absag",
                                              "gestoppt",
                                              "stopp",
                                              "leer",
                                              "unterdrück",
                                              "verberg",
                                              "verbirg",
                                              "verborgen",
                                              "garnicht",
                                              "leugn",
                                              "dementier",
                                              "zurückgewiesen",
                                              "zurückweis",
                                              "fraglich",
                                              "abzuwarten",
                                              "ausstehend",
                                              "verwehr",
                                              "untersag",
                                              "selten",
                                              "erstmals",
                                              "erstmalig",
                                              "spätestens",
                                              "frühestens",
                                              "null",
                                              NULL};
/* Ends of compounds that carry a negation ("Lesefehler" for "can't
 * read", "Fahrverbot", "Wassermangel"). */
static const char *const S_de_soft_heads[] = {"fehler", "verbot", "verbote",
                                              "mangel", NULL};
/* German words that start with "un" and are not negated: whole words,
 * then beginnings. */
static const char *const S_de_un_words[] = {
    "und", "uns", "unten", "unze", "unzen", "unweit", "unlängst", NULL};
static const char *const S_de_un_not[] = {
    "unser", "unter",  "univers", "union",   "uniform", "ungefähr", "unbedingt",
    "ungar", "unesco", "unikat",  "unmenge", "unsumme", "unzahl",   NULL};

/* 1 when German 'w' is negative by its make: un-, nicht- compounds,
 * -los(e...), -losigkeit, -frei(e...). */
static int S_de_morph(const char *w, size_t n) {
  if (n >= 5 && !strncmp(w, "un", 2) && !S_in(w, S_de_un_words) &&
      !S_prefixed(w, S_de_un_not))
    return 1;
  if (n > 6 && !strncmp(w, "nicht", 5))
    return 1;
  static const char *const suf[] = {"los",   "lose",  "losen",     "loser",
                                    "loses", "losem", "losigkeit", NULL};
  for (size_t k = 0; suf[k]; k++)
    if (n >= 6 + strlen(suf[k]) - 3 && S_ends(w, n, suf[k]))
      return 1;
  static const char *const fre[] = {"frei",   "freie",  "freien", "freier",
                                    "freies", "freiem", NULL};
  for (size_t k = 0; fre[k]; k++)
    if (n >= 7 + strlen(fre[k]) - 4 && S_ends(w, n, fre[k]))
      return 1;
  return 0;
}

static int S_de_cue(const struct mtai_doc *d, size_t i) {
  char w[S_WMAX];
  size_t n = S_lower(d, i, w);
  if (!n)
    return S_NONE;
  if (S_in(w, S_de_plain))
    return S_PLAIN;
  if (S_in(w, S_de_strong))
    return S_STRONG;
  if (S_in(w, S_de_soft) || S_prefixed(w, S_de_soft_stems))
    return S_SOFT;
  for (size_t k = 0; S_de_soft_heads[k]; k++)
    if (S_ends(w, n, S_de_soft_heads[k]))
      return S_SOFT;
  if (S_de_morph(w, n))
    return S_MORPH;
  return S_NONE;
}

static const char *const S_de_idioms[][3] = {
    {"nicht", "nur", NULL},
    {"nicht", "bloß", NULL},
    {"nicht", "allein", NULL},
    {"nicht", "zuletzt", NULL},
    {"nicht", "wahr", NULL},
    {"kein", "wunder", NULL},
    {"nichts", "als", NULL},
    {"nicht", "anders", NULL},
    {"oder", "nicht", NULL},
    {"nicht", "umhin", NULL},
    {"nicht", "mehr", "als"},
    {"nicht", "weniger", "als"},
    {"nicht", "minder", NULL},
    {"nichtsdestotrotz", NULL, NULL},
    {"nichtsdestoweniger", NULL, NULL},
};

static int S_de_idiom(const struct mtai_doc *d, size_t i, size_t hi) {
  char w[S_WMAX], w1[S_WMAX], w2[S_WMAX];
  if (!S_lower(d, i, w))
    return 0;
  S_word_at(d, i + 1, hi, w1);
  S_word_at(d, i + 2, hi, w2);
  for (size_t k = 0; k < sizeof S_de_idioms / sizeof *S_de_idioms; k++)
    if (!strcmp(w, S_de_idioms[k][0]) &&
        (!S_de_idioms[k][1] || !strcmp(w1, S_de_idioms[k][1])) &&
        (!S_de_idioms[k][2] || !strcmp(w2, S_de_idioms[k][2])))
      return 1;
  return 0;
}

/* ---- reading a side --------------------------------------------------- */

/* Adds the cues of tokens [lo, hi) of 'd' (one sentence; English when
 * 'en') to 's'. */
static void S_read(const struct mtai_check_ctx *cx, const struct mtai_doc *d,
                   size_t lo, size_t hi, int en, struct S_side *s) {
  size_t last_neg = SIZE_MAX; /* the last negator's token */
  int last_neither = 0;
  for (size_t i = lo; i < hi; i++) {
    const struct mtai_token *t = &d->toks[i];
    if (t->kind == MTAI_TOK_PUNCT) {
      if (mtai_tok_eq(d, i, "?"))
        s->question = 1;
      continue;
    }
    s->words++;
    if (!en) {
      char w[S_WMAX];
      size_t n = S_lower(d, i, w);
      if (n && (!strcmp(w, "not") || !strcmp(w, "never") || !strcmp(w, "no") ||
                !strcmp(w, "cannot") || S_en_nt(w, n)))
        s->english++;
    }
    if (en ? S_en_idiom(d, i, hi) : S_de_idiom(d, i, hi))
      s->idiom++;
    int c = en ? S_en_cue(cx, d, i, lo, hi) : S_de_cue(d, i);
    if (c == S_NONE)
      continue;
    if (c == S_SOFT || c == S_MORPH) {
      s->soft++;
      /* "not unlike", "nicht unmöglich": double negation, not read. (A
       * word negative by meaning with a negator, "did not lose", may come
       * out as its antonym, "gewann": a soft cue on the negated side
       * makes no finding sure.) */
      if (last_neg != SIZE_MAX && c == S_MORPH && i - last_neg <= 3)
        s->dbl = 1;
      continue;
    }
    char w[S_WMAX];
    S_lower(d, i, w);
    int neither = !strcmp(w, "neither") || !strcmp(w, "weder");
    int nor = !strcmp(w, "nor");
    /* "neither ... nor": one negation. */
    if (nor && last_neither)
      continue;
    if (last_neg != SIZE_MAX && i - last_neg <= 3 && !nor)
      s->dbl = 1;
    last_neg = i;
    last_neither = neither;
    s->strong++;
    if (c == S_PLAIN)
      s->plain++;
    if (s->cue == SIZE_MAX)
      s->cue = i;
  }
}

/* ---- the check -------------------------------------------------------- */

/* Sentence beads' sides and the totals of their paragraph beads. */
struct S_bead {
  struct S_side t, s;
  size_t pb; /* paragraph bead, SIZE_MAX when none */
};

/* 1 when bead 'b' is not read: an idiom on either side, or English
 * negators in the target (untranslated text: another rule's). */
static int S_skip(const struct S_bead *b) {
  return b->t.idiom || b->s.idiom || b->t.english;
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *out) {
  (void)state;
  const struct mtai_bitext *bi = out->bi;
  const struct mtai_doc *d = out->doc;
  if (!bi || !bi->nsb)
    return MTA_OK;
  const struct mtai_doc *sd = &bi->src;
  struct S_bead *bs = calloc(bi->nsb, sizeof *bs);
  /* Per paragraph bead: [0] target cues (negators + soft), [1] target
   * negators, [2] source cues, [3] source negators. */
  unsigned(*pt)[4] = calloc(bi->npb ? bi->npb : 1, sizeof *pt);
  if (!bs || !pt) {
    free(bs);
    free(pt);
    return MTA_ERR_NOMEM;
  }
  for (size_t k = 0; k < bi->nsb; k++) {
    const struct mtai_bead *b = &bi->sb[k];
    struct S_bead *e = &bs[k];
    e->t.cue = e->s.cue = SIZE_MAX;
    e->pb = SIZE_MAX;
    for (uint32_t j = b->t_first; j < b->t_end && j < d->nsent; j++)
      S_read(cx, d, d->sents[j].tok_first, d->sents[j].tok_end, 0, &e->t);
    for (uint32_t j = b->s_first; j < b->s_end && j < sd->nsent; j++)
      S_read(cx, sd, sd->sents[j].tok_first, sd->sents[j].tok_end, 1, &e->s);
    if (b->t_end > b->t_first && b->t_first < d->nsent)
      e->pb = bi->t_pbead[d->sents[b->t_first].para];
    else if (b->s_end > b->s_first && b->s_first < sd->nsent)
      e->pb = bi->s_pbead[sd->sents[b->s_first].para];
    if (e->pb >= bi->npb) {
      e->pb = SIZE_MAX;
      continue;
    }
    pt[e->pb][0] += e->t.strong + e->t.soft;
    pt[e->pb][1] += e->t.strong;
    pt[e->pb][2] += e->s.strong + e->s.soft;
    pt[e->pb][3] += e->s.strong;
  }
  mta_status st = MTA_OK;
  for (size_t k = 0; !st && k < bi->nsb; k++) {
    const struct mtai_bead *b = &bi->sb[k];
    const struct S_bead *e = &bs[k];
    if (b->skipped || b->t_end <= b->t_first || b->s_end <= b->s_first ||
        e->pb == SIZE_MAX || S_skip(e))
      continue;
    const struct mtai_bead *p = &bi->pb[e->pb];
    if (p->skipped)
      continue;
    int lost = e->s.strong && !e->t.strong && !e->t.soft && !e->s.dbl &&
               pt[e->pb][0] < pt[e->pb][3];
    int added = e->t.strong && !e->s.strong && !e->s.soft && !e->t.dbl &&
                pt[e->pb][2] < pt[e->pb][1];
    if (!lost && !added)
      continue;
    const struct S_side *neg = lost ? &e->s : &e->t;
    int one_one = b->t_end - b->t_first == 1 && b->s_end - b->s_first == 1;
    double ratio = e->s.words ? (double)e->t.words / (double)e->s.words : 0;
    int sure = one_one && neg->strong == 1 && neg->plain == 1 && !neg->soft &&
               !e->s.question && !e->t.question && ratio >= 0.5 && ratio <= 2.0;
    /* An added negation is minor: it is often a paraphrase ("ambiguous"
     * = "nicht eindeutig", "Everyone was surprised" = "Niemand hatte
     * damit gerechnet"), which the words alone do not tell from an
     * error. */
    if (added)
      sure = 0;
    mta_severity sev = sure ? MTA_SEV_MAJOR : MTA_SEV_MINOR;
    size_t ts, te, ss, se;
    if (!mtai_bead_tgt_span(d, b, 0, &ts, &te) ||
        !mtai_bead_src_span(bi, b, 0, &ss, &se))
      continue;
    if (lost) {
      const struct mtai_token *c = &sd->toks[e->s.cue];
      st = mtai_finding_add_src(
          out, &S_rules[0], sev, ts, te, ss, se, NULL,
          "negation lost: the source says '%.*s'; the target sentence has "
          "no negation (nicht, kein, nie ...)",
          (int)(c->end - c->start), sd->text + c->start);
    } else {
      const struct mtai_token *c = &d->toks[e->t.cue];
      st = mtai_finding_add_src(
          out, &S_rules[0], sev, c->start, c->end, ss, se, NULL,
          "negation added: the target says '%.*s'; the source sentence has "
          "no negation",
          (int)(c->end - c->start), d->text + c->start);
    }
  }
  free(bs);
  free(pt);
  return st;
}

const struct mta_check mtai_check_negation = {
    "negation", S_rules, sizeof S_rules / sizeof S_rules[0], NULL, S_run, NULL};
