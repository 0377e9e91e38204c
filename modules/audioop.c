/*
 * audioop.c — the `audioop` module, CPython 3.11's Modules/audioop.c:
 * arithmetic on raw audio fragments, bytes-like objects holding signed
 * little-endian samples of 1, 2, 3 or 4 bytes ("width").  Each function
 * reads samples, computes, and returns new bytes (or a number); what it
 * computes, and where it clips, rounds or wraps, is CPython's:
 *
 *   - a scaled sample (mul, tomono, tostereo, add at width 4) is clipped to
 *     the width's range and rounded toward minus infinity (fbound);
 *   - bias wraps around instead;
 *   - lin2lin, the u-law/A-law codecs, ADPCM and ratecv move samples
 *     through a common 32-bit scale (a width-w sample shifted left by
 *     32 - 8w bits) and back;
 *   - u-law and A-law are G.711 (the byte <-> 16-bit tables are computed
 *     from the standard's segment/mantissa formula at first use);
 *     ADPCM is Intel/DVI IMA ADPCM, 4 bits a sample, two samples a byte.
 *
 * Errors are audioop.error with CPython's words ("Size should be 1, 2, 3
 * or 4", "not a whole number of frames", ...).  Deprecated by PEP 594
 * (the import warns) and gone in 3.13 (registry.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "modules/modutil.h"

static ObjType audioop_error = {
    .ob.type = &rt_type_type, .name = "audioop.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static const int maxvals[] = { 0, 0x7F, 0x7FFF, 0x7FFFFF, 0x7FFFFFFF };
static const int minvals[] = { 0, -0x80, -0x8000, -0x800000, INT32_MIN };

/* ---- samples ------------------------------------------------------------------ */

/* The signed sample of `width` bytes at byte offset i (little-endian). */
static int get_sample(int width, const unsigned char *p, size_t i)
{
    p += i;
    switch (width) {
    case 1: return (signed char)p[0];
    case 2: return (int16_t)(p[0] | p[1] << 8);
    case 3: return p[0] | p[1] << 8 | (signed char)p[2] * 65536;
    default: return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 |
                              (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
    }
}

/* Store the low `width` bytes of val at byte offset i. */
static void set_sample(int width, unsigned char *p, size_t i, int val)
{
    uint32_t u = (uint32_t)val;
    for (int k = 0; k < width; k++)
        p[i + k] = (unsigned char)(u >> (8 * k));
}

/* A sample on the 32-bit scale, and back (CPython's GETSAMPLE32/SETSAMPLE32). */
static int get_sample32(int width, const unsigned char *p, size_t i)
{
    return (int)((uint32_t)get_sample(width, p, i) << (32 - 8 * width));
}

static void set_sample32(int width, unsigned char *p, size_t i, int val)
{
    set_sample(width, p, i, val >> (32 - 8 * width));
}

/* A scaled value clipped to [minval, maxval] and rounded toward -inf. */
static int fbound(double val, double minval, double maxval)
{
    if (val > maxval)
        val = maxval;
    else if (val < minval + 1.0)
        val = minval;
    return (int)floor(val);
}

/* ---- arguments ---------------------------------------------------------------- */

/* A C int argument (Argument Clinic's `int`). */
static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* Argument Clinic's positional-only parameters: one letter of `fmt` per
 * parameter — 'y' a bytes-like fragment (ModBuffer *), 'i' a C int,
 * 'n' a Py_ssize_t, 'd' a double, 'O' any object — the first `required`
 * of them required, the rest left as they are when not passed. */
static bool parse(const char *fname, Value *args, size_t nargs, Value kw,
                  const char *fmt, size_t required, ...)
{
    if (!rt_arg_nokw_in("audioop", fname, kw) || !rt_arg_range(fname, nargs, required, strlen(fmt)))
        return false;
    va_list ap;
    va_start(ap, required);
    bool ok = true;
    for (size_t k = 0; ok && fmt[k] != '\0'; k++) {
        void *out = va_arg(ap, void *);
        if (k >= nargs)
            continue;
        switch (fmt[k]) {
        case 'y': ok = mod_get_buffer(args[k], out); break;
        case 'i': ok = int_arg(args[k], out); break;
        case 'n': ok = rt_as_ssize(args[k], out); break;
        case 'd': ok = mod_as_double(args[k], out); break;
        default: *(Value *)out = args[k]; break;
        }
    }
    va_end(ap);
    return ok;
}

static bool check_width(int width)
{
    if (width < 1 || width > 4) {
        rt_raisef(&audioop_error, "Size should be 1, 2, 3 or 4");
        return false;
    }
    return true;
}

static bool check_fragment(const ModBuffer *b, int width)
{
    if (!check_width(width))
        return false;
    if (b->len % (size_t)width != 0) {
        rt_raisef(&audioop_error, "not a whole number of frames");
        return false;
    }
    return true;
}

/* The most common signature, (fragment, width), checked. */
static bool fragment_width(const char *fname, Value *args, size_t nargs, Value kw,
                           ModBuffer *b, int *width)
{
    return parse(fname, args, nargs, kw, "yi", 2, b, width) && check_fragment(b, *width);
}

/* An output buffer of n bytes (zeroed), or NULL + MemoryError. */
static unsigned char *room(size_t n)
{
    unsigned char *p = rt_bytes_room(n);
    if (p != NULL)
        memset(p, 0, n);
    return p;
}

/* ---- statistics --------------------------------------------------------------- */

static Value ao_getsample(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    ssize_t index;
    if (!parse("getsample", args, nargs, kw, "yin", 3, &b, &width, &index) ||
        !check_fragment(&b, width))
        return VAL_NULL;
    if (index < 0 || (size_t)index >= b.len / (size_t)width)
        return rt_raisef(&audioop_error, "Index out of range");
    return rt_int_from_i64(get_sample(width, b.data, (size_t)index * (size_t)width));
}

static Value ao_max(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("max", args, nargs, kw, &b, &width))
        return VAL_NULL;
    int64_t max = 0;
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        int64_t v = get_sample(width, b.data, i);
        if (llabs(v) > max)
            max = llabs(v);
    }
    return rt_int_from_i64(max);
}

