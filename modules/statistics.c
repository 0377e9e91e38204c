/*
 * statistics.c — the _statistics module (CPython's
 * Modules/_statisticsmodule.c): _normal_dist_inv_cdf, the inverse of the
 * normal distribution's CDF that statistics.NormalDist.inv_cdf uses.
 *
 * Wichura's Algorithm AS241 ("The Percentage Points of the Normal
 * Distribution", Applied Statistics 37(3), 1988): a rational approximation
 * in three regions of p.  The coefficients and the order of every
 * operation are those of Lib/statistics.py's Python version, so the
 * results are the same to the last bit.
 */
#include <math.h>
#include "modules/modutil.h"
#include "runtime/version.h"

/* ((((((c[0] r + c[1]) r + ...) r + c[7]), Horner's rule as the Python
 * code writes it out. */
static double horner(const double c[8], double r)
{
    double v = c[0];
    for (int i = 1; i < 8; i++)
        v = v * r + c[i];
    return v;
}

static double inv_cdf(double p, double mu, double sigma)
{
    static const double num_a[8] = {
        2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4,
        4.5921953931549871457e+4, 1.3731693765509461125e+4, 1.9715909503065514427e+3,
        1.3314166789178437745e+2, 3.3871328727963666080e+0 };
    static const double den_a[8] = {
        5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4,
        2.1213794301586595867e+4, 5.3941960214247511077e+3, 6.8718700749205790830e+2,
        4.2313330701600911252e+1, 1.0 };
    static const double num_b[8] = {
        7.7454501427834140764e-4, 2.2723844989269184583e-2, 2.4178072517745061177e-1,
        1.2704582524523683826e+0, 3.6478483247632045130e+0, 5.7694972214606914055e+0,
        4.6303378461565452959e+0, 1.4234371107496835773e+0 };
    static const double den_b[8] = {
        1.0507500716444168432e-9, 5.4759380849953449460e-4, 1.5198666563616457197e-2,
        1.4810397642748007459e-1, 6.8976733498510000455e-1, 1.6763848301838038494e+0,
        2.0531916266377588219e+0, 1.0 };
    static const double num_c[8] = {
        2.0103343992922881327e-7, 2.7115555687434875782e-5, 1.2426609473880784386e-3,
        2.6532189526576123093e-2, 2.9656057182850489123e-1, 1.7848265399172913358e+0,
        5.4637849111641143699e+0, 6.6579046435011037772e+0 };
    static const double den_c[8] = {
        2.0442631033899397856e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5,
        7.8686913114561325910e-4, 1.4875361290850614853e-2, 1.3692988092273580531e-1,
        5.9983220655588793769e-1, 1.0 };
    double q = p - 0.5, r, x;
    if (fabs(q) <= 0.425) {
        r = 0.180625 - q * q;
        x = horner(num_a, r) * q / horner(den_a, r);
        return mu + (x * sigma);
    }
    r = q <= 0.0 ? p : 1.0 - p;
    r = sqrt(-log(r));
    if (r <= 5.0) {
        r = r - 1.6;
        x = horner(num_b, r) / horner(den_b, r);
    } else {
        r = r - 5.0;
        x = horner(num_c, r) / horner(den_c, r);
    }
    if (q < 0.0)
        x = -x;
    return mu + (x * sigma);
}

/* _normal_dist_inv_cdf(p, mu, sigma, /) */
static Value st_normal_dist_inv_cdf(Value *args, size_t nargs, Value kw)
{
    double p, mu, sigma;
    if (!rt_arg_nokw("_normal_dist_inv_cdf", kw) ||
        !rt_arg_range("_normal_dist_inv_cdf", nargs, 3, 3) || !mod_as_double(args[0], &p) ||
        !mod_as_double(args[1], &mu) || !mod_as_double(args[2], &sigma))
        return VAL_NULL;
    if (p <= 0.0 || p >= 1.0 || (sigma <= 0.0 && rt_py_minor < 12))   /* 3.12: NormalDist checks sigma */
        return rt_raisef(&rt_ValueError, "inv_cdf undefined for these parameters");
    return rt_float_new(inv_cdf(p, mu, sigma));
}

static const MethodDef statistics_functions[] = {
    {"_normal_dist_inv_cdf", st_normal_dist_inv_cdf},
    {NULL, NULL}
};

Value mod_statistics_init(void)
{
    return mod_module_new("_statistics", statistics_functions);
}
