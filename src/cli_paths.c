/*
 * Input paths of the command line: lists of paths, directories expanded
 * into their *.txt, *.html and *.htm files (nftw, symbolic links to directories
 * not followed), and the check that -o does not name one of the inputs.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "vec.h"

int cli_paths_add(struct cli_paths *p, const char *s) {
  if (mtai_vec_reserve(p->v, p->cap, p->n + 1))
    return -1;
  if (!(p->v[p->n] = strdup(s)))
    return -1;
  p->n++;
  return 0;
}

void cli_paths_free(struct cli_paths *p) {
  for (size_t i = 0; i < p->n; i++)
    free(p->v[i]);
  free(p->v);
  memset(p, 0, sizeof *p);
}

/* 1 when 'path' (n bytes) ends in .html or .htm, any case (saved pages:
 * "Artikel.HTM"). */
static int S_html_name(const char *path, size_t n) {
  const char *dot = n >= 4 ? strrchr(path, '.') : NULL;
  return dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"));
}

static struct cli_paths *S_walk_out; /* nftw has no user pointer */
static int S_walk_fail;

/* Every *.txt, *.html or *.htm entry that is not a directory becomes an input,
 * whatever it is: a regular file, or a FIFO, device, socket, dangling or
 * looping symbolic link, which the audit then refuses with one error line
 * naming it (a link to a device is not skipped silently while a FIFO is
 * reported). A symbolic link to a directory is not followed. */
static int S_walk_cb(const char *path, const struct stat *sb, int type,
                     struct FTW *ftw) {
  (void)ftw;
  (void)sb;
  size_t n = strlen(path);
  if ((n < 4 || strcmp(path + n - 4, ".txt")) && !S_html_name(path, n))
    return 0;
  struct stat to;
  if (type == FTW_D || type == FTW_DNR || type == FTW_DP ||
      (type == FTW_SL && stat(path, &to) == 0 && S_ISDIR(to.st_mode)))
    return 0;
  if (cli_paths_add(S_walk_out, path))
    S_walk_fail = 1;
  return S_walk_fail;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expands a directory into its *.txt, *.html and *.htm files, sorted, appended
 * to 'out'. Returns their number, or -1 when the walk failed (nothing
 * appended). Symbolic links to directories are not followed, so a link loop
 * cannot recurse. Not reentrant (nftw has no user pointer); the main thread
 * walks before any worker starts. */
static int S_expand_dir(const char *dir, struct cli_paths *out) {
  struct cli_paths found = {NULL, 0, 0};
  S_walk_out = &found;
  S_walk_fail = 0;
  int rc = nftw(dir, S_walk_cb, 32, FTW_PHYS);
  S_walk_out = NULL; /* 'found' lives on this stack frame only */
  if (found.n > 1)
    qsort(found.v, found.n, sizeof *found.v, S_cmp);
  for (size_t i = 0; i < found.n; i++) {
    if (!rc && cli_paths_add(out, found.v[i]))
      rc = -1;
    free(found.v[i]);
  }
  free(found.v);
  return rc ? -1 : (int)found.n;
}

/* Every input is expanded first, so that the progress line knows the total
 * and the output can be compared with every input; a directory that fails
 * is reported by the caller once the writer exists. */
int cli_paths_expand(const struct cli_paths *inputs, int jsonl,
                     struct cli_paths *files, struct cli_paths *bad,
                     struct cli_paths *badmsg) {
  int oom = 0;
  for (size_t i = 0; i < inputs->n; i++) {
    const char *in = inputs->v[i];
    struct stat sb;
    if (!jsonl && strcmp(in, "-") && stat(in, &sb) == 0 &&
        S_ISDIR(sb.st_mode)) {
      int n = S_expand_dir(in, files);
      if (n <= 0) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: %s", in,
                 n < 0 ? _("cannot read the directory")
                       : _("no .txt, .html or .htm files"));
        if (cli_paths_add(bad, in) || cli_paths_add(badmsg, msg))
          oom = 1;
      }
    } else if (cli_paths_add(files, in)) {
      oom = 1;
    }
  }
  return oom ? -1 : 0;
}

/* Symbolic links are followed: "-o in.txt in.txt" would replace the
 * article with its report, and so would a link to it. */
const char *cli_output_is_input(const char *output,
                                const struct cli_paths *files) {
  struct stat o;
  if (stat(output, &o) || !S_ISREG(o.st_mode))
    return NULL;
  for (size_t i = 0; i < files->n; i++) {
    struct stat sb;
    int ok = strcmp(files->v[i], "-") ? stat(files->v[i], &sb)
                                      : fstat(STDIN_FILENO, &sb);
    if (ok == 0 && sb.st_dev == o.st_dev && sb.st_ino == o.st_ino)
      return files->v[i];
  }
  return NULL;
}

/* The part of 'file' below the directory argument 'in', or NULL. */
static const char *S_below(const char *in, const char *file) {
  size_t n = strlen(in);
  while (n > 1 && in[n - 1] == '/')
    n--;
  if (strncmp(file, in, n) || file[n] != '/')
    return NULL;
  while (file[n] == '/')
    n++;
  return file + n;
}

int cli_paths_sources(const struct cli_paths *inputs,
                      const struct cli_paths *files, const char *dir,
                      struct cli_paths *sources) {
  for (size_t i = 0; i < files->n; i++) {
    const char *f = files->v[i], *rel = NULL;
    for (size_t k = 0; k < inputs->n && !rel; k++)
      if (strcmp(inputs->v[k], f))
        rel = S_below(inputs->v[k], f);
    if (!rel) {
      const char *slash = strrchr(f, '/');
      rel = slash ? slash + 1 : f;
    }
    const char *dot = strrchr(rel, '.');
    const char *slash = strrchr(rel, '/');
    size_t stem = dot && dot > rel && (!slash || dot > slash + 1)
                      ? (size_t)(dot - rel)
                      : strlen(rel);
    size_t n = strlen(dir) + 1 + stem + 5;
    char *p = malloc(n);
    if (!p)
      return -1;
    snprintf(p, n, "%s/%.*s.txt", dir, (int)stem, rel);
    int rc = cli_paths_add(sources, p);
    free(p);
    if (rc)
      return -1;
  }
  return 0;
}

char *cli_record_name(const char *stream, const char *id, size_t lineno) {
  size_t n = id ? strlen(id) : 0, a = 0, b = n;
  if (n >= 2 && id[0] == '"' && id[n - 1] == '"') {
    a = 1;
    b = n - 1;
  }
  int ok = b > a && b - a <= 64;
  for (size_t i = a; ok && i < b; i++) {
    char c = id[i];
    ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || strchr("._-+/", c);
  }
  size_t len = strlen(stream) + 96;
  char *out = malloc(len);
  if (!out)
    return NULL;
  if (ok)
    snprintf(out, len, "%s[id=%.*s]", stream, (int)(b - a), id + a);
  else
    snprintf(out, len, "%s[line=%zu]", stream, lineno);
  return out;
}
