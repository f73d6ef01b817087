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
#include <string.h>

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

/* ---- display names ---------------------------------------------------- */

const char *mtai_severity_label(int sev) {
  static const char *const labels[] = {N_("minor"), N_("major"),
                                       N_("critical")};
  return sev >= 0 && sev <= MTA_SEV_CRITICAL ? _(labels[sev])
                                             : mta_severity_name(sev);
}

/* The ids of 'ids' are their own msgids (the English display is the id,
 * as it always was); an id not listed (a new category) shows as it is. */
static const char *S_label(const char *id, const char *const *ids, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(id, ids[i]))
      return _(ids[i]);
  return id;
}

const char *mtai_category_label(int cat) {
  static const char *const ids[] = {
      N_("spelling"),    N_("english-leftover"), N_("split-sentence"),
      N_("word-order"),  N_("garbled"),          N_("compound"),
      N_("punctuation"), N_("consistency"),      N_("grammar"),
      N_("accuracy"),    N_("boilerplate"),      N_("duplicate")};
  return S_label(mtai_category_name((enum mtai_category)cat), ids,
                 sizeof ids / sizeof ids[0]);
}

const char *mtai_para_kind_label(int kind) {
  static const char *const ids[] = {N_("heading"), N_("boilerplate"),
                                    N_("caption"), N_("text")};
  return S_label(mtai_para_kind_name((enum mtai_para_kind)kind), ids,
                 sizeof ids / sizeof ids[0]);
}
