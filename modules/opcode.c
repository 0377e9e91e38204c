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
    if (op >= HAVE_ARGUMENT && !has_oparg)
        return rt_raisef(&rt_ValueError,
                         "stack_effect: opcode requires oparg but oparg was not specified");
    if (op < HAVE_ARGUMENT && has_oparg)
        return rt_raisef(&rt_ValueError,
                         "stack_effect: opcode does not permit oparg but oparg was specified");
    if (has_oparg && !rt_as_ssize(a[1], &oparg))
        return VAL_NULL;
    Value jump = a[2] == VAL_NULL ? rt_None : a[2];
    if (jump != rt_None && jump != rt_True && jump != rt_False)
        return rt_raisef(&rt_ValueError, "stack_effect: jump must be False, True or None");
    if (op < 0 || op > 255 || !known_opcode((int)op) || oparg < INT32_MIN || oparg > INT32_MAX)
        return rt_raisef(&rt_ValueError, "invalid opcode or oparg");
    int e;
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

static const MethodDef opcode_functions[] = {
    {"stack_effect", op_stack_effect},
    {"get_specialization_stats", op_get_specialization_stats},
    {NULL, NULL}
};

Value mod_opcode_init(void)
{
    return mod_module_new("_opcode", opcode_functions);
}
