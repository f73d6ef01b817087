/*
 * Message translation (GNU gettext, text domain "mtaudit").
 *
 * _("...") translates a message at the point of use; N_("...") only marks
 * a string for xgettext (rule tables, static arrays) and is translated
 * later with _() where it is shown; P_(one, many, n) picks a plural form.
 * The catalogs are the .po files in po/, compiled to
 * build/locale/LANG/LC_MESSAGES/ mtaudit.mo; the language follows
 * LANGUAGE/LC_MESSAGES (the CLI's --lang sets it). See docs/DESIGN.md,
 * "Messages".
 *
 * In the library _() is mtai_gettext() (i18n.c), which binds the domain
 * on first use (once, with the codeset UTF-8 whatever the locale's
 * charset). The command line is a client of the public API: it includes
 * this file with MTAI_I18N_CLI defined (cli.h) and calls dgettext() itself,
 * after main() has bound the domain with mta_set_localedir().
 */
#ifndef MTAUDIT_I18N_H
#define MTAUDIT_I18N_H

#define MTAI_TEXTDOMAIN "mtaudit"

#if defined(__GNUC__)
#define MTAI_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define MTAI_FORMAT_ARG(n)
#endif

#ifdef MTAI_I18N_CLI
#include <libintl.h>
#define _(s) dgettext(MTAI_TEXTDOMAIN, s)
#define P_(one, many, n) dngettext(MTAI_TEXTDOMAIN, one, many, n)
#else
/* The translation of 'msgid' in the current language, or 'msgid' itself
 * ("" stays ""). Thread-safe. */
const char *mtai_gettext(const char *msgid) MTAI_FORMAT_ARG(1);
/* The form of 'one'/'many' for the number 'n'. */
const char *mtai_ngettext(const char *one, const char *many, unsigned long n)
    MTAI_FORMAT_ARG(1) MTAI_FORMAT_ARG(2);
/* Display names, translated, of a severity (mta_severity), a category
 * (enum mtai_category) and a paragraph kind (enum mtai_para_kind) for the
 * text and HTML reports; the ids (mta_severity_name(),
 * mtai_category_name(), mtai_para_kind_name()) stay English: data. */
const char *mtai_severity_label(int sev);
const char *mtai_category_label(int cat);
const char *mtai_para_kind_label(int kind);
#define _(s) mtai_gettext(s)
#define P_(one, many, n) mtai_ngettext(one, many, (unsigned long)(n))
#endif

#define N_(s) s

#endif
