/*
 * opcode.c — the _opcode module (CPython's Modules/_opcode.c):
 * stack_effect(opcode, oparg=None, /, *, jump=None), which Lib/dis.py
 * re-exports as dis.stack_effect, and get_specialization_stats.
 *
 * The stack effects are vm/opcodes.h's data — the same table the verifier
 * and the disassembler read — so the module holds no list of its own:
 * the effect is pushed - popped; with jump=None, the larger of the two
 * branches, as CPython reports it.
 */
#include "runtime/version.h"
#include "vm/translate.h"
#include "modules/modutil.h"
#include "vm/opcodes.h"

/* CPython's HAVE_ARGUMENT: opcodes from 90 up take an oparg (44 in 3.13). */
#define HAVE_ARGUMENT vm_version_have_argument(rt_py_minor)

/* One exception: CPython's compiler counts a call's arguments against
 * PRECALL (-oparg) and the callable's two slots against CALL (-1), where
 * the table says what happens at run time (PRECALL 0, CALL -oparg-1); the
 * sum is the same. */
static int effect(int op, int oparg, bool jump)
{
    if (rt_py_minor >= 12) {            /* 3.12's numbers: what pvm runs for them */
        uint32_t arg = (uint32_t)oparg;
        op = vm_translate_op(rt_py_minor, op, false, &arg);
        oparg = (int)arg;
    }
    if (op == OP_PRECALL)
        return -oparg;
    if (op == OP_CALL)
        return -1;
    return vm_stack_pushed(op, oparg, jump) - vm_stack_popped(op, oparg, jump);
}

/* The numbers of 3.12 to 3.14 that pvm never runs (CACHE, RESERVED,
 * INTERPRETER_EXIT, the INSTRUMENTED_* forms of sys.monitoring, ...) but
 * their dis.stack_effect still answers for, with CPython's answer; the
 * same for an instruction pvm runs in another form (3.13's
 * RETURN_GENERATOR, a no-op for pvm; 3.14's BUILD_SLICE of oparg items,
 * its BUILD_INTERPOLATION...).  The effect is
 *     effect + per_oparg * oparg + per_low_bit * (oparg & 1)
 * (INSTRUMENTED_LOAD_SUPER_ATTR: -2, or -1 when oparg's low bit asks for a
 * method; INSTRUMENTED_CALL: -1 - oparg). */
typedef struct {
    unsigned char op;
    signed char effect, per_oparg, per_low_bit;
} FixedEffect;
static const FixedEffect fixed_312[] = {
    {0, 0}, {3, -1}, {17, 0}, {237, -2, 0, 1}, {238, 0}, {239, 0}, {240, 0},
    {241, 0}, {242, -1}, {243, 0}, {244, 0}, {245, 0}, {246, 0}, {247, 0}, {248, 0},
    {249, 0}, {250, 0}, {251, -2}, {252, -1}, {253, 0}, {0, 0},
};
static const FixedEffect fixed_313[] = {
    {0, 0}, {13, -1}, {17, 0}, {22, -1}, {35, 1}, {44, 1}, {60, 0}, {70, 0}, {236, 0},
    {237, -1}, {238, -1}, {239, -1}, {240, 0}, {241, 0}, {242, -2, 0, 1},
    {243, 0}, {244, 0}, {245, 0}, {246, 0}, {247, 0}, {248, 0}, {249, 0}, {250, 0},
    {251, 0}, {252, 0}, {253, 0}, {0, 0},
};
static const FixedEffect fixed_314[] = {
    {0, 0}, {11, -1}, {17, 0}, {20, -1}, {34, 1}, {35, 0}, {45, -1, 0, -1}, {49, 1, -1},
    {58, 0}, {81, 1}, {95, 1}, {234, -1}, {235, -1}, {236, -1}, {237, 1}, {238, 0},
    {239, 0}, {240, 0}, {241, -1}, {242, -1}, {243, -1}, {244, -1}, {245, 0}, {246, 0},
    {247, 0}, {248, -2}, {249, -2, 0, 1}, {250, -1, -1}, {251, -2, -1}, {252, -3},
    {253, 0}, {254, 0}, {255, 0}, {0, 0},
};

