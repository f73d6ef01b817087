/* Tests of src/segment.c through the public API: lines, paragraphs,
 * sentences (with the German abbreviation and ordinal corrections) and
 * tokens of audited documents. */
#include <stdio.h>
#include <string.h>

#include "tests.h"

/* UTF-8 spellings of the non-ASCII characters used below. */
#define UE "\xC3\xBC"     /* ü */
#define AE "\xC3\xA4"     /* ä */
#define CAP_AE "\xC3\x84" /* Ä */
#define CAP_UE "\xC3\x9C" /* Ü */

/* Creates the shared auditor once, before the tests fork. */
static void S_setup(void) { (void)test_auditor(); }

/* Text of bytes [a, b) of the document of 'r', in a static buffer. */
static const char *S_span(const mta_report *r, size_t a, size_t b) {
  static char buf[512];
  ck_assert_uint_le(a, b);
  ck_assert_uint_le(b, r->doc.len);
  ck_assert_uint_lt(b - a, sizeof buf);
  memcpy(buf, r->doc.text + a, b - a);
  buf[b - a] = '\0';
  return buf;
}

/* The sentences of 's', joined with " | ". */
static const char *S_split(const char *s) {
  static char out[1024];
  mta_report *r = test_audit(s);
  size_t n = 0;
  out[0] = '\0';
  for (size_t i = 0; i < r->doc.nsent; i++) {
    const struct mtai_sentence *sn = &r->doc.sents[i];
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i ? " | " : "",
                          S_span(r, sn->start, sn->end));
    ck_assert_uint_lt(n, sizeof out);
  }
  mta_report_free(r);
  return out;
}

/* Asserts that token 'i' of 'r' is 'text' of kind 'kind'. */
static void S_expect_tok(const mta_report *r, size_t i, const char *text,
                         enum mtai_tok_kind kind) {
  ck_assert_msg(i < r->doc.ntok, "no token %zu (have %zu)", i, r->doc.ntok);
  const struct mtai_token *t = &r->doc.toks[i];
  ck_assert_str_eq(S_span(r, t->start, t->end), text);
  ck_assert_msg(t->kind == kind, "token '%s': kind %d, want %d", text,
                (int)t->kind, (int)kind);
}

/* Index of the first token spelled 'text'; fails when there is none. */
static size_t S_find_tok(const mta_report *r, const char *text) {
  size_t n = strlen(text);
  for (size_t i = 0; i < r->doc.ntok; i++) {
    const struct mtai_token *t = &r->doc.toks[i];
    if ((size_t)(t->end - t->start) == n &&
        !memcmp(r->doc.text + t->start, text, n))
      return i;
  }
  ck_abort_msg("no token '%s'", text);
  return 0;
}

/* Asserts the byte span and first line of paragraph 'i'. */
static void S_expect_para(const mta_report *r, size_t i, size_t start,
                          size_t end, size_t line) {
  ck_assert_msg(i < r->doc.npara, "no paragraph %zu", i);
  const struct mtai_paragraph *p = &r->doc.paras[i];
  ck_assert_uint_eq(p->start, start);
  ck_assert_uint_eq(p->end, end);
  ck_assert_uint_eq(p->line, line);
}

/* ---- lines and paragraphs ----------------------------------------------- */

START_TEST(para_split_on_blank_lines) {
  const char *s = "Eins zwei.\n\nDrei.\n\n\n\nVier f" UE "nf sechs.";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(r->doc.npara, 3);
  ck_assert_uint_eq(mta_report_paragraph_count(r), 3);
  S_expect_para(r, 0, 0, 10, 1);
  S_expect_para(r, 1, 12, 17, 3);
  S_expect_para(r, 2, 21, strlen(s), 7);
  ck_assert_str_eq(S_span(r, r->doc.paras[1].start, r->doc.paras[1].end),
                   "Drei.");
  mta_report_free(r);
}
END_TEST

