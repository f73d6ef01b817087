/*
 * word-order/verb-position: in a subordinate clause the finite verb
 * belongs at the end ("..., dass die Regierung die Mittel gekürzt hat");
 * English order leaves it second ("..., dass die Regierung hat die Mittel
 * gekürzt") -- major.
 *
 * A clause opens with a subordinating conjunction (dict/de-conjunctions.txt:
 * dass, weil, ob, obwohl, wenn, nachdem, ...) and ends at the next comma,
 * semicolon, colon, dash, quotation mark or sentence end. It is reported
 * when a finite auxiliary or modal (the closed class, whose forms are
 * unambiguous) is followed by at least two words of which one is no verb
 * form, and the clause ends in an infinitive or participle: the verb
 * cluster was split. "dass er sich hat helfen lassen" (only verb forms
 * after "hat") is German and not reported, nor is a verb cluster at
 * the clause end (an infinitive or participle right before the finite
 * auxiliary: "dass sie Probleme bekommen könnten", "... haben könntest
 * zu verstehen") with what follows it, or a comparison after the verb.
 * "bis", "seit" before an adverb or preposition are prepositions ("bis
 * jetzt ist ..."). Rule 2 (two finite verbs in a main clause) stops at a
 * coordinating conjunction, which starts a second main clause with its
 * own verb ("Jahre vergehen und dieses Lied klingt ..."), except "und" or
 * "oder" joining the subject after an inverted plural verb ("erscheinen
 * Herr Kim und seine Tochter fahren ...").
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const struct mta_rule S_rules[] = {
    {.id = "word-order/verb-position",
     .category = MTAI_CAT_WORD_ORDER,
     .severity = MTA_SEV_MAJOR,
     .summary =
         N_("finite verb not at the end of a subordinate clause (\"dass die "
            "Regierung hat die Mittel gekürzt\")"),
     .explanation = N_(
         "In a subordinate clause (dass, weil, ob, obwohl, wenn, nachdem, …) "
         "or a relative clause the finite verb stands second, in English "
         "order, instead of last; or a main clause has two finite verbs with "
         "no comma or conjunction between them. Not reported: comparisons "
         "after the verb ('mehr verdient als …'), verb clusters at the clause "
         "end ('dass sie Probleme bekommen könnten') and what follows them, a "
         "second main clause after und/oder/aber without a comma, verbs with "
         "a bare infinitive "
         "('ging einkaufen'), attributive participles ('die vom Iran "
         "unterstützte Miliz'). Move the verb to the end of the clause."),
     .wrong = "Er sagte, dass die Regierung hat die Mittel gekürzt.",
     .right = "Er sagte, dass die Regierung die Mittel gekürzt hat."},
};

static unsigned S_classes(struct mtai_lexicon *lx, struct mtai_doc *d,
                          size_t i) {
  return mtai_tok_classes(lx, d, i, 0);
}

static int S_clause_end(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i) {
  /* "und"/"oder" may lead back to the main clause ("bis ... einsparen und
   * hat bereits ..."). */
  if (d->toks[i].kind == MTAI_TOK_WORD)
    return (mtai_tok_classes(lx, d, i, 0) & MTAI_LEX_CONJ_COORD) != 0;
  static const char *const ends[] = {
      ",", ";", ":", ".", "!", "?", "\xE2\x80\x93", "-", "(", ")"};
  if (d->toks[i].kind != MTAI_TOK_PUNCT)
    return 0;
  /* A quotation mark, except the closing single one, which is also an
   * apostrophe. */
  unsigned q = mtai_tok_quote_exact(d, i);
  if (q != MTAI_Q_NONE && q != MTAI_Q_RIGHT_SINGLE)
    return 1;
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
    if (mtai_tok_eq(d, i, ends[k]))
      return 1;
  return 0;
}

static int S_lower_word(struct mtai_doc *d, size_t i) {
  return d->toks[i].kind == MTAI_TOK_WORD &&
         !(d->toks[i].flags & MTAI_TF_UPPER);
}

