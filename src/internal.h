/*
 * Private data model shared by the library's modules. Nothing here is part
 * of the public API; see include/mtaudit.h for that.
 *
 * Text model: after decoding, a document is one UTF-8 string in NFC form.
 * Every position below is a byte offset into that string. Line ends are kept
 * as they were (LF, CRLF or a lone CR), so for a UTF-8 file without BOM that
 * is already NFC the offsets are the file's byte offsets.
 */
#ifndef MTAUDIT_INTERNAL_H
#define MTAUDIT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "mtaudit.h"
#include "buf.h"

#define MTAI_DEFAULT_MAX_DOC ((size_t)64 * 1024 * 1024)

/* ---- rules and categories ------------------------------------------- */

/* The categories of rules, one line each: enum suffix, name (the prefix
 * of its rule ids), colour of the HTML report (0xRRGGBB, the underline; a
 * light tint of it for the highlight) and whether its findings are about
 * the scraping rather than the translation (they cost no points unless
 * --score-all). Adding a category is one line here. */
#define MTAI_CATEGORIES(X)                                                     \
  X(SPELLING, "spelling", 0xc62828, 0)                 /* red */               \
  X(ENGLISH_LEFTOVER, "english-leftover", 0x1565c0, 0) /* blue */              \
  X(SPLIT_SENTENCE, "split-sentence", 0xb45f06, 0)     /* orange */            \
  X(WORD_ORDER, "word-order", 0x6a1b9a, 0)             /* purple */            \
  X(GARBLED, "garbled", 0xad1457, 0)                   /* crimson */           \
  X(COMPOUND, "compound", 0x00796b, 0)                 /* teal */              \
  X(PUNCTUATION, "punctuation", 0x8a6d00, 0)           /* ochre */             \
  X(CONSISTENCY, "consistency", 0x6d4c41, 0)           /* brown */             \
  X(GRAMMAR, "grammar", 0x2e7d32, 0)                   /* green */             \
  X(ACCURACY, "accuracy", 0x283593, 0)                 /* indigo */            \
  X(BOILERPLATE, "boilerplate", 0x757575, 1)           /* grey */              \
  X(DUPLICATE, "duplicate", 0x546e7a, 1)               /* blue grey */

enum mtai_category {
#define MTAI_CAT_ENUM(id, name, rgb, scraper) MTAI_CAT_##id,
  MTAI_CATEGORIES(MTAI_CAT_ENUM)
#undef MTAI_CAT_ENUM
      MTAI_CAT__COUNT
};

/* The name of 'cat' ("spelling"), "unknown" out of range. */
const char *mtai_category_name(enum mtai_category cat);
/* Its colour in the HTML report, 0xRRGGBB. */
unsigned long mtai_category_rgb(enum mtai_category cat);
/* 1 when its findings are about the scraping (boilerplate, duplicates). */
int mtai_category_scraper(enum mtai_category cat);

/* A rule is what a finding is an instance of. Its id is stable and
 * documented: "category/name". Each check owns the rules it reports and
 * defines them, documentation included, in one table of its own file
 * (the registry, --list-rules, --explain, SARIF and HTML read it).
 *
 * 'explanation' (--explain, SARIF): what the rule finds, why machine
 * translation produces it, what is not reported, the fix; one line.
 * 'wrong' is text as the auditor sees it and is reported by the rule;
 * 'right' is the corrected text and is not reported, or, where the fix
 * is deleting the reported span, an instruction in parentheses ("(delete
 * the line)"). A duplicated paragraph cannot be shown on one line: its
 * examples give the paragraph, then where it stands in parentheses.
 * tests/check_rules.c audits both examples of every rule. */
struct mta_rule {
  const char *id;
  enum mtai_category category;
  mta_severity severity; /* default severity */
  const char *summary;   /* one line, English */
  const char *explanation;
  const char *wrong, *right;
  /* 1 when a suggestion of this rule is the replacement text of the
   * finding's span (SARIF fixes); 0 when it is advice or a value to
   * write elsewhere. */
  int replaces;
};

/* ---- the document ---------------------------------------------------- */

enum mtai_tok_kind {
  MTAI_TOK_WORD,   /* letters (may contain inner hyphens/apostrophes) */
  MTAI_TOK_NUMBER, /* digits, possibly with . , separators */
  MTAI_TOK_PUNCT,  /* any other non-space character run */
};

/* Token flags. */
#define MTAI_TF_UPPER 0x01        /* first letter is upper case */
#define MTAI_TF_ALLCAPS 0x02      /* every letter upper case, 2+ letters */
#define MTAI_TF_SPACE_BEFORE 0x04 /* whitespace directly before */
#define MTAI_TF_HYPHEN 0x08       /* joined from parts with '-' */

#define MTAI_TF__BITS 4

/* Memory (see docs/DESIGN.md, "Memory"): the document model is sized per
 * byte of text. Offsets and indices are 32-bit, and a token's offsets are
 * MTAI_OFF_BITS wide so that a token takes 8 bytes; mtai_segment() refuses
 * a longer text (MTA_ERR_TOO_LARGE). Decoding and NFC at most triple
 * UTF-8, UTF-16 and Windows-1252 input (NFC expands UTF-8 by at most 3x;
 * the characters of Windows-1252 do not expand), so every such document
 * under the default cap of 64 MiB fits in 256 MiB. */
#define MTAI_OFF_BITS 28
#define MTAI_MAX_TEXT (((size_t)1 << MTAI_OFF_BITS) - 1)
_Static_assert(3 * MTAI_DEFAULT_MAX_DOC < MTAI_MAX_TEXT,
               "token offsets must hold any document under the default cap");
_Static_assert((MTAI_TF_HYPHEN << 1) <= (1 << MTAI_TF__BITS),
               "token flags must fit their bit-field");

/* 8 bytes. Read the fields as usual (they promote to int); build one with
 * designated initializers. */
