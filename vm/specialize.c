/*
 * specialize.c — choosing an instruction's specialized form (specialize.h
 * says how the countdown, the forms and the caches fit together).
 *
 * Each specializer repeats, once, the lookup the base instruction does on
 * every execution, and records how it went in a form whose guards prove,
 * later, that the same lookup would go the same way:
 *
 *   - "the class is as it was": the owner's type has the version tag seen
 *     here (runtime/typeversion.c; a change to the class or to any class on
 *     its MRO clears the tag), so the MRO holds the same attributes, and
 *     the type's getattr/setattr slots are still the generic ones;
 *   - "the entry is still there": a dict entry, at the number seen here,
 *     has the name itself as its key (a dict has one entry per key);
 *   - "the name is still absent": the globals' keys version is the one
 *     seen here (runtime/dict.c clears it when a key is added).
 *
 * What is not specialized stays in its base form, which is always right.
 * The success/failure counts feed `pvm --stats`.
 */
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/typeversion.h"
#include "runtime/codecs.h"
#include "vm/opcodes.h"
#include "vm/specialize.h"
#include "vm/decode.h"

VmSpecStats vm_spec_stats[256] GC_LARGE_STATIC;
uint64_t vm_spec_hits[256] GC_LARGE_STATIC, vm_spec_misses[256] GC_LARGE_STATIC;

bool vm_dict_lacks_str_slow(Value dict, Value name)
{
    return rt_dict_entry_of_str(dict, name) == -1;
}

bool vm_store_at_hint(Value *slot, Value name, Value v, uint16_t *hint)
{
    if (rt_is_values(*slot)) {
        if (vm_store_values_at_hint(*slot, name, v, *hint))
            return true;
        int64_t ix = rt_values_store(slot, name, v);
        if (ix >= 0) {
            *hint = (uint16_t)ix;
            return true;
        }
        /* They became a dict: stored below, as into any dict. */
    }
    DictEntry *e = *slot != VAL_NULL ? vm_hint_entry(*slot, *hint, name) : NULL;
    if (e != NULL) {
        e->value = v;
        return true;
    }
    if (*slot == VAL_NULL)
        *slot = rt_dict_new_sized(RT_INSTANCE_DICT_ROOM);
    int64_t ix = rt_dict_store_str(*slot, name, v);
    if (ix < 0)
        return false;
    if (ix <= UINT16_MAX)
        *hint = (uint16_t)ix;
    return true;
}

/* ---- writing the instruction ------------------------------------------------- */

static void set_value(uint16_t *c, Value v)
{
    memcpy(c, &v, sizeof v);
}

/* Whether the instruction is internal (3.12's `_312` ones, 3.13's `_313`
 * ones) or a form of one. */
static bool is_312(const uint16_t *instr)
{
    return vm_base_opcode(instr[0] & 0xff) >= VM_FIRST_INTERNAL;
}

/* The form of internal instruction `base` whose 3.11 twin is form op
 * (vm/opcodes_internal.h), or op itself.  3.13's CALL_313 and LOAD_ATTR_313
 * (without the method bit: the only one that reaches a specializer) run
 * 3.12's bodies and take their forms, which read 3.13's operands too. */
