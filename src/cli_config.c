/*
 * Where the configuration of an input comes from (config discovery).
 *
 * Without --config FILE or --no-config, every input gets the first
 * mtaudit.conf found searching upward from its directory to the root (as
 * Vale does, and as EditorConfig finds its files, but without merging:
 * the nearest file wins alone), else $XDG_CONFIG_HOME/mtaudit/mtaudit.conf
 * ($HOME/.config when XDG_CONFIG_HOME is unset, empty or relative, as the
 * XDG Base Directory specification says), else none. Standard input
 * searches from the current directory. Only a regular file (or a link to
 * one) counts; a directory named mtaudit.conf is passed over.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define S_NAME "mtaudit.conf"

static int S_regular(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* A new string "A/B" (just "B" when 'a' is "."). */
static char *S_join(const char *a, const char *b) {
  if (!strcmp(a, "."))
    return strdup(b);
  size_t n = strlen(a) + strlen(b) + 2;
  char *p = malloc(n);
  if (p)
    snprintf(p, n, "%s%s%s", a, *a && a[strlen(a) - 1] == '/' ? "" : "/", b);
  return p;
}

/* The user's configuration: $XDG_CONFIG_HOME/mtaudit/mtaudit.conf, or
 * $HOME/.config/mtaudit/mtaudit.conf. */
static char *S_user_config(void) {
  const char *xdg = getenv("XDG_CONFIG_HOME");
  const char *home = getenv("HOME");
  char buf[PATH_MAX];
  int n;
  if (xdg && xdg[0] == '/')
    n = snprintf(buf, sizeof buf, "%s/mtaudit/" S_NAME, xdg);
  else if (home && *home)
    n = snprintf(buf, sizeof buf, "%s/.config/mtaudit/" S_NAME, home);
  else
    return NULL;
  if (n < 0 || (size_t)n >= sizeof buf || !S_regular(buf))
    return NULL;
  return strdup(buf);
}

char *cli_config_find(const char *dir, int *oom) {
  *oom = 0;
  if (!dir || !*dir)
    dir = ".";
  /* The directory itself, named as the user named it ("mtaudit.conf" for
   * the current directory, as before). */
  char *p = S_join(dir, S_NAME);
  if (!p) {
    *oom = 1;
    return NULL;
  }
  if (S_regular(p))
    return p;
  free(p);
  /* Its parents, by their absolute names. */
  char *abs = realpath(dir, NULL);
  if (abs) {
    for (;;) {
      char *slash = strrchr(abs, '/');
      if (!slash)
        break;
      if (slash == abs) { /* the root */
        if (abs[1] == '\0')
          break;
        abs[1] = '\0';
      } else {
        *slash = '\0';
      }
      char *c = S_join(abs, S_NAME);
      if (!c) {
        *oom = 1;
        break;
      }
      if (S_regular(c)) {
        free(abs);
        return c;
      }
      free(c);
    }
    free(abs);
    if (*oom)
      return NULL;
  }
  return S_user_config();
}

char *cli_config_find_for(const char *input, int *oom) {
  if (!strcmp(input, "-"))
    return cli_config_find(".", oom);
  const char *slash = strrchr(input, '/');
  if (!slash)
    return cli_config_find(".", oom);
  size_t n = slash == input ? 1 : (size_t)(slash - input);
  char *dir = malloc(n + 1);
  if (!dir) {
    *oom = 1;
    return NULL;
  }
  memcpy(dir, input, n);
  dir[n] = '\0';
  char *c = cli_config_find(dir, oom);
  free(dir);
  return c;
}