struct mtai_token {
  unsigned start : MTAI_OFF_BITS;
  unsigned kind : 4; /* enum mtai_tok_kind */
  unsigned end : MTAI_OFF_BITS;
  unsigned flags : MTAI_TF__BITS; /* MTAI_TF_* */
};

struct mtai_sentence {
  uint32_t start, end;         /* byte span, trimmed of surrounding space */
  uint32_t tok_first, tok_end; /* tokens [tok_first, tok_end) */
  uint32_t para;               /* index of its paragraph */
};

enum mtai_para_kind {
  MTAI_PARA_TEXT,
  MTAI_PARA_HEADING,
  MTAI_PARA_BOILERPLATE,
  MTAI_PARA_CAPTION /* a photo caption ending in a credit */
};

const char *mtai_para_kind_name(enum mtai_para_kind kind);

/* 64 bytes: the rare boilerplate mark (kind name, evidence, span) lives
 * in the document's side table, read with mtai_para_bp(). */
struct mtai_paragraph {
  uint32_t start, end;           /* from first to last non-blank line */
  uint32_t line;                 /* 1-based line of 'start' */
  uint32_t sent_first, sent_end; /* sentences [sent_first, sent_end) */
  uint32_t tok_first, tok_end;   /* tokens [tok_first, tok_end) */
  uint32_t words;                /* word and number tokens */
  /* classify.c: 1 + index in d->bp of why the paragraph (or the span of
   * it) is not article text, 0 when it all is. */
  uint32_t bp;
  /* annotate_dup.c: 1 + index of the paragraph it repeats, or 0. */
  uint32_t dup_of;
  unsigned penalty; /* MQM penalty points of its findings */
  /* Findings past MTAI_MAX_FINDINGS are not kept, but they still count:
   * their penalty points and highest severity (+1, 0 = none), [0] for
   * findings about the text, [1] for the scraping (boilerplate,
   * duplicate), which only --score-all scores. */
  unsigned drop_penalty[2];
  unsigned char kind;         /* enum mtai_para_kind */
  unsigned char scored : 1;   /* counted in the article score (score.c) */
  unsigned char dup_near : 1; /* dup_of repeats it nearly, not verbatim */
  unsigned char drop_sev[2];
  double score;
};

_Static_assert(sizeof(struct mtai_token) == 8, "token budget: 8 bytes");
_Static_assert(sizeof(struct mtai_paragraph) <= 64,
               "paragraph budget: 64 bytes (a document may hold one per "
               "3 bytes; see docs/DESIGN.md, Memory)");

/* A boilerplate mark (classify.c): "related", "credit", ... and the
 * evidence for the finding's message, both NUL-terminated in the pool
 * that follows the d->nbp marks in the same allocation, and the marked
 * span [start, end). */
struct mtai_bp {
  uint32_t start, end;
  uint32_t kind, why; /* offsets into the string pool */
};

/* Where the text of a document read from HTML (html_input.c) stands in
 * the file: 'text' is the decoded HTML, and byte at[i] + k of the
 * document text comes from byte src[i] + k of it, up to at[i + 1]
 * (anchors sorted by 'at', the first at 0). */
struct mtai_srcmap {
  char *text; /* UTF-8, NUL-terminated */
  size_t len;
  uint32_t *line_starts; /* of 'text' */
  size_t nlines;
  uint32_t *at, *src;
  size_t n;
};

void mtai_srcmap_free(struct mtai_srcmap *m);

struct mtai_doc {
  char *name;        /* as given by the caller */
  char encoding[32]; /* source encoding, e.g. "UTF-8", "WINDOWS-1252" */
  char *text;        /* UTF-8, NFC, NUL-terminated */
  size_t len;
  uint32_t *line_starts; /* byte offset of each line's first byte */
  size_t nlines;
  struct mtai_paragraph *paras;
  size_t npara;
  struct mtai_sentence *sents;
  size_t nsent;
  struct mtai_token *toks;
  size_t ntok;
  /* Word classes of the tokens (lexicon.c), as written and in lower
   * case, computed on first use by mtai_tok_classes(): the checks ask
   * about the same tokens many times. MTAI_CLS_UNSET until then. */
  uint16_t *cls, *cls_low;
  /* Annotations of the tokens (annotate.c), one byte each (MTAI_TA_*),
   * filled before the checks run. */
  unsigned char *ann;
  /* The token table (toktab.c), filled after annotate, released when the
   * checks are done: the interned id of every word token (0 for other
   * tokens), and the facts of the ids, borrowed from the auditor's table
   * (NULL when the document has no table: tests, the English source). */
  uint32_t *tid;
  struct mtai_tokfact *facts;
  uint32_t nid;      /* ids 1..nid may occur */
  uint32_t tt_epoch; /* the table's epoch (mtai_tokmemo) */
  /* Boilerplate marks (classify.c), one allocation: d->nbp marks, then
   * their strings. */
  struct mtai_bp *bp;
  size_t nbp;
  /* HTML input: where the text stands in the file (NULL: the text is
   * the file's, as read). */
  struct mtai_srcmap *srcmap;
};

#define MTAI_CLS_UNSET 0xFFFFu

/* Quotation marks (annotate.c has the one table of their characters). */
enum mtai_quote {
  MTAI_Q_NONE,
  MTAI_Q_LOW_DOUBLE,   /* U+201E German opening mark */
  MTAI_Q_LEFT_DOUBLE,  /* U+201C German closing, English opening */
  MTAI_Q_RIGHT_DOUBLE, /* U+201D English closing */
  MTAI_Q_LOW_SINGLE,   /* U+201A */
  MTAI_Q_LEFT_SINGLE,  /* U+2018 */
  MTAI_Q_RIGHT_SINGLE, /* U+2019 (also the apostrophe) */
  MTAI_Q_RAQUO,        /* U+00BB */
  MTAI_Q_LAQUO,        /* U+00AB */
  MTAI_Q_STRAIGHT,     /* '"' */
  MTAI_Q__COUNT
};