/* The fixed effect of op under this version, or false. */
static bool fixed_effect(int op, int oparg, int *e)
{
    const FixedEffect *t = rt_py_minor == 12 ? fixed_312 : rt_py_minor == 13 ? fixed_313
                         : rt_py_minor == 14 ? fixed_314 : NULL;
    for (size_t i = 0; t != NULL && (i == 0 || t[i].op != 0); i++)
        if (t[i].op == op) {
            /* in 64 bits: -oparg of INT32_MIN does not fit an int */
            *e = (int)(t[i].effect + (int64_t)t[i].per_oparg * oparg +
                       t[i].per_low_bit * (oparg & 1));
            return true;
        }
    return false;
}

/* An opcode of this process's version (the internal ones are pvm's own). */
static bool known_opcode(int op)
{
    if (rt_py_minor >= 12) {
        uint32_t arg = 0;
        return op != 0 && vm_translate_op(rt_py_minor, op, false, &arg) != VM_OP_INVALID;
    }
    return op < VM_FIRST_INTERNAL && vm_opcode_info[op].name != NULL;
}

static Value op_stack_effect(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "", "", "jump" };
    ArgSpec spec = { "stack_effect", names, 3, 2, 1, 2, false };
    Value a[3];
    ssize_t op, oparg = 0;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !rt_as_ssize(a[0], &op))
        return VAL_NULL;
    bool has_oparg = a[1] != VAL_NULL && a[1] != rt_None;
    bool check_oparg = rt_py_minor < 13;    /* 3.13 takes 0 for a missing one */
    if (check_oparg && op >= HAVE_ARGUMENT && !has_oparg)
        return rt_raisef(&rt_ValueError,
                         "stack_effect: opcode requires oparg but oparg was not specified");
    if (check_oparg && op < HAVE_ARGUMENT && has_oparg)
        return rt_raisef(&rt_ValueError,
                         "stack_effect: opcode does not permit oparg but oparg was specified");
    if (has_oparg && !rt_as_ssize(a[1], &oparg))
        return VAL_NULL;
    Value jump = a[2] == VAL_NULL ? rt_None : a[2];
    if (jump != rt_None && jump != rt_True && jump != rt_False)
        return rt_raisef(&rt_ValueError, "stack_effect: jump must be False, True or None");
    if (op < 0 || op > 255 || oparg < INT32_MIN || oparg > INT32_MAX)
        return rt_raisef(&rt_ValueError, "invalid opcode or oparg");
    int e;
    if (fixed_effect((int)op, (int)oparg, &e))
        return small_new(e);
    if (!known_opcode((int)op))
        return rt_raisef(&rt_ValueError, "invalid opcode or oparg");
    if (jump == rt_None) {
        int taken = effect((int)op, (int)oparg, true), not_taken = effect((int)op, (int)oparg, false);
        e = taken > not_taken ? taken : not_taken;
    } else {
        e = effect((int)op, (int)oparg, jump == rt_True);
    }
    return small_new(e);
}

/* None: pvm keeps no specialization statistics (CPython without
 * Py_STATS returns None too). */
static Value op_get_specialization_stats(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_specialization_stats", nargs, kw))
        return VAL_NULL;
    return rt_None;
}

/* ---- 3.13's additions: what Lib/opcode.py and dis.py ask of each opcode ----
 * Python 3.13's _opcode answers from CPython's instruction metadata, which
 * covers its specialized, instrumented and pseudo opcodes (256 and up) as
 * well; these are its answers, as numbers (python3.13's _opcode module). */
static const int16_t has_const_313[] = { 83, 103, 240, -1 };
static const int16_t has_name_313[] = { 63, 66, 67, 74, 75, 82, 90, 91, 92, 93, 108, 113, 114,
                                        192, 202, 205, 206, 211, 259, 260, 261, 262, -1 };
static const int16_t has_jump_313[] = { 72, 77, 78, 79, 97, 98, 99, 100, 104, 188, 189, 190,
                                        256, 257, -1 };
