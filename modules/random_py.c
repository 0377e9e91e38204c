/*
 * random_py.c — the random module, written in C: Lib/random.py's Random
 * (its algorithms over _random's Mersenne Twister, random.c) and
 * SystemRandom.  It stands in for Lib/random.py until that file can be
 * imported (it needs `abc` and `_collections_abc`, which need property and
 * GenericAlias subclassable); then this file and its line in modules.h go.
 *
 * Programs that seed the generator expect the very same numbers python3.11
 * gives, so everything that consumes randomness does it in random.py's
 * order and with its arithmetic:
 *   - seed(a, version=2) turns a str or bytes into
 *     int.from_bytes(a + sha512(a).digest()) (version 1: random.py's old
 *     string hash), then seeds _random with it;
 *   - randrange/randint/choice/shuffle/sample go through _randbelow, which
 *     draws getrandbits(n.bit_length()) until the result is below n;
 *   - choices, gauss (with its cached second value), uniform, ... follow
 *     random.py line by line.
 * Random is a subtype of _random.Random; the module functions are methods
 * bound to one hidden instance, as random.py's are.  SystemRandom draws from
 * the system's entropy (getrandom) instead and has no state.
 */
#include <math.h>
#include <string.h>
#include <sys/random.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "modules/mpz.h"
#include "modules/random.h"

typedef struct RandomPy {
    ObjRandom core;             /* _random.Random's state */
    Value dict;
    Value gauss_next;           /* rt_None or a float */
    bool system;                /* a SystemRandom: os.urandom, no state */
} RandomPy;

static ObjType random_type, system_random_type;
#define RND(v) VAL_AS(RandomPy, v)

/* ---- the two sources of randomness ------------------------------------------ */

/* n bytes of system entropy (os.urandom). */
static unsigned char *urandom(size_t n)
{
    unsigned char *buf = gc_alloc_atomic(n + 1);
    for (size_t got = 0; got < n;) {
        ssize_t k = getrandom(buf + got, n - got, 0);
        if (k > 0)
            got += (size_t)k;
    }
    return buf;
}

/* int.from_bytes(urandom(n)) >> shift, as SystemRandom computes. */
static Value urandom_int(size_t nbytes, size_t shift)
{
    mpz_t z;
    mpz_init(z);
    mpz_import(z, nbytes, 1, 1, 0, 0, urandom(nbytes));
    mpz_fdiv_q_2exp(z, z, shift);
    return mod_int_from_mpz(z);
}

static double random_double(RandomPy *r)
{
    if (!r->system)
        return mod_random_double(&r->core);
    /* (int.from_bytes(urandom(7)) >> 3) * 2**-53 */
    unsigned char *b = urandom(7);
    uint64_t x = 0;
    for (int i = 0; i < 7; i++)
        x = x << 8 | b[i];
    return (double)(x >> 3) * (1.0 / 9007199254740992.0);
}

static Value getrandbits(RandomPy *r, size_t k)
{
    if (!r->system)
        return mod_random_getrandbits(&r->core, k);
    size_t nbytes = (k + 7) / 8;
    return urandom_int(nbytes, nbytes * 8 - k);
}

/* _randbelow_with_getrandbits(n), n > 0. */
static Value randbelow(RandomPy *r, Value n)
{
    size_t k = rt_int_bit_length(n);
    if (val_is_small(n) && !r->system && k <= 32) {
        uint32_t un = (uint32_t)small_value(n), x;
        do                              /* getrandbits(k) for k <= 32, inline */
            x = mod_random_uint32(&r->core) >> (32 - k);
        while (x >= un);
        return small_new(x);
    }
    Value x = getrandbits(r, k);
    while (rt_int_cmp(x, n) >= 0)
        x = getrandbits(r, k);
    return x;
}

static Value randbelow_size(RandomPy *r, size_t n)
{
    return randbelow(r, small_new((intptr_t)n));
}

/* ---- seeding ------------------------------------------------------------------ */

