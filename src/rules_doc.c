/*
 * Long descriptions of the rules, for --explain and the rule list of the
 * SARIF output: what a rule finds, why machine translation produces it,
 * and a wrong and a right example. One entry per rule id of the registry
 * (tests/check_rules.c checks that every rule has one).
 */
#include <string.h>

#include "check.h"

static const struct mtai_rule_doc S_docs[] = {
    {NULL, NULL, NULL, NULL},
};

const struct mtai_rule_doc *mtai_rule_doc(const char *id) {
  for (size_t i = 0; id && S_docs[i].id; i++)
    if (!strcmp(S_docs[i].id, id))
      return &S_docs[i];
  return NULL;
}
