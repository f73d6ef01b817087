/* Placeholder until the suite is written. */
#include "tests.h"

Suite *emit_suite(void) { return suite_create("emit"); }