/* An open-class finite verb form that is nothing else: not an
 * infinitive, participle, adjective, noun or closed-class word. 'inf_ok'
 * lets infinitive-like plurals through ("fahren"). A form in -te, -ten,
 * -tes, -ter, -tem before a capitalized word is an attributive participle
 * ("die vom Iran unterstützte Hisbollah"). */
static int S_open_finite(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i,
                         int inf_ok) {
  if (!S_lower_word(d, i))
    return 0;
  if (i + 1 < d->ntok && d->toks[i + 1].kind == MTAI_TOK_WORD &&
      (d->toks[i + 1].flags & MTAI_TF_UPPER)) {
    static const char *const ends[] = {"te", "ten", "tes", "ter", "tem"};
    const char *w = d->text + d->toks[i].start;
    size_t n = mtai_tok_len(d, i);
    for (size_t k = 0; k < 5; k++) {
      size_t el = strlen(ends[k]);
      if (n > el + 2 && !memcmp(w + n - el, ends[k], el))
        return 0;
    }
  }
  unsigned c = S_classes(lx, d, i);
  unsigned no = MTAI_LEX_ADJ | MTAI_LEX_NOUN | MTAI_LEX_DET | MTAI_LEX_PRON |
                MTAI_LEX_PREP | MTAI_LEX_CONJ_COORD | MTAI_LEX_CONJ_SUB |
                MTAI_LEX_ADV_CONJ | MTAI_LEX_ADV | MTAI_LEX_AUX |
                MTAI_LEX_NONFINITE;
  if (!inf_ok)
    no |= MTAI_LEX_INF | MTAI_LEX_PARTICIPLE;
  return (c & MTAI_LEX_FINITE) && !(c & no);
}

/* 1 when token 'i' is an auxiliary or modal that continues a verb
 * cluster ("bekommen könnten", "verhaftet worden"), not the possessive
 * "sein". */
static int S_cluster_next(struct mtai_lexicon *lx, struct mtai_doc *d,
                          size_t i) {
  if (i >= d->ntok || !S_lower_word(d, i))
    return 0;
  unsigned c = S_classes(lx, d, i);
  return (c & (MTAI_LEX_AUX | MTAI_LEX_NONFINITE)) && !(c & MTAI_LEX_DET);
}

/* Rule 1: the finite verb of a subordinate clause (i, e) that is not at
 * its end. Returns the verb's token or (size_t)-1. 'rel' is set for a
 * relative clause, whose pronoun is the subject. */
