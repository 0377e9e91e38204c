/*
 * test_containers.c — unit tests for tuple, list, dict, set, range, slice.
 *
 * Expected values come from python3.11 (the command that produced each one
 * is in the comment beside it), never from the implementation itself.
 */
#include <string.h>
#include "tests/unit/unit.h"
#include "runtime/runtime.h"

static Value I(intptr_t n) { return small_new(n); }

/* repr(v) as a C string. */
static const char *repr_of(Value v)
{
    Value r = rt_repr(v);
    ck_assert_msg(r != VAL_NULL, "repr failed");
    return rt_str_cstr(r);
}

static Value set_of(const intptr_t *xs, size_t n)
{
    Value s = rt_set_new();
    for (size_t i = 0; i < n; i++)
        ck_assert(rt_set_add(s, I(xs[i])));
    return s;
}

static Value list_range(intptr_t lo, intptr_t hi)
{
    Value l = rt_list_new(0);
    for (intptr_t i = lo; i < hi; i++)
        rt_list_append(l, I(i));
    return l;
}

/* ---- dict ------------------------------------------------------------------ */

START_TEST(dict_order_after_deletes_and_resizes)
{
    Value d = rt_dict_new();
    /* d = {3: 1, 1: 2, 2: 3}; del d[1]; d[1] = 4; d['a'] = 5 */
    rt_dict_set(d, I(3), I(1));
    rt_dict_set(d, I(1), I(2));
    rt_dict_set(d, I(2), I(3));
    ck_assert_int_eq(rt_dict_del(d, I(1)), 1);
    ck_assert_int_eq(rt_dict_del(d, I(1)), 0);
    rt_dict_set(d, I(1), I(4));
    rt_dict_set_cstr(d, "a", I(5));
    /* python3.11: {3: 1, 2: 3, 1: 4, 'a': 5} */
    ck_assert_str_eq(repr_of(d), "{3: 1, 2: 3, 1: 4, 'a': 5}");
    ck_assert(rt_dict_get_cstr(d, "a") == I(5));
    ck_assert(rt_dict_get_str(d, rt_str_from_cstr("a")) == I(5));
    ck_assert(rt_dict_get_cstr(d, "b") == VAL_NULL);
}
END_TEST

START_TEST(dict_ten_thousand_keys)
{
    Value d = rt_dict_new();
    for (intptr_t i = 0; i < 10000; i++)
        ck_assert(rt_dict_set(d, I(i * 7), I(i)));
    for (intptr_t i = 0; i < 10000; i += 2)
        ck_assert_int_eq(rt_dict_del(d, I(i * 7)), 1);
    for (intptr_t i = 10000; i < 10100; i++)      /* more resizes after deletes */
        rt_dict_set(d, I(i * 7), I(i));
    ck_assert_uint_eq(rt_dict_len(d), 5100);
    /* Iteration: odd i in insertion order, then the late additions. */
    size_t pos = 0;
    Value k, v;
    intptr_t expect = 1;
    while (rt_dict_next(d, &pos, &k, &v)) {
        ck_assert_int_eq(small_value(v), expect);
        ck_assert_int_eq(small_value(k), expect * 7);
        expect += expect < 9999 ? 2 : 1;
    }
    ck_assert_int_eq(expect, 10100);
    bool error;
    ck_assert(rt_dict_get(d, I(7 * 9999), &error) == I(9999));
    ck_assert(rt_dict_get(d, I(7 * 9998), &error) == VAL_NULL && !error);
}
END_TEST

/* ---- set order ---------------------------------------------------------------- */

