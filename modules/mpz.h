/*
 * mpz.h — Python ints as GMP integers, for the modules that do exact
 * big-integer work (math.isqrt/comb/factorial, random's seeding and
 * getrandbits).  Include after <gmp.h>.
 */
#ifndef PVM_MODULES_MPZ_H
#define PVM_MODULES_MPZ_H

#include <gmp.h>
#include "runtime/object.h"

/* out (already initialised) = the int v (bools as 0/1). */
void mod_int_to_mpz(Value v, mpz_t out);
/* A normalised Python int from z (small when it fits). */
Value mod_int_from_mpz(const mpz_t z);

#endif
