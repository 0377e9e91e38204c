/*
 * typing312.c — the _typing module of a Python 3.12 process: TypeVar,
 * ParamSpec, TypeVarTuple, ParamSpecArgs/Kwargs, TypeAliasType, Generic
 * and _idfunc, which 3.12's Lib/typing.py imports from it.  They are
 * written in Python (modules/typing312.py, made a C string by the
 * Makefile) and compiled by the compile service the first time a program
 * imports typing.  3.11's typing.py defines these classes itself, and its
 * _typing (a shared library in CPython, not built in) holds only _idfunc,
 * the identity function NewType's __call__ is; both versions' _idfunc is C
 * here, a builtin that does not bind as a method, as CPython's.
 *
 * The PEP 695 syntax reaches them through mod_typing312_call, from
 * CALL_INTRINSIC_1/2 (vm/intrinsics.c).
 */
#include "loader/compile.h"
#include "loader/import.h"
#include "modules/modutil.h"
#include "runtime/version.h"
#include "vm/vm.h"

static const char typing_source[] =
#include "typing312.inc"
    ;

/* _idfunc(x) -> x */
static Value typing_idfunc(Value *args, size_t nargs, Value kw)
{
    return rt_arg_one("_typing._idfunc", nargs, kw) ? args[0] : VAL_NULL;
}

static const MethodDef typing_functions[] = {
    {"_idfunc", typing_idfunc},
    {NULL, NULL}
};

Value mod_typing312_init(void)
{
    Value m = mod_module_new("_typing", typing_functions);
    Value dict = VAL_AS(ObjModule, m)->dict;
    if (rt_py_minor >= 12) {        /* the classes, compiled and run here */
        Value code = ld_compile(rt_str_from_cstr(typing_source),
                                rt_str_from_cstr("<pvm: modules/typing312.py>"), "exec", 0, 0);
        if (code == VAL_NULL || vm_exec_code(AS_CODE(code), dict, dict, VAL_NULL) == VAL_NULL)
            return VAL_NULL;
    }
    mod_module_set(m, "__doc__", rt_str_from_cstr(rt_py_minor >= 13
        ? "Primitives and accelerators for the typing module.\n"
        : "Accelerators for the typing module.\n"));
    return m;
}

Value mod_typing312_call(const char *function, Value *args, size_t nargs)
{
    Value module = ld_import_module("_typing");
    Value fn = module != VAL_NULL ? rt_getattr_cstr(module, function) : VAL_NULL;
    return fn != VAL_NULL ? rt_call(fn, args, nargs, VAL_NULL) : VAL_NULL;
}
