/* Tests of src/render_html.c (being written). */
#include "tests.h"

Suite *render_html_suite(void) {
  Suite *s = suite_create("render-html");
  return s;
}
