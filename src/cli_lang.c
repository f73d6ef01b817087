/*
 * The language of the command line's messages (cli.h, cli_lang_init()).
 *
 * gettext picks the catalog from LANGUAGE when the LC_MESSAGES locale is
 * not "C", else from LC_ALL / LC_MESSAGES / LANG. setlocale() fails for a
 * locale that is not installed (de_DE.UTF-8 on a system with only
 * C.UTF-8, the usual container), and gettext then speaks English although
 * the user asked for German: so when the LC_MESSAGES locale comes out "C"
 * although the user did not ask for "C" or "POSIX", C.UTF-8 is set
 * instead and LANGUAGE derived from the variable that named the locale
 * (LANGUAGE alone, with no locale variable set, works too). Only LC_MESSAGES is
 * set: LC_NUMERIC stays "C" (the scores of every output keep their decimal
 * point; JSON needs it), LC_CTYPE too (the library reads bytes, not the
 * locale's characters), and the catalogs are bound with the codeset UTF-8.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* 1 when DIR/de/LC_MESSAGES/mtaudit.mo exists. */
static int S_has_catalog(const char *dir) {
  char path[PATH_MAX + 64];
  int n = snprintf(path, sizeof path, "%s/de/LC_MESSAGES/mtaudit.mo", dir);
  return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* The catalog directory next to the executable, DIR/locale, in 'out'
 * when it holds the German catalog; else 0. */
static int S_exe_localedir(const char *argv0, char *out, size_t size) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0)
    exe[n] = '\0';
  else if (argv0 && strchr(argv0, '/'))
    snprintf(exe, sizeof exe, "%s", argv0);
  else
    return 0;
  char *slash = strrchr(exe, '/');
  int k = snprintf(out, size, "%.*s/locale", (int)(slash - exe), exe);
  return k > 0 && (size_t)k < size && S_has_catalog(out);
}

/* The language of a locale name: "de_DE.UTF-8" -> "de"; "" for C/POSIX
 * or nothing. */
static void S_lang_of(const char *locale, char *out, size_t size) {
  out[0] = '\0';
  if (!locale || !*locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX") ||
      !strncmp(locale, "C.", 2))
    return;
  size_t n = strcspn(locale, "_.@");
  if (n && n < size) {
    memcpy(out, locale, n);
    out[n] = '\0';
  }
}

void cli_lang_init(const char *argv0) {
  char dir[PATH_MAX + 16];
  const char *env = getenv("MTAUDIT_LOCALEDIR");
  if (env && *env)
    mta_set_localedir(env);
  else if (S_exe_localedir(argv0, dir, sizeof dir))
    mta_set_localedir(dir);
  else
    mta_set_localedir(NULL);

  const char *m = setlocale(LC_MESSAGES, "");
  if (m && strcmp(m, "C") && strcmp(m, "POSIX"))
    return; /* an installed locale: gettext does the rest */
  /* The variable that decides, as in setlocale(): the first one set (an
   * empty one counts as unset). */
  const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"}, *v = NULL;
  for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !v; i++)
    if ((v = getenv(vars[i])) && !*v)
      v = NULL;
  /* "LC_ALL=C" asks for the untranslated messages, and gettext then
   * ignores LANGUAGE too (scripts rely on it): left alone. */
  if (v && (!strcmp(v, "C") || !strcmp(v, "POSIX")))
    return;
  /* Not installed, or no variable set: C.UTF-8, in which gettext reads
   * LANGUAGE, and LANGUAGE from the locale's name unless it is set. */
  setlocale(LC_MESSAGES, "C.UTF-8");
  const char *language = getenv("LANGUAGE");
  char lang[16];
  if (v && !(language && *language)) {
    S_lang_of(v, lang, sizeof lang);
    if (*lang)
      setenv("LANGUAGE", lang, 1);
  }
}

int cli_lang_set(const char *value) {
  if (!value || (strcmp(value, "de") && strcmp(value, "en")))
    return -1;
  /* LANGUAGE is read only when LC_MESSAGES is not "C". */
  const char *m = setlocale(LC_MESSAGES, NULL);
  if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX"))
    setlocale(LC_MESSAGES, "C.UTF-8");
  return setenv("LANGUAGE", value, 1) ? -1 : 0;
}