/* random.py's version-1 hash of a str or bytes seed. */
static Value seed_v1(Value a)
{
    const uint32_t *cps = NULL;
    size_t n;
    if (rt_is_str(a)) {
        n = AS_STR(a)->length;
        cps = n ? rt_str_codepoints(a) : NULL;
    } else {
        n = AS_BYTES(a)->length;
    }
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t c = cps ? (cps[i]) : AS_BYTES(a)->data[i];
        if (i == 0)
            x = c << 7;
        x = (1000003 * x) ^ c;
    }
    x ^= n;
    return rt_int_from_u64(x);
}

/* int.from_bytes(a + sha512(a).digest()) */
static Value seed_v2(Value a)
{
    ModBuffer b;
    if (rt_is_str(a))
        b = (ModBuffer){ (const unsigned char *)rt_str_cstr(a), rt_str_nbytes(a), NULL };
    else if (!mod_get_buffer(a, &b))
        return VAL_NULL;
    unsigned char *all = gc_alloc_atomic(b.len + 64);
    size_t digest_len;
    memcpy(all, b.data, b.len);
    if (!mod_digest("sha512", b.data, b.len, all + b.len, &digest_len))
        return VAL_NULL;
    mpz_t n;
    mpz_init(n);
    mpz_import(n, b.len + digest_len, 1, 1, 0, 0, all);
    return mod_int_from_mpz(n);
}

/* Random.seed(a=None, version=2) */
static bool do_seed(RandomPy *r, Value a, Value version)
{
    int64_t v = 2;
    if (a == VAL_NULL)
        a = rt_None;
    if (version != VAL_NULL && rt_isinstance_of(version, &rt_int_type) &&
        !rt_int_as_i64(version, &v))
        rt_err_clear();
    bool text = rt_is_str(a) || rt_isinstance_of(a, &rt_bytes_type);
    if (v == 1 && text)
        a = seed_v1(a);
    else if (v == 2 && (text || rt_isinstance_of(a, &rt_bytearray_type)))
        a = seed_v2(a);
    else if (a != rt_None && !rt_isinstance_of(a, &rt_int_type) &&
             !rt_isinstance_of(a, &rt_float_type) && !text &&
             !rt_isinstance_of(a, &rt_bytearray_type)) {
        rt_raisef(&rt_TypeError, rt_py_minor >= 13     /* 3.13 breaks the line earlier */
                  ? "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray."
                  : "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return false;
    }
    if (a == VAL_NULL || (!r->system && !mod_random_seed(&r->core, a)))
        return false;
    r->gauss_next = rt_None;
    return true;
}

/* ---- methods ---------------------------------------------------------------- */

static Value rnd_seed(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "a", "version" };
    static const ArgSpec spec = { "seed", names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (RND(a[0])->system)              /* SystemRandom.seed: a stub */
        return rt_None;
    return do_seed(RND(a[0]), a[1], a[2]) ? rt_None : VAL_NULL;
}

/* Random.__init__(x=None) */
static Value rnd_init(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "x" };
    static const ArgSpec spec = { "__init__", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return do_seed(RND(a[0]), a[1], VAL_NULL) ? rt_None : VAL_NULL;
}

static Value rnd_random(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("random", nargs - 1, kw))
        return VAL_NULL;
    return rt_float_new(random_double(RND(args[0])));
}

static Value rnd_getrandbits(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("getrandbits", nargs - 1, kw))
        return VAL_NULL;
    ssize_t k;
    if (!rt_as_ssize(args[1], &k))
        return VAL_NULL;
    if (k < 0)
        return rt_raisef(&rt_ValueError, "number of bits must be non-negative");
    return getrandbits(RND(args[0]), (size_t)k);
}

static Value rnd_randbytes(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("randbytes", nargs - 1, kw))
        return VAL_NULL;
    ssize_t n;
    if (!rt_as_ssize(args[1], &n))
        return VAL_NULL;
    if (n < 0)
        return rt_raisef(&rt_ValueError, "negative argument not allowed");
    if (RND(args[0])->system)
        return rt_bytes_new(urandom((size_t)n), (size_t)n);
    Value bits = getrandbits(RND(args[0]), (size_t)n * 8);
    mpz_t z;
    mpz_init(z);
    mod_int_to_mpz(bits, z);
    unsigned char *buf = gc_alloc_atomic((size_t)n + 1);
    memset(buf, 0, (size_t)n + 1);
    size_t count = 0;
    mpz_export(buf, &count, -1, 1, 0, 0, z);
    return rt_bytes_new(buf, (size_t)n);
}

