/* Tests of src/rules.c (being written). */
#include "tests.h"

Suite *rules_suite(void) {
  Suite *s = suite_create("rules");
  return s;
}
