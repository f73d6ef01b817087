/* Tests of src/jsonl.c (being written). */
#include "tests.h"

Suite *jsonl_suite(void) {
  Suite *s = suite_create("jsonl");
  return s;
}