START_TEST(set_order_matches_cpython)
{
    static const intptr_t a[] = {3, 1, 2};
    /* python3.11 -c "print({3, 1, 2})" */
    ck_assert_str_eq(repr_of(set_of(a, 3)), "{1, 2, 3}");
    static const intptr_t b[] = {10, 20, 5, 100, 1000};
    /* s = set(); [s.add(x) for x in [10, 20, 5, 100, 1000]]; print(s) */
    ck_assert_str_eq(repr_of(set_of(b, 5)), "{100, 5, 1000, 10, 20}");
    static const intptr_t c[] = {8, 16, 24, 32, 1, 9};
    Value s = set_of(c, 6);
    /* ... s.discard(16); s.add(40); print(s) */
    ck_assert(rt_set_contains(s, I(16)) == 1);
    Value discard = rt_getattr_cstr(s, "discard");
    ck_assert(discard != VAL_NULL && rt_call1(discard, I(16)) != VAL_NULL);
    rt_set_add(s, I(40));
    ck_assert_str_eq(repr_of(s), "{32, 1, 8, 9, 40, 24}");
    /* s = set(); [s.add(x) for x in range(100, 0, -7)]; print(s) */
    Value t = rt_set_new();
    for (intptr_t x = 100; x > 0; x -= 7)
        rt_set_add(t, I(x));
    ck_assert_str_eq(repr_of(t), "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    /* set(range(20)) minus every third: print(s) */
    Value u = rt_set_new();
    for (intptr_t x = 0; x < 20; x++)
        rt_set_add(u, I(x));
    Value udiscard = rt_getattr_cstr(u, "discard");
    for (intptr_t x = 0; x < 20; x += 3)
        rt_call1(udiscard, I(x));
    ck_assert_str_eq(repr_of(u), "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19}");
    /* [-1, -2, -8, 7, 2**40, 2**61, -5] added one by one */
    static const intptr_t d[] = {-1, -2, -8, 7, (intptr_t)1 << 40, (intptr_t)1 << 61, -5};
    ck_assert_str_eq(repr_of(set_of(d, 7)),
                     "{1099511627776, 2305843009213693952, 7, -2, -8, -5, -1}");
    ck_assert_str_eq(repr_of(rt_set_new()), "set()");
    ck_assert_str_eq(repr_of(rt_frozenset_new()), "frozenset()");
}
END_TEST

START_TEST(frozenset_hash_matches_cpython)
{
    static const intptr_t a[] = {1, 2, 3};
    Value f = rt_frozenset_new();
    for (size_t i = 0; i < 3; i++)
        rt_set_add(f, I(a[i]));
    /* python3.11 -c "print(hash(frozenset({1, 2, 3})), hash(frozenset()))" */
    ck_assert_int_eq(rt_hash(f), -272375401224217160);
    ck_assert_int_eq(rt_hash(rt_frozenset_new()), 133146708735736);
    ck_assert_str_eq(repr_of(f), "frozenset({1, 2, 3})");
}
END_TEST

/* ---- tuple -------------------------------------------------------------------- */

START_TEST(tuple_hash_matches_cpython)
{
    /* python3.11 -c "print(hash((1, 2, 3)), hash((1, 2)), hash(()),
     *                      hash((1, (2, 3))), hash((-1,)))" */
    ck_assert_int_eq(rt_hash(rt_tuple_pack(3, I(1), I(2), I(3))), 529344067295497451);
    ck_assert_int_eq(rt_hash(rt_tuple_pack(2, I(1), I(2))), -3550055125485641917);
    ck_assert_int_eq(rt_hash(rt_empty_tuple), 5740354900026072187);
    ck_assert_int_eq(rt_hash(rt_tuple_pack(2, I(1), rt_tuple_pack(2, I(2), I(3)))),
                     7267574591690527098);
    ck_assert_int_eq(rt_hash(rt_tuple_pack(1, I(-1))), 8078679518589016365);
    ck_assert_str_eq(repr_of(rt_tuple_pack(1, I(1))), "(1,)");
    ck_assert_str_eq(repr_of(rt_empty_tuple), "()");
    ck_assert(rt_tuple_new(0) == rt_empty_tuple);
}
END_TEST

/* hash() of a tuple nested a million deep: python3.11 overflows its C
 * stack (SIGSEGV); pvm counts each level against the recursion limit. */
START_TEST(tuple_hash_deep_nesting_raises)
{
    Value t = rt_empty_tuple;
    for (int i = 0; i < 1000000; i++)
        t = rt_tuple_pack(1, t);
    ck_assert_int_eq(rt_hash(t), -1);
    ck_assert(rt_err_matches(&rt_RecursionError));
    ck_assert_str_eq(rt_str_cstr(rt_exc_str(rt_err_fetch())),
                     "maximum recursion depth exceeded while getting the hash of an object");
    /* The depth is back where it was: a 500-deep tuple hashes. */
    Value s = rt_empty_tuple;
    for (int i = 0; i < 500; i++)
        s = rt_tuple_pack(1, s);
    ck_assert_int_ne(rt_hash(s), -1);
}
END_TEST

/* ---- list.sort ---------------------------------------------------------------- */

/* key=lambda v: -(v // 10) */
static Value tens_key(Value *args, size_t nargs, Value kwnames)
{
    return I(-(small_value(args[0]) / 10));
}

START_TEST(list_sort_is_stable_with_key)
{
    static const intptr_t xs[] = {15, 3, 27, 11, 5, 22, 29, 1, 18, 25};
    Value key = rt_builtin_new("key", tens_key, VAL_NULL);
    Value l = rt_list_new(0), r = rt_list_new(0);
    for (size_t i = 0; i < 10; i++) {
        rt_list_append(l, I(xs[i]));
        rt_list_append(r, I(xs[i]));
    }
    ck_assert(rt_list_sort(l, key, false));
    /* sorted(xs, key=lambda v: -(v // 10)) */
    ck_assert_str_eq(repr_of(l), "[27, 22, 29, 25, 15, 11, 18, 3, 5, 1]");
    ck_assert(rt_list_sort(r, key, true));
    /* ... reverse=True */
    ck_assert_str_eq(repr_of(r), "[3, 5, 1, 15, 11, 18, 27, 22, 29, 25]");
    /* A permutation of 0..999 sorts to 0..999. */
    Value big = rt_list_new(0);
    for (intptr_t i = 0; i < 1000; i++)
        rt_list_append(big, I((i * 7919) % 1000));
    ck_assert(rt_list_sort(big, VAL_NULL, false));
    for (intptr_t i = 0; i < 1000; i++)
        ck_assert(AS_LIST(big)->items[i] == I(i));
}
END_TEST

/* ---- slices -------------------------------------------------------------------- */

static void check_indices(Value start, Value stop, Value step, ssize_t len,
                          ssize_t e0, ssize_t e1, ssize_t e2, ssize_t en)
{
    ssize_t a, b, c, n;
    ck_assert(rt_slice_indices(rt_slice_new(start, stop, step), len, &a, &b, &c, &n));
    ck_assert_int_eq(a, e0);
    ck_assert_int_eq(b, e1);
    ck_assert_int_eq(c, e2);
    ck_assert_int_eq(n, en);
}

START_TEST(slice_index_edge_cases)
{
    Value N = rt_None;
    /* python3.11: slice(-100, None, -1).indices(5) == (-1, -1, -1), len 0 */
    check_indices(I(-100), N, I(-1), 5, -1, -1, -1, 0);
    /* slice(None, None, -2).indices(5) == (4, -1, -2): items 4, 2, 0 */
    check_indices(N, N, I(-2), 5, 4, -1, -2, 3);
    /* slice(2, -1).indices(0) == (0, 0, 1) */
    check_indices(I(2), I(-1), N, 0, 0, 0, 1, 0);
    /* slice(None, -1, -2).indices(10) == (9, 9, -2) */
    check_indices(N, I(-1), I(-2), 10, 9, 9, -2, 0);
    /* slice(-3, None).indices(10) == (7, 10, 1) */
    check_indices(I(-3), N, N, 10, 7, 10, 1, 3);
    ssize_t a, b, c, n;
    ck_assert(!rt_slice_indices(rt_slice_new(N, N, I(0)), 5, &a, &b, &c, &n));
    ck_assert(rt_err_matches(&rt_ValueError));
    rt_err_clear();
    Value l = list_range(0, 10);
    /* list(range(10))[8:2:-2] */
    ck_assert_str_eq(repr_of(rt_getitem(l, rt_slice_new(I(8), I(2), I(-2)))), "[8, 6, 4]");
    size_t i;
    ck_assert(rt_seq_index(I(-1), 10, "list", &i) && i == 9);
    ck_assert(!rt_seq_index(I(10), 10, "list", &i));
    ck_assert(rt_err_matches(&rt_IndexError));
    rt_err_clear();
}
END_TEST

/* ---- range ----------------------------------------------------------------------- */

START_TEST(range_negative_steps)
{
    Value r = rt_range_new(I(10), I(-7), I(-3));
    /* python3.11: r = range(10, -7, -3); len(r), r[-1], r[5], r[::-1], r[1:-1:2] */
    ck_assert_int_eq(rt_len(r), 6);
    ck_assert(rt_getitem(r, I(-1)) == I(-5));
    ck_assert(rt_getitem(r, I(5)) == I(-5));
    ck_assert(rt_getitem(r, I(6)) == VAL_NULL);
    ck_assert(rt_err_matches(&rt_IndexError));
    rt_err_clear();
    ck_assert_str_eq(repr_of(rt_getitem(r, rt_slice_new(rt_None, rt_None, I(-1)))),
                     "range(-5, 13, 3)");
    ck_assert_str_eq(repr_of(rt_getitem(r, rt_slice_new(I(1), I(-1), I(2)))),
                     "range(7, -5, -6)");
    ck_assert_str_eq(repr_of(rt_sequence_to_list(r)), "[10, 7, 4, 1, -2, -5]");
    ck_assert_int_eq(rt_contains(r, I(4)), 1);
    ck_assert_int_eq(rt_contains(r, I(5)), 0);
    ck_assert_int_eq(rt_contains(r, I(-7)), 0);
    ck_assert_int_eq(rt_len(rt_range_new(I(5), I(1), I(1))), 0);
    ck_assert_str_eq(repr_of(rt_range_new(I(0), I(10), I(1))), "range(0, 10)");
    ck_assert(rt_range_new(I(0), I(10), I(0)) == VAL_NULL);
    ck_assert(rt_err_matches(&rt_ValueError));
    rt_err_clear();
}
END_TEST


/* ---- Subclasses of the builtins -------------------------------------------
 * A heap type made by hand the way a class statement will make it: the
 * builtin as solid base, room for an instance dict.  (class L(list): pass) */

static ObjType *subtype(const char *name, ObjType *base, size_t base_size)
{
    ObjType *t = gc_alloc(sizeof *t);
    t->ob.type = &rt_type_type;
    t->name = name;
    t->base = base;
    t->flags = TF_BASETYPE | TF_HEAPTYPE;
    if (base_size) {
        t->dict_offset = base_size;
        t->instance_size = base_size + sizeof(Value);
    } else
        t->dict_offset = RT_DICT_OFFSET_VAR;
    rt_type_ready(t, NULL);
    return t;
}

static Value make(ObjType *t, Value arg)
{
    Value r = rt_call(obj_val(t), &arg, 1, VAL_NULL);
    ck_assert_msg(r != VAL_NULL, "constructor failed");
    ck_assert(val_type(r) == t);
    return r;
}

START_TEST(builtin_subclasses_keep_base_behaviour)
{
    Value items = list_range(1, 3);
    ObjType *L = subtype("L", &rt_list_type, sizeof(ObjList));
    Value l = make(L, items);
    ck_assert(rt_list_append(l, I(3)));
    ck_assert_str_eq(repr_of(l), "[1, 2, 3]");          /* class L(list): pass; L([1,2])+append */
    ck_assert_int_eq(rt_eq(l, list_range(1, 4)), 1);

    ObjType *D = subtype("D", &rt_dict_type, sizeof(ObjDict));
    Value d = make(D, rt_dict_new());
    ck_assert(rt_setitem(d, I(1), I(2)) == 0);
    ck_assert_str_eq(repr_of(d), "{1: 2}");

    ObjType *N = subtype("N", &rt_int_type, sizeof(ObjInt));
    Value n = make(N, I(5));
    ck_assert_str_eq(repr_of(n), "5");
    ck_assert(rt_binary_op(n, I(5), NB_ADD) == I(10));   /* small result, plain int */
    ck_assert_int_eq(rt_hash(n), 5);
    ck_assert_int_eq(rt_eq(n, I(5)), 1);

    ObjType *F = subtype("F", &rt_float_type, sizeof(ObjFloat));
    ck_assert_str_eq(repr_of(make(F, rt_float_new(1.5))), "1.5");

    ObjType *S = subtype("S", &rt_str_type, 0);
    Value s = make(S, rt_str_from_cstr("héllo"));
    ck_assert_str_eq(repr_of(s), "'héllo'");
    ck_assert_int_eq(rt_len(s), 5);
    ck_assert_int_eq(rt_hash(s), rt_hash(rt_str_from_cstr("héllo")));
    Value *slot = rt_var_dict_slot(s);
    ck_assert(slot != NULL && *slot == VAL_NULL);
    ck_assert((char *)slot >= AS_STR(s)->data + AS_STR(s)->nbytes + 1);

    ObjType *T = subtype("T", &rt_tuple_type, 0);
    Value t = make(T, list_range(0, 3));
    ck_assert_str_eq(repr_of(t), "(0, 1, 2)");
    ck_assert_int_eq(rt_hash(t), rt_hash(rt_tuple_pack(3, I(0), I(1), I(2))));
    ck_assert(rt_var_dict_slot(t) == &AS_TUPLE(t)->items[3]);

    ObjType *B = subtype("B", &rt_bytes_type, 0);
    ck_assert_str_eq(repr_of(make(B, list_range(97, 99))), "b'ab'");
}
END_TEST

Suite *containers_suite(void)
{
    Suite *s = suite_create("containers");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, dict_order_after_deletes_and_resizes);
    tcase_add_test(tc, dict_ten_thousand_keys);
    tcase_add_test(tc, set_order_matches_cpython);
    tcase_add_test(tc, frozenset_hash_matches_cpython);
    tcase_add_test(tc, tuple_hash_matches_cpython);
    tcase_add_test(tc, tuple_hash_deep_nesting_raises);
    tcase_add_test(tc, list_sort_is_stable_with_key);
    tcase_add_test(tc, slice_index_edge_cases);
    tcase_add_test(tc, range_negative_steps);
    tcase_add_test(tc, builtin_subclasses_keep_base_behaviour);
    suite_add_tcase(s, tc);
    return s;
}