/* _randbelow(n): secrets.randbelow calls it on its SystemRandom. */
static Value rnd_randbelow(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_randbelow", nargs - 1, kw))
        return VAL_NULL;
    Value n = rt_index(args[1]);
    if (n == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(n) <= 0)    /* random.py would loop forever */
        return rt_raisef(&rt_ValueError, "number of bits must be non-negative");
    return randbelow(RND(args[0]), n);
}

static Value int_add(Value a, Value b) { return rt_binary_op(a, b, NB_ADD); }
static Value int_mul(Value a, Value b) { return rt_binary_op(a, b, NB_MULTIPLY); }

/* randrange's arguments as ints; floats are refused ("non-integer ..."). */
static Value range_arg(Value v, const char *msg)
{
    if (rt_isinstance_of(v, &rt_int_type))
        return rt_int_unbool(v);
    if (rt_isinstance_of(v, &rt_float_type)) {
        double d = AS_FLOAT(v)->value;
        if (d == floor(d) && isfinite(d))
            return rt_int_from_double(d);
        return rt_raisef(&rt_ValueError, "%s", msg);
    }
    return rt_index(v);
}

static Value randrange(RandomPy *r, Value start, Value stop, Value step)
{
    Value istart = range_arg(start, "non-integer arg 1 for randrange()");
    if (istart == VAL_NULL)
        return VAL_NULL;
    if (stop == VAL_NULL || stop == rt_None) {
        if (step != VAL_NULL && step != small_new(1))
            return rt_raisef(&rt_TypeError, "Missing a non-None stop argument");
        if (rt_int_sign(istart) > 0)
            return randbelow(r, istart);
        return rt_raisef(&rt_ValueError, "empty range for randrange()");
    }
    Value istop = range_arg(stop, "non-integer stop for randrange()");
    if (istop == VAL_NULL)
        return VAL_NULL;
    Value width = rt_binary_op(istop, istart, NB_SUBTRACT);
    Value istep = step == VAL_NULL ? small_new(1)
                                   : range_arg(step, "non-integer step for randrange()");
    if (width == VAL_NULL || istep == VAL_NULL)
        return VAL_NULL;
    if (istep == small_new(1)) {
        if (rt_int_sign(width) > 0)
            return int_add(istart, randbelow(r, width));
        return rt_raisef(&rt_ValueError, "empty range for randrange() (%S, %S, %S)",
                         istart, istop, width);
    }
    Value n;
    int s = rt_int_sign(istep);
    if (s == 0)
        return rt_raisef(&rt_ValueError, "zero step for randrange()");
    n = int_add(width, int_add(istep, small_new(s > 0 ? -1 : 1)));
    if (n == VAL_NULL || (n = rt_binary_op(n, istep, NB_FLOOR_DIVIDE)) == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(n) <= 0)
        return rt_raisef(&rt_ValueError, "empty range for randrange()");
    return int_add(istart, int_mul(istep, randbelow(r, n)));
}

static Value rnd_randrange(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "start", "stop", "step" };
    static const ArgSpec spec = { "randrange", names, 4, 0, 2, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return randrange(RND(a[0]), a[1], a[2], a[3]);
}

static Value rnd_randint(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "a", "b" };
    static const ArgSpec spec = { "randint", names, 3, 0, 3, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value b1 = int_add(a[2], small_new(1));
    return b1 == VAL_NULL ? VAL_NULL : randrange(RND(a[0]), a[1], b1, VAL_NULL);
}

static Value rnd_choice(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "seq" };
    static const ArgSpec spec = { "choice", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ssize_t n = rt_len(a[1]);
    if (n < 0)
        return VAL_NULL;
    if (n == 0)
        return rt_raisef(&rt_IndexError, "Cannot choose from an empty sequence");
    return rt_getitem(a[1], randbelow_size(RND(a[0]), (size_t)n));
}

