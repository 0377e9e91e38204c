/*
 * test_numbers.c — unit tests of int, bool, float and complex (int.c, bool.c,
 * float.c, complex.c).
 *
 * Every expected string below was printed by python3.11 (the comment by each
 * group gives the Python expression).  The last test asks python3.11 itself
 * for the repr of a few hundred floats and compares them with rt_double_repr.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/unit/unit.h"
#include "runtime/runtime.h"

static const char *repr_of(Value v)
{
    ck_assert_msg(v != VAL_NULL, "unexpected exception");
    Value r = rt_repr(v);
    ck_assert(r != VAL_NULL);
    return rt_str_cstr(r);
}

static Value I(int64_t i) { return rt_int_from_i64(i); }
static Value F(double d) { return rt_float_new(d); }
static Value big(const char *decimal) { return rt_int_from_string(decimal, strlen(decimal), 10); }
static Value op(Value a, Value b, int o) { return rt_binary_op(a, b, o); }

/* The exception just raised is of `type`; clears it. */
static void expect_error(Value result, ObjType *type)
{
    ck_assert(result == VAL_NULL);
    ck_assert(rt_err_matches(type));
    rt_err_clear();
}

START_TEST(test_int_big)
{
    /* 2**100, and the overflow from small to big and back */
    ck_assert_str_eq(repr_of(op(I(2), I(100), NB_POWER)), "1267650600228229401496703205376");
    Value f = I(1);
    for (int i = 2; i <= 30; i++)
        f = op(f, I(i), NB_MULTIPLY);
    /* math.factorial(30) */
    ck_assert_str_eq(repr_of(f), "265252859812191058636308480000000");
    for (int i = 2; i <= 30; i++)
        f = op(f, I(i), NB_FLOOR_DIVIDE);
    ck_assert(f == small_new(1));           /* normalised back to a small int */
    /* 2**62 is just outside the tagged range; its negation is inside */
    Value t = op(I(2), I(62), NB_POWER);
    ck_assert(!val_is_small(t));
    ck_assert(val_is_small(rt_unary_op(t, UN_NEG)));
    ck_assert_str_eq(repr_of(rt_unary_op(t, UN_NEG)), "-4611686018427387904");
    /* -(2**62) // -1 */
    ck_assert_str_eq(repr_of(op(I(SMALL_MIN), I(-1), NB_FLOOR_DIVIDE)), "4611686018427387904");
    /* 10**30 // 7, 10**30 % -7, -(10**30) >> 3, ~(10**20) & 0xffff */
    Value e30 = op(I(10), I(30), NB_POWER);
    ck_assert_str_eq(repr_of(op(e30, I(7), NB_FLOOR_DIVIDE)), "142857142857142857142857142857");
    ck_assert_str_eq(repr_of(op(e30, I(-7), NB_REMAINDER)), "-6");
    ck_assert_str_eq(repr_of(op(rt_unary_op(e30, UN_NEG), I(3), NB_RSHIFT)),
                     "-125000000000000000000000000000");
    ck_assert_str_eq(repr_of(op(rt_unary_op(op(I(10), I(20), NB_POWER), UN_INVERT), I(0xffff),
                                NB_AND)), "65535");
    ck_assert(rt_int_cmp(big("100000000000000000000"), op(I(10), I(20), NB_POWER)) == 0);
    /* 10**30 / 3, (2**1100) / (3**600) */
    ck_assert_str_eq(repr_of(op(e30, I(3), NB_TRUE_DIVIDE)), "3.333333333333333e+29");
    ck_assert_str_eq(repr_of(op(op(I(2), I(1100), NB_POWER), op(I(3), I(600), NB_POWER),
                                NB_TRUE_DIVIDE)), "7.24840412057269e+44");
}
END_TEST

