/*
 * Message translation (GNU gettext, text domain "mtaudit").
 *
 * _("...") translates a message at the point of use; N_("...") only marks
 * a string for xgettext (rule tables, static arrays) and is translated
 * later with _() where it is shown; P_(one, many, n) picks a plural form.
 * The catalogs are po/*.po, compiled to build/locale/LANG/LC_MESSAGES/
 * mtaudit.mo; the language follows LANGUAGE/LC_MESSAGES (the CLI's --lang
 * sets it). See docs/DESIGN.md, "Messages".
 */
#ifndef MTAUDIT_I18N_H
#define MTAUDIT_I18N_H

#include <libintl.h>

#define MTAI_TEXTDOMAIN "mtaudit"

#define _(s) dgettext(MTAI_TEXTDOMAIN, s)
#define N_(s) s
#define P_(one, many, n) dngettext(MTAI_TEXTDOMAIN, one, many, n)

#endif
