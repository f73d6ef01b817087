/*
 * HTML input (html_input.c): a saved web page or CMS export becomes the
 * plain text of its article, one paragraph per block element, and a map
 * from every byte of that text back to the HTML, so that reported lines
 * and columns point into the .html file. Parsed with Google's HTML5
 * parser (libgumbo), which builds the tree a browser would.
 */
#ifndef MTAUDIT_HTML_INPUT_H
#define MTAUDIT_HTML_INPUT_H

#include "internal.h"

/* 1 when the decoded text t[0..n) is an HTML document: after blanks, a
 * byte order mark, an XML declaration and comments (a browser's "saved
 * from url" line), it starts with "<!DOCTYPE html" or "<html" (any case).
 * Cheap: reads the start only. */
int mtai_html_detect(const char *t, size_t n);

/* 1 when file name 'name' ends in ".html" or ".htm" (any case). */
int mtai_html_name(const char *name);

/* Extracts the article text of the decoded (UTF-8) HTML document
 * t[0..n): '*out' (NUL-terminated, caller frees, '*outlen' bytes) holds
 * one paragraph per block element, separated by blank lines, a <br> a
 * line break inside its paragraph, whitespace collapsed as a browser
 * does; '*map' (caller frees with mtai_srcmap_free()) takes over 't',
 * which must be malloc'ed: on success the caller no longer owns it.
 * The rules (what is a block, what is dropped, which part of the page
 * is the article) are in the comment at the top of html_input.c.
 * Returns MTA_ERR_EMPTY when no article text is found, MTA_ERR_PARSE when
 * 'strict' (the caller forced HTML) and the text holds no HTML element,
 * MTA_ERR_NOMEM; 'why' then says why (one line, no file name). */
mta_status mtai_html_extract(char *t, size_t n, int strict, char **out,
                             size_t *outlen, struct mtai_srcmap **map,
                             char *why, size_t whylen);

#endif
