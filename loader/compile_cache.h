/*
 * compile_cache.h — the compile service's answers kept on disk
 * (compile_cache.c explains the entries and where they live).
 */
#ifndef PVM_COMPILE_CACHE_H
#define PVM_COMPILE_CACHE_H

#include <stddef.h>
#include "runtime/object.h"

/* The .pyc image (bytes) that `compiler` gave for exactly this request,
 * or VAL_NULL when there is none (or the cache is off); never raises. */
Value ld_cache_find(const char *compiler, const unsigned char *request, size_t n);

/* Keep the image the compiler gave for the request; failures are ignored. */
void ld_cache_store(const char *compiler, const unsigned char *request, size_t n,
                    const unsigned char *pyc, size_t size);

#endif