static Value ao_minmax(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("minmax", args, nargs, kw, &b, &width))
        return VAL_NULL;
    int min = INT32_MAX, max = INT32_MIN;
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        int v = get_sample(width, b.data, i);
        if (v > max)
            max = v;
        if (v < min)
            min = v;
    }
    return rt_tuple_pack(2, rt_int_from_i64(min), rt_int_from_i64(max));
}

static Value ao_avg(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("avg", args, nargs, kw, &b, &width))
        return VAL_NULL;
    double sum = 0.0;
    for (size_t i = 0; i < b.len; i += (size_t)width)
        sum += get_sample(width, b.data, i);
    int avg = b.len == 0 ? 0 : (int)floor(sum / (double)(b.len / (size_t)width));
    return rt_int_from_i64(avg);
}

static Value ao_rms(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("rms", args, nargs, kw, &b, &width))
        return VAL_NULL;
    double sum_squares = 0.0;
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        double v = get_sample(width, b.data, i);
        sum_squares += v * v;
    }
    unsigned int rms = b.len == 0 ? 0
        : (unsigned int)sqrt(sum_squares / (double)(b.len / (size_t)width));
    return rt_int_from_i64(rms);
}

/* Walk the extremes of a fragment (where the slope changes sign) and hand
 * each peak-to-peak distance after the first extreme to `each`. */
static void peak_to_peak(const ModBuffer *b, int width, void (*each)(uint32_t, void *), void *ctx)
{
    if (b->len <= (size_t)width)
        return;
    int prev = get_sample(width, b->data, 0);
    int prevdiff = 17;                  /* neither 0 nor 1: no slope yet */
    bool have_extreme = false;
    int extreme = 0;
    for (size_t i = (size_t)width; i < b->len; i += (size_t)width) {
        int v = get_sample(width, b->data, i);
        if (v == prev)
            continue;
        int diff = v < prev;
        if (prevdiff == !diff) {        /* the slope changed sign at prev */
            if (have_extreme)
                each(prev < extreme ? (uint32_t)extreme - (uint32_t)prev
                                    : (uint32_t)prev - (uint32_t)extreme, ctx);
            have_extreme = true;
            extreme = prev;
        }
        prev = v;
        prevdiff = diff;
    }
}

typedef struct { double sum; long n; uint32_t max; } PeakStats;

static void add_peak(uint32_t d, void *ctx)
{
    PeakStats *s = ctx;
    s->sum += d;
    s->n++;
    if (d > s->max)
        s->max = d;
}