static int internal_form(int base, int op)
{
    if (base == OP_CALL_313)
        base = OP_CALL_312;
    else if (base == OP_LOAD_ATTR_313)
        base = OP_LOAD_ATTR_312;
#define TWIN_FORM(name, num, form_base, twin)                   \
    if (op == OP_##twin && base == OP_##form_base)              \
        return OP_##name;
    PVM_SPECIALIZED_312(TWIN_FORM)
#undef TWIN_FORM
    return op;
}

/* Rewrite the instruction into `op` (its oparg byte kept), ready to miss
 * VM_COUNTER_AFTER_SUCCESS times before the next attempt.  A specializer
 * names the 3.11 form; a `_312` instruction takes its 3.12 twin. */
static void specialized(uint16_t *instr, int op)
{
    if (is_312(instr))
        op = internal_form(vm_base_opcode(instr[0] & 0xff), op);
    vm_spec_stats[vm_base_opcode(op)].success++;
    instr[0] = (uint16_t)((instr[0] & 0xff00) | op);
    instr[1] = VM_COUNTER_AFTER_SUCCESS;
}

/* No form fits: back to the base opcode (after a run of misses it may be a
 * specialized one), and wait twice as long as last time before the next
 * attempt (1, 3, 7 ... 4095 executions: 3.11's adaptive_counter_backoff). */
static void not_specialized(uint16_t *instr)
{
    int base = vm_base_opcode(instr[0] & 0xff);
    vm_spec_stats[base].failure++;
    instr[0] = (uint16_t)((instr[0] & 0xff00) | base);
    unsigned backoff = (instr[1] & ((1 << VM_COUNTER_SHIFT) - 1)) + 1;
    if (backoff > 12)
        backoff = 12;
    instr[1] = (uint16_t)((((1u << backoff) - 1) << VM_COUNTER_SHIFT) | backoff);
}

/* ---- what a lookup on a type would find -------------------------------------- */

/* The type's tag if its attribute lookup is the generic one (no
 * __getattribute__, __getattr__ or __setattr__ of its own), else 0. */
static uint32_t plain_type_version(ObjType *type)
{
    if (type->getattr != NULL && type->getattr != rt_generic_getattr)
        return 0;
    if (type->setattr != NULL && type->setattr != rt_generic_setattr)
        return 0;
    return type->version_tag != 0 ? type->version_tag : rt_type_version(type);
}

static bool is_data_descriptor(Value descr)
{
    return descr != VAL_NULL && val_type(descr)->descr_set != NULL;
}

/* Whether an instance's own attribute name surely wins over descr, what
 * the type has of that name, for as long as the type's version holds:
 * descr is absent, or a non-data descriptor or plain value of a built-in
 * type.  An object of a class statement's type is left out: its class
 * may gain __set__ later (`Descriptor.__set__ = ...`), which changes that
 * class's version but not the version of the type that holds the object,
 * and the attribute must then come from the descriptor (test_opcache's
 * test_descriptor_added_after_optimization). */
static bool instance_attr_wins(Value descr)
{
    return descr == VAL_NULL ||
           (!is_data_descriptor(descr) && !(val_type(descr)->flags & TF_HEAPTYPE));
}

/* The instance dict of owner, when its type keeps one at a fixed offset
 * (VAL_NULL as well when it is not made yet); *ok false otherwise. */
static Value fixed_instance_dict(Value owner, bool *ok)
{
    ObjType *type = val_type(owner);
    *ok = !val_is_small(owner) && type->dict_offset != 0 &&
          type->dict_offset != RT_DICT_OFFSET_VAR;
    return *ok ? *(Value *)((char *)val_obj(owner) + type->dict_offset) : VAL_NULL;
}

/* An entry number that fits the 16-bit index unit; -1 when the name is
 * surely absent; HINT_UNKNOWN when present too far for the unit, or when a
 * key of another type's __eq__ would decide (RT_DICT_ASK_EQ). */
#define HINT_UNKNOWN (-2)
static int64_t entry_hint(Value dict, Value name)
{
    if (dict == VAL_NULL)
        return -1;
    if (rt_is_values(dict))
        return rt_values_index(dict, name);
    int64_t ix = rt_dict_entry_of_str(dict, name);
    return ix == -1 ? -1 : ix >= 0 && ix <= UINT16_MAX ? ix : HINT_UNKNOWN;
}

/* ---- the second chance: another type at the same instruction ----------------- */

/* Whether type keeps instances' attributes in a dict at a fixed offset,
 * with the generic lookup, and no data descriptor of that name. */
bool vm_plain_instance_attr(ObjType *type, Value name)
{
    return plain_type_version(type) != 0 && type->dict_offset != 0 &&
           type->dict_offset != RT_DICT_OFFSET_VAR &&
           instance_attr_wins(rt_type_lookup(type, name));
}

/* Whether looking name up on type finds `method` (LOAD_METHOD_WITH_DICT),
 * instances having a dict at a fixed offset as the specialized type's. */
bool vm_same_method(ObjType *type, Value name, Value method)
{
    return plain_type_version(type) != 0 && type->dict_offset != 0 &&
           type->dict_offset != RT_DICT_OFFSET_VAR && rt_type_lookup(type, name) == method;
}

/* Whether looking name up on type finds `descr` (LOAD_ATTR_PROPERTY). */
bool vm_same_descr(ObjType *type, Value name, Value descr)
{
    return plain_type_version(type) != 0 && rt_type_lookup(type, name) == descr;
}

/* ---- LOAD_ATTR: counter, version[2], index ------------------------------------- */

/* owner.name for a module: its global, at a known entry of its dict (the
 * module type has no attribute of that name to take precedence). */
static bool load_from_module(uint16_t *instr, int op, Value owner, Value name)
{
    if (!IS_EXACT(owner, rt_module_type) || rt_type_lookup(&rt_module_type, name) != VAL_NULL)
        return false;
    int64_t hint = entry_hint(VAL_AS(ObjModule, owner)->dict, name);
    if (hint < 0)
        return false;
    instr[4] = (uint16_t)hint;          /* LOAD_ATTR's index, LOAD_METHOD's too */
    specialized(instr, op);
    return true;
}

/* An index in code->cache_objs for v (which the collector then sees). */
static int64_t cache_object(ObjCode *code, Value v)
{
    if (code->cache_objs == VAL_NULL)
        code->cache_objs = rt_list_new(0);
    ObjList *objs = AS_LIST(code->cache_objs);
    if (objs->length >= UINT16_MAX)
        return -1;
    rt_list_append(code->cache_objs, v);
    return (int64_t)objs->length - 1;
}

/* LOAD_ATTR's caches filled for form op: the type's version and the
 * 16-bit index (an entry, an offset, a slot of cache_objs); a negative
 * index (no slot left) leaves the instruction unspecialized. */
static void load_attr_form(uint16_t *instr, int op, uint32_t version, int64_t index)
{
    if (index < 0)
        return not_specialized(instr);
    vm_cache_set_u32(instr + 2, version);
    instr[4] = (uint16_t)index;
    specialized(instr, op);
}

void vm_specialize_load_attr(uint16_t *instr, Value owner, Value name, ObjCode *code)
{
    if (load_from_module(instr, OP_LOAD_ATTR_MODULE, owner, name))
        return;
    ObjType *type = val_type(owner);
    uint32_t version = plain_type_version(type);
    if (version == 0)
        return not_specialized(instr);
    Value descr = rt_type_lookup(type, name);
    int64_t offset = rt_member_slot_offset(descr, type);
    if (offset >= 0 && offset <= UINT16_MAX) {
        /* A __slots__ member: the field at that offset of the instance. */
        return load_attr_form(instr, OP_LOAD_ATTR_SLOT, version, offset);
    }
    if (descr != VAL_NULL && IS_EXACT(descr, rt_property_type)) {
        /* A property: its getter, a Python function, called on owner;
         * the property and its getter, side by side in cache_objs. */
        Value fget = rt_getattr_cstr(descr, "fget");
        int64_t ix = fget != VAL_NULL && is_function(fget) ? cache_object(code, descr) : -1;
        if (ix >= 0 && cache_object(code, fget) < 0)
            ix = -1;
        if (ix < 0) {
            rt_err_clear();
            return not_specialized(instr);
        }
        return load_attr_form(instr, OP_LOAD_ATTR_PROPERTY, version, ix);
    }
    if (descr != VAL_NULL && rt_getset_getter_for(descr, type) != NULL) {
        /* A getset descriptor (obj.__class__, an exception's args): a data
         * descriptor, so the instance dict never wins; its getter is
         * called on owner, the descriptor kept in cache_objs. */
        return load_attr_form(instr, OP_LOAD_ATTR_GETSET, version, cache_object(code, descr));
    }
    bool has_dict;
    Value dict = fixed_instance_dict(owner, &has_dict);
    int64_t hint = entry_hint(dict, name);
    if (has_dict && hint == -1 && descr != VAL_NULL &&
        (is_function(descr) || IS_EXACT(descr, rt_method_descr_type))) {
        /* A method read, not called here: bound at each execution, as
         * long as the instance dict lacks the name. */
        return load_attr_form(instr, OP_LOAD_ATTR_BOUND_METHOD, version, cache_object(code, descr));
    }
    if (!has_dict || !instance_attr_wins(descr))
        return not_specialized(instr);
    load_attr_form(instr, OP_LOAD_ATTR_WITH_HINT, version, hint);
}

/* ---- STORE_ATTR: counter, version[2], index ------------------------------------ */

void vm_specialize_store_attr(uint16_t *instr, Value owner, Value name)
{
    ObjType *type = val_type(owner);
    uint32_t version = plain_type_version(type);
    int64_t offset = version != 0 ? rt_member_slot_offset(rt_type_lookup(type, name), type) : -1;
    if (offset >= 0 && offset <= UINT16_MAX) {
        vm_cache_set_u32(instr + 2, version);
        instr[4] = (uint16_t)offset;
        return specialized(instr, OP_STORE_ATTR_SLOT);
    }
    bool has_dict;
    Value dict = fixed_instance_dict(owner, &has_dict);
    if (version == 0 || !has_dict || !instance_attr_wins(rt_type_lookup(type, name)))
        return not_specialized(instr);
    /* The entry the value will be in: the existing one, or the next. */
    int64_t hint = entry_hint(dict, name);
    if (hint < 0 && rt_is_values(dict))
        hint = VAL_AS(ObjValues, dict)->len;
    else if (hint < 0)
        hint = dict == VAL_NULL ? 0 : (int64_t)VAL_AS(ObjDict, dict)->nentries;
    vm_cache_set_u32(instr + 2, version);
    instr[4] = (uint16_t)(hint <= UINT16_MAX ? hint : 0);
    specialized(instr, OP_STORE_ATTR_WITH_HINT);
}

/* ---- LOAD_METHOD: counter, type_version[2], index, descr[4] -------------------- */

/* Class.f(...) on a class whose metaclass is `type`: f a function found
 * on the class, which reading it off the class returns as it is (no
 * binding), and no data descriptor of that name on `type` itself to take
 * precedence (type's attributes never change). */
static bool load_method_class(uint16_t *instr, Value owner, Value name)
{
    if (!IS_EXACT(owner, rt_type_type) || is_data_descriptor(rt_type_lookup(&rt_type_type, name)))
        return false;
    uint32_t version = rt_type_version(AS_TYPE(owner));
    Value descr = version != 0 ? rt_type_lookup(AS_TYPE(owner), name) : VAL_NULL;
    if (descr == VAL_NULL || !is_function(descr))
        return false;
    vm_cache_set_u32(instr + 2, version);
    set_value(instr + 5, descr);
    specialized(instr, OP_LOAD_METHOD_CLASS);
    return true;
}

void vm_specialize_load_method(uint16_t *instr, Value owner, Value name)
{
    if (load_from_module(instr, OP_LOAD_METHOD_MODULE, owner, name) ||
        load_method_class(instr, owner, name))
        return;
    ObjType *type = val_type(owner);
    uint32_t version = plain_type_version(type);
    if (version == 0)
        return not_specialized(instr);
    /* What rt_get_method passes on unbound: a function, a builtin's method. */
    Value descr = rt_type_lookup(type, name);
    if (descr == VAL_NULL || !(is_function(descr) || IS_EXACT(descr, rt_method_descr_type)))
        return not_specialized(instr);
    bool has_dict;
    Value dict = fixed_instance_dict(owner, &has_dict);
    if (has_dict && !vm_instance_lacks(dict, name))
        return not_specialized(instr);  /* the instance's own attribute wins */
    if (!has_dict && type->dict_offset != 0)
        return not_specialized(instr);  /* a dict we cannot check cheaply */
    vm_cache_set_u32(instr + 2, version);
    set_value(instr + 5, descr);
    specialized(instr, has_dict ? OP_LOAD_METHOD_WITH_DICT : OP_LOAD_METHOD_NO_DICT);
}

/* ---- LOAD_GLOBAL: counter, index, module_keys_version[2] ------------------------ */

void vm_specialize_load_global(uint16_t *instr, Value globals, Value builtins, Value name)
{
    if (!is_dict(globals) || !is_dict(builtins))
        return not_specialized(instr);  /* indexed: a subclass may override [] */
    int64_t hint = entry_hint(globals, name);
    if (hint == HINT_UNKNOWN)
        return not_specialized(instr);  /* the builtin's form needs it absent */
    if (hint >= 0) {
        instr[2] = (uint16_t)hint;
        return specialized(instr, OP_LOAD_GLOBAL_MODULE);
    }
    uint32_t keys_version = rt_dict_keys_version(globals);
    hint = entry_hint(builtins, name);
    if (keys_version == 0 || hint < 0)
        return not_specialized(instr);
    instr[2] = (uint16_t)hint;          /* an entry of the builtins */
    vm_cache_set_u32(instr + 3, keys_version);
    specialized(instr, OP_LOAD_GLOBAL_BUILTIN);
}

/* ---- BINARY_OP: counter --------------------------------------------------------- */

/* The form for left `op` right (in-place operators share the plain ones'),
 * both operands of the type its name says, or 0. */
static int binary_op_form(Value left, Value right, int op)
{
    op = rt_nb_plain(op);
    if (is_int(left) && is_int(right)) {
        if (op == NB_ADD || op == NB_SUBTRACT || op == NB_MULTIPLY)
            return op == NB_ADD ? OP_BINARY_OP_ADD_INT
                 : op == NB_SUBTRACT ? OP_BINARY_OP_SUBTRACT_INT : OP_BINARY_OP_MULTIPLY_INT;
#ifdef __SIZEOF_INT128__
        /* // % >> << & | ^ in 128 bits (chained or not), not through the
         * generic operator; / and ** stay with the base body. */
        if (op != NB_TRUE_DIVIDE && op != NB_POWER && op != NB_MATRIX_MULTIPLY)
            return OP_BINARY_OP_INT_CHAIN;
#endif
        return 0;
    }
    if (is_float(left) && is_float(right))
        return op == NB_ADD ? OP_BINARY_OP_ADD_FLOAT : op == NB_SUBTRACT ? OP_BINARY_OP_SUBTRACT_FLOAT
             : op == NB_MULTIPLY ? OP_BINARY_OP_MULTIPLY_FLOAT : 0;
    if (is_str(left) && is_str(right) && op == NB_ADD)
        return OP_BINARY_OP_ADD_UNICODE;
    return 0;
}

/* When `LOAD_CONST k; BINARY_OP` (no EXTENDED_ARG) starts at next in 3.11
 * code, k; else VAL_NULL.  The fused forms take the pair over. */
static Value const_then_binary_op(const ObjCode *code, const uint16_t *next)
{
    if (code->pyminor != 11 || next + 1 >= code->instrs + code->ninstrs ||
        (next[0] & 0xff) != OP_LOAD_CONST || vm_base_opcode(next[1] & 0xff) != OP_BINARY_OP)
        return VAL_NULL;
    return AS_TUPLE(code->consts)->items[next[0] >> 8];
}

Value vm_str_const_added(const ObjCode *code, const uint16_t *next)
{
    Value k = const_then_binary_op(code, next);
    return k != VAL_NULL && is_str(k) && rt_nb_plain(next[1] >> 8) == NB_ADD ? k : VAL_NULL;
}

void vm_specialize_binary_op(uint16_t *instr, Value left, Value right, int oparg,
                             const ObjCode *code)
{
    int form = binary_op_form(left, right, oparg);
    if (form == OP_BINARY_OP_INT_CHAIN && code->pyminor != 11)
        form = 0;                       /* its chain reads 3.11's instructions */
    if (form == 0)
        return not_specialized(instr);
    const uint16_t *next = instr + 1 + CACHES_BINARY_OP;
    if (form == OP_BINARY_OP_ADD_UNICODE && code->str_append_locals != 0) {
        if (next < code->instrs + code->ninstrs && (*next & 0xff) == OP_STORE_FAST &&
            (*next >> 8) < 64 && (code->str_append_locals >> (*next >> 8) & 1))
            form = OP_BINARY_OP_INPLACE_ADD_UNICODE;
    }
    Value k = const_then_binary_op(code, next);
    if (form == OP_BINARY_OP_ADD_UNICODE && vm_str_const_added(code, next) != VAL_NULL)
        form = OP_BINARY_OP_ADD_UNICODE_CONST;
#ifdef __SIZEOF_INT128__
    if (k != VAL_NULL && is_int(k) && (form == OP_BINARY_OP_ADD_INT ||
        form == OP_BINARY_OP_SUBTRACT_INT || form == OP_BINARY_OP_MULTIPLY_INT))
        form = OP_BINARY_OP_INT_CHAIN;
#endif
    specialized(instr, form);
}

/* ---- appending to a str in place ------------------------------------------------
 *
 * CPython runs `s += t` (and `s = s + t`) on a str whose only reference
 * is the local s by resizing it in place: its reference count says that
 * no one else can see the change.  pvm's collector keeps no counts, so
 * it keeps one fact instead, the flag ObjStr.owned:
 *
 *   an owned str is referenced from exactly one local slot of one frame,
 *   and at most, for the time between two adjacent instructions of that
 *   frame, from its value stack on the way back into that slot.
 *
 * Three rules keep it true.
 *
 *  1. Only BINARY_OP_INPLACE_ADD_UNICODE sets the flag, on a str it has
 *     just allocated (rt_str_append_owned), which the STORE_FAST after it
 *     stores in the local x.  Nothing else has seen that str.
 *  2. That form exists only where x is in str_append_locals: this pass has
 *     looked at every instruction of the code object that reads x.  (3.11
 *     reads a plain local only with LOAD_FAST; a captured one is a cell,
 *     which MAKE_CELL/LOAD_DEREF reach, and is left out; so is a slot
 *     above 63 or a LOAD_FAST behind an EXTENDED_ARG.)  Each read of x
 *     becomes one of:
 *       - LOAD_FAST, kept, when the value it pushes can only be the left
 *         operand of an append site `BINARY_OP +|+=; STORE_FAST x`: the
 *         instructions up to the site do not jump, return, raise again or
 *         yield, never take the item (their stack effect, vm/opcodes.h,
 *         never reaches below it), do not touch x, and share one
 *         exception handler (so an exception cuts the stack below the
 *         item);
 *       - LOAD_FAST_LEN_ARG for `len(x)` (PRECALL 1, CALL 1 after it):
 *         if the callable is the builtin len, which keeps nothing, the
 *         flag stays; else the read clears it;
 *       - LOAD_FAST_DISOWN, every other read: it clears the flag.
 *     So a str taken from x to be kept anywhere (returned, stored,
 *     passed) is no longer owned.
 *  3. The readers of a frame's slots outside the loop clear the flags of
 *     what they find: f_locals, locals() and the frame-locals proxy
 *     (vm/frameobject.c fast_locals), zero-argument super (vm/eval.c) and
 *     `pvm debug` (tools/debug.c local_value).
 *
 * The site itself checks at run time that its left operand is the str in
 * x (else it concatenates as BINARY_OP_ADD_UNICODE does); an owned left
 * operand then has no other reference than the two that are about to
 * become one, and rt_str_append_owned may write into it. */

/* The local an append site `BINARY_OP +|+=; STORE_FAST x` stores to, or -1. */
static int append_site_local(const ObjCode *code, const VmInstr *op, const VmInstr *next)
{
    if (op->opcode != OP_BINARY_OP || (op->arg != NB_ADD && op->arg != NB_ADD + NB_INPLACE_OFFSET) ||
        next->opcode != OP_STORE_FAST || next->arg >= 64 || next->arg >= code->nlocalsplus)
        return -1;
    const uint8_t *kinds = AS_BYTES(code->localspluskinds)->data;
    return kinds[next->arg] & (CO_FAST_CELL | CO_FAST_FREE) ? -1 : (int)next->arg;
}

/* The exception table read along a walk over the code in order, so that
 * finding the entry of each instruction costs one pass over the table, not
 * one each: the verifier (vm/verify.c) has checked that the entries are
 * sorted and disjoint, so those that end before the instruction asked
 * about cover no later one either.  A walk that looks ahead takes a copy. */
typedef struct HandlerCursor {
    VmExcTable table;
    VmExcEntry entry;           /* the first entry not yet passed, if `more` */
    bool more;
} HandlerCursor;

static HandlerCursor handler_cursor(const ObjCode *code)
{
    HandlerCursor c;
    vm_exc_table_start(&c.table, code);
    c.more = vm_exc_table_next(&c.table, &c.entry);
    return c;
}

/* The exception table entry covering code unit u (its start), or -1; u is
 * never before the unit c was last asked about. */
static int handler_at(HandlerCursor *c, int u)
{
    while (c->more && c->entry.end <= u)
        c->more = vm_exc_table_next(&c->table, &c->entry);
    return c->more && c->entry.start <= u ? c->entry.start : -1;
}

static bool ends_straight_line(int op)
{
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE ||
           op == OP_YIELD_VALUE || op == OP_SEND || op == OP_RETURN_GENERATOR;
}

/* Whether the value the LOAD_FAST x before decoder d pushes is surely the
 * left operand of an append site to x (rule 2's first case); `handler` is
 * the LOAD_FAST's, found by cursor c. */
static bool feeds_append_site(VmDecoder d, int x, HandlerCursor c, int handler)
{
    VmInstr in, next;
    int64_t above = 0;                  /* items pushed above x's value */
    if (!vm_decode_next(&d, &in))
        return false;
    for (int steps = 0; steps < 64; steps++) {
        VmDecoder peek = d;
        bool more = vm_decode_next(&peek, &next);
        if (handler_at(&c, in.offset / 2) != handler)
            return false;
        if (above == 1 && more && append_site_local(d.code, &in, &next) == x)
            return true;
        const OpcodeInfo *info = &vm_opcode_info[in.opcode];
        int64_t popped = vm_stack_popped(in.opcode, in.arg, false);
        int64_t pushed = vm_stack_pushed(in.opcode, in.arg, false);
        if (info->kind == OPK_JFWD || info->kind == OPK_JBACK || ends_straight_line(in.opcode) ||
            (info->kind == OPK_LOCAL && in.arg == x) || popped < 0 || popped > above || !more)
            return false;
        above += pushed - popped;
        in = next;
        d = peek;
    }
    return false;
}

static void set_opcode(const ObjCode *code, int unit, int op)
{
    uint16_t *u = (uint16_t *)code->instrs + unit;
    *u = (uint16_t)((*u & 0xff00) | op);
}

/* The locals that some append site stores to.  Every code object pvm loads
 * comes here and most have no site, so this is a scan of the raw code units,
 * where decoding costs tens of machine instructions a unit: each site is a
 * unit `BINARY_OP +|+=` and, right after its caches, a unit STORE_FAST x.
 * memchr finds the bytes that may be BINARY_OP's (a unit's first byte is
 * its opcode; an odd offset is an oparg), many bytes a machine
 * instruction.  The scan may also count a pair that is not a site (a cache
 * unit, or a BINARY_OP whose EXTENDED_ARG makes it another operation;
 * python3.11 writes neither): that only puts more locals under the rules
 * below. */
static uint64_t append_site_locals(const ObjCode *code)
{
    const uint16_t *units = (const uint16_t *)AS_BYTES(code->code)->data;
    const uint8_t *bytes = AS_BYTES(code->code)->data;
    const size_t to_next = 1 + CACHES_BINARY_OP;
    if (code->ninstrs <= to_next)
        return 0;
    size_t scanned = 2 * (code->ninstrs - to_next);    /* the units u + to_next < ninstrs */
    uint64_t sites = 0;
    for (const uint8_t *p = memchr(bytes, OP_BINARY_OP, scanned); p != NULL;
         p = memchr(p + 1, OP_BINARY_OP, scanned - (size_t)(p + 1 - bytes))) {
        size_t u = (size_t)(p - bytes) / 2;
        if ((p - bytes) % 2 != 0)
            continue;
        VmInstr op = { .opcode = OP_BINARY_OP, .arg = units[u] >> 8 };
        VmInstr next = { .opcode = units[u + to_next] & 0xff, .arg = units[u + to_next] >> 8 };
        int x = append_site_local(code, &op, &next);
        if (x >= 0)
            sites |= (uint64_t)1 << x;
    }
    return sites;
}

void vm_plan_str_appends(ObjCode *code)
{
    if (code->pyminor != 11 || !IS_EXACT(code->localspluskinds, rt_bytes_type))
        return;
    uint64_t sites = append_site_locals(code);
    if (sites == 0)
        return;
    /* Their reads: none may escape the rules. */
    VmDecoder d = { .code = code };
    HandlerCursor handlers = handler_cursor(code);
    VmInstr in;
    while (vm_decode_next(&d, &in)) {
        if (in.opcode != OP_LOAD_FAST || in.arg >= 64 || !(sites >> in.arg & 1))
            continue;
        int unit = in.offset / 2;
        if (unit > 0 && (code->instrs[unit - 1] & 0xff) == OP_EXTENDED_ARG) {
            sites &= ~((uint64_t)1 << in.arg);      /* its reads stay as they are */
            continue;
        }
        VmDecoder after = d;
        VmInstr a, b;
        if (vm_decode_next(&after, &a) && a.opcode == OP_PRECALL && a.arg == 1 &&
            vm_decode_next(&after, &b) && b.opcode == OP_CALL && b.arg == 1)
            set_opcode(code, unit, OP_LOAD_FAST_LEN_ARG);
        else if (!feeds_append_site(d, (int)in.arg, handlers, handler_at(&handlers, unit)))
            set_opcode(code, unit, OP_LOAD_FAST_DISOWN);
    }
    code->str_append_locals = sites;
}

/* ---- what follows str.join ----------------------------------------------------------
 * Two forms take over the instructions after a `PRECALL 1; CALL 1` whose
 * result goes to one consumer, and use the str str.join has just made
 * (nothing but the form has seen it) as the block of that consumer's
 * result (vm/bytecodes.h):
 *   PRECALL_NO_KW_STR_JOIN_ENCODE  `sep.join(x).encode(k)`;
 *   PRECALL_NO_KW_STR_JOIN_CONCAT  `left + sep.join(x)`, and `+ k` after it.
 * They are given to the PRECALL as the code is loaded, not at warm-up as
 * the other forms: the line that encodes or brackets a whole text is
 * often run once (a program's output made at its end, regex's
 * scan_bytes), and a site run once is never specialized.  Only code whose
 * names hold `join` is walked.  (An EXTENDED_ARG before the PRECALL makes
 * its oparg other than 1: the form's guard then misses.)  What is called
 * there is learnt only at run time: anything but str.join misses the
 * form's guard and the site specializes as any other; when str.join comes
 * back, method_descr_call_form gives the site the form the load gave it
 * (join_form serves both, and names str.join as the guard does). */

/* Whether `LOAD_METHOD encode; [LOAD_CONST k;] PRECALL n; CALL n` starts at
 * u, the unit after a call's CALL and its caches, in 3.11 code: n 1 with k
 * a str naming a codec that str.encode runs without the registry (UTF-8,
 * ASCII, Latin-1), or 0 without k.  The value the call leaves then goes
 * to encode's self and nowhere else.  No EXTENDED_ARG between (its unit
 * would not match). */
static bool encode_follows(const ObjCode *code, const uint16_t *u)
{
    const uint16_t *end = code->instrs + code->ninstrs;
    if (u >= end || vm_base_opcode(*u & 0xff) != OP_LOAD_METHOD ||
        strcmp(rt_str_cstr(AS_TUPLE(code->names)->items[*u >> 8]), "encode") != 0)
        return false;
    u += 1 + CACHES_LOAD_METHOD;
    int n = 0;
    if (u < end && (*u & 0xff) == OP_LOAD_CONST) {
        Value k = AS_TUPLE(code->consts)->items[*u >> 8];
        if (!is_str(k) || rt_text_fast_codec(k) < 0)
            return false;
        n = 1;
        u++;
    }
    return u + 1 + CACHES_PRECALL < end && vm_base_opcode(*u & 0xff) == OP_PRECALL &&
           (*u >> 8) == n && (u[1 + CACHES_PRECALL] & 0xff) == OP_CALL &&
           (u[1 + CACHES_PRECALL] >> 8) == n;
}

/* Whether `BINARY_OP +` (or, at warm-up, a form of it) at u (a unit
 * after a call's CALL and its caches, in 3.11 code) takes the call's
 * value as its right operand and is not an append site:
 * `s = s + sep.join(x)` into a local whose str may be appended to in
 * place (vm_plan_str_appends, which has run) stays with
 * BINARY_OP_INPLACE_ADD_UNICODE, whose appends are amortised; copying s
 * into the join's block each time would not be.  The same for a `+ k`
 * after it. */
static bool concat_follows(const ObjCode *code, const uint16_t *u)
{
    const uint16_t *end = code->instrs + code->ninstrs;
    if (u + 1 + CACHES_BINARY_OP >= end || vm_base_opcode(*u & 0xff) != OP_BINARY_OP ||
        (*u >> 8) != NB_ADD)
        return false;
    u += 1 + CACHES_BINARY_OP;
    if (vm_str_const_added(code, u) != VAL_NULL)
        u += 2 + CACHES_BINARY_OP;
    return u >= end || (*u & 0xff) != OP_STORE_FAST || (*u >> 8) >= 64 ||
           !(code->str_append_locals >> (*u >> 8) & 1);
}

/* The form for a `PRECALL 1; CALL 1` of str.join in 3.11 code whose
 * CALL's caches end before next (at load and at warm-up alike), or 0. */
static int join_form(const ObjCode *code, const uint16_t *next)
{
    if (code->pyminor != 11)
        return 0;
    if (encode_follows(code, next))
        return OP_PRECALL_NO_KW_STR_JOIN_ENCODE;
    if (concat_follows(code, next))
        return OP_PRECALL_NO_KW_STR_JOIN_CONCAT;
    return 0;
}

/* Whether the names tuple holds the interned `name`. */
static bool names_hold(const ObjCode *code, Value name)
{
    const ObjTuple *names = AS_TUPLE(code->names);
    for (size_t i = 0; i < names->length; i++)
        if (names->items[i] == name)
            return true;
    return false;
}

/* Whether some unit reads `PRECALL 1`, the unit after its cache `CALL 1`
 * and the unit after that one's caches LOAD_METHOD or `BINARY_OP +`: a
 * scan of the raw units, a few machine instructions each, so that the
 * code is walked only when it may hold a site (a cache unit may look like
 * one: the walk decides). */
static bool join_site_candidates(const ObjCode *code, size_t to_call, size_t to_next)
{
    const uint16_t *units = code->instrs;
    for (size_t u = 0; u + to_next < code->ninstrs; u++)
        if (units[u] == (OP_PRECALL | 1 << 8) && units[u + to_call] == (OP_CALL | 1 << 8) &&
            ((units[u + to_next] & 0xff) == OP_LOAD_METHOD ||
             units[u + to_next] == (OP_BINARY_OP | NB_ADD << 8)))
            return true;
    return false;
}

void vm_plan_join_sites(ObjCode *code)
{
    const size_t to_call = 1 + CACHES_PRECALL, to_next = to_call + 1 + CACHES_CALL;
    if (code->pyminor != 11 || !names_hold(code, RT_NAME("join")) ||
        !join_site_candidates(code, to_call, to_next))
        return;
    /* Instruction by instruction, each a unit and its caches (the verifier
     * has checked that they fit): a walk of a few machine instructions a
     * step, where decoding costs tens. */
    const uint16_t *units = code->instrs;
    for (size_t u = 0; u + to_next < code->ninstrs;
         u += 1 + vm_opcode_info[vm_base_opcode(units[u] & 0xff)].caches) {
        if (units[u] != (OP_PRECALL | 1 << 8) || units[u + to_call] != (OP_CALL | 1 << 8))
            continue;
        int form = join_form(code, units + u + to_next);
        if (form != 0)
            set_opcode(code, (int)u, form);
    }
}

/* ---- COMPARE_OP: counter, mask --------------------------------------------------
 * The forms run the conditional jump that follows too (CPython 3.11's
 * COMPARE_OP_*_JUMP): the mask says for which outcomes of the comparison
 * it jumps (VM_CMP_* bits) and whether backwards (VM_JUMP_BACKWARD). */

void vm_specialize_compare_op(uint16_t *instr, Value left, Value right, int oparg, ObjCode *code)
{
    const uint16_t *next = instr + 1 + vm_opcode_info[vm_base_opcode(instr[0] & 0xff)].caches;
    int next_op = next < code->instrs + code->ninstrs ? *next & 0xff : -1;
    bool if_true = next_op == OP_POP_JUMP_FORWARD_IF_TRUE || next_op == OP_POP_JUMP_BACKWARD_IF_TRUE;
    bool if_false = next_op == OP_POP_JUMP_FORWARD_IF_FALSE || next_op == OP_POP_JUMP_BACKWARD_IF_FALSE;
    int form = val_is_small(left) && val_is_small(right) ? OP_COMPARE_OP_INT_JUMP
             : is_float(left) && is_float(right) ? OP_COMPARE_OP_FLOAT_JUMP
             : is_str(left) && is_str(right) ? OP_COMPARE_OP_STR_JUMP : 0;
    if (form == 0 || !(if_true || if_false))
        return not_specialized(instr);
    if (is_312(instr))                  /* no room for the mask: the form works it out */
        return specialized(instr, form);
    unsigned mask = vm_cmp_outcomes_where_true(oparg);
    if (if_false)
        mask ^= VM_CMP_ANY;
    if (next_op == OP_POP_JUMP_BACKWARD_IF_TRUE || next_op == OP_POP_JUMP_BACKWARD_IF_FALSE)
        mask |= VM_JUMP_BACKWARD;
    instr[2] = (uint16_t)mask;
    specialized(instr, form);
}

/* ---- BINARY_SUBSCR: counter, type_version[2], func_version ---------------------
 * ---- STORE_SUBSCR: counter ------------------------------------------------------ */

void vm_specialize_binary_subscr(uint16_t *instr, Value container, Value key)
{
    if (is_list(container) && vm_index_in(key, AS_LIST(container)->length))
        return specialized(instr, OP_BINARY_SUBSCR_LIST_INT);
    if (is_tuple(container) && vm_index_in(key, AS_TUPLE(container)->length))
        return specialized(instr, OP_BINARY_SUBSCR_TUPLE_INT);
    if (is_str(container) && AS_STR(container)->length == AS_STR(container)->nbytes &&
        vm_index_in(key, AS_STR(container)->nbytes))
        return specialized(instr, OP_BINARY_SUBSCR_STR_INT);
    if (is_dict(container))
        return specialized(instr, OP_BINARY_SUBSCR_DICT);
    not_specialized(instr);
}

void vm_specialize_store_subscr(uint16_t *instr, Value container, Value key)
{
    if (is_list(container) && vm_index_in(key, AS_LIST(container)->length))
        return specialized(instr, OP_STORE_SUBSCR_LIST_INT);
    if (is_dict(container))
        return specialized(instr, OP_STORE_SUBSCR_DICT);
    not_specialized(instr);
}

/* ---- UNPACK_SEQUENCE: counter ---------------------------------------------------- */

void vm_specialize_unpack_sequence(uint16_t *instr, Value seq, int oparg)
{
    if (is_tuple(seq) && AS_TUPLE(seq)->length == (size_t)oparg)
        return specialized(instr, oparg == 2 ? OP_UNPACK_SEQUENCE_TWO_TUPLE
                                             : OP_UNPACK_SEQUENCE_TUPLE);
    if (is_list(seq) && AS_LIST(seq)->length == (size_t)oparg)
        return specialized(instr, OP_UNPACK_SEQUENCE_LIST);
    not_specialized(instr);
}

/* ---- PRECALL: counter --------------------------------------------------------------
 * The NO_KW forms make the call themselves and skip the CALL after them,
 * which must then be the next code unit (no EXTENDED_ARG between). */

Value vm_builtin_len, vm_builtin_isinstance, vm_list_append;

/* Whether b is the builtin function `name` of the builtins module (a
 * builtin object is made only by C code, so its name says what it is). */
static bool is_builtin_named(const ObjBuiltin *b, const char *name)
{
    return b->self == VAL_NULL && b->owner == NULL && b->module == rt_builtins_module &&
           strcmp(b->name, name) == 0;
}

/* The form for a builtin function called with total arguments. */
static int builtin_call_form(Value callable, int total)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, callable);
    if (b->self != VAL_NULL)
        return 0;
    if (total == 1 && is_builtin_named(b, "len")) {
        vm_builtin_len = callable;
        return OP_PRECALL_NO_KW_LEN;
    }
    if (total == 2 && is_builtin_named(b, "isinstance")) {
        vm_builtin_isinstance = callable;
        return OP_PRECALL_NO_KW_ISINSTANCE;
    }
    return OP_PRECALL_NO_KW_BUILTIN_FAST;
}