static Value rnd_shuffle(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "x" };
    static const ArgSpec spec = { "shuffle", names, 2, 0, 2, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ssize_t n = rt_len(a[1]);
    if (n < 0)
        return VAL_NULL;
    Value x = a[1];
    for (ssize_t i = n - 1; i > 0; i--) {
        Value j = randbelow_size(RND(a[0]), (size_t)i + 1);
        Value vi = rt_getitem(x, small_new(i)), vj;
        if (vi == VAL_NULL || (vj = rt_getitem(x, j)) == VAL_NULL)
            return VAL_NULL;
        if (rt_setitem(x, small_new(i), vj) < 0 || rt_setitem(x, j, vi) < 0)
            return VAL_NULL;
    }
    return rt_None;
}

/* bisect_right(a, x, lo, hi) over a list with Python comparisons. */
static ssize_t bisect_right(Value list, Value x, ssize_t lo, ssize_t hi)
{
    while (lo < hi) {
        ssize_t mid = (lo + hi) / 2;
        int lt = rt_compare_bool(x, AS_LIST(list)->items[mid], CMP_LT);
        if (lt < 0)
            return -1;
        if (lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* list(itertools.accumulate(iterable)). */
static Value accumulate_list(Value iterable)
{
    Value it = rt_iter(iterable), item, total = VAL_NULL;
    if (it == VAL_NULL)
        return VAL_NULL;
    Value out = rt_list_new(0);
    while ((item = rt_next(it)) != VAL_NULL) {
        total = total == VAL_NULL ? item : int_add(total, item);
        if (total == VAL_NULL)
            return VAL_NULL;
        rt_list_append(out, total);
    }
    return rt_err_occurred() ? VAL_NULL : out;
}

static Value sample(RandomPy *r, Value population, Value kv, Value counts);

static Value rnd_sample(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "population", "k", "counts" };
    static const ArgSpec spec = { "sample", names, 4, 0, 3, 3, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    return sample(RND(a[0]), a[1], a[2], a[3]);
}

static bool is_sequence(Value v)
{
    ObjType *t = val_type(v);
    if (t == &rt_dict_type || rt_is_anyset(v) || rt_isinstance_of(v, &rt_dict_type))
        return false;
    return t->getitem != NULL && t->len != NULL;
}

static Value sample(RandomPy *r, Value population, Value kv, Value counts)
{
    if (!is_sequence(population))
        return rt_raisef(&rt_TypeError, "Population must be a sequence.  "
                                        "For dicts or sets, use sorted(d).");
    ssize_t n = rt_len(population), k;
    if (n < 0)
        return VAL_NULL;
    if (counts != VAL_NULL && counts != rt_None) {
        Value cum = accumulate_list(counts);
        if (cum == VAL_NULL)
            return VAL_NULL;
        if ((ssize_t)AS_LIST(cum)->length != n)
            return rt_raisef(&rt_ValueError, "The number of counts does not match the population");
        Value total = AS_LIST(cum)->items[--AS_LIST(cum)->length];
        if (!rt_isinstance_of(total, &rt_int_type))
            return rt_raisef(&rt_TypeError, "Counts must be integers");
        if (rt_int_sign(total) <= 0)
            return rt_raisef(&rt_ValueError, "Total of counts must be greater than zero");
        Value sel = sample(r, rt_range_new(small_new(0), total, small_new(1)), kv, VAL_NULL);
        if (sel == VAL_NULL)
            return VAL_NULL;
        ObjList *sl = AS_LIST(sel);
        for (size_t i = 0; i < sl->length; i++) {
            ssize_t j = bisect_right(cum, sl->items[i], 0, (ssize_t)AS_LIST(cum)->length);
            if (j < 0 || (sl->items[i] = rt_getitem(population, small_new(j))) == VAL_NULL)
                return VAL_NULL;
        }
        return sel;
    }
    if (!rt_as_ssize(kv, &k))
        return VAL_NULL;
    if (!(0 <= k && k <= n))
        return rt_raisef(&rt_ValueError, "Sample larger than population or is negative");
    Value result = rt_list_new((size_t)k);
    for (ssize_t i = 0; i < k; i++)
        rt_list_append(result, rt_None);
    Value *res = AS_LIST(result)->items;
    ssize_t setsize = 21;
    if (k > 5)
        setsize += (ssize_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if (n <= setsize) {
        Value pool = rt_sequence_to_list(population);
        if (pool == VAL_NULL)
            return VAL_NULL;
        Value *p = AS_LIST(pool)->items;
        for (ssize_t i = 0; i < k; i++) {
            ssize_t j = small_value(randbelow_size(r, (size_t)(n - i)));
            res[i] = p[j];
            p[j] = p[n - i - 1];
        }
    } else {
        Value selected = rt_set_new();
        for (ssize_t i = 0; i < k; i++) {
            Value j = randbelow_size(r, (size_t)n);
            while (rt_set_contains(selected, j))
                j = randbelow_size(r, (size_t)n);
            rt_set_add(selected, j);
            if ((res[i] = rt_getitem(population, j)) == VAL_NULL)
                return VAL_NULL;
        }
    }
    return result;
}

static Value rnd_choices(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "population", "weights", "cum_weights", "k" };
    static const ArgSpec spec = { "choices", names, 5, 0, 2, 3, false };
    Value a[5];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    RandomPy *r = RND(a[0]);
    Value pop = a[1], weights = a[2], cum = a[3];
    ssize_t k = 1;
    if (a[4] != VAL_NULL && !rt_as_ssize(a[4], &k))
        return VAL_NULL;
    ssize_t n = rt_len(pop);
    if (n < 0)
        return VAL_NULL;
    Value out = rt_list_new(k > 0 ? (size_t)k : 0);
    if (cum == VAL_NULL || cum == rt_None) {
        if (weights == VAL_NULL || weights == rt_None) {
            double dn = (double)n;
            for (ssize_t i = 0; i < k; i++) {
                Value item = rt_getitem(pop, rt_int_from_double(floor(random_double(r) * dn)));
                if (item == VAL_NULL)
                    return VAL_NULL;
                rt_list_append(out, item);
            }
            return out;
        }
        if (rt_isinstance_of(weights, &rt_int_type))
            return rt_raisef(&rt_TypeError,
                             "The number of choices must be a keyword argument: k=%S", weights);
        if ((cum = accumulate_list(weights)) == VAL_NULL)
            return VAL_NULL;
    } else if (weights != VAL_NULL && weights != rt_None) {
        return rt_raisef(&rt_TypeError, "Cannot specify both weights and cumulative weights");
    } else if ((cum = rt_sequence_to_list(cum)) == VAL_NULL) {
        return VAL_NULL;
    }
    if ((ssize_t)AS_LIST(cum)->length != n)
        return rt_raisef(&rt_ValueError, "The number of weights does not match the population");
    if (n == 0)                         /* CPython reads cum_weights[-1] */
        return rt_raisef(&rt_IndexError, "list index out of range");
    Value tv = int_add(AS_LIST(cum)->items[n - 1], rt_float_new(0.0));
    double total;
    if (tv == VAL_NULL || !mod_as_double(tv, &total))      /* any number: + 0.0 */
        return VAL_NULL;
    if (total <= 0.0)
        return rt_raisef(&rt_ValueError, "Total of weights must be greater than zero");
    if (!isfinite(total))
        return rt_raisef(&rt_ValueError, "Total of weights must be finite");
    for (ssize_t i = 0; i < k; i++) {
        ssize_t j = bisect_right(cum, rt_float_new(random_double(r) * total), 0, n - 1);
        Value item;
        if (j < 0 || (item = rt_getitem(pop, small_new(j))) == VAL_NULL)
            return VAL_NULL;
        rt_list_append(out, item);
    }
    return out;
}

/* ---- real-valued distributions --------------------------------------------- */

/* The float parameters of a distribution method (after self). */
static bool float_params(const ArgSpec *spec, Value *args, size_t nargs, Value kw,
                         const double *defaults, double *out, RandomPy **r)
{
    Value a[6];
    if (!rt_parse_args(spec, args, nargs, kw, a))
        return false;
    *r = RND(a[0]);
    for (int i = 1; i < spec->nparams; i++) {
        out[i - 1] = defaults[i - 1];
        if (a[i] != VAL_NULL && !mod_as_double(a[i], &out[i - 1]))
            return false;
    }
    return true;
}

#define DIST(fname, nreq, defs, ...)                                            \
    static const char *const fname##_names[] = { "self", __VA_ARGS__ };        \
    static const ArgSpec fname##_spec = {                                      \
        #fname, fname##_names, sizeof fname##_names / sizeof(char *), 0, nreq, \
        sizeof fname##_names / sizeof(char *), false };                        \
    static const double fname##_defs[] = defs;

#define LIST(...) { __VA_ARGS__ }

DIST(uniform, 3, LIST(0, 0), "a", "b")
static Value rnd_uniform(Value *args, size_t nargs, Value kw)
{
    double p[2];
    RandomPy *r;
    if (!float_params(&uniform_spec, args, nargs, kw, uniform_defs, p, &r))
        return VAL_NULL;
    return rt_float_new(p[0] + (p[1] - p[0]) * random_double(r));
}

DIST(triangular, 1, LIST(0.0, 1.0, NAN), "low", "high", "mode")
static Value rnd_triangular(Value *args, size_t nargs, Value kw)
{
    double p[3];
    RandomPy *r;
    Value mode = nargs >= 4 ? args[3] : rt_kwarg(args, nargs, kw, "mode");
    if (!float_params(&triangular_spec, args, nargs, kw, triangular_defs, p, &r))
        return VAL_NULL;
    double u = random_double(r), low = p[0], high = p[1], c;
    if (high - low == 0.0)
        return rt_float_new(low);
    c = mode == VAL_NULL || mode == rt_None ? 0.5 : (p[2] - low) / (high - low);
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low; low = high; high = t;
    }
    return rt_float_new(low + (high - low) * sqrt(u * c));
}

DIST(gauss, 1, LIST(0.0, 1.0), "mu", "sigma")
static Value rnd_gauss(Value *args, size_t nargs, Value kw)
{
    double p[2];
    RandomPy *r;
    if (!float_params(&gauss_spec, args, nargs, kw, gauss_defs, p, &r))
        return VAL_NULL;
    double z;
    if (r->gauss_next != rt_None) {
        z = AS_FLOAT(r->gauss_next)->value;
        r->gauss_next = rt_None;
    } else {
        double x2pi = random_double(r) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - random_double(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = rt_float_new(sin(x2pi) * g2rad);
    }
    return rt_float_new(p[0] + z * p[1]);
}

static double normalvariate(RandomPy *r, double mu, double sigma)
{
    const double NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0);
    double z;
    for (;;) {
        double u1 = random_double(r), u2 = 1.0 - random_double(r);
        z = NV_MAGICCONST * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2))
            break;
    }
    return mu + z * sigma;
}

