/*
 * specialize.h — specialization: instructions that rewrite themselves
 * into a form for what they meet (CPython 3.11's adaptive interpreter,
 * Python/specialize.c, is the model; vm/specialize.c explains pvm's).
 *
 * An instruction with inline caches (LOAD_ATTR, STORE_ATTR, LOAD_METHOD,
 * LOAD_GLOBAL, BINARY_OP, COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR,
 * UNPACK_SEQUENCE, PRECALL, CALL, and 3.12's `_312` forms of these and
 * FOR_ITER) runs, in its base form, a countdown kept in its first cache
 * unit.  At zero the specializer looks at the operands, and if it knows a
 * faster way it rewrites the instruction's opcode byte (in ObjCode.instrs,
 * the copy the loop runs) into a specialized form (vm/opcodes.h,
 * PVM_SPECIALIZED) and fills the cache with what that form checks (a type's
 * version tag, a dict's keys version) and uses (a dict entry number).  A
 * specialized form checks its guards and, if one fails (a miss), runs the
 * base form's body instead, whose countdown decides when to specialize
 * again: backing off exponentially after a failed attempt.
 *
 * The cache layout of each instruction is CPython 3.11's (its _cache_format),
 * shortened where pvm's forms need less, so that each also fits the
 * fewer caches of 3.12's instruction (vm/opcodes_internal.h: the `_312`
 * forms share the 3.11 forms' bodies and specializers):
 *
 *   LOAD_ATTR    counter, version[2], index                  4 units
 *   STORE_ATTR   counter, version[2], index                  4 units
 *   LOAD_METHOD  counter, type_version[2], index, descr[4]
 *   LOAD_GLOBAL  counter, index, module_keys_version[2]
 *   COMPARE_OP   counter, mask                               2 units
 *   BINARY_SUBSCR counter, type_version[2], func_version     4 units
 *   CALL         counter, func_version[2], min_args          4 units
 *   BINARY_OP, STORE_SUBSCR, UNPACK_SEQUENCE, PRECALL: counter   1 unit
 *
 * (pvm's `index` is a dict entry number, or for LOAD_ATTR_PROPERTY the
 * getter's place in ObjCode.cache_objs, for the SLOT forms the member's
 * offset in the instance; LOAD_GLOBAL_BUILTIN's index is an entry number
 * of the builtins; LOAD_METHOD has no keys version (its WITH_DICT form
 * probes the instance dict), so its descr follows the index; the forms of
 * BINARY_SUBSCR and CALL use the counter alone: their guards read the
 * operands' types and the function's code on every execution.  3.12
 * gives COMPARE_OP one unit: its forms work the mask out from oparg and
 * the jump that follows, vm_cmp_jump_mask_312.)
 */
#ifndef PVM_SPECIALIZE_H
#define PVM_SPECIALIZE_H

#include <stdint.h>
#include <string.h>
#include "runtime/object.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/opcodes.h"

/* ---- the counter in the first cache unit ---------------------------------------
 * As 3.11's: the count in the high 12 bits, a backoff exponent in the low 4. */

#define VM_COUNTER_SHIFT 4
/* After a successful specialization: misses allowed before trying again. */
#define VM_COUNTER_AFTER_SUCCESS (53 << VM_COUNTER_SHIFT)

static inline bool vm_counter_expired(uint16_t counter)
{
    return counter < (1 << VM_COUNTER_SHIFT);
}

/* ---- cache fields ------------------------------------------------------------- */

static inline uint32_t vm_cache_u32(const uint16_t *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 16;
}

static inline void vm_cache_set_u32(uint16_t *c, uint32_t v)
{
    c[0] = (uint16_t)v;
    c[1] = (uint16_t)(v >> 16);
}

static inline Value vm_cache_value(const uint16_t *c)
{
    Value v;
    memcpy(&v, c, sizeof v);            /* four units, not necessarily aligned */
    return v;
}

/* The live entry `hint` of dict d if its key is `name` itself, else NULL.
 * The key's identity is the whole check: a dict has one entry per key,
 * and a deleted entry's key is VAL_NULL.  A split dict (object.h) has no
 * entries (nentries 0): never a hit, and the slow path makes it combined. */
