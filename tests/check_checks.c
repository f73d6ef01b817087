/* Placeholder until the suite is written. */
#include "tests.h"

Suite *checks_suite(void) { return suite_create("checks"); }
