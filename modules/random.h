/*
 * random.h — the Mersenne Twister of _random (random.c), which
 * Lib/random.py's Random subclasses in Python.
 */
#ifndef PVM_MODULES_RANDOM_H
#define PVM_MODULES_RANDOM_H

#include "runtime/object.h"

#define MOD_MT_N 624

/* A _random.Random: the generator's 624 words of state and its position. */
typedef struct ObjRandom {
    Object ob;
    int index;
    uint32_t mt[MOD_MT_N];
} ObjRandom;

extern ObjType mod_random_type;             /* _random.Random */

uint32_t mod_random_uint32(ObjRandom *r);   /* the next 32 random bits */
double mod_random_double(ObjRandom *r);     /* random(): [0, 1) with 53 bits */
Value mod_random_getrandbits(ObjRandom *r, size_t k);
/* _random.Random.seed(arg): None (system entropy), an int (its absolute
 * value), anything else by its hash.  false + exception (unhashable). */
bool mod_random_seed(ObjRandom *r, Value arg);
/* getstate() and setstate(state) of _random.Random: the tuple of the 624
 * words and the position.  setstate: false + exception on a bad tuple. */
Value mod_random_getstate(ObjRandom *r);
bool mod_random_setstate(ObjRandom *r, Value state);
/* Ready _random.Random (a base the random stand-in needs before its own). */
void mod_random_type_ready(void);

#endif