static Value ao_avgpp(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("avgpp", args, nargs, kw, &b, &width))
        return VAL_NULL;
    PeakStats s = { 0 };
    peak_to_peak(&b, width, add_peak, &s);
    return rt_int_from_i64(s.n == 0 ? 0 : (unsigned int)(s.sum / (double)s.n));
}

static Value ao_maxpp(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("maxpp", args, nargs, kw, &b, &width))
        return VAL_NULL;
    PeakStats s = { 0 };
    peak_to_peak(&b, width, add_peak, &s);
    return rt_int_from_i64(s.max);
}

static Value ao_cross(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    if (!fragment_width("cross", args, nargs, kw, &b, &width))
        return VAL_NULL;
    int64_t ncross = -1;
    int prev = 17;                      /* neither 0 nor 1 */
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        int negative = get_sample(width, b.data, i) < 0;
        if (negative != prev)
            ncross++;
        prev = negative;
    }
    return rt_int_from_i64(ncross);
}

/* ---- 16-bit correlation: findfit, findfactor, findmax --------------------------- */

static int16_t s16(const ModBuffer *b, size_t i)
{
    return (int16_t)get_sample(2, b->data, 2 * i);
}

/* sum(a[ia + k] * b[ib + k] for k < n) */
static double dot16(const ModBuffer *a, size_t ia, const ModBuffer *b, size_t ib, size_t n)
{
    double sum = 0.0;
    for (size_t k = 0; k < n; k++)
        sum += (double)s16(a, ia + k) * (double)s16(b, ib + k);
    return sum;
}

static bool even_sized(const ModBuffer *a, const ModBuffer *b)
{
    if ((a->len & 1) || (b != NULL && (b->len & 1))) {
        rt_raisef(&audioop_error, "Strings should be even-sized");
        return false;
    }
    return true;
}

/* The offset j where reference R best matches fragment A: the least
 * relative residue (sum(A_j^2) sum(R^2) - sum(A_j R)^2) / sum(A_j^2), with
 * sum(A_j^2) slid along A; and the factor sum(A_j R) / sum(R^2) there. */
static Value ao_findfit(Value *args, size_t nargs, Value kw)
{
    ModBuffer a, r;
    if (!parse("findfit", args, nargs, kw, "yy", 2, &a, &r) || !even_sized(&a, &r))
        return VAL_NULL;
    size_t na = a.len / 2, nr = r.len / 2;
    if (na < nr)
        return rt_raisef(&audioop_error, "First sample should be longer");
    double sum_r2 = dot16(&r, 0, &r, 0, nr);
    double sum_a2 = dot16(&a, 0, &a, 0, nr);
    double sum_ar = dot16(&a, 0, &r, 0, nr);
    double best = (sum_r2 * sum_a2 - sum_ar * sum_ar) / sum_a2;
    size_t best_j = 0;
    for (size_t j = 1; j <= na - nr; j++) {
        double leaving = s16(&a, j - 1), entering = s16(&a, j + nr - 1);
        sum_a2 += entering * entering - leaving * leaving;
        sum_ar = dot16(&a, j, &r, 0, nr);
        double result = (sum_r2 * sum_a2 - sum_ar * sum_ar) / sum_a2;
        if (result < best) {
            best = result;
            best_j = j;
        }
    }
    double factor = dot16(&a, best_j, &r, 0, nr) / sum_r2;
    return rt_tuple_pack(2, rt_int_from_i64((int64_t)best_j), rt_float_new(factor));
}

static Value ao_findfactor(Value *args, size_t nargs, Value kw)
{
    ModBuffer a, r;
    if (!parse("findfactor", args, nargs, kw, "yy", 2, &a, &r) || !even_sized(&a, &r))
        return VAL_NULL;
    if (a.len != r.len)
        return rt_raisef(&audioop_error, "Samples should be same size");
    size_t n = a.len / 2;
    return rt_float_new(dot16(&a, 0, &r, 0, n) / dot16(&r, 0, &r, 0, n));
}

/* The start of the `length`-sample window with the most energy. */
static Value ao_findmax(Value *args, size_t nargs, Value kw)
{
    ModBuffer a;
    ssize_t length;
    if (!parse("findmax", args, nargs, kw, "yn", 2, &a, &length) || !even_sized(&a, NULL))
        return VAL_NULL;
    size_t n = a.len / 2;
    if (length < 0 || n < (size_t)length)
        return rt_raisef(&audioop_error, "Input sample should be longer");
    size_t len = (size_t)length;
    double energy = dot16(&a, 0, &a, 0, len), best = energy;
    size_t best_j = 0;
    for (size_t j = 1; j <= n - len; j++) {
        double leaving = s16(&a, j - 1), entering = s16(&a, j + len - 1);
        energy += entering * entering - leaving * leaving;
        if (energy > best) {
            best = energy;
            best_j = j;
        }
    }
    return rt_int_from_i64((int64_t)best_j);
}