static size_t S_verb_second(struct mtai_lexicon *lx, struct mtai_doc *d,
                            size_t i, size_t e, int rel) {
  const unsigned verbish =
      MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_NONFINITE | MTAI_LEX_AUX;
  unsigned last = e > i + 1 ? S_classes(lx, d, e - 1) : 0;
  for (size_t v = i + 1; v + 1 < e; v++) {
    if (rel && v > i + 1)
      return (size_t)-1; /* relative clauses: only right after the pronoun */
    if (!S_lower_word(d, v))
      continue;
    unsigned vc = S_classes(lx, d, v);
    /* A verb form right before a finite auxiliary or modal is part of the
     * clause-final verb cluster ("Probleme bekommen könnten", "verhaftet
     * worden sein soll", "Schwierigkeiten haben könntest"), not the finite
     * verb. */
    if ((vc & (verbish | MTAI_LEX_FINITE)) && S_cluster_next(lx, d, v + 1))
      continue;
    if (vc & MTAI_LEX_AUX) {
      /* The end of a verb cluster ("bekommen könnten", "gekürzt hat"):
       * the clause is verb-final, and what follows is moved out of it (a
       * zu-infinitive, a comparison, a prepositional phrase: "... haben
       * könntest zu verstehen"). */
      if (v > i + 1 && S_lower_word(d, v - 1) &&
          (S_classes(lx, d, v - 1) &
           (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_NONFINITE)))
        return (size_t)-1;
      /* A comparison may follow the final verb ("dass sie schneller ist
       * als gedacht"); one inside the clause ("weil er will mehr Geld als
       * sein Bruder verdienen") is no excuse. */
      if (mtai_tok_eq(d, v + 1, "als") || mtai_tok_eq(d, v + 1, "wie"))
        return (size_t)-1;
      /* A finite auxiliary or modal followed by a non-verb, the rest of
       * the cluster at the clause end ("dass er hat ... gekürzt"); only
       * verb forms after it ("dass er sich hat helfen lassen") is German. */
      if (v + 2 >= e)
        return (size_t)-1;
      int other = 0;
      for (size_t k = v + 1; k < e; k++)
        if (!(S_classes(lx, d, k) & verbish))
          other = 1;
      if (!other ||
          !(last & (MTAI_LEX_INF | MTAI_LEX_PARTICIPLE | MTAI_LEX_NONFINITE)))
        return (size_t)-1;
      return v;
    }
    /* (Participle-like forms are allowed: "kämpft" is also listed as
     * one; a clause ending in a participle is excluded below.) */
    if ((rel || v > i + 1) && S_open_finite(lx, d, v, 1) &&
        !(vc & MTAI_LEX_INF)) {
      /* An open-class finite verb with words after it that end in no verb
       * form ("dass er baut in Magdeburg kein neues Werk"); a comparison
       * may follow the verb ("dass er mehr verdient als sein Chef"). */
      if (last & (MTAI_LEX_FINITE | verbish))
        return (size_t)-1;
      for (size_t k = v + 1; k < e; k++)
        if (mtai_tok_eq(d, k, "als") || mtai_tok_eq(d, k, "wie"))
          return (size_t)-1;
      return v;
    }
  }
  return (size_t)-1;
}

/* Verbs that take a bare infinitive ("ließ ihn warten", "ging einkaufen",
 * "blieb sitzen", "sah ihn kommen"): a second verb after them is German. */
static int S_bare_inf_verb(struct mtai_doc *d, size_t i) {
  static const char *const v[] = {
      "lässt",   "ließ",   "ließen",  "lassen",   "sieht",   "sah",
      "sahen",   "sehen",  "hört",    "hörte",    "hörten",  "hören",
      "hilft",   "half",   "halfen",  "helfen",   "geht",    "ging",
      "gingen",  "gehen",  "kommt",   "kam",      "kamen",   "kommen",
      "bleibt",  "blieb",  "blieben", "bleiben",  "lernt",   "lernte",
      "lernten", "lernen", "fährt",   "fuhr",     "fuhren",  "fahren",
      "fühlt",   "fühlte", "spürt",   "spürte",   "heißt",   "hieß",
      "legt",    "legte",  "legten",  "brauchen", "braucht", "brauchte",
      NULL};
  for (size_t k = 0; v[k]; k++)
    if (mtai_tok_eq(d, i, v[k]))
      return 1;
  return 0;
}

/* 1 when token 'i' may be a plural verb form (-en, -n: "erscheinen",
 * "kamen"). */
static int S_plural(struct mtai_doc *d, size_t i) {
  size_t n = mtai_tok_len(d, i);
  return n > 2 && d->text[d->toks[i].start + n - 1] == 'n';
}

/* Rule 2: two finite verbs in one main clause [c0, e) with no comma or
 * conjunction between them ("Am Dienstag besuchte der Kanzler das Werk
 * sprach mit ...", "Im März erscheinen Herr Kim und seine Tochter fahren
 * in ..."). Returns the second verb or (size_t)-1. */
