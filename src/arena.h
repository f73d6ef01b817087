/*
 * Readying a thread's malloc arena for a large load (arena.c): used by the
 * dictionaries' loader threads before Hunspell_create.
 */
#ifndef MTAUDIT_ARENA_H
#define MTAUDIT_ARENA_H

#include <stddef.h>

/* Prepares the calling thread's malloc arena for about 'bytes' of small
 * allocations to come (see arena.c). Returns 1 when it asked the kernel
 * for huge pages for them, else 0; it never fails. */
int mtai_arena_ready(size_t bytes);

#endif