/* Token annotations, the bits of d->ann[i]. */
/* enum mtai_quote of a punctuation token's first character: */
#define MTAI_TA_QMASK 0x0F
#define MTAI_TA_QEXACT 0x10  /* the token is that one mark and nothing more */
#define MTAI_TA_QUOTED 0x20  /* inside a quotation of its paragraph */
#define MTAI_TA_NUMWORD 0x40 /* an English number word ("billion") */
_Static_assert(MTAI_Q__COUNT <= MTAI_TA_QMASK + 1, "quote kinds fit 4 bits");

/* The quotation mark token 'i' starts with (MTAI_Q_NONE for none). */
static inline unsigned mtai_tok_quote(const struct mtai_doc *d, size_t i) {
  return d->ann ? d->ann[i] & MTAI_TA_QMASK : MTAI_Q_NONE;
}
/* The quotation mark token 'i' is exactly (MTAI_Q_NONE when it is none or
 * has more characters). */
static inline unsigned mtai_tok_quote_exact(const struct mtai_doc *d,
                                            size_t i) {
  return d->ann && (d->ann[i] & MTAI_TA_QEXACT) ? d->ann[i] & MTAI_TA_QMASK
                                                : MTAI_Q_NONE;
}
/* 1 when token 'i' stands inside a quotation. */
static inline int mtai_tok_quoted(const struct mtai_doc *d, size_t i) {
  return d->ann && (d->ann[i] & MTAI_TA_QUOTED);
}
/* 1 when token 'i' is an English number word. */
static inline int mtai_tok_numword(const struct mtai_doc *d, size_t i) {
  return d->ann && (d->ann[i] & MTAI_TA_NUMWORD);
}

/* ---- the token table (toktab.c) ---- */

/* What is known about one distinct word (one id of the token table),
 * computed on first use by the accessors and kept while the table lives
 * (across documents): 'have' says which facts are filled. */
#define MTAI_TK_SPELL 0x01 /* have: 'spell' */
#define MTAI_TK_EN 0x02    /* have, bits: English knows it as written */
#define MTAI_TK_ENLC 0x04  /* have, bits: English knows its lower case */
#define MTAI_TK_NAME 0x08  /* have, bits: a name or user word */
#define MTAI_TK_ENV 0x10   /* have: 'env' (mtai_english_verdict()) */
#define MTAI_TK_TITLE 0x20 /* have, bits: in dict/titles.txt */
#define MTAI_TK_FUNC 0x40  /* have, bits: an English function word */
#define MTAI_TK_MONTH 0x80 /* have, bits: in dict/months.txt */
struct mtai_tokfact {
  uint16_t cls, cls_low; /* mtai_tok_classes(), MTAI_CLS_UNSET until asked */
  unsigned char have;    /* MTAI_TK_*: the facts filled */
  unsigned char bits;    /* MTAI_TK_* of the yes/no facts */
  unsigned char spell;   /* enum mtai_spell */
  unsigned char env;     /* enum mtai_english */
  /* check_agreement.c's answers about the word (its noun readings and
   * whether it is a determiner; the bits are defined there), 0 until
   * asked. */
  uint32_t agr;
};
_Static_assert(sizeof(struct mtai_tokfact) == 12, "a word's facts: 12 bytes");

/* The facts of token 'i' (a word), NULL when it is no word or the document
 * has no token table. Writable: the accessors fill them lazily. */
static inline struct mtai_tokfact *mtai_tok_fact(const struct mtai_doc *d,
                                                 size_t i) {
  return d->tid && d->tid[i] ? &d->facts[d->tid[i]] : NULL;
}
/* The interned id of token 'i', 0 for a non-word or without a table: two
 * word tokens with the same nonzero id spell the same word. */
static inline uint32_t mtai_tok_id(const struct mtai_doc *d, size_t i) {
  return d->tid ? d->tid[i] : 0;
}

/* The boilerplate mark of paragraph 'p' (its span), or NULL. */
static inline const struct mtai_bp *
mtai_para_bp(const struct mtai_doc *d, const struct mtai_paragraph *p) {
  return p->bp && p->bp <= d->nbp ? &d->bp[p->bp - 1] : NULL;
}
/* Its kind ("related", "credit", ...) and evidence; "" without a mark. */
static inline const char *mtai_para_bp_kind(const struct mtai_doc *d,
                                            const struct mtai_paragraph *p) {
  const struct mtai_bp *b = mtai_para_bp(d, p);
  return b ? (const char *)(d->bp + d->nbp) + b->kind : "";
}
static inline const char *mtai_para_bp_why(const struct mtai_doc *d,
                                           const struct mtai_paragraph *p) {
  const struct mtai_bp *b = mtai_para_bp(d, p);
  return b ? (const char *)(d->bp + d->nbp) + b->why : "";
}
/* Marks paragraph 'pi' as boilerplate of 'kind' over [start, end) because
 * of 'why' (replacing its mark; the paragraph's kind is not changed).
 * Copies the table: for tests and single marks; classify.c builds the
 * table of a whole document at once. */
mta_status mtai_doc_set_bp(struct mtai_doc *d, size_t pi, const char *kind,
                           size_t start, size_t end, const char *why);

void mtai_doc_clear(struct mtai_doc *d);

/* 1-based line of byte offset 'off' in d->text. */
size_t mtai_doc_line(const struct mtai_doc *d, size_t off);
/* 1-based line and code-point column of byte offset 'off' in d->text. */
void mtai_doc_linecol(const struct mtai_doc *d, size_t off, size_t *line,
                      size_t *col);

/* As mtai_doc_linecol(), in the file the document was read from: the
 * same for plain text and XLIFF, the HTML file's line and column for
 * HTML input (d->srcmap). What reports show. */
void mtai_doc_srcpos(const struct mtai_doc *d, size_t off, size_t *line,
                     size_t *col);

