/* record: being written. */
#include "internal.h"