static inline DictEntry *vm_hint_entry(Value dict, unsigned hint, Value name)
{
    ObjDict *d = VAL_AS(ObjDict, dict);
    if (hint >= d->nentries || d->entries[hint].key != name)
        return NULL;
    return &d->entries[hint];
}

/* Whether the str `name` is surely absent from dict d: its first index
 * slot is empty (the common case: one load); else a full lookup. */
bool vm_dict_lacks_str_slow(Value dict, Value name);
static inline bool vm_dict_lacks_str(Value dict, Value name)
{
    const ObjDict *d = VAL_AS(ObjDict, dict);
    intptr_t hash = VAL_AS(ObjStr, name)->hash;
    if (d->index_size == 0)
        return true;
    if (rt_dict_is_split(d))            /* no index of its own to look at */
        return vm_dict_lacks_str_slow(dict, name);
    if (hash != -1 && rt_dict_index_at(d, (size_t)hash & (d->index_size - 1)) == -1)
        return true;
    return vm_dict_lacks_str_slow(dict, name);
}

/* Where an instance keeps the attribute name that a cache says is at
 * index hint of its dict (an entry) or of its inline values (object.h),
 * or NULL when it is not there. */
static inline Value *vm_instance_hint(Value dict, unsigned hint, Value name)
{
    if (rt_is_values(dict)) {
        ObjValues *vals = VAL_AS(ObjValues, dict);
        return hint < vals->len && vals->keys->names[hint] == name ? &vals->values[hint] : NULL;
    }
    DictEntry *e = dict != VAL_NULL ? vm_hint_entry(dict, hint, name) : NULL;
    return e != NULL ? &e->value : NULL;
}

/* Whether an instance's dict or inline values (or none: VAL_NULL) surely
 * lack the str name (LOAD_METHOD_WITH_DICT: the class's method is not
 * shadowed).  Shared names are interned: an interned name not among them
 * by identity is absent. */
static inline bool vm_instance_lacks(Value dict, Value name)
{
    if (dict == VAL_NULL)
        return true;
    if (rt_is_values(dict)) {
        const ObjValues *vals = VAL_AS(ObjValues, dict);
        for (uint32_t i = 0; i < vals->len; i++)
            if (vals->keys->names[i] == name)
                return false;
        return AS_STR(name)->interned || rt_values_get(dict, name) == VAL_NULL;
    }
    return vm_dict_lacks_str(dict, name);
}

/* STORE_ATTR_WITH_HINT's common case, inline: inline values, name at
 * index *hint (replaced) or the next to add (appended).  False: the
 * general vm_store_at_hint must do it. */
static inline bool vm_store_values_at_hint(Value dict, Value name, Value v, unsigned hint)
{
    if (!rt_is_values(dict))
        return false;
    ObjValues *vals = VAL_AS(ObjValues, dict);
    if (hint < vals->len) {
        if (vals->keys->names[hint] != name)
            return false;
    } else if (hint != vals->len || hint >= vals->capacity || hint >= vals->keys->len ||
               vals->keys->names[hint] != name) {
        return false;
    } else {
        vals->len++;
    }
    vals->values[hint] = v;
    return true;
}

/* STORE_ATTR_WITH_HINT's store into the instance dict *slot (made if
 * need be): at entry *hint if its key is name, else added, *hint then
 * updated.  False with an exception set. */
bool vm_store_at_hint(Value *slot, Value name, Value v, uint16_t *hint);

/* The second chance of the instance forms, for an owner of another type
 * than the one specialized for (vm/specialize.c). */
bool vm_plain_instance_attr(ObjType *type, Value name);
bool vm_same_method(ObjType *type, Value name, Value method);
bool vm_same_descr(ObjType *type, Value name, Value descr);

/* ---- numbers as doubles (BINARY_OP, COMPARE_OP fast paths) ------------------- */

/* Whether a small int converts to a double exactly (|i| <= 2**53). */
static inline bool vm_exact_double(intptr_t i)
{
    return i >= -((intptr_t)1 << 53) && i <= ((intptr_t)1 << 53);
}