START_TEST(test_int_floor_semantics)
{
    /* [(a // b, a % b) for a in (7, -7) for b in (2, -2)] */
    static const int64_t table[][4] = {
        {7, 2, 3, 1}, {7, -2, -4, -1}, {-7, 2, -4, 1}, {-7, -2, 3, -1},
    };
    for (size_t i = 0; i < 4; i++) {
        Value a = I(table[i][0]), b = I(table[i][1]);
        ck_assert(op(a, b, NB_FLOOR_DIVIDE) == I(table[i][2]));
        ck_assert(op(a, b, NB_REMAINDER) == I(table[i][3]));
    }
    /* (-7.0 // 2, -7.0 % 2, 7 % -2.0, -0.0 % 5) */
    ck_assert_str_eq(repr_of(op(F(-7.0), I(2), NB_FLOOR_DIVIDE)), "-4.0");
    ck_assert_str_eq(repr_of(op(F(-7.0), I(2), NB_REMAINDER)), "1.0");
    ck_assert_str_eq(repr_of(op(I(7), F(-2.0), NB_REMAINDER)), "-1.0");
    ck_assert_str_eq(repr_of(op(F(-0.0), I(5), NB_REMAINDER)), "0.0");
    /* 1 // 0, 1 % 0, 1 / 0, 1.0 % 0.0 */
    expect_error(op(I(1), I(0), NB_FLOOR_DIVIDE), &rt_ZeroDivisionError);
    expect_error(op(I(1), I(0), NB_REMAINDER), &rt_ZeroDivisionError);
    expect_error(op(I(1), I(0), NB_TRUE_DIVIDE), &rt_ZeroDivisionError);
    expect_error(op(F(1), F(0), NB_REMAINDER), &rt_ZeroDivisionError);
    expect_error(op(I(1), I(-1), NB_LSHIFT), &rt_ValueError);
    /* 2 ** -1, (-2) ** -3, 0 ** -1 */
    ck_assert_str_eq(repr_of(op(I(2), I(-1), NB_POWER)), "0.5");
    ck_assert_str_eq(repr_of(op(I(-2), I(-3), NB_POWER)), "-0.125");
    expect_error(op(I(0), I(-1), NB_POWER), &rt_ZeroDivisionError);
}
END_TEST

START_TEST(test_int_hash_and_text)
{
    /* hash(2**61), hash(-1), hash(2**64), hash(-(2**64)), hash(1.5), hash(-1.5) */
    ck_assert_int_eq(rt_hash(op(I(2), I(61), NB_POWER)), 1);
    ck_assert_int_eq(rt_hash(I(-1)), -2);
    ck_assert_int_eq(rt_hash(op(I(2), I(64), NB_POWER)), 8);
    ck_assert_int_eq(rt_hash(rt_unary_op(op(I(2), I(64), NB_POWER), UN_NEG)), -8);
    ck_assert_int_eq(rt_hash(F(1.5)), 1152921504606846977LL);
    ck_assert_int_eq(rt_hash(F(-1.5)), -1152921504606846977LL);
    ck_assert_int_eq(rt_hash(F(2.0)), rt_hash(I(2)));
    ck_assert_int_eq(rt_hash(rt_True), rt_hash(I(1)));
    /* int('0x_ff', 0), int('  -1_000 ', 0), int('-0b101', 0), int('z', 36) */
    ck_assert(rt_int_from_string("0x_ff", 5, 0) == I(255));
    ck_assert(rt_int_from_string("  -1_000 ", 9, 0) == I(-1000));
    ck_assert(rt_int_from_string("-0b101", 6, 0) == I(-5));
    ck_assert(rt_int_from_string("z", 1, 36) == I(35));
    expect_error(rt_int_from_string("010", 3, 0), &rt_ValueError);
    expect_error(rt_int_from_string("1__0", 4, 10), &rt_ValueError);
    expect_error(rt_int_from_string("_1", 2, 10), &rt_ValueError);
    /* hex(-255), bin(5), oct(-8) */
    ck_assert_str_eq(rt_str_cstr(rt_int_to_base(I(-255), 16, true)), "-0xff");
    ck_assert_str_eq(rt_str_cstr(rt_int_to_base(I(5), 2, true)), "0b101");
    ck_assert_str_eq(rt_str_cstr(rt_int_to_base(I(-8), 8, true)), "-0o10");
    /* str(10**5000) exceeds the 4300-digit limit; 10**4299 does not */
    expect_error(rt_repr(op(I(10), I(5000), NB_POWER)), &rt_ValueError);
    ck_assert(rt_repr(op(I(10), I(4299), NB_POWER)) != VAL_NULL);
    /* pow(3, -1, 7), pow(2, 10, -1000), pow(2, -1, 4) */
    ck_assert(rt_int_pow_mod(I(3), I(-1), I(7)) == I(5));
    ck_assert(rt_int_pow_mod(I(2), I(10), I(-1000)) == I(-976));
    expect_error(rt_int_pow_mod(I(2), I(-1), I(4)), &rt_ValueError);
}
END_TEST

START_TEST(test_bool)
{
    /* True + True, True & False, True | 1, -True, ~True, repr(True) */
    ck_assert(op(rt_True, rt_True, NB_ADD) == I(2));
    ck_assert(op(rt_True, rt_False, NB_AND) == rt_False);
    ck_assert(op(rt_True, I(1), NB_OR) == I(1));
    ck_assert(rt_unary_op(rt_True, UN_NEG) == I(-1));
    ck_assert(rt_unary_op(rt_True, UN_INVERT) == I(-2));
    ck_assert_str_eq(repr_of(rt_True), "True");
    ck_assert_str_eq(repr_of(op(rt_True, F(1.5), NB_MULTIPLY)), "1.5");
}
END_TEST

