/*
 * The one growable array: mtai_vec_reserve(ARR, CAP, NEED) makes room for
 * NEED elements in the array ARR (any element type) of capacity CAP,
 * doubling from 8, with the byte count checked for overflow. ARR and CAP
 * are updated only on success; on failure (MTA_ERR_NOMEM) the array is
 * unchanged. The count stays with the caller:
 *
 *   if ((st = mtai_vec_reserve(v->items, v->cap, v->n + 1)))
 *     return st;
 *   v->items[v->n++] = x;
 */
#ifndef MTAUDIT_VEC_H
#define MTAUDIT_VEC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mtaudit.h"

#define mtai_vec_reserve(arr, cap, need)                                       \
  mtai_vec_reserve_((void *)&(arr), &(cap), (need), sizeof *(arr))

/* 'pp' points to the array's pointer (copied through memcpy, so that one
 * function serves every element type). */
static inline mta_status mtai_vec_reserve_(void *pp, size_t *cap, size_t need,
                                           size_t size) {
  if (need <= *cap)
    return MTA_OK;
  size_t c = *cap ? *cap : 8;
  while (c < need)
    c = c > SIZE_MAX / 2 ? need : 2 * c;
  if (c > SIZE_MAX / size)
    return MTA_ERR_NOMEM;
  void *p;
  memcpy(&p, pp, sizeof p);
  p = realloc(p, c * size);
  if (!p)
    return MTA_ERR_NOMEM;
  memcpy(pp, &p, sizeof p);
  *cap = c;
  return MTA_OK;
}

#endif