/* The form for a builtin type's method called on self (args[0]); `next`:
 * the unit after the CALL's caches. */
static int method_descr_call_form(Value callable, Value self, int total,
                                  const ObjCode *code, const uint16_t *next)
{
    ObjBuiltin *b = VAL_AS(ObjBuiltin, callable);
    if (val_type(self) != b->owner)
        return 0;
    if (total == 2 && b->owner == &rt_list_type && strcmp(b->name, "append") == 0) {
        vm_list_append = callable;
        return OP_PRECALL_NO_KW_LIST_APPEND;
    }
    int form = 0;
    if (total == 2 && b->fn == rt_str_join_method && code != NULL)
        form = join_form(code, next);
    return form != 0 ? form : OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST;
}

/* The NO_KW form for a call of anything but a Python function, or 0.
 * code, next: 3.11's PRECALL's code and the unit after its CALL (NULL,
 * NULL for 3.12's CALL_312). */
static int native_call_form(Value *sp, int oparg, Value kwnames, const ObjCode *code,
                            const uint16_t *next)
{
    bool is_meth = sp[-(oparg + 2)] != rt_Null;
    int total = oparg + is_meth;
    Value callable = sp[-(total + 1)];
    if (kwnames != VAL_NULL)
        return 0;
    if (callable == obj_val(&rt_type_type) && total == 1 && !is_meth)
        return OP_PRECALL_NO_KW_TYPE_1;
    if (IS_EXACT(callable, rt_builtin_type))
        return builtin_call_form(callable, total);
    if (IS_EXACT(callable, rt_method_descr_type) && is_meth)
        return method_descr_call_form(callable, sp[-total], total, code, next);
    return 0;
}