START_TEST(para_split_on_whitespace_only_lines) {
  /* Blanks, a tab and a no-break space make a line blank. */
  const char *s = "Eins.\n \t \nZwei.\n\xC2\xA0\nDrei.";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(r->doc.npara, 3);
  S_expect_para(r, 0, 0, 5, 1);
  S_expect_para(r, 1, 10, 15, 3);
  S_expect_para(r, 2, 19, 24, 5);
  mta_report_free(r);
}
END_TEST

START_TEST(para_single_newline_does_not_split) {
  const char *s = "Eins\nzwei\n\ndrei";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(r->doc.nlines, 4);
  ck_assert_uint_eq(r->doc.npara, 2);
  S_expect_para(r, 0, 0, 9, 1);
  S_expect_para(r, 1, 11, 15, 4);
  mta_report_free(r);
}
END_TEST

START_TEST(para_trimmed_of_surrounding_blanks) {
  const char *s = "  \n\n  Eins zwei.  \n \t \nDrei.\n\n  ";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(r->doc.len, strlen(s));
  ck_assert_uint_eq(r->doc.nlines, 7);
  ck_assert_uint_eq(r->doc.npara, 2);
  S_expect_para(r, 0, 6, 16, 3);
  S_expect_para(r, 1, 23, 28, 5);
  ck_assert_str_eq(S_span(r, 6, 16), "Eins zwei.");
  mta_report_free(r);
}
END_TEST

START_TEST(para_crlf_file) {
  const char *s = "A b.\r\nC d.\r\n\r\nE f.\r\n";
  mta_report *r = test_audit(s);
  /* Line ends are kept, so offsets are file offsets. */
  ck_assert_uint_eq(r->doc.len, strlen(s));
  ck_assert_str_eq(r->doc.text, s);
  static const size_t starts[] = {0, 6, 12, 14};
  ck_assert_uint_eq(r->doc.nlines, 4);
  for (size_t i = 0; i < 4; i++)
    ck_assert_uint_eq(r->doc.line_starts[i], starts[i]);
  ck_assert_uint_eq(r->doc.npara, 2);
  S_expect_para(r, 0, 0, 10, 1);
  S_expect_para(r, 1, 14, 18, 4);
  ck_assert_uint_eq(r->doc.nsent, 3);
  mta_report_free(r);
}
END_TEST

START_TEST(para_lone_cr_file) {
  const char *s = "A b.\rC d.\r\rE f.\r";
  mta_report *r = test_audit(s);
  ck_assert_str_eq(r->doc.text, s);
  static const size_t starts[] = {0, 5, 10, 11};
  ck_assert_uint_eq(r->doc.nlines, 4);
  for (size_t i = 0; i < 4; i++)
    ck_assert_uint_eq(r->doc.line_starts[i], starts[i]);
  ck_assert_uint_eq(r->doc.npara, 2);
  S_expect_para(r, 0, 0, 9, 1);
  S_expect_para(r, 1, 11, 15, 4);
  mta_report_free(r);
}
END_TEST

START_TEST(para_mixed_line_ends) {
  /* "\r\n" is one line end, a following "\r" another, "\n\r" two. */
  const char *s = "Eins\r\n\rZwei\n\rDrei";
  mta_report *r = test_audit(s);
  static const size_t starts[] = {0, 6, 7, 12, 13};
  ck_assert_uint_eq(r->doc.nlines, 5);
  for (size_t i = 0; i < 5; i++)
    ck_assert_uint_eq(r->doc.line_starts[i], starts[i]);
  ck_assert_uint_eq(r->doc.npara, 3);
  S_expect_para(r, 0, 0, 4, 1);
  S_expect_para(r, 1, 7, 11, 3);
  S_expect_para(r, 2, 13, 17, 5);
  mta_report_free(r);
}
END_TEST

START_TEST(para_numbers_in_findings) {
  /* Finding positions name the 1-based paragraph and line. */
  mta_report *r = test_audit("Eins.\n\nZwei.\n\nDann kam Mr. Kim.");
  ck_assert_uint_eq(mta_report_paragraph_count(r), 3);
  ck_assert_uint_eq(test_count_rule(r, "english-leftover/honorific"), 1);
  mta_finding_info fi;
  memset(&fi, 0, sizeof fi);
  for (size_t i = 0; i < mta_report_finding_count(r); i++) {
    ck_assert_int_eq(mta_report_finding(r, i, &fi), MTA_OK);
    if (!strcmp(fi.rule, "english-leftover/honorific"))
      break;
  }
  ck_assert_uint_eq(fi.paragraph, 3);
  ck_assert_uint_eq(fi.line, 5);
  ck_assert_uint_eq(fi.start, 23);
  mta_report_free(r);
}
END_TEST

