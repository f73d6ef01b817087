/*
 * The message catalogs (i18n.h): the library binds the text domain
 * "mtaudit" once, on the first translation or mta_set_localedir(), with
 * the codeset UTF-8, so that messages come out in UTF-8 whatever the
 * charset of the caller's locale. The catalog directory is the compiled-in
 * MTA_LOCALEDIR ($(LOCALEDIR) of the Makefile, $(PREFIX)/share/locale)
 * unless the caller names another. The language is the caller's business
 * (LANGUAGE, LC_MESSAGES): the library never calls setlocale().
 */
#include <libintl.h>
#include <pthread.h>

#include "i18n.h"
#include "internal.h"

#ifndef MTA_LOCALEDIR
#define MTA_LOCALEDIR "/usr/local/share/locale"
#endif

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static int S_dir_set; /* mta_set_localedir() bound a directory first */

static void S_bind(void) {
  if (!S_dir_set)
    bindtextdomain(MTAI_TEXTDOMAIN, MTA_LOCALEDIR);
  bind_textdomain_codeset(MTAI_TEXTDOMAIN, "UTF-8");
}

mta_status mta_set_localedir(const char *dir) {
  S_dir_set = 1;
  if (!bindtextdomain(MTAI_TEXTDOMAIN, dir && *dir ? dir : MTA_LOCALEDIR))
    return MTA_ERR_NOMEM;
  pthread_once(&S_once, S_bind);
  return MTA_OK;
}

const char *mta_localedir_default(void) { return MTA_LOCALEDIR; }

const char *mtai_gettext(const char *msgid) {
  if (!msgid || !*msgid) /* "" would give the catalog's header */
    return msgid;
  pthread_once(&S_once, S_bind);
  return dgettext(MTAI_TEXTDOMAIN, msgid);
}

const char *mtai_ngettext(const char *one, const char *many, unsigned long n) {
  pthread_once(&S_once, S_bind);
  return dngettext(MTAI_TEXTDOMAIN, one, many, n);
}
