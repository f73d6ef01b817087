/*
 * Paragraph kinds. This stage tells headings from running text so that
 * later checks can skip headings and reports can show them; boilerplate
 * detection belongs here too.
 *
 * A heading is a one-line paragraph of at most 20 words that does not end
 * in sentence punctuation (. ! ? : ; …), also when a closing quote or
 * bracket follows that punctuation.
 */
#include "internal.h"

static int S_ends_sentence(const char *t, size_t a, size_t b) {
  /* Skip closing quotes and brackets at the end. */
  while (b > a) {
    size_t i = b - 1;
    while (i > a && ((unsigned char)t[i] & 0xC0) == 0x80)
      i--;
    size_t k = i;
    int32_t c = mtai_utf8_next(t, b, &k);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201C ||
        c == 0x201D || c == 0x2019 || c == 0x00AB || c == 0x00BB ||
        c == 0x2039 || c == 0x203A) {
      b = i;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
           c == 0x2026;
  }
  return 0;
}

void mtai_classify(struct mtai_doc *d) {
  for (size_t i = 0; i < d->npara; i++) {
    struct mtai_paragraph *p = &d->paras[i];
    size_t last_line;
    size_t dummy;
    mtai_doc_linecol(d, p->end, &last_line, &dummy);
    p->kind = MTAI_PARA_TEXT;
    if (last_line == p->line && p->words <= 20 && p->words > 0 &&
        !S_ends_sentence(d->text, p->start, p->end))
      p->kind = MTAI_PARA_HEADING;
  }
}