START_TEST(para_ranges_partition_sentences_and_tokens) {
  const char *s = "Er kam. Dann ging er.\n\nKim Jong-un traf ihn am 3. "
                  "Oktober.\nEs regnete.\n\n10.000 Menschen, 2,5 Prozent!";
  mta_report *r = test_audit(s);
  const struct mtai_doc *d = &r->doc;
  ck_assert_uint_eq(d->npara, 3);
  size_t sent = 0, tok = 0;
  for (size_t p = 0; p < d->npara; p++) {
    const struct mtai_paragraph *pp = &d->paras[p];
    ck_assert_uint_eq(pp->sent_first, sent);
    ck_assert_uint_eq(pp->tok_first, tok);
    ck_assert_uint_gt(pp->sent_end, pp->sent_first);
    ck_assert_uint_gt(pp->tok_end, pp->tok_first);
    for (size_t i = pp->sent_first; i < pp->sent_end; i++) {
      const struct mtai_sentence *sn = &d->sents[i];
      ck_assert_uint_eq(sn->tok_first, tok);
      ck_assert_uint_gt(sn->tok_end, sn->tok_first);
      ck_assert_uint_eq(sn->start, d->toks[sn->tok_first].start);
      ck_assert_uint_eq(sn->end, d->toks[sn->tok_end - 1].end);
      ck_assert_uint_ge(sn->start, pp->start);
      ck_assert_uint_le(sn->end, pp->end);
      tok = sn->tok_end;
    }
    ck_assert_uint_eq(pp->tok_end, tok);
    sent = pp->sent_end;
  }
  ck_assert_uint_eq(sent, d->nsent);
  ck_assert_uint_eq(tok, d->ntok);
  for (size_t i = 1; i < d->ntok; i++)
    ck_assert_uint_le(d->toks[i - 1].end, d->toks[i].start);
  mta_report_free(r);
}
END_TEST

/* ---- sentences ---------------------------------------------------------- */

/* Inputs whose sentences ICU alone would split wrongly, and inputs that
 * must be split; each with its expected sentences. */