/* The byte offset in the (decoded) file of byte 'off' of d->text: 'off'
 * itself unless the document was read from HTML. */
size_t mtai_doc_srcoff(const struct mtai_doc *d, size_t off);

/* 1 when the whitespace-delimited chunk around byte 'off' looks like a URL
 * or an e-mail address ("://", "www.", "@"). */
int mtai_doc_in_url(const struct mtai_doc *d, size_t off);

/* 0-based index of the paragraph holding 'off' (the nearest one before it
 * when 'off' falls between paragraphs). */
size_t mtai_doc_para_at(const struct mtai_doc *d, size_t off);

/* ---- findings and report -------------------------------------------- */

struct mta_finding {
  size_t seq; /* order of addition: keeps the sort stable */
  const struct mta_rule *rule;
  mta_severity severity;
  size_t start, end;
  size_t para; /* 0-based */
  size_t line, col;
  char *message;
  char *suggestion; /* NULL when none */
  /* Every suggestion, "a, b, c" as the message lists them (the first is
   * 'suggestion'); NULL when there is only 'suggestion' (or none). */
  char *alts;
  /* Source-aware mode: the span of the English source it is about
   * (bytes into the bitext's source text); none when src_end == 0. */
  size_t src_start, src_end;
  char fp[16 + 1]; /* fingerprint.c, filled when the report is done */
};

/* ---- fingerprints (fingerprint.c) ---- */

#define MTAI_FP_LEN 16 /* hex digits */

/* The fingerprint of finding 'f' of 'r' (see fingerprint.c): 16 hex
 * digits and a NUL in 'out'. */
void mtai_fingerprint(const struct mta_report *r, const struct mta_finding *f,
                      char out[MTAI_FP_LEN + 1]);
/* Fills every finding's 'fp'; the report's findings are final. */
void mtai_fingerprint_all(struct mta_report *r);
/* Feeds 'n' bytes of 's' into FNV-1a hash 'h', white space collapsed and
 * trimmed (the fingerprint's normalisation); returns the new hash. */
uint64_t mtai_fp_hash_norm(uint64_t h, const char *s, size_t n);

/* A rule whose state or severity the options changed. */
struct mtai_rule_override {
  const struct mta_rule *rule;
  int enabled;           /* 0 or 1 */
  mta_severity severity; /* the severity it is reported with */
};

/* Findings kept per document: a hostile input ("Wort Wort Wort ..." over
 * 50 MB) must not turn into millions of findings; the report says that
 * the list was cut. The cap bounds memory and output, never the verdict:
 * a finding past it still counts in the score, the severity counts and
 * the gates (mtai_finding_add() keeps its paragraph's penalty). */
#define MTAI_MAX_FINDINGS 10000

/* The gates an article is judged by (from mta_options). */
struct mtai_gate {
  double fail_under;    /* an article scoring below fails; <= 0: off */
  int on_severity;      /* gate on 'fail_on' */
  mta_severity fail_on; /* a scored finding this severe or worse fails */
  int on_unscored;      /* gate on 'fail_unscored' */
  double fail_unscored; /* percent of the words left out of the score */
  size_t min_words;     /* fewer scored words: no score (at least 1) */
  int score_all;        /* MTA_OPT_SCORE_ALL: every paragraph scored */
};

/* Words left out of the score for one reason: 'kind' is the id of the
 * rule that reports it (static), or "boilerplate". */
struct mtai_unscored {
  const char *kind;
  size_t words;
};

struct mta_report {
  struct mtai_doc doc;
  size_t dropped;        /* findings beyond MTAI_MAX_FINDINGS, not kept */
  size_t dropped_sev[3]; /* the same by severity (mta_severity) */
  size_t hidden;         /* findings below --min-severity, not listed */
  size_t hidden_sev[3];  /* the same by severity */
  size_t hidden_cat[MTAI_CAT__COUNT]; /* and by category */
  /* JSON Lines input: the record's "id" as JSON text (NULL when none)
   * and its other members ("\"k\": v, ..."), passed through to output. */
  char *rec_id;
  char *rec_extra;
  struct mta_finding *findings;
  size_t nfind, capfind;
  size_t words; /* words of the scored paragraphs */
  unsigned penalty;
  double score;      /* 0 when the article has no score */
  int scored;        /* it has a score: at least gate.min_words scored words */
  int gated;         /* a gate was set: it has a verdict */
  int passed;        /* 1 when no gate failed (or none was set) */
  mta_reason reason; /* why no score or why it failed (score.c) */
  size_t unscored;   /* words of the paragraphs left out of the score */
  struct mtai_unscored *unsc; /* the same by reason, first seen first */
  size_t nunsc, capunsc;
  struct mtai_gate gate; /* the gates it was judged by */
  /* Source-aware mode (bitext.h): the source's name as given (NULL when
   * none was given), the bitext when the source was usable, else why not
   * (src_error, NULL when it was used or none was given). */
  char *src_name;
  struct mtai_bitext *bi;
  char *src_error;
  /* Suppressions (baseline.c): findings removed by the accept list and by
   * a baseline; 'supp_shown' when either was in use (reports then say how
   * many), 'baselined' when a baseline was applied (SARIF baselineState). */
  size_t supp_accept, supp_baseline;
  int supp_shown, baselined;
  /* The findings the baseline suppressed, kept for SARIF only (results
   * with baselineState "unchanged" and an external suppression). */
  struct mta_finding *unchanged;
  size_t nunchanged;
  char *config; /* mta_options.config_name of its auditor, or NULL */
};

/* Suppresses the findings of 'r' that the accept list 'acc' covers
 * (baseline.c); before fingerprints and scoring. */
mta_status mtai_accept_apply(struct mta_report *r, const mta_accept *acc,
                             size_t nacc);