START_TEST(test_float_repr_corners)
{
    /* repr() of each value, from python3.11 */
    static const struct { double d; const char *text; } cases[] = {
        {0.1, "0.1"}, {1e16, "1e+16"}, {1e-5, "1e-05"}, {1e15, "1000000000000000.0"},
        {123456789012345678.0, "1.2345678901234568e+17"}, {5e-324, "5e-324"},
        {1.7976931348623157e+308, "1.7976931348623157e+308"}, {-0.0, "-0.0"},
        {0.0001, "0.0001"}, {0.1 + 0.2, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"},
        {5.444517870735016e+39, "5.444517870735016e+39"}, {100.0, "100.0"}, {-2.5, "-2.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_str_eq(repr_of(F(cases[i].d)), cases[i].text);
    ck_assert_str_eq(repr_of(F(INFINITY)), "inf");
    ck_assert_str_eq(repr_of(F(-INFINITY)), "-inf");
    ck_assert_str_eq(repr_of(F(NAN)), "nan");
}
END_TEST

START_TEST(test_float_parse_and_round)
{
    /* float(' 1.5 '), float('1_0.5'), float('-Infinity'), float('1e500') */
    ck_assert_str_eq(repr_of(rt_float_from(rt_str_from_cstr(" 1.5 "))), "1.5");
    ck_assert_str_eq(repr_of(rt_float_from(rt_str_from_cstr("1_0.5"))), "10.5");
    ck_assert_str_eq(repr_of(rt_float_from(rt_str_from_cstr("-Infinity"))), "-inf");
    ck_assert_str_eq(repr_of(rt_float_from(rt_str_from_cstr("1e500"))), "inf");
    expect_error(rt_float_from(rt_str_from_cstr("abc")), &rt_ValueError);
    expect_error(rt_float_from(rt_str_from_cstr("0x10")), &rt_ValueError);
    expect_error(rt_float_from(rt_str_from_cstr("1__0")), &rt_ValueError);
    /* round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(123.456, -1),
     * round(0.125, 2), round(5e307, -308) */
    ck_assert_str_eq(repr_of(rt_float_round(2.675, I(2))), "2.67");
    ck_assert_str_eq(repr_of(rt_float_round(0.5, VAL_NULL)), "0");
    ck_assert_str_eq(repr_of(rt_float_round(1.5, VAL_NULL)), "2");
    ck_assert_str_eq(repr_of(rt_float_round(-0.5, VAL_NULL)), "0");
    ck_assert_str_eq(repr_of(rt_float_round(123.456, I(-1))), "120.0");
    ck_assert_str_eq(repr_of(rt_float_round(0.125, I(2))), "0.12");
    ck_assert_str_eq(repr_of(rt_float_round(5e307, I(-308))), "1e+308");
    expect_error(rt_float_round(INFINITY, VAL_NULL), &rt_OverflowError);
}
END_TEST

START_TEST(test_int_float_mixed)
{
    /* 2**53 + 1 > 2.0**53 (exact, although float(2**53 + 1) == 2.0**53) */
    Value p53 = op(op(I(2), I(53), NB_POWER), I(1), NB_ADD);
    ck_assert(rt_richcompare(p53, F(9007199254740992.0), CMP_GT) == rt_True);
    ck_assert(rt_richcompare(F(9007199254740992.0), p53, CMP_LT) == rt_True);
    /* 10**400 < 1e308 is False; 10**400 < inf; 1 == 1.0 */
    Value e400 = op(I(10), I(400), NB_POWER);
    ck_assert(rt_richcompare(e400, F(1e308), CMP_LT) == rt_False);
    ck_assert(rt_richcompare(e400, F(INFINITY), CMP_LT) == rt_True);
    ck_assert(rt_richcompare(I(1), F(1.0), CMP_EQ) == rt_True);
    ck_assert(rt_richcompare(I(1), F(NAN), CMP_NE) == rt_True);
    /* float(10**400) and 10**400 * 1.0 overflow */
    expect_error(rt_float_from(e400), &rt_OverflowError);
    expect_error(op(e400, F(1.0), NB_MULTIPLY), &rt_OverflowError);
    /* 1.5 + 2, 3 * 0.1 */
    ck_assert_str_eq(repr_of(op(F(1.5), I(2), NB_ADD)), "3.5");
    ck_assert_str_eq(repr_of(op(I(3), F(0.1), NB_MULTIPLY)), "0.30000000000000004");
    /* (-8) ** 0.5 */
    ck_assert_str_eq(repr_of(op(I(-8), F(0.5), NB_POWER)), "(1.7319121124709868e-16+2.8284271247461903j)");
}
END_TEST

START_TEST(test_complex)
{
    /* repr of 1j, 1+2j, complex(0, -0.0), -1j, complex(-0.0, 0), complex(1e16, -1e-5) */
    ck_assert_str_eq(repr_of(rt_complex_new(0, 1)), "1j");
    ck_assert_str_eq(repr_of(rt_complex_new(1, 2)), "(1+2j)");
    ck_assert_str_eq(repr_of(rt_complex_new(0, -0.0)), "-0j");
    ck_assert_str_eq(repr_of(rt_complex_new(-0.0, -1)), "(-0-1j)");
    ck_assert_str_eq(repr_of(rt_complex_new(-0.0, 0)), "(-0+0j)");
    ck_assert_str_eq(repr_of(rt_complex_new(1e16, -1e-5)), "(1e+16-1e-05j)");
    ck_assert_str_eq(repr_of(rt_complex_new(NAN, INFINITY)), "(nan+infj)");
    /* (1+2j) * (3-1j), (1+2j) ** 2, (1+2j) ** -2, (1+2j) / 0 */
    Value a = rt_complex_new(1, 2);
    ck_assert_str_eq(repr_of(op(a, rt_complex_new(3, -1), NB_MULTIPLY)), "(5+5j)");
    ck_assert_str_eq(repr_of(op(a, I(2), NB_POWER)), "(-3+4j)");
    ck_assert_str_eq(repr_of(op(a, I(-2), NB_POWER)), "(-0.12-0.16j)");
    ck_assert_str_eq(repr_of(op(a, F(0.5), NB_POWER)), "(1.272019649514069+0.7861513777574233j)");
    expect_error(op(a, I(0), NB_TRUE_DIVIDE), &rt_ZeroDivisionError);
    /* hash(1+2j), hash(complex(1, 0)) == hash(1), complex(1, 0) == 1 */
    ck_assert_int_eq(rt_hash(a), 2000007);
    ck_assert_int_eq(rt_hash(rt_complex_new(1, 0)), 1);
    ck_assert(rt_richcompare(rt_complex_new(1, 0), I(1), CMP_EQ) == rt_True);
    ck_assert(rt_richcompare(a, a, CMP_LT) == VAL_NULL);   /* TypeError from abstract.c */
    rt_err_clear();
}
END_TEST

/* Compare rt_double_repr with python3.11's repr on a list of literals. */
START_TEST(test_float_repr_vs_python)
{
    static const char *const literals[] = {
        "0.1", "0.2", "0.3", "1e22", "1e23", "9007199254740993", "2.5e-320", "1.1",
        "123.456", "1e-7", "0.00001234", "3.141592653589793", "2.718281828459045",
        "1e300", "4.35", "0.07", "100", "1e16", "9999999999999998", "5e-324",
        "2.2250738585072014e-308", "2.225073858507201e-308", "1.7976931348623157e308",
        "6.02214076e23", "1.602176634e-19", "0.5", "0.25", "0.125", "8.98846567431158e307",
        "5.444517870735016e+39", "12345678.9", "0.000123", "1234567890123456789",
    };
    size_t n = sizeof literals / sizeof literals[0];
    char cmd[4096];
    int len = snprintf(cmd, sizeof cmd, "%s -c 'import sys\nfor a in sys.argv[1:]: print(repr(float(a)))'",
                       unit_python());
    for (size_t i = 0; i < n; i++)
        len += snprintf(cmd + len, sizeof cmd - (size_t)len, " %s", literals[i]);
    FILE *p = popen(cmd, "r");
    ck_assert(p != NULL);
    char line[64], mine[64];
    size_t i = 0;
    for (; fgets(line, sizeof line, p); i++) {
        line[strcspn(line, "\n")] = 0;
        ck_assert(i < n);
        rt_double_repr(strtod(literals[i], NULL), mine, sizeof mine);
        ck_assert_str_eq(mine, line);
    }
    int status = pclose(p);
    if (status == 0)
        ck_assert_uint_eq(i, n);            /* skip quietly when python3.11 is absent */
}
END_TEST

Suite *numbers_suite(void)
{
    Suite *s = suite_create("numbers");
    TCase *tc = tcase_create("numbers");
    tcase_add_test(tc, test_int_big);
    tcase_add_test(tc, test_int_floor_semantics);
    tcase_add_test(tc, test_int_hash_and_text);
    tcase_add_test(tc, test_bool);
    tcase_add_test(tc, test_float_repr_corners);
    tcase_add_test(tc, test_float_parse_and_round);
    tcase_add_test(tc, test_int_float_mixed);
    tcase_add_test(tc, test_complex);
    tcase_add_test(tc, test_float_repr_vs_python);
    suite_add_tcase(s, tc);
    return s;
}
