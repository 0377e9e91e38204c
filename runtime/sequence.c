/*
 * sequence.c — what list and tuple do alike: repr, comparison, `in`,
 * count(), index(), + and *.
 *
 * Each helper sees a sequence as its items array and its length, both read
 * through pointers, and that is where the one difference between the two
 * types goes: a list can change while an item's __eq__ or __repr__ runs
 * (its items array may move, its length shrink), so every step re-reads
 * both, as CPython's list functions do; a tuple never changes, so its
 * caller simply passes pointers to copies of its fields.
 */
#include "runtime/runtime.h"

/* ---- repr ------------------------------------------------------------------ */

Value rt_seq_repr(Value *const *items, const size_t *length, char open, char close)
{
    StrBuf sb;
    sb_init(&sb);
    sb_addc(&sb, open);
    for (size_t i = 0; i < *length; i++) {
        if (i > 0)
            sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, (*items)[i]))
            return VAL_NULL;
    }
    if (open == '(' && *length == 1)
        sb_addc(&sb, ',');      /* (1,) — a one-tuple needs its comma */
    sb_addc(&sb, close);
    return sb_finish(&sb);
}

/* ---- comparison -------------------------------------------------------------- */

Value rt_seq_richcompare(Value *const *aitems, const size_t *alen,
                         Value *const *bitems, const size_t *blen, int op)
{
    /* Sequences of different lengths cannot be equal. */
    if ((op == CMP_EQ || op == CMP_NE) && *alen != *blen)
        return rt_bool(op == CMP_NE);
    /* Find the first index where the items differ. */
    size_t i;
    for (i = 0; i < *alen && i < *blen; i++) {
        Value x = (*aitems)[i], y = (*bitems)[i];
        /* Two small ints are equal only as the same word: no call for
         * them ((self.x, self.y) < (other.x, other.y) in a sort's __lt__). */
        int eq = x == y ? 1 : val_is_small(x) && val_is_small(y) ? 0 : rt_eq(x, y);
        if (eq < 0)
            return VAL_NULL;
        if (!eq)
            break;
    }
    /* No more items to compare: the shorter one is smaller. */
    if (i >= *alen || i >= *blen)
        return rt_bool(rt_cmp_holds((*alen > *blen) - (*alen < *blen), op));
    if (op == CMP_EQ)
        return rt_False;
    if (op == CMP_NE)
        return rt_True;
    return rt_richcompare((*aitems)[i], (*bitems)[i], op);
}

/* ---- searching ----------------------------------------------------------------- */

ssize_t rt_seq_find(Value *const *items, const size_t *length, Value x,
                    size_t start, size_t stop)
{
    for (size_t i = start; i < stop && i < *length; i++) {
        int eq = rt_eq((*items)[i], x);
        if (eq < 0)
            return -2;
        if (eq)
            return (ssize_t)i;
    }
    return -1;
}

int rt_seq_contains(Value *const *items, const size_t *length, Value x)
{
    ssize_t i = rt_seq_find(items, length, x, 0, SIZE_MAX);
    return i == -2 ? -1 : i >= 0;
}

Value rt_seq_count_m(const char *fname, Value *const *items, const size_t *length,
                     Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one(fname, nargs - 1, kwnames))
        return VAL_NULL;
    intptr_t count = 0;
    for (size_t i = 0; i < *length; i++) {
        int eq = rt_eq((*items)[i], args[1]);
        if (eq < 0)
            return VAL_NULL;
        count += eq;
    }
    return small_new(count);
}

/* A start or stop argument of index(): negative counts from the end of
 * the sequence as it is now.  (A stop beyond the end is kept: a list that
 * grows while it is searched is searched further, as in CPython.) */
static bool bound_arg(Value v, size_t length, size_t *out)
{
    ssize_t i;
    if (!rt_index_arg(v, &i))
        return false;
    if (i < 0 && (i += (ssize_t)length) < 0)
        i = 0;
    *out = (size_t)i;
    return true;
}

Value rt_seq_index_m(const char *fname, Value *const *items, const size_t *length,
                     Value *args, size_t nargs, Value kwnames, const char *missing)
{
    if (!rt_arg_nokw(fname, kwnames) || !rt_arg_range("index", nargs - 1, 1, 3))
        return VAL_NULL;
    size_t start = 0, stop = SIZE_MAX;
    if (nargs > 2 && !bound_arg(args[2], *length, &start))
        return VAL_NULL;
    if (nargs > 3 && !bound_arg(args[3], *length, &stop))
        return VAL_NULL;
    ssize_t i = rt_seq_find(items, length, args[1], start, stop);
    if (i == -2)
        return VAL_NULL;
    if (i == -1)
        return rt_raisef(&rt_ValueError, missing, args[1]);
    return small_new(i);
}

/* ---- + and * ------------------------------------------------------------------- */

Value rt_seq_binop(ObjType *type, Value a, Value b, int op,
                   Value (*concat)(Value a, Value b), Value (*repeat)(Value seq, ssize_t n))
{
    bool a_seq = rt_isinstance_of(a, type);
    if (op == NB_ADD && a_seq) {
        if (rt_isinstance_of(b, type))
            return concat(a, b);
        if (val_type(b)->flags & TF_HEAPTYPE)
            return rt_NotImplemented;       /* let b's __radd__ have a go */
        return rt_raisef(&rt_TypeError, "can only concatenate %s (not \"%T\") to %s",
                         type->name, b, type->name);
    }
    if (op != NB_MULTIPLY)
        return rt_NotImplemented;
    Value seq = a_seq ? a : b;
    ssize_t count;
    int r = rt_repeat_count(a_seq ? b : a, &count);
    if (r <= 0)             /* not an int: n's __rmul__, then n.__index__() */
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    return repeat(seq, count);
}