DIST(normalvariate, 1, LIST(0.0, 1.0), "mu", "sigma")
static Value rnd_normalvariate(Value *args, size_t nargs, Value kw)
{
    double p[2];
    RandomPy *r;
    if (!float_params(&normalvariate_spec, args, nargs, kw, normalvariate_defs, p, &r))
        return VAL_NULL;
    return rt_float_new(normalvariate(r, p[0], p[1]));
}

DIST(lognormvariate, 3, LIST(0.0, 1.0), "mu", "sigma")
static Value rnd_lognormvariate(Value *args, size_t nargs, Value kw)
{
    double p[2];
    RandomPy *r;
    if (!float_params(&lognormvariate_spec, args, nargs, kw, lognormvariate_defs, p, &r))
        return VAL_NULL;
    return rt_float_new(exp(normalvariate(r, p[0], p[1])));
}

DIST(expovariate, 2, LIST(1.0), "lambd")
static Value rnd_expovariate(Value *args, size_t nargs, Value kw)
{
    double p[1];
    RandomPy *r;
    if (!float_params(&expovariate_spec, args, nargs, kw, expovariate_defs, p, &r))
        return VAL_NULL;
    double u = random_double(r);
    if (p[0] == 0.0)
        return rt_raisef(&rt_ZeroDivisionError, "float division by zero");
    return rt_float_new(-log(1.0 - u) / p[0]);
}