/* ---- transforming fragments ----------------------------------------------------- */

static Value ao_mul(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    double factor;
    if (!parse("mul", args, nargs, kw, "yid", 3, &b, &width, &factor) ||
        !check_fragment(&b, width))
        return VAL_NULL;
    unsigned char *out = room(b.len);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        double v = get_sample(width, b.data, i);
        set_sample(width, out, i, fbound(v * factor, minvals[width], maxvals[width]));
    }
    return rt_bytes_new(out, b.len);
}

static Value ao_tomono(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    double lfactor, rfactor;
    if (!parse("tomono", args, nargs, kw, "yidd", 4, &b, &width, &lfactor, &rfactor) ||
        !check_fragment(&b, width))
        return VAL_NULL;
    size_t w = (size_t)width;
    if ((b.len / w) & 1)
        return rt_raisef(&audioop_error, "not a whole number of frames");
    unsigned char *out = room(b.len / 2);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < b.len; i += 2 * w) {
        double left = get_sample(width, b.data, i), right = get_sample(width, b.data, i + w);
        set_sample(width, out, i / 2,
                   fbound(left * lfactor + right * rfactor, minvals[width], maxvals[width]));
    }
    return rt_bytes_new(out, b.len / 2);
}

static Value ao_tostereo(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width;
    double lfactor, rfactor;
    if (!parse("tostereo", args, nargs, kw, "yidd", 4, &b, &width, &lfactor, &rfactor) ||
        !check_fragment(&b, width))
        return VAL_NULL;
    size_t w = (size_t)width;
    unsigned char *out = room(b.len * 2);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < b.len; i += w) {
        double v = get_sample(width, b.data, i);
        set_sample(width, out, 2 * i, fbound(v * lfactor, minvals[width], maxvals[width]));
        set_sample(width, out, 2 * i + w, fbound(v * rfactor, minvals[width], maxvals[width]));
    }
    return rt_bytes_new(out, b.len * 2);
}

static Value ao_add(Value *args, size_t nargs, Value kw)
{
    ModBuffer a, b;
    int width;
    if (!parse("add", args, nargs, kw, "yyi", 3, &a, &b, &width) || !check_fragment(&a, width))
        return VAL_NULL;
    if (a.len != b.len)
        return rt_raisef(&audioop_error, "Lengths should be the same");
    unsigned char *out = room(a.len);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < a.len; i += (size_t)width) {
        double sum = (double)get_sample(width, a.data, i) + get_sample(width, b.data, i);
        set_sample(width, out, i, fbound(sum, minvals[width], maxvals[width]));
    }
    return rt_bytes_new(out, a.len);
}

/* bias, reverse and byteswap: a fragment of the same length, each sample
 * at offset i written by `each` (bias's extra argument in `arg`). */
typedef void SampleWriter(unsigned char *out, const ModBuffer *b, size_t i, int width, int arg);

static Value per_sample(const char *fname, Value *args, size_t nargs, Value kw,
                        bool takes_arg, SampleWriter *each)
{
    ModBuffer b;
    int width, arg = 0;
    if (!parse(fname, args, nargs, kw, takes_arg ? "yii" : "yi", takes_arg ? 3 : 2,
               &b, &width, &arg) || !check_fragment(&b, width))
        return VAL_NULL;
    unsigned char *out = room(b.len);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < b.len; i += (size_t)width)
        each(out, &b, i, width, arg);
    return rt_bytes_new(out, b.len);
}

/* Add `bias` to the sample, wrapping around at the width's range. */
static void add_bias(unsigned char *out, const ModBuffer *b, size_t i, int width, int bias)
{
    set_sample(width, out, i, (int)((uint32_t)get_sample(width, b->data, i) + (uint32_t)bias));
}

static void to_mirror_place(unsigned char *out, const ModBuffer *b, size_t i, int width, int arg)
{
    memcpy(out + b->len - i - (size_t)width, b->data + i, (size_t)width);
}

