/*
 * siphash.h — SipHash-1-3, CPython's hash of str and bytes (runtime/str.c,
 * keyed by the hash secret) and of the source in hash-based .pyc files
 * (loader/siphash.h).
 */
#ifndef PVM_RT_SIPHASH_H
#define PVM_RT_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-1-3 of data with the 128-bit key (k0, k1). */
uint64_t rt_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t n);

#endif