DIST(paretovariate, 2, LIST(1.0), "alpha")
static Value rnd_paretovariate(Value *args, size_t nargs, Value kw)
{
    double p[1];
    RandomPy *r;
    if (!float_params(&paretovariate_spec, args, nargs, kw, paretovariate_defs, p, &r))
        return VAL_NULL;
    double u = 1.0 - random_double(r);
    return rt_float_new(pow(u, -1.0 / p[0]));
}

DIST(weibullvariate, 3, LIST(1.0, 1.0), "alpha", "beta")
static Value rnd_weibullvariate(Value *args, size_t nargs, Value kw)
{
    double p[2];
    RandomPy *r;
    if (!float_params(&weibullvariate_spec, args, nargs, kw, weibullvariate_defs, p, &r))
        return VAL_NULL;
    double u = 1.0 - random_double(r);
    return rt_float_new(p[0] * pow(-log(u), 1.0 / p[1]));
}

static bool gammavariate(RandomPy *r, double alpha, double beta, double *out)
{
    const double LOG4 = log(4.0), SG_MAGICCONST = 1.0 + log(4.5);
    if (alpha <= 0.0 || beta <= 0.0) {
        rt_raisef(&rt_ValueError, "gammavariate: alpha and beta must be > 0.0");
        return false;
    }
    if (alpha > 1.0) {
        double ainv = sqrt(2.0 * alpha - 1.0), bbb = alpha - LOG4, ccc = alpha + ainv;
        for (;;) {
            double u1 = random_double(r);
            if (!(1e-7 < u1 && u1 < 0.9999999))
                continue;
            double u2 = 1.0 - random_double(r);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v), z = u1 * u1 * u2, rr = bbb + ccc * v - x;
            if (rr + SG_MAGICCONST - 4.5 * z >= 0.0 || rr >= log(z)) {
                *out = x * beta;
                return true;
            }
        }
    }
    if (alpha == 1.0) {
        *out = -log(1.0 - random_double(r)) * beta;
        return true;
    }
    double x;
    for (;;) {
        double u = random_double(r), b = (M_E + alpha) / M_E, p = b * u;
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
        double u1 = random_double(r);
        if (p > 1.0) {
            if (u1 <= pow(x, alpha - 1.0))
                break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    *out = x * beta;
    return true;
}

DIST(gammavariate, 3, LIST(1.0, 1.0), "alpha", "beta")
static Value rnd_gammavariate(Value *args, size_t nargs, Value kw)
{
    double p[2], x;
    RandomPy *r;
    if (!float_params(&gammavariate_spec, args, nargs, kw, gammavariate_defs, p, &r) ||
        !gammavariate(r, p[0], p[1], &x))
        return VAL_NULL;
    return rt_float_new(x);
}

DIST(betavariate, 3, LIST(1.0, 1.0), "alpha", "beta")
static Value rnd_betavariate(Value *args, size_t nargs, Value kw)
{
    double p[2], y, y2;
    RandomPy *r;
    if (!float_params(&betavariate_spec, args, nargs, kw, betavariate_defs, p, &r) ||
        !gammavariate(r, p[0], 1.0, &y))
        return VAL_NULL;
    if (y == 0.0)
        return rt_float_new(0.0);
    if (!gammavariate(r, p[1], 1.0, &y2))
        return VAL_NULL;
    return rt_float_new(y / (y + y2));
}

/* getstate(): (3, _random's state tuple, gauss_next). */
static Value rnd_getstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getstate", nargs - 1, kw))
        return VAL_NULL;
    RandomPy *r = RND(args[0]);
    if (r->system)
        return rt_raisef(&rt_NotImplementedError, "System entropy source does not have state.");
    return rt_tuple_pack(3, small_new(3), mod_random_getstate(&r->core), r->gauss_next);
}

