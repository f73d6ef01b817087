/*
 * Finding a Hunspell dictionary's files and converting words to its
 * encoding (see dictfile.h).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dictfile.h"

int mtai_dict_search(const char *dirs, const char *name, char *aff, char *dic,
                     size_t sz) {
  char *save = NULL, copy[4096];
  snprintf(copy, sizeof copy, "%s", dirs);
  for (char *dir = strtok_r(copy, ":", &save); dir;
       dir = strtok_r(NULL, ":", &save)) {
    snprintf(aff, sz, "%s/%s.aff", dir, name);
    snprintf(dic, sz, "%s/%s.dic", dir, name);
    /* asked, not opened: an auditor that never audits touches no file */
    if (!access(aff, R_OK) && !access(dic, R_OK))
      return 1;
  }
  return 0;
}

int mtai_dict_conv(iconv_t cd, const char *in, size_t n, char *out,
                   size_t outsz) {
  char *ip = (char *)in, *op = out;
  size_t il = n, ol = outsz - 1;
  iconv(cd, NULL, NULL, NULL, NULL);
  if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
    return 0;
  *op = '\0';
  return 1;
}
