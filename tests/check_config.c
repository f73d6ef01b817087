/* Tests of src/config.c (being written). */
#include "tests.h"

Suite *config_suite(void) {
  Suite *s = suite_create("config");
  return s;
}
