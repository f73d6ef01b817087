/*
 * "Did you mean": the closest of a list of names to a mistyped one, by
 * edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring bytes, each costing 1: the optimal string alignment
 * distance). Shared by the command line (long options, --disable,
 * --enable, --explain) and the configuration file ([rules]).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_NAME 128 /* longer names are never close to anything */

/* The distance of a[0..n) and b[0..m), both at most MAX_NAME bytes. */
static size_t S_distance(const char *a, size_t n, const char *b, size_t m) {
  static const size_t W = MAX_NAME + 1;
  size_t *d = malloc(W * W * sizeof *d);
  if (!d)
    return (size_t)-1;
  for (size_t i = 0; i <= n; i++)
    d[i * W] = i;
  for (size_t j = 0; j <= m; j++)
    d[j] = j;
  for (size_t i = 1; i <= n; i++)
    for (size_t j = 1; j <= m; j++) {
      size_t cost = a[i - 1] != b[j - 1];
      size_t v = d[(i - 1) * W + j] + 1;
      if (d[i * W + j - 1] + 1 < v)
        v = d[i * W + j - 1] + 1;
      if (d[(i - 1) * W + j - 1] + cost < v)
        v = d[(i - 1) * W + j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[(i - 2) * W + j - 2] + 1 < v)
        v = d[(i - 2) * W + j - 2] + 1;
      d[i * W + j] = v;
    }
  size_t r = d[n * W + m];
  free(d);
  return r;
}

/* Close enough to be a typo: one edit for names up to four bytes, two up
 * to twelve, else three. */
MTA_EXPORT const char *mta_closest(const char *word, const char *const *names,
                                   size_t n) {
  if (!word || !names)
    return NULL;
  size_t wl = strlen(word);
  if (wl == 0 || wl > MAX_NAME)
    return NULL;
  size_t limit = wl <= 4 ? 1 : wl <= 12 ? 2 : 3;
  const char *best = NULL;
  size_t bestd = limit + 1;
  for (size_t i = 0; i < n; i++) {
    if (!names[i])
      continue;
    size_t nl = strlen(names[i]);
    if (nl > MAX_NAME || (nl > wl ? nl - wl : wl - nl) >= bestd)
      continue;
    size_t dist = S_distance(word, wl, names[i], nl);
    if (dist < bestd) {
      bestd = dist;
      best = names[i];
    }
  }
  return best;
}

MTA_EXPORT const char *mta_rule_closest(const char *name) {
  size_t n = mta_rule_count();
  const char **names = malloc(2 * n * sizeof *names);
  if (!names)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    mta_rule_info ri;
    mta_rule_get(i, &ri);
    names[2 * i] = ri.id;
    names[2 * i + 1] = ri.category;
  }
  const char *best = mta_closest(name, names, 2 * n);
  free(names);
  return best;
}
