/* Placeholder until the suite is written. */
#include "tests.h"

Suite *decode_suite(void) { return suite_create("decode"); }