static const struct {
  const char *in, *want;
} S_sentence_cases[] = {
    /* Abbreviations. */
    {"Das ist z.B. gut.", "Das ist z.B. gut."},
    {"Er sagte z.B. Nein.", "Er sagte z.B. Nein."},
    {"Das ist z. B. gut.", "Das ist z. B. gut."},
    {"Es regnet z. T. Bindf" AE "den. Ja.",
     "Es regnet z. T. Bindf" AE "den. | Ja."},
    {"Das ist i. d. R. so.", "Das ist i. d. R. so."},
    {"Er starb 44 v. Chr. in Rom.", "Er starb 44 v. Chr. in Rom."},
    {"Das ist u. U. Unsinn. Nein.", "Das ist u. U. Unsinn. | Nein."},
    /* Hard-wrapped lines inside a paragraph; list items keep their line. */
    {"Er kam am\n3. Oktober an.", "Er kam am\n3. Oktober an."},
    {"Er traf den Minister und\nging dann.",
     "Er traf den Minister und\nging dann."},
    {"Er kam\r\nsp" AE "t.", "Er kam\r\nsp" AE "t."},
    {"Liste:\n- eins\n\xE2\x80\xA2 zwei",
     "Liste: | - eins | \xE2\x80\xA2 zwei"},
    {"Er nannte u. a. Berlin und Paris.", "Er nannte u. a. Berlin und Paris."},
    {"Er traf Dr. M" UE "ller.", "Er traf Dr. M" UE "ller."},
    {"Er traf Prof. Schmidt in Bonn.", "Er traf Prof. Schmidt in Bonn."},
    {"Das ist Nr. 5 der Liste.", "Das ist Nr. 5 der Liste."},
    {"Dr. Kim kam.", "Dr. Kim kam."},
    {"Er flog nach St. Petersburg.", "Er flog nach St. Petersburg."},
    /* Ordinals. */
    {"Er kam am 3. Oktober an.", "Er kam am 3. Oktober an."},
    {"Gestern, 3. Oktober, kam er.", "Gestern, 3. Oktober, kam er."},
    {"Das war der 2. Weltkrieg.", "Das war der 2. Weltkrieg."},
    {"Der 2. Weltkrieg endete.", "Der 2. Weltkrieg endete."},
    {"Es war im 20. Jahrhundert so.", "Es war im 20. Jahrhundert so."},
    /* Middle initials. */
    {"Siemon T. Wezeman sagte das.", "Siemon T. Wezeman sagte das."},
    {"Laut Siemon T. Wezeman stimmt das.",
     "Laut Siemon T. Wezeman stimmt das."},
    /* Real ends. */
    {"Er kam. Dann ging er.", "Er kam. | Dann ging er."},
    {"Er kam im Jahr 1953. Beide Koreas stritten.",
     "Er kam im Jahr 1953. | Beide Koreas stritten."},
    {"Kam er? Ja! Gut.", "Kam er? | Ja! | Gut."},
    {"Wirklich?! Ja.", "Wirklich?! | Ja."},
    {"Er traf Dr. M" UE "ller. Dann ging er.",
     "Er traf Dr. M" UE "ller. | Dann ging er."},
    {"Er kam am 3. Oktober. Dann ging er.",
     "Er kam am 3. Oktober. | Dann ging er."},
    {"Er nannte u. a. Berlin. Dann ging er.",
     "Er nannte u. a. Berlin. | Dann ging er."},
};

START_TEST(sentence_split_cases) {
  ck_assert_str_eq(S_split(S_sentence_cases[_i].in), S_sentence_cases[_i].want);
}
END_TEST

START_TEST(sentence_spans_are_trimmed) {
  mta_report *r = test_audit("  Er kam.   Dann ging er.  ");
  ck_assert_uint_eq(r->doc.nsent, 2);
  ck_assert_uint_eq(r->doc.sents[0].start, 2);
  ck_assert_uint_eq(r->doc.sents[0].end, 9);
  ck_assert_uint_eq(r->doc.sents[1].start, 12);
  ck_assert_uint_eq(r->doc.sents[1].end, 25);
  ck_assert_uint_eq(r->doc.sents[0].tok_first, 0);
  ck_assert_uint_eq(r->doc.sents[0].tok_end, 3);
  ck_assert_uint_eq(r->doc.sents[1].tok_first, 3);
  ck_assert_uint_eq(r->doc.sents[1].tok_end, 7);
  mta_report_free(r);
}
END_TEST

START_TEST(sentence_offsets_after_multibyte_text) {
  /* Byte offsets, not code points: "Über" is five bytes. */
  mta_report *r = test_audit(CAP_UE "ber Nacht. " CAP_AE "rger kam.");
  ck_assert_uint_eq(r->doc.nsent, 2);
  ck_assert_uint_eq(r->doc.sents[0].end, 12);
  ck_assert_uint_eq(r->doc.sents[1].start, 13);
  ck_assert_str_eq(S_span(r, r->doc.sents[1].start, r->doc.sents[1].end),
                   CAP_AE "rger kam.");
  mta_report_free(r);
}
END_TEST

START_TEST(sentences_do_not_cross_paragraphs) {
  ck_assert_str_eq(S_split("Er traf Dr.\n\nM" UE "ller kam."),
                   "Er traf Dr. | M" UE "ller kam.");
}
END_TEST

/* ---- tokens ------------------------------------------------------------- */