/* A float's value, or a small int's rounded to nearest (as float(i)). */
static inline bool vm_as_double(Value v, double *out)
{
    if (val_is_small(v)) {
        *out = (double)small_value(v);
        return true;
    }
    if (val_obj(v)->type != &rt_float_type)
        return false;
    *out = ((const ObjFloat *)val_obj(v))->value;
    return true;
}

/* The same, refusing ints that a double cannot hold exactly (comparisons
 * must compare the exact values). */
static inline bool vm_as_exact_double(Value v, double *out)
{
    return vm_as_double(v, out) && (!val_is_small(v) || vm_exact_double(small_value(v)));
}

/* ---- subscripts ---------------------------------------------------------------------- */

/* Whether key is a small int in [0, length): an index read or written in
 * place (the unsigned comparison rejects negative ones). */
static inline bool vm_index_in(Value key, size_t length)
{
    return val_is_small(key) && (size_t)small_value(key) < length;
}

/* ---- COMPARE_OP_*_JUMP's mask ------------------------------------------------------
 * The outcome of a comparison is one bit (as the low bits of CPython 3.11's
 * COMPARE_OP oparg mask); the cache's mask holds the outcomes for which the
 * fused jump is taken, and whether it goes backwards. */

enum {
    VM_CMP_UNORDERED = 1,               /* a NaN compared */
    VM_CMP_LESS = 2,
    VM_CMP_GREATER = 4,
    VM_CMP_EQUAL = 8,
    VM_CMP_ANY = 15,
    VM_JUMP_BACKWARD = 16,
};

/* The outcomes for which comparison op (CMP_*) is true. */
static inline unsigned vm_cmp_outcomes_where_true(int op)
{
    static const unsigned char outcomes[CMP_GE + 1] = {
        [CMP_LT] = VM_CMP_LESS, [CMP_LE] = VM_CMP_LESS | VM_CMP_EQUAL,
        [CMP_EQ] = VM_CMP_EQUAL, [CMP_NE] = VM_CMP_UNORDERED | VM_CMP_LESS | VM_CMP_GREATER,
        [CMP_GT] = VM_CMP_GREATER, [CMP_GE] = VM_CMP_GREATER | VM_CMP_EQUAL,
    };
    return outcomes[op];
}

/* The outcome of comparing two exact strs for a jump taken on `mask`: when
 * the mask does not tell LESS from GREATER (== and !=), equality is enough;
 * otherwise the order of the code points (that of the UTF-8 bytes). */
static inline unsigned vm_cmp_outcome_str(Value a, Value b, unsigned mask)
{
    if (a == b)
        return VM_CMP_EQUAL;
    /* Different first bytes (an empty str's is its NUL) make two strs
     * unequal, and order them as their code points: `ch == '"'` and
     * `ch < " "` over a str's characters are answered without a call. */
    const ObjStr *x = AS_STR(a), *y = AS_STR(b);
    unsigned char x0 = (unsigned char)x->data[0], y0 = (unsigned char)y->data[0];
    if (!(mask & VM_CMP_LESS) == !(mask & VM_CMP_GREATER)) {
        if (x->nbytes != y->nbytes || x0 != y0 || (x->interned && y->interned))
            return VM_CMP_LESS;         /* rt_str_equal's first answers, without the call */
        return rt_str_equal(a, b) ? VM_CMP_EQUAL : VM_CMP_LESS;
    }
    if (x0 != y0)
        return x0 < y0 ? VM_CMP_LESS : VM_CMP_GREATER;
    int c = rt_str_compare(a, b);
    return c < 0 ? VM_CMP_LESS : c > 0 ? VM_CMP_GREATER : VM_CMP_EQUAL;
}

/* The mask of a 3.12 COMPARE_OP_*_JUMP_312 (op verified in 0..CMP_GE):
 * 3.12's conditional jumps go forward only. */
static inline unsigned vm_cmp_jump_mask_312(int op, int jump_op)
{
    return vm_cmp_outcomes_where_true(op) ^ (jump_op == OP_POP_JUMP_FORWARD_IF_FALSE ? VM_CMP_ANY : 0);
}

