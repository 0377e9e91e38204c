/*
 * random.c — the _random module (CPython's Modules/_randommodule.c): the
 * Mersenne Twister MT19937 behind Lib/random.py's Random class, which
 * subclasses _random.Random and builds every distribution on its random()
 * and getrandbits().
 *
 * Programs that seed the generator expect python3.11's very numbers, so the
 * state is filled and consumed exactly as CPython does:
 *   - seed(n) feeds abs(n) as 32-bit words, least significant first, to
 *     init_by_array (n = 0 is the one word 0); a non-int seeds with its
 *     hash; None with 624 words from the system's entropy (getrandom), or
 *     failing that the time and process id;
 *   - random() builds a 53-bit float from two outputs (a>>5, b>>6);
 *   - getrandbits(k) fills 32-bit words from the least significant end,
 *     dropping the low bits of the last one.
 * (Lib/random.py turns str and bytes seeds into ints with SHA-512 itself.)
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "modules/modutil.h"
#include "modules/mpz.h"
#include "modules/random.h"
#include "runtime/version.h"

#define N MOD_MT_N
#define M 397

#define RND(v) VAL_AS(ObjRandom, v)

/* ---- the Mersenne Twister ------------------------------------------------- */

uint32_t mod_random_uint32(ObjRandom *r)
{
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    uint32_t y, *mt = r->mt;
    if (r->index >= N) {        /* generate N words at one time */
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(ObjRandom *r, uint32_t s)
{
    r->mt[0] = s;
    for (int i = 1; i < N; i++)
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = N;
}

static void init_by_array(ObjRandom *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->mt;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0, k = N > len ? N : len;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;        /* MSB is 1, assuring a non-zero initial array */
}

double mod_random_double(ObjRandom *r)
{
    uint32_t a = mod_random_uint32(r) >> 5, b = mod_random_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

Value mod_random_getrandbits(ObjRandom *r, size_t k)
{
    if (k <= 32)
        return small_new(k == 0 ? 0 : (intptr_t)(mod_random_uint32(r) >> (32 - k)));
    size_t words = (k - 1) / 32 + 1;
    uint32_t *w = gc_alloc_atomic(words * 4);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = mod_random_uint32(r);
        if (k < 32)
            x >>= (32 - k);     /* drop the least significant bits */
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, 4, 0, 0, w);
    return mod_int_from_mpz(z);
}

/* ---- seeding ------------------------------------------------------------------ */

static void seed_from_entropy(ObjRandom *r)
{
    uint32_t key[N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, GRND_NONBLOCK);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got == sizeof key) {
        init_by_array(r, key, N);
        return;
    }
    struct timespec now, mono;          /* CPython's last resort: time and pid */
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    uint64_t t = (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
    uint64_t m = (uint64_t)mono.tv_sec * 1000000000u + (uint64_t)mono.tv_nsec;
    uint32_t k5[5] = { (uint32_t)t, (uint32_t)(t >> 32), (uint32_t)getpid(),
                       (uint32_t)m, (uint32_t)(m >> 32) };
    init_by_array(r, k5, 5);
}

bool mod_random_seed(ObjRandom *r, Value arg)
{
    if (arg == VAL_NULL || arg == rt_None) {
        seed_from_entropy(r);
        return true;
    }
    mpz_t n;
    mpz_init(n);
    if (rt_isinstance_of(arg, &rt_int_type)) {
        mod_int_to_mpz(arg, n);
        mpz_abs(n, n);
    } else {
        intptr_t h = rt_hash(arg);
        if (h == -1 && rt_err_occurred())
            return false;
        mpz_set_ui(n, (unsigned long)(size_t)h);
    }
    size_t count = 0;
    uint32_t *key = gc_alloc_atomic((mpz_sizeinbase(n, 2) + 31) / 32 * 4 + 4);
    mpz_export(key, &count, -1, 4, 0, 0, n);
    if (count == 0)
        key[count++] = 0;
    init_by_array(r, key, count);
    return true;
}

/* ---- the Random type ------------------------------------------------------------ */

static Value r_random(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("Random.random", nargs - 1, kw))
        return VAL_NULL;
    return rt_float_new(mod_random_double(RND(args[0])));
}

static Value r_seed(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Random.seed", kw) || !rt_arg_range("seed", nargs - 1, 0, 1))
        return VAL_NULL;
    return mod_random_seed(RND(args[0]), nargs > 1 ? args[1] : VAL_NULL) ? rt_None : VAL_NULL;
}

static Value r_getrandbits(Value *args, size_t nargs, Value kw)
{
    ssize_t k;
    if (!rt_arg_nokw("Random.getrandbits", kw) || !rt_arg_range("getrandbits", nargs - 1, 1, 1) ||
        !rt_as_ssize(args[1], &k))
        return VAL_NULL;
    if (k < 0 && rt_py_minor >= 14)         /* 3.14 takes a uint64_t */
        return rt_raisef(&rt_ValueError, "Cannot convert negative int");
    if (k > INT32_MAX || k < INT32_MIN)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    if (k < 0)
        return rt_raisef(&rt_ValueError, "number of bits must be non-negative");
    return mod_random_getrandbits(RND(args[0]), (size_t)k);
}

/* getstate(): (mt[0], ..., mt[623], index). */
Value mod_random_getstate(ObjRandom *r)
{
    Value t = rt_tuple_new(N + 1);
    for (int i = 0; i < N; i++)
        AS_TUPLE(t)->items[i] = rt_int_from_u64(r->mt[i]);
    AS_TUPLE(t)->items[N] = small_new(r->index);
    return t;
}

static Value r_getstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("Random.getstate", nargs - 1, kw))
        return VAL_NULL;
    return mod_random_getstate(RND(args[0]));
}