START_TEST(token_hyphenated_name) {
  mta_report *r = test_audit("Kim Jong-un traf ihn.");
  ck_assert_uint_eq(r->doc.ntok, 5);
  S_expect_tok(r, 0, "Kim", MTAI_TOK_WORD);
  S_expect_tok(r, 1, "Jong-un", MTAI_TOK_WORD);
  ck_assert(r->doc.toks[1].flags & MTAI_TF_HYPHEN);
  ck_assert(r->doc.toks[1].flags & MTAI_TF_UPPER);
  ck_assert(r->doc.toks[1].flags & MTAI_TF_SPACE_BEFORE);
  ck_assert(!(r->doc.toks[0].flags & MTAI_TF_HYPHEN));
  S_expect_tok(r, 2, "traf", MTAI_TOK_WORD);
  ck_assert_uint_eq(r->doc.paras[0].words, 4);
  mta_report_free(r);
}
END_TEST

START_TEST(token_hyphenated_compound) {
  mta_report *r = test_audit("Der UN-Sicherheitsrates tagte.");
  ck_assert_uint_eq(r->doc.ntok, 4);
  S_expect_tok(r, 1, "UN-Sicherheitsrates", MTAI_TOK_WORD);
  ck_assert(r->doc.toks[1].flags & MTAI_TF_HYPHEN);
  ck_assert(!(r->doc.toks[1].flags & MTAI_TF_ALLCAPS));
  mta_report_free(r);
  r = test_audit("Der Nord-S" UE "d-Konflikt und COVID-19.");
  S_expect_tok(r, 1, "Nord-S" UE "d-Konflikt", MTAI_TOK_WORD);
  S_expect_tok(r, 3, "COVID-19", MTAI_TOK_WORD);
  ck_assert(r->doc.toks[3].flags & MTAI_TF_HYPHEN);
  mta_report_free(r);
}
END_TEST

START_TEST(token_spaced_hyphen_not_joined) {
  mta_report *r = test_audit("Nord - S" UE "d kam.");
  ck_assert_uint_eq(r->doc.ntok, 5);
  S_expect_tok(r, 0, "Nord", MTAI_TOK_WORD);
  S_expect_tok(r, 1, "-", MTAI_TOK_PUNCT);
  S_expect_tok(r, 2, "S" UE "d", MTAI_TOK_WORD);
  ck_assert(!(r->doc.toks[0].flags & MTAI_TF_HYPHEN));
  ck_assert(!(r->doc.toks[2].flags & MTAI_TF_HYPHEN));
  mta_report_free(r);
}
END_TEST

START_TEST(token_trailing_hyphen_kept) {
  mta_report *r = test_audit("S" UE "d- und Nordkorea stritten.");
  ck_assert_uint_eq(r->doc.ntok, 5);
  S_expect_tok(r, 0, "S" UE "d-", MTAI_TOK_WORD);
  S_expect_tok(r, 1, "und", MTAI_TOK_WORD);
  S_expect_tok(r, 2, "Nordkorea", MTAI_TOK_WORD);
  ck_assert_uint_eq(r->doc.paras[0].words, 4);
  mta_report_free(r);
  r = test_audit("S" UE "d-, Nord- und Westkorea.");
  S_expect_tok(r, 0, "S" UE "d-", MTAI_TOK_WORD);
  S_expect_tok(r, 1, ",", MTAI_TOK_PUNCT);
  S_expect_tok(r, 2, "Nord-", MTAI_TOK_WORD);
  S_expect_tok(r, 3, "und", MTAI_TOK_WORD);
  mta_report_free(r);
}
END_TEST

START_TEST(token_numbers) {
  mta_report *r = test_audit("Es kamen 10.000 Menschen und 2,5 Prozent.");
  S_expect_tok(r, S_find_tok(r, "10.000"), "10.000", MTAI_TOK_NUMBER);
  S_expect_tok(r, S_find_tok(r, "2,5"), "2,5", MTAI_TOK_NUMBER);
  ck_assert_uint_eq(r->doc.ntok, 8);
  ck_assert_uint_eq(r->doc.paras[0].words, 7);
  mta_report_free(r);
}
END_TEST

