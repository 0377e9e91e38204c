/*
 * siphash.h — SipHash-1-3, the keyed hash CPython 3.11 stores in
 * hash-based .pyc files (PEP 552).
 *
 * A checked hash pyc carries, in header bytes 8..15, the 64-bit hash of its
 * source file's bytes; importlib recomputes it with `_imp.source_hash(key,
 * source)` and recompiles when the two differ.  The key is the "raw magic
 * number": the pyc's first four bytes read as a little-endian integer
 * (3495 | '\r\n' << 16 = 0x0a0d0da7 for 3.11).  See Python/pyhash.c
 * (siphash13, _Py_KeyedHash) and Lib/importlib/_bootstrap_external.py.
 */
#ifndef PVM_SIPHASH_H
#define PVM_SIPHASH_H

#include <stddef.h>
#include <stdint.h>
#include "runtime/siphash.h"

/* _imp.source_hash(key, source) as an integer: SipHash-1-3 keyed (key, 0).
 * A pyc stores it as 8 little-endian bytes. */
static inline uint64_t ld_source_hash(uint64_t key, const void *source, size_t n)
{
    return rt_siphash13(key, 0, source, n);
}

/* The key importlib uses for 3.11 pycs: int.from_bytes(MAGIC_NUMBER, 'little'). */
#define LD_SOURCE_HASH_KEY_311 ((uint64_t)(3495u | (0x0a0du << 16)))

#endif