static size_t S_two_verbs(struct mtai_lexicon *lx, struct mtai_doc *d,
                          size_t c0, size_t e, size_t *v1out) {
  size_t v1 = (size_t)-1;
  for (size_t k = c0; k < e && v1 == (size_t)-1; k++)
    if (S_lower_word(d, k) && (S_classes(lx, d, k) & MTAI_LEX_FINITE))
      v1 = k;
  if (v1 == (size_t)-1 || (S_classes(lx, d, v1) & MTAI_LEX_AUX) ||
      !S_open_finite(lx, d, v1, 1) || S_bare_inf_verb(d, v1))
    return (size_t)-1;
  /* Inverted order (an adverbial first: "Im März erscheinen ..."): the
   * subject follows the verb and may be coordinated ("Herr Kim und seine
   * Tochter"); otherwise "und" may start a new clause ("Er las das Buch
   * und seine Frau schlief"). */
  unsigned c0c = S_classes(lx, d, c0);
  int inverted = v1 > c0 &&
                 (c0c & (MTAI_LEX_PREP | MTAI_LEX_ADV | MTAI_LEX_ADV_CONJ)) &&
                 !(c0c & (MTAI_LEX_DET | MTAI_LEX_PRON));
  int joined = 0; /* passed an "und" joining the subject */
  for (size_t v2 = v1 + 1; v2 + 1 < e; v2++) {
    /* A coordinating conjunction starts a second main clause, which has
     * its own verb ("Jahre vergehen und dieses Lied erklingt"), unless
     * the clause is inverted and it joins the subject after the verb: "und"
     * or "oder" with a word between verb and conjunction and a plural
     * verb ("erscheinen Herr Kim und seine Tochter"). */
    if (S_lower_word(d, v2) && (S_classes(lx, d, v2) & MTAI_LEX_CONJ_COORD)) {
      if (!inverted || v2 == v1 + 1 || !S_plural(d, v1) ||
          !(mtai_tok_eq(d, v2, "und") || mtai_tok_eq(d, v2, "oder")))
        return (size_t)-1;
      joined = 1;
      continue;
    }
    if (v2 == v1 + 1 || mtai_tok_eq(d, v2 - 1, "zu") ||
        !S_open_finite(lx, d, v2, 1))
      continue;
    /* After a joined subject, a singular verb belongs to a second clause
     * with its own subject ("Heute leben mehr Menschen in Städten und die
     * Zahl wächst weiter"). */
    if (joined && !S_plural(d, v2))
      return (size_t)-1;
    /* An infinitive or participle before a finite auxiliary or modal
     * ("... zerquetschen würde") belongs to that verb's cluster. */
    if (S_cluster_next(lx, d, v2 + 1))
      continue;
    if (d->toks[v2 - 1].kind == MTAI_TOK_WORD &&
        (S_classes(lx, d, v2 - 1) & MTAI_LEX_CONJ_COORD))
      return (size_t)-1; /* "kam und sah" */
    /* A word follows it in the clause (a final infinitive may be a
     * complement: "Er geht heute einkaufen"). */
    if (d->toks[v2 + 1].kind != MTAI_TOK_WORD)
      return (size_t)-1;
    *v1out = v1;
    return v2;
  }
  return (size_t)-1;
}

/* Runs rule 2 on the main clause stretch [c0, e) and reports. */
static mta_status S_check_main(struct mtai_lexicon *lx, struct mtai_findings *r,
                               size_t c0, size_t e) {
  struct mtai_doc *d = r->doc;
  size_t v1 = 0, v2 = e > c0 + 2 ? S_two_verbs(lx, d, c0, e, &v1) : (size_t)-1;
  if (v2 == (size_t)-1)
    return MTA_OK;
  const struct mtai_token *t = &d->toks[v2], *t1 = &d->toks[v1];
  return mtai_finding_add(
      r, &S_rules[0], S_rules[0].severity, t->start, t->end, NULL,
      "'%.*s' is a second finite verb in the clause of '%.*s', with no comma "
      "or conjunction between them: two sentences merged or garbled",
      (int)(t->end - t->start), d->text + t->start, (int)(t1->end - t1->start),
      d->text + t1->start);
}

/* 1 when conjunction 'i', which is a preposition too ("bis", "seit",
 * "während"), is used as the preposition: an adverb or a preposition
 * follows ("bis jetzt", "seit gestern", "bis zum Ende"). */
