/*
 * func.h — code objects, functions, bound methods, cells, modules.
 */
#ifndef PVM_FUNC_H
#define PVM_FUNC_H

#include "object.h"

/* A code object with its fields filled by the loader; rt_code_init then
 * derives the fields the eval loop uses (instrs, counts of cells/frees). */
ObjCode *rt_code_alloc(void);
void rt_code_init(ObjCode *code);
/* The source line of the instruction at code-unit index `lasti`, from the
 * 3.11 location table; -1 when the instruction has no line. */
int rt_code_line(const ObjCode *code, int lasti);

Value rt_function_new(ObjCode *code, Value globals, Value qualname);
/* The builtins that code run with these globals sees: globals['__builtins__']
 * (a module's dict for a module; any other object as it is), else pvm's. */
Value rt_builtins_of(Value globals);
/* SET_FUNCTION_ATTRIBUTE 16 (3.14): the function's __annotate__. */
bool rt_func_set_annotate(ObjFunction *f, Value annotate);
Value rt_method_new(Value func, Value self);
Value rt_cell_new(Value v);
Value rt_module_new(Value name);                    /* fresh dict with __name__ */
/* importlib's _bootstrap._module_repr once importlib is set up
 * (loader/import.c): module reprs are then importlib's, as in CPython. */
extern Value rt_module_repr_func;
/* What 3.13+'s message for a missing module attribute compares a module's
 * file with: the first sys.path entry made at start-up (the script's
 * directory; "" for -c: the current one; VAL_NULL under -P or -I) and the
 * sys module (its stdlib_module_names).  Set by modules/sys.c. */
void rt_module_set_shadow_check(Value path0, Value sys);

/* types.SimpleNamespace (namespace.c): a namespace over `dict`. */
extern ObjType rt_namespace_type;
Value rt_namespace_new(Value dict);
void rt_namespace_init(void);

void rt_func_init(void);

#endif