/* A state word: an unsigned C long, kept modulo 2**32 as CPython keeps it. */
static bool state_word(Value v, uint32_t *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative value to unsigned int");
        return false;
    }
    if (rt_int_bit_length(v) > 64) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C unsigned long");
        return false;
    }
    Value low = rt_binary_op(v, small_new(0xffffffff), NB_AND);
    if (low == VAL_NULL)
        return false;
    *out = (uint32_t)small_value(low);
    return true;
}

bool mod_random_setstate(ObjRandom *r, Value st)
{
    if (!rt_isinstance_of(st, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "state vector must be a tuple");
        return false;
    }
    if (rt_tuple_len(st) != N + 1) {
        rt_raisef(&rt_ValueError, "state vector is the wrong size");
        return false;
    }
    uint32_t words[N];
    for (int i = 0; i < N; i++)
        if (!state_word(rt_tuple_get(st, (size_t)i), &words[i]))
            return false;
    Value last = rt_tuple_get(st, N);
    int64_t index;
    if (!rt_isinstance_of(last, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (!rt_int_as_i64(last, &index))
        return false;
    if (index < 0 || index > N) {
        rt_raisef(&rt_ValueError, "invalid state");
        return false;
    }
    r->index = (int)index;
    memcpy(r->mt, words, sizeof words);
    return true;
}

static Value r_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("Random.setstate", nargs - 1, kw))
        return VAL_NULL;
    return mod_random_setstate(RND(args[0]), args[1]) ? rt_None : VAL_NULL;
}

/* Random.__init__(x=None): seed.  A subclass's __init__ replaces it, as
 * Lib/random.py's does; Random(...) itself seeds in random_new. */
static bool random_init(ObjRandom *r, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Random", kw))
        return false;
    if (nargs > 1) {
        rt_raisef(&rt_TypeError, "Random() requires 0 or 1 argument");
        return false;
    }
    return mod_random_seed(r, nargs ? args[0] : VAL_NULL);
}

static Value r_init(Value *args, size_t nargs, Value kw)
{
    return random_init(RND(args[0]), args + 1, nargs - 1, kw) ? rt_None : VAL_NULL;
}

/* Random(x=None).  Instances of subclasses start zeroed (CPython's
 * PyType_GenericNew) and are seeded by their __init__. */
static Value random_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjRandom *r = rt_alloc_instance(type, sizeof(ObjRandom));
    if (type == &mod_random_type && !random_init(r, args, nargs, kw))
        return VAL_NULL;
    return obj_val(r);
}

static const MethodDef random_methods[] = {
    {"__init__", r_init}, {"random", r_random}, {"seed", r_seed},
    {"getstate", r_getstate}, {"setstate", r_setstate}, {"getrandbits", r_getrandbits},
    {NULL, NULL}
};

ObjType mod_random_type = {
    .ob.type = &rt_type_type, .name = "_random.Random", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjRandom), .new_ = random_new,
};

void mod_random_type_ready(void)
{
    if (mod_random_type.mro == VAL_NULL)
        rt_type_ready(&mod_random_type, random_methods);
}

Value mod_random_init(void)
{
    Value m = mod_module_new("_random", NULL);
    mod_random_type_ready();
    mod_module_set(m, "Random", obj_val(&mod_random_type));
    return m;
}