void vm_specialize_precall(uint16_t *instr, Value *sp, int oparg, Value kwnames,
                           const ObjCode *code)
{
    bool is_meth = sp[-(oparg + 2)] != rt_Null;
    int form = 0;
    if (is_function(sp[-(oparg + is_meth + 1)]))
        form = OP_PRECALL_PYFUNC;
    else if ((instr[1 + CACHES_PRECALL] & 0xff) == OP_CALL)
        form = native_call_form(sp, oparg, kwnames, code,
                                instr + 1 + CACHES_PRECALL + 1 + CACHES_CALL);
    if (form == 0)
        return not_specialized(instr);
    specialized(instr, form);
}

/* ---- CALL: counter, func_version[2], min_args ------------------------------------
 * pvm's guards read the function's code object on every call instead of
 * a function version (a code object never changes, and __code__ or
 * __defaults__ assignments are seen at once).  3.12's CALL_312 is PRECALL
 * and CALL in one: it takes the PRECALL_NO_KW forms' twins too. */

void vm_specialize_call(uint16_t *instr, Value *sp, int oparg, Value kwnames)
{
    bool is_meth = sp[-(oparg + 2)] != rt_Null;
    int total = oparg + is_meth;
    Value callable = sp[-(total + 1)];
    int native = !is_function(callable) && is_312(instr) ? native_call_form(sp, oparg, kwnames, NULL, NULL) : 0;
    if (native != 0)
        return specialized(instr, native);
    if (!is_function(callable) || kwnames != VAL_NULL)
        return not_specialized(instr);
    ObjFunction *fn = AS_FUNCTION(callable);
    if (vm_exact_args(fn, total))
        return specialized(instr, OP_CALL_PY_EXACT_ARGS);
    if (vm_args_with_defaults(fn, total))
        return specialized(instr, OP_CALL_PY_WITH_DEFAULTS);
    not_specialized(instr);
}

/* ---- FOR_ITER: no cache ---------------------------------------------------------- */

void vm_specialize_for_iter(uint16_t *instr, int form)
{
    int base = vm_base_opcode(form);
    if (form == base)
        vm_spec_stats[base].failure++;
    else
        vm_spec_stats[base].success++;
    instr[0] = (uint16_t)((instr[0] & 0xff00) | form);
}

/* ---- BUILD_TUPLE: no cache, rewritten by its base body ---------------------------- */

void vm_specialize_build_tuple(uint16_t *instr, int form)
{
    vm_spec_stats[OP_BUILD_TUPLE].success++;
    instr[0] = (uint16_t)((instr[0] & 0xff00) | form);
}

/* ---- FOR_ITER_312: counter --------------------------------------------------------- */

void vm_specialize_for_iter_312(uint16_t *instr, Value iter)
{
    int form = vm_for_iter_form(iter, OP_FOR_ITER, NULL);
    if (form == OP_FOR_ITER)
        return not_specialized(instr);
    specialized(instr, form);
}
