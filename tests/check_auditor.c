/* Placeholder until the suite is written. */
#include "tests.h"

Suite *auditor_suite(void) { return suite_create("auditor"); }