static int S_prep_use(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i,
                      size_t end) {
  if (!(S_classes(lx, d, i) & MTAI_LEX_PREP) || i + 1 >= end ||
      !S_lower_word(d, i + 1))
    return 0;
  unsigned c = S_classes(lx, d, i + 1);
  return (c & (MTAI_LEX_ADV | MTAI_LEX_PREP)) &&
         !(c & (MTAI_LEX_DET | MTAI_LEX_PRON));
}

static mta_status S_run(void *state, const struct mtai_check_ctx *cx,
                        struct mtai_findings *r) {
  struct mtai_lexicon *lx = cx->lexicon;
  (void)state;
  struct mtai_doc *d = r->doc;
  for (size_t si = 0; lx && si < d->nsent; si++) {
    const struct mtai_sentence *sn = &d->sents[si];
    if (d->paras[sn->para].kind == MTAI_PARA_BOILERPLATE)
      continue; /* site chrome: not translated prose */
    if (sn->tok_end > sn->tok_first && mtai_tok_eq(d, sn->tok_end - 1, "?"))
      continue;
    size_t c0 = sn->tok_first; /* start of the current main clause part */
    for (size_t i = sn->tok_first; i < sn->tok_end; i++) {
      if (d->toks[i].kind == MTAI_TOK_PUNCT) {
        if (S_clause_end(lx, d, i)) {
          /* A main-clause stretch ends: look for two finite verbs. */
          mta_status st = S_check_main(lx, r, c0, i);
          if (st)
            return st;
          c0 = i + 1;
        }
        continue;
      }
      /* Openers: a subordinating conjunction (not "als" and "wie", which
       * also compare and may take verb-second: "als wolle er ..."), or a
       * relative pronoun after a comma and a noun ("Die Bürger, die haben
       * ihr Haus verloren"). */
      unsigned oc = S_classes(lx, d, i);
      int sub = (oc & MTAI_LEX_CONJ_SUB) && S_lower_word(d, i) &&
                !mtai_tok_eq(d, i, "als") && !mtai_tok_eq(d, i, "wie") &&
                !S_prep_use(lx, d, i, sn->tok_end);
      int rel = !sub && (oc & MTAI_LEX_RELPRON) && S_lower_word(d, i) &&
                i >= sn->tok_first + 2 && mtai_tok_eq(d, i - 1, ",") &&
                d->toks[i - 2].kind == MTAI_TOK_WORD &&
                (d->toks[i - 2].flags & MTAI_TF_UPPER) &&
                (S_classes(lx, d, i - 2) & MTAI_LEX_NOUN);
      if (!sub && !rel) {
        if (i == c0 && (oc & (MTAI_LEX_CONJ_SUB | MTAI_LEX_RELPRON)) &&
            S_lower_word(d, i))
          c0 = sn->tok_end; /* a subordinate clause: not a main clause */
        continue;
      }
      size_t e = i + 1;
      while (e < sn->tok_end && !S_clause_end(lx, d, e))
        e++;
      size_t v = S_verb_second(lx, d, i, e, rel);
      if (v != (size_t)-1) {
        const struct mtai_token *t = &d->toks[v], *o = &d->toks[i],
                                *z = &d->toks[e - 1];
        mta_status st = mtai_finding_add(
            r, &S_rules[0], S_rules[0].severity, t->start, t->end, NULL,
            "'%.*s' stands second in the clause opened by '%.*s'; German "
            "puts the finite verb at the end of the clause ('... %.*s %.*s')",
            (int)(t->end - t->start), d->text + t->start,
            (int)(o->end - o->start), d->text + o->start,
            (int)(z->end - z->start), d->text + z->start,
            (int)(t->end - t->start), d->text + t->start);
        if (st)
          return st;
      }
      /* The main clause part before the opener ends here. */
      mta_status st = S_check_main(lx, r, c0, i);
      if (st)
        return st;
      c0 = e < sn->tok_end ? e + 1 : sn->tok_end;
      i = e;
    }
  }
  return MTA_OK;
}

const struct mta_check mtai_check_verbpos = {
    "verb-position", S_rules, sizeof S_rules / sizeof S_rules[0], NULL,
    S_run,           NULL};