static inline unsigned vm_cmp_outcome_int(intptr_t a, intptr_t b)
{
    return a < b ? VM_CMP_LESS : a > b ? VM_CMP_GREATER : VM_CMP_EQUAL;
}

static inline unsigned vm_cmp_outcome_double(double a, double b)
{
    return a < b ? VM_CMP_LESS : a > b ? VM_CMP_GREATER : a == b ? VM_CMP_EQUAL
                                                                 : VM_CMP_UNORDERED;
}

/* ---- calls -------------------------------------------------------------------------
 * What CALL_PY_EXACT_ARGS and CALL_PY_WITH_DEFAULTS check of the function,
 * on every call: total positional arguments bind to its parameters as
 * they are, or completed by its defaults (no *args, **kwargs or
 * keyword-only parameters to fill).  Code that is not CO_OPTIMIZED (module
 * code made a function by FunctionType) takes the general call, which
 * gives it its globals as its locals mapping. */

static inline bool vm_simple_params(const ObjCode *co)
{
    return co->kwonlyargcount == 0 &&
           (co->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED)) == CO_OPTIMIZED;
}

static inline bool vm_exact_args(const ObjFunction *fn, int total)
{
    return fn->code->argcount == total && vm_simple_params(fn->code);
}

static inline bool vm_args_with_defaults(const ObjFunction *fn, int total)
{
    const ObjCode *co = fn->code;
    return total < co->argcount && fn->defaults != VAL_NULL &&
           total + (int)AS_TUPLE(fn->defaults)->length >= co->argcount && vm_simple_params(co);
}

/* ---- FOR_ITER ------------------------------------------------------------------------
 * 3.11's FOR_ITER has no cache unit, hence no countdown.  GET_ITER, which
 * starts every for-loop, gives the FOR_ITER right after it the form for
 * the iterator it made (or the base form back): once per loop, not per
 * item.  A loop with no GET_ITER before it (3.11's comprehensions and
 * generator expressions, whose iterator is their argument) takes its form
 * in the base body, when it steps an iterator one of the forms knows; a
 * form that meets another iterator misses and runs the base body.
 *
 * FOR_ITER_DICT_ITEMS is FOR_ITER fused with the UNPACK_SEQUENCE 2 after
 * it (`for k, v in d.items()`): the key and value are pushed from the
 * entry, and no (k, v) tuple is made. */

/* Does the instruction at `unit` unpack two items? */
static inline bool vm_unpacks_two(const uint16_t *unit)
{
    return vm_base_opcode(*unit & 0xff) == OP_UNPACK_SEQUENCE && (*unit >> 8) == 2;
}

/* The form of `base` (FOR_ITER, or 3.12's FOR_ITER_312) for iter.  `after`
 * is the code unit after a 3.11 FOR_ITER, for pvm's own forms, which have
 * no 3.12 twins (NULL: 3.12's specializer asking for a 3.11 form). */
static inline int vm_for_iter_form(Value iter, int base, const uint16_t *after)
{
    const ObjType *t = val_type(iter);
    if (base == OP_FOR_ITER)
        return t == &rt_rangeiter_type ? OP_FOR_ITER_RANGE : t == &rt_listiter_type ? OP_FOR_ITER_LIST
             : t == &rt_tupleiter_type ? OP_FOR_ITER_TUPLE
             : after == NULL ? OP_FOR_ITER
             : t == &rt_str_ascii_iter_type ? OP_FOR_ITER_STR_ASCII
             : t == &rt_dictitems_iter_type && vm_unpacks_two(after) ? OP_FOR_ITER_DICT_ITEMS
             : OP_FOR_ITER;
    return t == &rt_rangeiter_type ? OP_FOR_ITER_RANGE_312
         : t == &rt_listiter_type ? OP_FOR_ITER_LIST_312
         : t == &rt_tupleiter_type ? OP_FOR_ITER_TUPLE_312 : OP_FOR_ITER_312;
}

void vm_specialize_for_iter(uint16_t *instr, int form);