static Value rnd_setstate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("setstate", nargs - 1, kw))
        return VAL_NULL;
    RandomPy *r = RND(args[0]);
    Value st = args[1];
    if (r->system)
        return rt_raisef(&rt_NotImplementedError, "System entropy source does not have state.");
    if (!is_tuple(st) || rt_tuple_len(st) != 3 || rt_tuple_get(st, 0) != small_new(3))
        return rt_raisef(&rt_ValueError, "state with version %R passed to Random.setstate() "
                         "of version 3", is_tuple(st) && rt_tuple_len(st) > 0
                                             ? rt_tuple_get(st, 0) : rt_None);
    if (!mod_random_setstate(&r->core, rt_tuple_get(st, 1)))
        return VAL_NULL;
    r->gauss_next = rt_tuple_get(st, 2);
    return rt_None;
}

/* Random(x=None), SystemRandom(x=None): the exact types seed here, a Python
 * subclass in __init__ (random.py's, or its own). */
static Value random_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    RandomPy *r = rt_alloc_instance(type, sizeof(RandomPy));
    r->gauss_next = rt_None;
    r->system = type == &system_random_type || rt_is_subtype(type, &system_random_type);
    if (type != &random_type && type != &system_random_type)
        return obj_val(r);
    Value *init_args = gc_alloc((nargs + 1) * sizeof(Value));
    init_args[0] = obj_val(r);
    memcpy(init_args + 1, args, nargs * sizeof(Value));
    return rnd_init(init_args, nargs + 1, kw) ? obj_val(r) : VAL_NULL;
}

