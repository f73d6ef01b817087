/* Placeholder until the suite is written. */
#include "tests.h"

Suite *render_suite(void) { return suite_create("render"); }