/* Adds a finding of 'rule' with severity 'sev' over bytes [start, end) of
 * the document, with an optional 'suggestion' (copied) and a printf-style
 * message; no rule overrides apply (checks add through the filtering
 * mtai_finding_add() of check.h). Returns MTA_ERR_NOMEM on allocation
 * failure. */
mta_status mtai_report_add(struct mta_report *r, const struct mta_rule *rule,
                           mta_severity sev, size_t start, size_t end,
                           const char *suggestion, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* The same with a va_list. */
mta_status mtai_report_vadd(struct mta_report *r, const struct mta_rule *rule,
                            mta_severity sev, size_t start, size_t end,
                            const char *suggestion, const char *fmt,
                            va_list ap);

/* Sorts findings by position (stable for equal positions). */
void mtai_findings_sort(struct mta_report *r);

/* The display filter of MTA_OPT_MIN_SEVERITY, applied after scoring:
 * removes the findings less severe than 'min' from the list (order kept)
 * and counts them in r->hidden and r->hidden_sev, those past the cap too;
 * score, counts by severity and verdict are left as they are. */
void mtai_report_hide_below(struct mta_report *r, mta_severity min);

/* ---- markup input (markup.c) ----------------------------------------- */

/* "HTML", "XML", "RTF" or "LaTeX" when the decoded text t[0..n) is such a
 * document (it starts as one, or tags make up a large share of it), else
 * NULL. Static strings. */
const char *mtai_markup_kind(const char *t, size_t n);

/* What to do with input of markup 'kind' (from mtai_markup_kind()): "convert
 * it to text first (e.g. ...)". Static. */
const char *mtai_markup_advice(const char *kind);
/* 1 for an HTML/XML white-space byte (space, tab, LF, CR, FF). */
int mtai_markup_blank(unsigned char c);
/* 1 when t[0..n) starts with 'lit' (lower case) ignoring ASCII case. */
int mtai_markup_starts(const char *t, size_t n, const char *lit);

/* ---- scoring (score.c) ------------------------------------------------ */

/* MQM penalty points of a severity: minor 1, major 5, critical 10. */
unsigned mtai_severity_penalty(mta_severity sev);

/* 100 * (1 - penalty / words), clamped to [0, 100]; 100 for 0 words. */
double mtai_score(unsigned penalty, size_t words);

/* Fills paragraph and article scores, the unscored words by reason and
 * the verdict of 'r' under the gates 'g' (kept in r->gate).
 * MTA_ERR_NOMEM when the table of unscored words cannot grow. */
mta_status mtai_score_report(struct mta_report *r, const struct mtai_gate *g);

/* ---- word sets (strset.c) -------------------------------------------- */

/* An open-addressing set of byte strings, each with an optional value;
 * used for the word lists and for caches. */
struct mtai_strslot {
  char *key; /* NUL-terminated copy; NULL for an empty slot */
  size_t len;
  void *val;
};

struct mtai_strset {
  struct mtai_strslot *slots;
  size_t cap, count;
};

void mtai_strset_init(struct mtai_strset *s);
/* Frees keys and table; values are the owner's business. */
void mtai_strset_free(struct mtai_strset *s);
/* Like mtai_strset_free(), calling 'free_val' on every non-NULL value. */
void mtai_strset_free_with(struct mtai_strset *s, void (*free_val)(void *));
mta_status mtai_strset_add(struct mtai_strset *s, const char *w, size_t n);
/* Adds 'w' with value 'val', or replaces the value of an existing key. */
mta_status mtai_strset_put(struct mtai_strset *s, const char *w, size_t n,
                           void *val);
int mtai_strset_has(const struct mtai_strset *s, const char *w, size_t n);
/* 1 and '*val' set when 'w' is present, else 0. */
int mtai_strset_get(const struct mtai_strset *s, const char *w, size_t n,
                    void **val);

/* Adds every entry of the embedded data file 'name' (one per line, '#'
 * starts a comment, surrounding blanks trimmed). MTA_ERR_DICT if there is
 * no such file. */
mta_status mtai_strset_load(struct mtai_strset *s, const char *name);
/* Iterates over the entries of an embedded word list: each line without
 * its '#' comment and surrounding blanks (space, tab, CR), blank lines
 * skipped. mtai_wordlist_open() is 0 when 'name' is not embedded;
 * mtai_wordlist_next() sets 'w' (not NUL-terminated) and 'n', and is 0
 * at the end. */
struct mtai_wordlist {
  const char *data;
  size_t len, pos;
};
int mtai_wordlist_open(struct mtai_wordlist *it, const char *name);
int mtai_wordlist_next(struct mtai_wordlist *it, const char **w, size_t *n);

/* Embedded copy of the dict/ directory (generated at build time). */
int mtai_data_get(const char *name, const char **data, size_t *len);

/* ---- UTF-8 helpers (utf8.c) ------------------------------------------ */

/* Decodes the code point at s[*i] (advancing *i); invalid bytes yield
 * U+FFFD and advance by one. Inline for ASCII (most of the text: every
 * stage walks it character by character), the rest in utf8.c. */
int32_t mtai_utf8_next_multi(const char *s, size_t len, size_t *i);
static inline int32_t mtai_utf8_next(const char *s, size_t len, size_t *i) {
  unsigned char b = (unsigned char)s[*i];
  if (b < 0x80) {
    (*i)++;
    return b;
  }
  return mtai_utf8_next_multi(s, len, i);
}

/* 1 for whitespace: Unicode White_Space plus BOM and zero-width space.
 * ASCII inline (White_Space there is U+0009..U+000D and U+0020), the rest
 * asks ICU in utf8.c. */
int mtai_is_space_multi(int32_t c);
static inline int mtai_is_space(int32_t c) {
  if (c >= 0 && c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  return mtai_is_space_multi(c);
}

/* Number of code points in s[0..n). */
size_t mtai_utf8_count(const char *s, size_t n);

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
int mtai_utf8_valid(const char *s, size_t n, size_t *bad_at);

/* Case-maps s[0..n) to lower case into 'out' (caller-owned via mtai_buf). */
mta_status mtai_utf8_lower(const char *s, size_t n, struct mta_buf *out);

/* ---- stages ---------------------------------------------------------- */

/* decode.c: raw bytes -> NUL-terminated UTF-8 in NFC. 'forced' names an
 * iconv encoding or is NULL to detect. On success '*out' is malloc'd and
 * 'enc' holds the encoding's name. On failure 'err' gets a reason. */
/* 1 when iconv converts from encoding 'name' (mta_auditor_new() refuses
 * an unknown forced encoding once, before any input). */
int mtai_encoding_known(const char *name);

mta_status mtai_decode(const unsigned char *in, size_t len, const char *forced,
                       char **out, size_t *outlen, char *enc, size_t encsz,
                       char *err, size_t errsz);

/* segment.c */
struct mtai_segmenter;
mta_status mtai_segmenter_new(struct mtai_segmenter **out, char *err,
                              size_t errsz);
/* The same for another language: "en" for the English source of
 * source-aware mode (its sentence breaks skip "Mr.", "U.S."). The German
 * corrections (abbreviations, ordinals, initials) apply to both. */
mta_status mtai_segmenter_new_locale(struct mtai_segmenter **out,
                                     const char *locale, char *err,
                                     size_t errsz);
void mtai_segmenter_free(struct mtai_segmenter *s);
/* Adds the abbreviations of dict/abbreviations.txt to 'set' without their
 * inner spaces ("z. B." -> "z.B."); with 'parts', also each "X." part
 * ("z.", "B."). */
mta_status mtai_abbrev_load(struct mtai_strset *set, int parts);
/* Fills lines, paragraphs, sentences and tokens of 'd' from d->text. */
mta_status mtai_segment(struct mtai_segmenter *s, struct mtai_doc *d);

/* classify.c: sets the kind of every paragraph (and its boilerplate
 * reason). The classifier holds the phrase list of dict/boilerplate.txt;
 * 'sp' (may be NULL) tells site names from words. Runs after annotate:
 * it reads the quotation facts (mtai_tok_quoted()). */
struct mtai_classifier;
mta_status mtai_classifier_new(struct mtai_classifier **out);
void mtai_classifier_free(struct mtai_classifier *c);
struct mtai_speller;
mta_status mtai_classify(const struct mtai_classifier *c,
                         struct mtai_speller *sp, struct mtai_doc *d);
/* 1 when paragraph kind 'k' is article prose that sentence checks read
 * (text; not headings, captions or boilerplate). */
static inline int mtai_para_is_prose(enum mtai_para_kind k) {
  return k == MTAI_PARA_TEXT;
}

/* annotate.c: fills d->ann (quotation marks, quotations, number words;
 * see MTAI_TA_*) and, with MTAI_ANN_DUPS, the repeats of paragraphs
 * (dup_of, dup_near: mtai_find_duplicates()). Runs after segment,
 * before classify and the checks (it reads no paragraph kinds). */
#define MTAI_ANN_DUPS 0x01
mta_status mtai_annotate(struct mtai_doc *d, unsigned what);
/* annotate_dup.c: sets dup_of and dup_near of every paragraph. */
mta_status mtai_find_duplicates(struct mtai_doc *d);
/* The German for the English number word w[0..n) ("billion" ->
 * "Milliarde(n)"), NULL when it is none. */
const char *mtai_number_word_de(const char *w, size_t n);

/* spell.c: the shared, cached dictionary look-up. */
enum mtai_spell {
  MTAI_SPELL_KNOWN,     /* in the German dictionary */
  MTAI_SPELL_COMPOUND,  /* splits into known words / hyphenated parts */
  MTAI_SPELL_USER,      /* in a user word list (--dict) */
  MTAI_SPELL_NAME,      /* in dict/names.txt */
  MTAI_SPELL_NAME_LIKE, /* shaped like a Korean given name ("Jong-un") */
  MTAI_SPELL_FOREIGN,   /* has letters the dictionary cannot hold */
  MTAI_SPELL_UNKNOWN
};

struct mtai_speller;
/* Loads the German dictionary (de_DE_frami, else de_DE) from 'dict_dir'
 * or the standard places, en_US if present, dict/names.txt and the user
 * word lists 'user[0..nuser)'. On failure 'err' says why. */
mta_status mtai_speller_new(const char *dict_dir, const char *const *user,
                            size_t nuser, struct mtai_speller **out, char *err,
                            size_t errsz);
/* A speller over shared dictionaries 'd' (borrowed: they must outlive
 * it); its verdicts come from, and go to, their shared cache. */
mta_status mtai_speller_new_shared(struct mta_dictionaries *d,
                                   struct mtai_speller **out);
/* Starts loading the speller's Hunspell dictionaries in the background
 * (once; see dictionaries.c). */
void mtai_speller_prefetch(struct mtai_speller *sp);
/* Why the dictionaries failed to load ("" when they did not). */
const char *mtai_speller_errmsg(const struct mtai_speller *sp);
void mtai_speller_free(struct mtai_speller *sp);
/* Cached verdict of the UTF-8 word w[0..n). */
enum mtai_spell mtai_speller_check(struct mtai_speller *sp, const char *w,
                                   size_t n);
/* mtai_speller_check(sp, w, n) == MTAI_SPELL_KNOWN, without the near-miss
 * guard's work when the word is a compound (the guard only decides between
 * COMPOUND and UNKNOWN): for callers that ask only whether a word is
 * known, such as a compound made up to be tried ("Waffensprogramme"). */
int mtai_speller_known(struct mtai_speller *sp, const char *w, size_t n);
/* The same as a status: MTA_ERR_NOMEM when the verdict could not be
 * computed ('*out' is then UNKNOWN). mtai_speller_check() and the other
 * answers without a status record such a failure in the speller instead:
 * mtai_speller_take_error() returns it (once) and clears it; the auditor
 * asks after every document, so that no failure becomes a finding. */
mta_status mtai_speller_verdict(struct mtai_speller *sp, const char *w,
                                size_t n, enum mtai_spell *out);
mta_status mtai_speller_take_error(struct mtai_speller *sp);
/* Tests only: the speller's next 'n' allocations of cache entries and
 * suggestions succeed, the following ones fail (n < 0: none fails). */
void mtai_speller_fail_after(struct mtai_speller *sp, long n);
/* Empties the speller's caches when one holds more than
 * MTAI_SPELL_CACHE_MAX words, so that memory stays bounded over a long
 * stream. Call only between documents (entries are borrowed while one is
 * audited). */
#define MTAI_SPELL_CACHE_MAX 100000
void mtai_speller_trim(struct mtai_speller *sp);
/* While the German dictionary is still loading, works ahead on the words
 * of 'd' (segmented, with its token table): the answers of the
 * dictionary's model that their verdicts will need, and their English
 * answers (see spell.c). Changes no verdict; returns at once when the
 * dictionary is loaded. */
void mtai_speller_speculate(struct mtai_speller *sp, const struct mtai_doc *d);
/* Lets the speller use the word-class lexicon (borrowed) as a fast filter
 * of its one-edit candidates. */
struct mtai_lexicon;
void mtai_speller_set_lexicon(struct mtai_speller *sp,
                              const struct mtai_lexicon *lx);
/* 1 when the compound splitter alone decomposes w[0..n) into known words
 * with linking elements (exposed for tests; the verdict uses it). */
int mtai_speller_split(struct mtai_speller *sp, const char *w, size_t n);
/* The speller's work so far: dictionary look-ups plus search steps of the
 * splitter and the one-edit searches (exposed for tests, which bound the
 * work one word may cost). */
unsigned long mtai_speller_work(const struct mtai_speller *sp);
/* 1 when the English dictionary knows w[0..n) (0 without one). */
int mtai_speller_english(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when it knows the lower-case form of w[0..n): "Institute" yes, but a
 * proper name such as "Watson" (listed capitalized) no. */
int mtai_speller_english_lc(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when w[0..n) is an English transliteration of a (Cyrillic) name that
 * German writes differently: from dict/transliterations.txt, or by
 * pattern for unknown names ("Zhukovsky" -> "Schukowski"); the German
 * form goes to 'out'. */
int mtai_speller_translit(struct mtai_speller *sp, const char *w, size_t n,
                          char *out, size_t outsz);
/* 1 when w[0..n) is unknown to German but a German word is one edit away
 * ("knap" for "knapp"): a typo rather than an English word. Cached. */
int mtai_speller_german_typo(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when unknown w[0..n) has cheap evidence of being a misspelling: a
 * form of the lexicon is one edit away (as for mtai_speller_german_typo()),
 * or its capitalized form or a REP spelling of it ("ss"/"ß", "ae"/"ä", ...)
 * is a word; a hyphenated word, its first unknown part. The suggestions
 * (mtai_speller_suggest()) are the full evidence. Cached. */
int mtai_speller_near_word(struct mtai_speller *sp, const char *w, size_t n);
/* 1 when w[0..n) is in dict/names.txt or a user word list. */
int mtai_speller_is_name(const struct mtai_speller *sp, const char *w,
                         size_t n);
/* Up to three suggestions, "a, b, c" in '*list' ("" when none) and the
 * first in '*first' (NULL when none); borrowed from the speller's cache.
 * Computed once per distinct word. */
mta_status mtai_speller_suggest(struct mtai_speller *sp, const char *w,
                                size_t n, const char **list,
                                const char **first);

/* lexicon.c: German word classes (open classes from trans-de-en, closed
 * classes from dict/). Bits of mtai_lexicon_classes(): */
#define MTAI_LEX_NOUN 0x0001
#define MTAI_LEX_ADJ 0x0002
#define MTAI_LEX_INF 0x0004        /* verb infinitive */
#define MTAI_LEX_FINITE 0x0008     /* finite verb form */
#define MTAI_LEX_PARTICIPLE 0x0010 /* past participle */
#define MTAI_LEX_DET 0x0020        /* article, determiner, possessive */
#define MTAI_LEX_PRON 0x0040
#define MTAI_LEX_RELPRON 0x0080
#define MTAI_LEX_PREP 0x0100
#define MTAI_LEX_CONJ_COORD 0x0200
#define MTAI_LEX_CONJ_SUB 0x0400
#define MTAI_LEX_ADV_CONJ 0x0800 /* deshalb, trotzdem, ... */
#define MTAI_LEX_AUX 0x1000      /* finite auxiliary or modal */
#define MTAI_LEX_NONFINITE                                                     \
  0x2000                    /* infinitive/participle of sein, haben ...        \
                             */
#define MTAI_LEX_ADV 0x4000 /* adverb or numeral written lower case */

struct mtai_lexicon;
mta_status mtai_lexicon_new(struct mtai_lexicon **out);
void mtai_lexicon_free(struct mtai_lexicon *lx);
/* Word classes of the UTF-8 word w[0..n): the form as written in the
 * open-class table, its lower-case form in the closed classes, and for a
 * capitalized word also the lower-case form's non-noun classes (a
 * sentence-initial "Geht" is the verb). 0 when unknown. Cached in the
 * lexicon, hence not const. */
unsigned mtai_lexicon_classes(struct mtai_lexicon *lx, const char *w, size_t n);
/* Classes of token 'i' of 'd' (0 for a non-word), as written or, with
 * 'lower', of its lower-case form; cached in the document (which belongs
 * to one thread while it is audited, so the cache needs no lock) and in
 * the lexicon: both are written, so neither is const. */
unsigned mtai_tok_classes(struct mtai_lexicon *lx, struct mtai_doc *d, size_t i,
                          int lower);
/* 1 when w[0..n) is exactly a form of the open-class table (no case
 * folding, no cache: a quick first filter for generated candidates). */
int mtai_lexicon_has_form(const struct mtai_lexicon *lx, const char *w,
                          size_t n);
/* The line of the open-class table that holds form w[0..n) exactly, or
 * -1; and the number of lines (the speller keys Hunspell's build-time
 * answers for the forms by line: spell_model.h). */
long mtai_lexicon_line(const struct mtai_lexicon *lx, const char *w, size_t n);
size_t mtai_lexicon_line_count(const struct mtai_lexicon *lx);
/* The form of line 'line' (< the count), its length in '*n'. */
const char *mtai_lexicon_form(const struct mtai_lexicon *lx, size_t line,
                              size_t *n);
/* 1 when w[0..n) is a noun of the lexicon or one with an inflection
 * ending added ("Panzern" of "Panzer", "Waffenprogramme" of
 * "Waffenprogramm"). */
int mtai_lexicon_noun_form(const struct mtai_lexicon *lx, const char *w,
                           size_t n);
/* The noun data of w[0..n) as written (the table's third field, written by
 * tools/mklexicon.c; 0 when none): bit case * 4 + gender of each reading
 * of the form itself (case nominative, genitive, dative, accusative;
 * gender masculine, feminine, neuter, plural), MTAI_NOUN_ADJ for a noun
 * declined like an adjective, and MTAI_NOUN_L_* for the forms derived
 * from this one (check_agreement.c reads them). */
#define MTAI_NOUN_ADJ 0x10000ul
#define MTAI_NOUN_L_SM 0x20000ul     /* strong masc.: gen. +s/+es, dat. +e */
#define MTAI_NOUN_L_SN 0x40000ul     /* strong neuter: the same */
#define MTAI_NOUN_L_WM_N 0x80000ul   /* weak masc.: +n, gen. +ns */
#define MTAI_NOUN_L_WM_EN 0x100000ul /* weak masc.: +en, gen. +ens */
#define MTAI_NOUN_L_WN_N 0x200000ul  /* weak neuter: +n, gen. +ns */
#define MTAI_NOUN_L_WN_EN 0x400000ul /* weak neuter: +en, gen. +ens */
#define MTAI_NOUN_L_PL 0x800000ul    /* plural without -n: dative +n */
#define MTAI_NOUN_L_HE 0x1000000ul   /* plural +e (dative +en) */
#define MTAI_NOUN_L_HN 0x2000000ul   /* plural +n */
#define MTAI_NOUN_L_HEN 0x4000000ul  /* plural +en */
unsigned long mtai_lexicon_noun_data(const struct mtai_lexicon *lx,
                                     const char *w, size_t n);

/* toktab.c: the token table (see struct mtai_tokfact above). */
/* Words the table holds at most between documents (then it is emptied). */
#define MTAI_TOKTAB_MAX 100000
struct mtai_toktab;
mta_status mtai_toktab_new(struct mtai_toktab **out);
void mtai_toktab_free(struct mtai_toktab *t);
/* Forgets every word and fact (after a failed document: a fact computed
 * while memory ran out is not kept). */
void mtai_toktab_clear(struct mtai_toktab *t);
/* Number of distinct words it holds. */
size_t mtai_toktab_count(const struct mtai_toktab *t);
/* Interns every word token of 'd' (after segment and annotate, before the
 * checks): fills d->tid and d->facts; first empties 't' when it holds more
 * than MTAI_TOKTAB_MAX words. A NULL 't' leaves 'd' without a table. */
mta_status mtai_toktab_fill(struct mtai_toktab *t, struct mtai_doc *d);
/* Frees d->tid; the document no longer reads the table. */
void mtai_toktab_release(struct mtai_doc *d);
/* A check's own answers per word, for what no shared fact holds: an array
 * indexed by id that the check keeps in its state (zeroed, then filled by
 * the check with its nonzero codes), emptied whenever the table is. */
struct mtai_tokmemo {
  uint32_t *v;
  size_t cap;
  uint32_t epoch;
};
/* The memo's array for document 'd' (at least d->nid + 1 entries), NULL
 * when 'd' has no table or memory ran out (then compute without it). */
uint32_t *mtai_tokmemo_get(struct mtai_tokmemo *m, const struct mtai_doc *d);
void mtai_tokmemo_free(struct mtai_tokmemo *m);
/* The speller's answers about word token 'i' of 'd' (the same as
 * mtai_speller_check(), _english(), _english_lc() and _is_name() of its
 * text), asked once per distinct word when 'd' has a table. */
enum mtai_spell mtai_tok_spell(struct mtai_speller *sp,
                               const struct mtai_doc *d, size_t i);
int mtai_tok_english(struct mtai_speller *sp, const struct mtai_doc *d,
                     size_t i);
int mtai_tok_english_lc(struct mtai_speller *sp, const struct mtai_doc *d,
                        size_t i);
int mtai_tok_is_name(const struct mtai_speller *sp, const struct mtai_doc *d,
                     size_t i);

/* ---- checks (check.h has the vtable) ---------------------------------- */

struct mta_check;

/* ---- the auditor (struct mta_auditor is in auditor_int.h) ----------- */

/* Sets a->errmsg from a printf-style format; returns 'st'. */
mta_status mtai_set_error(struct mta_auditor *a, mta_status st, const char *fmt,
                          ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Reads the regular file 'fd' that fstat() gave 'size' bytes into '*out'
 * (caller frees; NUL-terminated, '*len' bytes). A file that is shorter or
 * longer than 'size', or changed size or time while read, is an error
 * (MTA_ERR_IO, reason in 'why'); above 'max' bytes MTA_ERR_TOO_LARGE. */
mta_status mtai_read_regular(int fd, size_t size, size_t max, char **out,
                             size_t *len, char *why, size_t whylen);

#endif