static const int16_t has_free_313[] = { 64, 84, 89, 94, 109, -1 };
static const int16_t has_local_313[] = { 3, 65, 85, 86, 87, 88, 110, 111, 112, 258, 267, -1 };
static const int16_t has_exc_313[] = { 264, 265, 266, -1 };
/* Opcodes from HAVE_ARGUMENT (44) up that take no argument. */
static const int16_t no_arg_313[] = { 44, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
                                      160, 161, 207, 209, 210, 212, 213, 214, 215, 216, 217,
                                      218, 219, 237, 238, 239, 246, 247, 254, 263, -1 };

static bool listed(const int16_t *list, long op)
{
    for (; *list >= 0; list++)
        if (*list == op)
            return true;
    return false;
}

/* 3.14's answers, the same way (python3.14's _opcode module). */
static const int16_t has_const_314[] = { 82, 190, 191, -1 };
static const int16_t has_name_314[] = { 61, 64, 65, 72, 73, 80, 91, 92, 93, 96, 110, 115, 116,
                                        179, 189, 194, 195, 200, 249, -1 };
static const int16_t has_jump_314[] = { 68, 70, 75, 76, 77, 100, 101, 102, 103, 106, 172, 173,
                                        174, 175, 176, 237, 248, 257, 258, 259, 260, -1 };
static const int16_t has_free_314[] = { 62, 90, 97, 111, -1 };
static const int16_t has_local_314[] = { 3, 63, 83, 84, 85, 86, 87, 88, 89, 112, 113, 114, 261,
                                         266, -1 };
static const int16_t has_exc_314[] = { 263, 264, 265, -1 };
static const int16_t no_arg_314[] = { 43, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139,
                                      140, 141, 142, 154, 196, 198, 199, 201, 202, 203, 204, 205,
                                      206, 207, 208, 234, 235, 236, 238, 240, 246, 252, 254, 256,
                                      262, -1 };

/* Which of the lists above this process's version answers from. */
#define VERSION_LIST(name) (rt_py_minor >= 14 ? name##_314 : name##_313)

/* Valid: the real opcodes, specialized (3.13: 150-222), instrumented
 * (236-254) and pseudo ones (256-267). */
static bool valid_313(long op)
{
    if (rt_py_minor >= 14)
        return (op >= 0 && op <= 120) || (op >= 128 && op <= 211) || (op >= 234 && op <= 266);
    return (op >= 0 && op <= 118) || (op >= 149 && op <= 222) || (op >= 236 && op <= 253) ||
           (op >= 256 && op <= 267);
}

static bool has_arg_313(long op)
{
    int have_argument = rt_py_minor >= 14 ? 43 : 44;
    return valid_313(op) && op >= have_argument && !listed(VERSION_LIST(no_arg), op);
}

/* One predicate of an opcode number: _opcode.is_valid(op) and the has_*. */
static Value opcode_predicate(const char *name, Value *args, size_t nargs, Value kw,
                              bool (*test)(long), const int16_t *list)
{
    static const char *const names[] = { "opcode" };
    const ArgSpec spec = { name, names, 1, 1, 0, 1, false };
    Value a[1];
    ssize_t op;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !rt_as_ssize(a[0], &op))
        return VAL_NULL;
    return rt_bool(test ? test(op) : listed(list, op));
}

