/* Placeholder until the suite is written. */
#include "tests.h"

Suite *segment_suite(void) { return suite_create("segment"); }