static void swap_bytes(unsigned char *out, const ModBuffer *b, size_t i, int width, int arg)
{
    for (int k = 0; k < width; k++)
        out[i + (size_t)(width - 1 - k)] = b->data[i + (size_t)k];
}

static Value ao_bias(Value *args, size_t nargs, Value kw)
{
    return per_sample("bias", args, nargs, kw, true, add_bias);
}

static Value ao_reverse(Value *args, size_t nargs, Value kw)
{
    return per_sample("reverse", args, nargs, kw, false, to_mirror_place);
}

static Value ao_byteswap(Value *args, size_t nargs, Value kw)
{
    return per_sample("byteswap", args, nargs, kw, false, swap_bytes);
}

static Value ao_lin2lin(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width, newwidth;
    if (!parse("lin2lin", args, nargs, kw, "yii", 3, &b, &width, &newwidth) ||
        !check_fragment(&b, width) || !check_width(newwidth))
        return VAL_NULL;
    size_t n = b.len / (size_t)width * (size_t)newwidth;
    unsigned char *out = room(n);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0, j = 0; i < b.len; i += (size_t)width, j += (size_t)newwidth)
        set_sample32(newwidth, out, j, get_sample32(width, b.data, i));
    return rt_bytes_new(out, n);
}

/* ---- ratecv ------------------------------------------------------------------------ */

static int gcd(int a, int b)
{
    while (b > 0) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* PyArg_ParseTuple(t, "ii;<message>"): a 2-tuple of C ints. */
static bool int_pair(Value t, const char *message, int *x, int *y)
{
    if (!rt_isinstance_of(t, &rt_tuple_type) || AS_TUPLE(t)->length != 2) {
        rt_raisef(&rt_TypeError, "%s", message);
        return false;
    }
    return int_arg(rt_tuple_get(t, 0), x) && int_arg(rt_tuple_get(t, 1), y);
}

/* ratecv's state, (d, ((prev, cur), ...)) with a pair per channel. */
static bool ratecv_state(Value state, int nchannels, int *d, int *prev, int *cur)
{
    static const char illegal[] = "ratecv(): illegal state argument";
    if (!rt_isinstance_of(state, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "state must be a tuple or None");
        return false;
    }
    if (AS_TUPLE(state)->length != 2) {
        rt_raisef(&rt_TypeError, "%s", illegal);
        return false;
    }
    Value samps = rt_tuple_get(state, 1);
    if (!int_arg(rt_tuple_get(state, 0), d))
        return false;
    if (!rt_isinstance_of(samps, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "%s", illegal);
        return false;
    }
    if (AS_TUPLE(samps)->length != (size_t)nchannels) {
        rt_raisef(&audioop_error, "illegal state argument");
        return false;
    }
    for (int c = 0; c < nchannels; c++)
        if (!int_pair(rt_tuple_get(samps, (size_t)c), illegal, &prev[c], &cur[c]))
            return false;
    return true;
}

/* Resample by linear interpolation between the last two input frames,
 * each input frame first smoothed as (weightA*cur + weightB*prev) /
 * (weightA + weightB).  d counts where the next output frame falls
 * between them, in units of 1/outrate of an input frame. */
static Value ao_ratecv(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width, nchannels, inrate, outrate, weight_a = 1, weight_b = 0;
    Value state;
    if (!parse("ratecv", args, nargs, kw, "yiiiiOii", 6, &b, &width, &nchannels, &inrate,
               &outrate, &state, &weight_a, &weight_b) || !check_width(width))
        return VAL_NULL;
    if (nchannels < 1)
        return rt_raisef(&audioop_error, "# of channels should be >= 1");
    if (width > INT32_MAX / nchannels)
        return rt_raisef(&rt_OverflowError, "width * nchannels too big for a C int");
    size_t frame = (size_t)width * (size_t)nchannels;
    if (weight_a < 1 || weight_b < 0)
        return rt_raisef(&audioop_error, "weightA should be >= 1, weightB should be >= 0");
    if (b.len % frame != 0)
        return rt_raisef(&audioop_error, "not a whole number of frames");
    if (inrate <= 0 || outrate <= 0)
        return rt_raisef(&audioop_error, "sampling rate not > 0");
    int d = gcd(inrate, outrate);
    inrate /= d;
    outrate /= d;
    d = gcd(weight_a, weight_b);
    weight_a /= d;
    weight_b /= d;

    int *prev = gc_alloc_atomic(sizeof(int) * (size_t)nchannels);
    int *cur = gc_alloc_atomic(sizeof(int) * (size_t)nchannels);
    if (state == rt_None) {
        d = -outrate;
        for (int c = 0; c < nchannels; c++)
            prev[c] = cur[c] = 0;
    } else if (!ratecv_state(state, nchannels, &d, prev, cur)) {
        return VAL_NULL;
    }

    size_t nframes = b.len / frame;
    /* At most ceil(nframes / inrate) * outrate output frames. */
    size_t bound = nframes == 0 ? 0 : (1 + (nframes - 1) / (size_t)inrate);
    if (bound != 0 && (size_t)outrate > SIZE_MAX / 4 / bound / frame)
        return rt_raisef(&rt_MemoryError, "not enough memory for output buffer");
    unsigned char *out = room(bound * (size_t)outrate * frame);
    if (out == NULL)
        return VAL_NULL;
    const unsigned char *in = b.data;
    size_t used = 0;
    for (;;) {
        while (d < 0) {
            if (nframes == 0) {
                Value samps = rt_tuple_new((size_t)nchannels);
                for (int c = 0; c < nchannels; c++)
                    AS_TUPLE(samps)->items[c] = rt_tuple_pack(2, rt_int_from_i64(prev[c]),
                                                              rt_int_from_i64(cur[c]));
                return rt_tuple_pack(2, rt_bytes_new(out, used),
                                     rt_tuple_pack(2, rt_int_from_i64(d), samps));
            }
            for (int c = 0; c < nchannels; c++) {
                prev[c] = cur[c];
                cur[c] = get_sample32(width, in, 0);
                in += width;
                cur[c] = (int)(((double)weight_a * cur[c] + (double)weight_b * prev[c]) /
                               ((double)weight_a + (double)weight_b));
            }
            nframes--;
            d += outrate;
        }
        while (d >= 0) {
            for (int c = 0; c < nchannels; c++) {
                int o = (int)(((double)prev[c] * d + (double)cur[c] * (outrate - d)) /
                              (double)outrate);
                set_sample32(width, out, used, o);
                used += (size_t)width;
            }
            d -= inrate;
        }
    }
}

/* ---- u-law and A-law (G.711) ------------------------------------------------------ */

static int16_t ulaw_table[256], alaw_table[256];

/* The 16-bit value of each u-law and A-law byte. */
static void build_g711_tables(void)
{
    for (int byte = 0; byte < 256; byte++) {
        int u = ~byte & 0xFF;
        int t = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 7);
        ulaw_table[byte] = (int16_t)((u & 0x80) ? 0x84 - t : t - 0x84);

        int a = byte ^ 0x55, seg = (a >> 4) & 7;
        int m = (a & 0x0F) << 4;
        m = seg == 0 ? m + 8 : (m + 0x108) << (seg - 1);
        alaw_table[byte] = (int16_t)((a & 0x80) ? m : -m);
    }
}