#define PREDICATE(fn, test, list)                                           \
    static Value op_##fn(Value *args, size_t nargs, Value kw)              \
    {                                                                       \
        return opcode_predicate(#fn, args, nargs, kw, test, list);          \
    }
PREDICATE(is_valid, valid_313, NULL)
PREDICATE(has_arg, has_arg_313, NULL)
PREDICATE(has_const, NULL, VERSION_LIST(has_const))
PREDICATE(has_name, NULL, VERSION_LIST(has_name))
PREDICATE(has_jump, NULL, VERSION_LIST(has_jump))
PREDICATE(has_free, NULL, VERSION_LIST(has_free))
PREDICATE(has_local, NULL, VERSION_LIST(has_local))
PREDICATE(has_exc, NULL, VERSION_LIST(has_exc))
#undef PREDICATE

/* The names of CALL_INTRINSIC_1's / _2's functions (vm/translate.c). */
static Value intrinsic_descs(int nargs)
{
    Value list = rt_list_new(0);
    const char *name;
    for (int i = 0; (name = vm_intrinsic_name(i, nargs)) != NULL; i++)
        rt_list_append(list, rt_str_from_cstr(name));
    return list;
}

static Value op_get_intrinsic1_descs(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("get_intrinsic1_descs", nargs, kw) ? intrinsic_descs(1) : VAL_NULL;
}

static Value op_get_intrinsic2_descs(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("get_intrinsic2_descs", nargs, kw) ? intrinsic_descs(2) : VAL_NULL;
}

/* BINARY_OP's operators: (NB_ name, symbol) pairs in oparg order. */
static Value op_get_nb_ops(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {
        "ADD", "AND", "FLOOR_DIVIDE", "LSHIFT", "MATRIX_MULTIPLY", "MULTIPLY",
        "REMAINDER", "OR", "POWER", "RSHIFT", "SUBTRACT", "TRUE_DIVIDE", "XOR",
    };
    if (!rt_arg_none("get_nb_ops", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (int i = 0; i < 2 * NB_INPLACE_OFFSET; i++) {
        char nb[48];
        snprintf(nb, sizeof nb, "NB_%s%s", i >= NB_INPLACE_OFFSET ? "INPLACE_" : "",
                 names[i % NB_INPLACE_OFFSET]);
        Value pair[2] = { rt_str_from_cstr(nb), rt_str_from_cstr(rt_binop_symbols[i]) };
        rt_list_append(list, rt_tuple_from(pair, 2));
    }
    if (rt_py_minor >= 14) {            /* BINARY_OP 26 is a subscript */
        Value pair[2] = { rt_str_from_cstr("NB_SUBSCR"), rt_str_from_cstr("[]") };
        rt_list_append(list, rt_tuple_from(pair, 2));
    }
    return list;
}

/* 3.14: LOAD_SPECIAL's methods, by oparg. */
static Value op_get_special_method_names(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "__enter__", "__exit__", "__aenter__", "__aexit__" };
    if (!rt_arg_none("get_special_method_names", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        rt_list_append(list, rt_str_from_cstr(names[i]));
    return list;
}

/* No executors: pvm has no trace optimizer (ENTER_EXECUTOR never runs). */
static Value op_get_executor(Value *args, size_t nargs, Value kw)
{
    return rt_raisef(&rt_ValueError, "no executor at given byte offset");
}

static const MethodDef opcode_functions[] = {
    {"stack_effect", op_stack_effect},
    {"get_specialization_stats", op_get_specialization_stats},
    {NULL, NULL}
};

static const MethodDef opcode_functions_313[] = {
    {"is_valid", op_is_valid},
    {"has_arg", op_has_arg},
    {"has_const", op_has_const},
    {"has_name", op_has_name},
    {"has_jump", op_has_jump},
    {"has_free", op_has_free},
    {"has_local", op_has_local},
    {"has_exc", op_has_exc},
    {"get_intrinsic1_descs", op_get_intrinsic1_descs},
    {"get_intrinsic2_descs", op_get_intrinsic2_descs},
    {"get_nb_ops", op_get_nb_ops},
    {"get_executor", op_get_executor},
    {NULL, NULL}
};

static const MethodDef opcode_functions_314[] = {
    {"get_special_method_names", op_get_special_method_names},
    {NULL, NULL}
};

Value mod_opcode_init(void)
{
    Value m = mod_module_new("_opcode", opcode_functions);
    if (rt_py_minor >= 13)
        mod_module_add_functions(m, opcode_functions_313);
    if (rt_py_minor >= 14)
        mod_module_add_functions(m, opcode_functions_314);
    if (rt_py_minor >= 13)
        mod_module_set(m, "ENABLE_SPECIALIZATION", rt_False);
    if (rt_py_minor >= 14)
        mod_module_set(m, "ENABLE_SPECIALIZATION_FT", rt_False);
    return m;
}