#ifdef __SIZEOF_INT128__
/* BINARY_OP_INT_CHAIN's start on two small ints, for + - * // %, in machine
 * words (a small int is narrower than one, so + - // % cannot overflow
 * it): false for what it leaves to rt_int_i128_start (the other
 * operators, an overflowing *, x // 0). */
static inline bool vm_small_int_op(intptr_t x, intptr_t y, int op, RtI128 *out)
{
    intptr_t r, q;
    switch (rt_nb_plain(op)) {
    case NB_ADD: r = x + y; break;
    case NB_SUBTRACT: r = x - y; break;
    case NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r))
            return false;
        break;
    case NB_FLOOR_DIVIDE: case NB_REMAINDER:
        if (y == 0)
            return false;
        q = x / y;
        r = x % y;
        if (r != 0 && (r < 0) != (y < 0)) {
            q--;
            r += y;
        }
        if (rt_nb_plain(op) == NB_FLOOR_DIVIDE)
            r = q;
        break;
    default:
        return false;
    }
    *out = r;
    return true;
}
#endif
/* BUILD_TUPLE's base body, seeing the isinstance call after it, takes
 * BUILD_TUPLE_ISINSTANCE, and seeing a COMPARE_OP after it with a tuple
 * below its items, BUILD_TUPLE_COMPARE (vm/bytecodes.h). */
void vm_specialize_build_tuple(uint16_t *instr, int form);

/* The builtins the PRECALL forms recognise (set when first specialized). */
extern Value vm_builtin_len, vm_builtin_isinstance, vm_list_append;

/* ---- the specializers --------------------------------------------------------
 * Each looks at one execution of the base instruction whose opcode unit is
 * `instr` (its caches follow) and either rewrites it into a specialized form
 * or leaves it as it is with its counter backed off. */

struct Frame;
void vm_specialize_load_attr(uint16_t *instr, Value owner, Value name, ObjCode *code);
void vm_specialize_store_attr(uint16_t *instr, Value owner, Value name);
void vm_specialize_load_method(uint16_t *instr, Value owner, Value name);
void vm_specialize_load_global(uint16_t *instr, Value globals, Value builtins, Value name);
void vm_specialize_binary_op(uint16_t *instr, Value left, Value right, int oparg,
                             const ObjCode *code);

/* Once a 3.11 code object is verified, before it runs: find the locals
 * that `s += t` may append to in place and rewrite their reads
 * (vm/specialize.c, "appending to a str in place"). */
void vm_plan_str_appends(ObjCode *code);
/* Give the PRECALL of `sep.join(x).encode(k)` and of `left + sep.join(x)`
 * its fused form at load (vm/specialize.c, "what follows str.join"). */
void vm_plan_join_sites(ObjCode *code);
/* k when `LOAD_CONST k; BINARY_OP +` starts at next in 3.11 code, k a
 * str; else VAL_NULL. */
Value vm_str_const_added(const ObjCode *code, const uint16_t *next);
void vm_specialize_compare_op(uint16_t *instr, Value left, Value right, int oparg, ObjCode *code);
void vm_specialize_binary_subscr(uint16_t *instr, Value container, Value key);
void vm_specialize_store_subscr(uint16_t *instr, Value container, Value key);
void vm_specialize_unpack_sequence(uint16_t *instr, Value seq, int oparg);
void vm_specialize_for_iter_312(uint16_t *instr, Value iter);
void vm_specialize_precall(uint16_t *instr, Value *sp, int oparg, Value kwnames,
                           const ObjCode *code);
void vm_specialize_call(uint16_t *instr, Value *sp, int oparg, Value kwnames);

/* ---- statistics (pvm --stats) -------------------------------------------------
 * Specialization attempts are counted always (they are rare); hits and
 * misses only by the --stats loop (vm/stats.c), through the hooks
 * VM_STAT_HIT / VM_STAT_MISS that the other loops define as nothing. */

typedef struct VmSpecStats {
    uint64_t success, failure;          /* per base opcode */
} VmSpecStats;
extern VmSpecStats vm_spec_stats[256];
extern uint64_t vm_spec_hits[256], vm_spec_misses[256];   /* per specialized opcode */

#endif