START_TEST(token_flags) {
  mta_report *r = test_audit("Die UN tagten.");
  ck_assert_uint_eq(r->doc.ntok, 4);
  const struct mtai_token *t = r->doc.toks;
  ck_assert_uint_eq(t[0].flags, MTAI_TF_UPPER);
  ck_assert_uint_eq(t[1].flags,
                    MTAI_TF_UPPER | MTAI_TF_ALLCAPS | MTAI_TF_SPACE_BEFORE);
  ck_assert_uint_eq(t[2].flags, MTAI_TF_SPACE_BEFORE);
  S_expect_tok(r, 3, ".", MTAI_TOK_PUNCT);
  ck_assert_uint_eq(t[3].flags, 0);
  mta_report_free(r);
  /* One capital letter is not "all caps". */
  r = test_audit("Ein A und die UN.");
  S_expect_tok(r, 1, "A", MTAI_TOK_WORD);
  ck_assert_uint_eq(r->doc.toks[1].flags, MTAI_TF_UPPER | MTAI_TF_SPACE_BEFORE);
  S_expect_tok(r, 4, "UN", MTAI_TOK_WORD);
  ck_assert(r->doc.toks[4].flags & MTAI_TF_ALLCAPS);
  mta_report_free(r);
}
END_TEST

START_TEST(token_offsets_are_bytes) {
  mta_report *r = test_audit(CAP_UE "ber " CAP_AE "rger.");
  ck_assert_uint_eq(r->doc.ntok, 3);
  ck_assert_uint_eq(r->doc.toks[0].start, 0);
  ck_assert_uint_eq(r->doc.toks[0].end, 5);
  ck_assert_uint_eq(r->doc.toks[1].start, 6);
  ck_assert_uint_eq(r->doc.toks[1].end, 12);
  ck_assert(r->doc.toks[1].flags & MTAI_TF_UPPER);
  mta_report_free(r);
}
END_TEST

START_TEST(token_word_counts_per_paragraph) {
  const char *s = "Eins zwei drei.\n\nVier, f" UE "nf!\n\n"
                  "10.000 Menschen kamen am 3. Oktober.";
  mta_report *r = test_audit(s);
  ck_assert_uint_eq(r->doc.npara, 3);
  ck_assert_uint_eq(r->doc.paras[0].words, 3);
  ck_assert_uint_eq(r->doc.paras[1].words, 2);
  ck_assert_uint_eq(r->doc.paras[2].words, 6);
  ck_assert_uint_eq(mta_report_words(r), 11);
  mta_report_free(r);
}
END_TEST

/* ICU reads the UTF-8 text itself (a UText): its boundaries are byte
 * offsets, also after a character outside the BMP (two UTF-16 units), and
 * hard wrapping (LF, CRLF) stays inside the sentence while the text keeps
 * its line ends. */
START_TEST(token_offsets_with_supplementary_and_wrapping) {
  const char *s = "Ein \xF0\x9F\x98\x80 Gru" UE "\xC3\x9F\nan dich. Der\r\n"
                  "zweite Satz.";
  mta_report *r = test_audit(s);
  ck_assert_str_eq(r->doc.text, s);
  ck_assert_uint_eq(r->doc.nsent, 2);
  ck_assert_str_eq(S_span(r, r->doc.sents[0].start, r->doc.sents[0].end),
                   "Ein \xF0\x9F\x98\x80 Gru" UE "\xC3\x9F\nan dich.");
  ck_assert_str_eq(S_span(r, r->doc.sents[1].start, r->doc.sents[1].end),
                   "Der\r\nzweite Satz.");
  size_t i = S_find_tok(r, "an");
  ck_assert_uint_eq(r->doc.toks[i].start, 17);
  ck_assert(r->doc.toks[i].flags & MTAI_TF_SPACE_BEFORE);
  S_expect_tok(r, i - 1, "Gru" UE "\xC3\x9F", MTAI_TOK_WORD);
  mta_report_free(r);
}
END_TEST

/* A paragraph of many lines longer than the scratch the segmenter keeps
 * between documents, then a short one with the same segmenter. */