/* The segment of a magnitude: the first end it does not exceed (8 past all). */
static int segment(int val, int first_end)
{
    int seg = 0;
    for (int end = first_end; seg < 8 && val > end; end = end * 2 + 1)
        seg++;
    return seg;
}

/* A 14-bit sample as a u-law byte. */
static unsigned char linear14_to_ulaw(int pcm)
{
    int mask = 0xFF;
    if (pcm < 0) {
        pcm = -pcm;
        mask = 0x7F;
    }
    if (pcm > 32635)
        pcm = 32635;
    pcm += 0x84 >> 2;
    int seg = segment(pcm, 0x3F);
    if (seg >= 8)
        return (unsigned char)(0x7F ^ mask);
    return (unsigned char)(((seg << 4) | ((pcm >> (seg + 1)) & 0x0F)) ^ mask);
}

/* A 13-bit sample as an A-law byte. */
static unsigned char linear13_to_alaw(int pcm)
{
    int mask = 0xD5;
    if (pcm < 0) {
        mask = 0x55;
        pcm = -pcm - 1;
    }
    int seg = segment(pcm, 0x1F);
    if (seg >= 8)
        return (unsigned char)(0x7F ^ mask);
    int quant = (pcm >> (seg < 2 ? 1 : seg)) & 0x0F;
    return (unsigned char)(((seg << 4) | quant) ^ mask);
}