static Value random_getattr(Value self, Value name)
{
    if (strcmp(rt_str_cstr(name), "gauss_next") == 0)
        return RND(self)->gauss_next;
    return rt_generic_getattr(self, name);
}

static Value random_repr(Value self)
{
    return rt_str_format_c("<%s object at %p>", val_type(self)->name, (void *)self);
}

static const MethodDef random_methods[] = {
    {"__init__", rnd_init}, {"seed", rnd_seed}, {"random", rnd_random},
    {"getrandbits", rnd_getrandbits}, {"randbytes", rnd_randbytes},
    {"randrange", rnd_randrange}, {"randint", rnd_randint},
    {"choice", rnd_choice}, {"choices", rnd_choices}, {"shuffle", rnd_shuffle},
    {"sample", rnd_sample}, {"uniform", rnd_uniform}, {"triangular", rnd_triangular},
    {"gauss", rnd_gauss}, {"normalvariate", rnd_normalvariate},
    {"lognormvariate", rnd_lognormvariate}, {"expovariate", rnd_expovariate},
    {"paretovariate", rnd_paretovariate}, {"weibullvariate", rnd_weibullvariate},
    {"gammavariate", rnd_gammavariate}, {"betavariate", rnd_betavariate},
    {"getstate", rnd_getstate}, {"setstate", rnd_setstate}, {"_randbelow", rnd_randbelow},
    {NULL, NULL}
};

static ObjType random_type = {
    .ob.type = &rt_type_type, .name = "random.Random", .base = &mod_random_type,
    .flags = TF_BASETYPE, .dict_offset = offsetof(RandomPy, dict),
    .instance_size = sizeof(RandomPy),
    .repr = random_repr, .getattr = random_getattr, .new_ = random_new,
};

static ObjType system_random_type = {
    .ob.type = &rt_type_type, .name = "random.SystemRandom", .base = &random_type,
    .flags = TF_BASETYPE, .repr = random_repr, .getattr = random_getattr, .new_ = random_new,
};

/* The module-level functions random.py binds to its hidden instance. */
static const char *const module_functions[] = {
    "seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample",
    "shuffle", "choices", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate",
    "gammavariate", "gauss", "betavariate", "paretovariate", "weibullvariate", "getstate",
    "setstate", "getrandbits", "randbytes",
};

Value mod_random_py_init(void)
{
    Value m = mod_module_new("random", NULL);
    mod_random_type_ready();
    mod_add_type(m, "Random", &random_type, random_methods);
    mod_add_type(m, "SystemRandom", &system_random_type, NULL);
    Value inst = random_new(&random_type, NULL, 0, VAL_NULL);
    for (size_t i = 0; i < sizeof module_functions / sizeof module_functions[0]; i++) {
        Value f = rt_getattr_cstr(inst, module_functions[i]);
        if (f != VAL_NULL)
            mod_module_set(m, module_functions[i], f);
        else
            rt_err_clear();
    }
    return m;
}