START_TEST(segment_long_wrapped_paragraph) {
  struct mtai_segmenter *seg = NULL;
  char err[128];
  ck_assert_int_eq(mtai_segmenter_new(&seg, err, sizeof err), MTA_OK);
  struct mta_buf t;
  mtai_buf_init(&t, 0);
  for (size_t i = 0; i < 150000; i++)
    ck_assert_int_eq(mtai_buf_puts(&t, "Wort wort\n"), MTA_OK);
  struct mtai_doc d;
  memset(&d, 0, sizeof d);
  d.len = mtai_buf_len(&t);
  d.text = mtai_buf_detach(&t);
  ck_assert_int_eq(mtai_segment(seg, &d), MTA_OK);
  ck_assert_uint_eq(d.npara, 1);
  ck_assert_uint_eq(d.nlines, 150000);
  ck_assert_uint_eq(d.ntok, 300000);
  ck_assert_uint_eq(d.nsent, 1);
  ck_assert_uint_eq(d.toks[299999].start, d.len - 5);
  ck_assert_int_eq(d.text[9], '\n');
  mtai_doc_clear(&d);
  d.text = strdup("Kurz.\nNoch kurz.");
  ck_assert_ptr_nonnull(d.text);
  d.len = strlen(d.text);
  ck_assert_int_eq(mtai_segment(seg, &d), MTA_OK);
  ck_assert_uint_eq(d.ntok, 5);
  ck_assert_uint_eq(d.nsent, 2);
  mtai_doc_clear(&d);
  mtai_segmenter_free(seg);
}
END_TEST

/* Offsets are 28-bit (internal.h): a longer text is refused before it is
 * read. */
START_TEST(segment_refuses_text_beyond_offsets) {
  struct mtai_segmenter *seg = NULL;
  char err[128];
  ck_assert_int_eq(mtai_segmenter_new(&seg, err, sizeof err), MTA_OK);
  struct mtai_doc d;
  memset(&d, 0, sizeof d);
  d.text = (char *)"x";
  d.len = MTAI_MAX_TEXT + 1;
  ck_assert_int_eq(mtai_segment(seg, &d), MTA_ERR_TOO_LARGE);
  ck_assert_uint_eq(d.ntok, 0);
  mtai_segmenter_free(seg);
}
END_TEST

Suite *segment_suite(void) {
  Suite *s = suite_create("segment");
  TCase *tc = tcase_create("paragraphs");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_test(tc, para_split_on_blank_lines);
  tcase_add_test(tc, para_split_on_whitespace_only_lines);
  tcase_add_test(tc, para_single_newline_does_not_split);
  tcase_add_test(tc, para_trimmed_of_surrounding_blanks);
  tcase_add_test(tc, para_crlf_file);
  tcase_add_test(tc, para_lone_cr_file);
  tcase_add_test(tc, para_mixed_line_ends);
  tcase_add_test(tc, para_numbers_in_findings);
  tcase_add_test(tc, para_ranges_partition_sentences_and_tokens);
  suite_add_tcase(s, tc);
  tc = tcase_create("sentences");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_loop_test(
      tc, sentence_split_cases, 0,
      (int)(sizeof S_sentence_cases / sizeof S_sentence_cases[0]));
  tcase_add_test(tc, sentence_spans_are_trimmed);
  tcase_add_test(tc, sentence_offsets_after_multibyte_text);
  tcase_add_test(tc, sentences_do_not_cross_paragraphs);
  suite_add_tcase(s, tc);
  tc = tcase_create("tokens");
  tcase_add_unchecked_fixture(tc, S_setup, NULL);
  tcase_add_test(tc, token_hyphenated_name);
  tcase_add_test(tc, token_hyphenated_compound);
  tcase_add_test(tc, token_spaced_hyphen_not_joined);
  tcase_add_test(tc, token_trailing_hyphen_kept);
  tcase_add_test(tc, token_numbers);
  tcase_add_test(tc, token_flags);
  tcase_add_test(tc, token_offsets_are_bytes);
  tcase_add_test(tc, token_word_counts_per_paragraph);
  tcase_add_test(tc, token_offsets_with_supplementary_and_wrapping);
  tcase_add_test(tc, segment_long_wrapped_paragraph);
  tcase_add_test(tc, segment_refuses_text_beyond_offsets);
  suite_add_tcase(s, tc);
  return s;
}