/* lin2ulaw and lin2alaw: each sample on the 32-bit scale, shifted down to
 * the codec's input width, as one byte. */
static Value encode_g711(const char *fname, Value *args, size_t nargs, Value kw, bool alaw)
{
    ModBuffer b;
    int width;
    if (!fragment_width(fname, args, nargs, kw, &b, &width))
        return VAL_NULL;
    size_t n = b.len / (size_t)width;
    unsigned char *out = room(n);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < n; i++) {
        int v = get_sample32(width, b.data, i * (size_t)width);
        out[i] = alaw ? linear13_to_alaw(v >> 19) : linear14_to_ulaw(v >> 18);
    }
    return rt_bytes_new(out, n);
}

static Value decode_g711(const char *fname, Value *args, size_t nargs, Value kw,
                         const int16_t *table)
{
    ModBuffer b;
    int width;
    if (!parse(fname, args, nargs, kw, "yi", 2, &b, &width) || !check_width(width))
        return VAL_NULL;
    if (b.len > SIZE_MAX / 8)
        return rt_raisef(&rt_MemoryError, "not enough memory for output buffer");
    unsigned char *out = room(b.len * (size_t)width);
    if (out == NULL)
        return VAL_NULL;
    for (size_t i = 0; i < b.len; i++)
        set_sample32(width, out, i * (size_t)width, (int)((uint32_t)table[b.data[i]] << 16));
    return rt_bytes_new(out, b.len * (size_t)width);
}

static Value ao_lin2ulaw(Value *args, size_t nargs, Value kw)
{
    return encode_g711("lin2ulaw", args, nargs, kw, false);
}

static Value ao_lin2alaw(Value *args, size_t nargs, Value kw)
{
    return encode_g711("lin2alaw", args, nargs, kw, true);
}

static Value ao_ulaw2lin(Value *args, size_t nargs, Value kw)
{
    return decode_g711("ulaw2lin", args, nargs, kw, ulaw_table);
}

static Value ao_alaw2lin(Value *args, size_t nargs, Value kw)
{
    return decode_g711("alaw2lin", args, nargs, kw, alaw_table);
}

/* ---- Intel/DVI ADPCM ------------------------------------------------------------- */

static const int index_table[16] = {
    -1, -1, -1, -1, 2, 4, 6, 8,
    -1, -1, -1, -1, 2, 4, 6, 8,
};

/* The IMA ADPCM step sizes: 89 steps, each about 1.1 times the last. */
static const int step_table[89] = {
    7, 8, 9, 10, 11, 12, 13, 14, 16, 17,
    19, 21, 23, 25, 28, 31, 34, 37, 41, 45,
    50, 55, 60, 66, 73, 80, 88, 97, 107, 118,
    130, 143, 157, 173, 190, 209, 230, 253, 279, 307,
    337, 371, 408, 449, 494, 544, 598, 658, 724, 796,
    876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066,
    2272, 2499, 2749, 3024, 3327, 3660, 4026, 4428, 4871, 5358,
    5894, 6484, 7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899,
    15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767
};

/* The coder's state, (valpred, index); None is (0, 0). */
static bool adpcm_state(Value state, const char *fname, int *valpred, int *index)
{
    *valpred = *index = 0;
    if (state == rt_None)
        return true;
    if (!rt_isinstance_of(state, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "state must be a tuple or None");
        return false;
    }
    char message[48];
    snprintf(message, sizeof message, "%s(): illegal state argument", fname);
    if (!int_pair(state, message, valpred, index))
        return false;
    if (*valpred >= 0x8000 || *valpred < -0x8000 || *index < 0 || *index > 88) {
        rt_raisef(&rt_ValueError, "bad state");
        return false;
    }
    return true;
}

static int clamp16(int v)
{
    return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

static int next_index(int index, int delta)
{
    index += index_table[delta];
    return index < 0 ? 0 : index > 88 ? 88 : index;
}

/* The change a 4-bit code (sign bit 8, magnitude 0..7) makes at `step`:
 * about (magnitude + 0.5) * step / 4, computed with shifts as the
 * encoder does. */
static int code_difference(int delta, int step)
{
    int vpdiff = step >> 3;
    if (delta & 4)
        vpdiff += step;
    if (delta & 2)
        vpdiff += step >> 1;
    if (delta & 1)
        vpdiff += step >> 2;
    return (delta & 8) ? -vpdiff : vpdiff;
}

static Value ao_lin2adpcm(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width, valpred, index;
    Value state;
    if (!parse("lin2adpcm", args, nargs, kw, "yiO", 3, &b, &width, &state) ||
        !check_fragment(&b, width) || !adpcm_state(state, "lin2adpcm", &valpred, &index))
        return VAL_NULL;
    size_t n = b.len / ((size_t)width * 2);
    unsigned char *out = room(n), *o = out;
    if (out == NULL)
        return VAL_NULL;
    bool high = true;
    int pending = 0;
    for (size_t i = 0; i < b.len; i += (size_t)width) {
        int val = get_sample32(width, b.data, i) >> 16;
        int step = step_table[index];
        int diff = val - valpred, delta = 0;
        if (diff < 0) {
            delta = 8;
            diff = -diff;
        }
        /* The largest magnitude whose steps (step, step/2, step/4) fit diff. */
        for (int bit = 4, s = step; bit > 0; bit >>= 1, s >>= 1)
            if (diff >= s) {
                delta |= bit;
                diff -= s;
            }
        valpred = clamp16(valpred + code_difference(delta, step));
        index = next_index(index, delta);
        if (high)
            pending = (delta << 4) & 0xF0;
        else
            *o++ = (unsigned char)((delta & 0x0F) | pending);
        high = !high;
    }
    return rt_tuple_pack(2, rt_bytes_new(out, n),
                         rt_tuple_pack(2, rt_int_from_i64(valpred), rt_int_from_i64(index)));
}

static Value ao_adpcm2lin(Value *args, size_t nargs, Value kw)
{
    ModBuffer b;
    int width, valpred, index;
    Value state;
    if (!parse("adpcm2lin", args, nargs, kw, "yiO", 3, &b, &width, &state) ||
        !check_width(width) || !adpcm_state(state, "adpcm2lin", &valpred, &index))
        return VAL_NULL;
    if (b.len > SIZE_MAX / 16)
        return rt_raisef(&rt_MemoryError, "not enough memory for output buffer");
    size_t n = b.len * 2;
    unsigned char *out = room(n * (size_t)width);
    if (out == NULL)
        return VAL_NULL;
    for (size_t k = 0; k < n; k++) {
        int code = k & 1 ? b.data[k / 2] & 0x0F : (b.data[k / 2] >> 4) & 0x0F;
        int step = step_table[index];
        index = next_index(index, code);
        valpred = clamp16(valpred + code_difference(code, step));
        set_sample32(width, out, k * (size_t)width, (int)((uint32_t)valpred << 16));
    }
    return rt_tuple_pack(2, rt_bytes_new(out, n * (size_t)width),
                         rt_tuple_pack(2, rt_int_from_i64(valpred), rt_int_from_i64(index)));
}

/* ---- the module ----------------------------------------------------------------- */

static const MethodDef audioop_functions[] = {
    {"max", ao_max}, {"minmax", ao_minmax}, {"avg", ao_avg}, {"maxpp", ao_maxpp},
    {"avgpp", ao_avgpp}, {"rms", ao_rms}, {"findfit", ao_findfit}, {"findmax", ao_findmax},
    {"findfactor", ao_findfactor}, {"cross", ao_cross}, {"mul", ao_mul}, {"add", ao_add},
    {"bias", ao_bias}, {"ulaw2lin", ao_ulaw2lin}, {"lin2ulaw", ao_lin2ulaw},
    {"alaw2lin", ao_alaw2lin}, {"lin2alaw", ao_lin2alaw}, {"lin2lin", ao_lin2lin},
    {"adpcm2lin", ao_adpcm2lin}, {"lin2adpcm", ao_lin2adpcm}, {"tomono", ao_tomono},
    {"tostereo", ao_tostereo}, {"getsample", ao_getsample}, {"reverse", ao_reverse},
    {"byteswap", ao_byteswap}, {"ratecv", ao_ratecv},
    {NULL, NULL}
};

Value mod_audioop_init(void)
{
    if (rt_warn(&rt_DeprecationWarning,
                "'audioop' is deprecated and slated for removal in Python 3.13", 1) < 0)
        return VAL_NULL;
    if (audioop_error.mro == VAL_NULL) {
        rt_type_ready(&audioop_error, NULL);
        build_g711_tables();
    }
    Value m = mod_module_new("audioop", audioop_functions);
    mod_module_set(m, "error", obj_val(&audioop_error));
    return m;
}
