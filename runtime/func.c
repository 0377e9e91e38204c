/*
 * func.c — functions, bound methods, cells and modules.
 *
 * A function is a code object plus the environment it was created in: its
 * globals, defaults, and a tuple of cells for the variables it closes over.
 * Calling one is the eval loop's business (vm_function_call pushes a frame);
 * this file only describes the objects.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "vm/vm.h"

/* ---- functions ----------------------------------------------------------- */

Value rt_function_new(ObjCode *code, Value globals, Value qualname)
{
    ObjFunction *f = gc_alloc(sizeof *f);
    f->ob.type = &rt_function_type;
    f->code = code;
    f->globals = globals;
    f->builtins = rt_builtins_dict;
    f->name = code->name;
    f->qualname = qualname;
    f->doc = rt_None;
    Value first = rt_tuple_len(code->consts) > 0 ? rt_tuple_get(code->consts, 0) : rt_None;
    if (is_str(first))
        f->doc = first;          /* 3.11 keeps the docstring as co_consts[0] */
    Value module = rt_dict_get_cstr(globals, "__name__");
    f->module = module != VAL_NULL ? module : rt_None;
    return obj_val(f);
}

static Value function_repr(Value self)
{
    return rt_str_format_c("<function %S at %p>", AS_FUNCTION(self)->qualname,
                           (void *)self);
}

/* Reading a function off an instance makes a bound method. */
static Value function_descr_get(Value descr, Value obj, Value type)
{
    if (obj == VAL_NULL || obj == rt_None)
        return descr;
    return rt_method_new(descr, obj);
}

static Value optional(Value v)
{
    return v == VAL_NULL ? rt_None : v;
}

/* MAKE_FUNCTION stores annotations as a flat tuple (name, value, ...);
 * the first read turns it into the dict Python sees (as CPython does). */
static Value function_annotations(ObjFunction *f)
{
    if (f->annotations == VAL_NULL)
        f->annotations = rt_dict_new();
    else if (is_tuple(f->annotations)) {
        Value d = rt_dict_new();
        for (size_t i = 0; i + 1 < rt_tuple_len(f->annotations); i += 2)
            if (!rt_dict_set(d, rt_tuple_get(f->annotations, i),
                             rt_tuple_get(f->annotations, i + 1)))
                return VAL_NULL;
        f->annotations = d;
    }
    return f->annotations;
}

/* The TypeError CPython gives for a dunder set to the wrong type. */
static int must_be(Value v, ObjType *t, bool none_ok, const char *attr, const char *what)
{
    if ((none_ok && v == rt_None) || rt_isinstance_of(v, t))
        return 0;
    rt_raisef(&rt_TypeError, "%s must be set to a %s object", attr, what);
    return -1;
}

static Value function_getattr(Value self, Value name)
{
    ObjFunction *f = AS_FUNCTION(self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__name__") == 0) return f->name;
    if (strcmp(s, "__qualname__") == 0) return f->qualname;
    if (strcmp(s, "__doc__") == 0) return f->doc;
    if (strcmp(s, "__module__") == 0) return f->module;
    if (strcmp(s, "__code__") == 0) return obj_val(f->code);
    if (strcmp(s, "__globals__") == 0) return f->globals;
    if (strcmp(s, "__defaults__") == 0) return optional(f->defaults);
    if (strcmp(s, "__kwdefaults__") == 0) return optional(f->kwdefaults);
    if (strcmp(s, "__closure__") == 0) return optional(f->closure);
    if (strcmp(s, "__annotations__") == 0)
        return function_annotations(f);
    if (strcmp(s, "__dict__") == 0) {
        if (f->dict == VAL_NULL)
            f->dict = rt_dict_new();
        return f->dict;
    }
    return rt_generic_getattr(self, name);
}

static int function_setattr(Value self, Value name, Value v)
{
    ObjFunction *f = AS_FUNCTION(self);
    const char *s = rt_str_cstr(name);
    if (v == VAL_NULL && (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0 ||
                          strcmp(s, "__code__") == 0)) {
        rt_raisef(&rt_TypeError, "%s must be set to a %s object", s,
                  s[2] == 'c' ? "code" : "string");
        return -1;
    }
    if (strcmp(s, "__name__") == 0) {
        if (must_be(v, &rt_str_type, false, "__name__", "string") < 0)
            return -1;
        f->name = v;
        return 0;
    }
    if (strcmp(s, "__qualname__") == 0) {
        if (must_be(v, &rt_str_type, false, "__qualname__", "string") < 0)
            return -1;
        f->qualname = v;
        return 0;
    }
    if (strcmp(s, "__code__") == 0) {
        if (must_be(v, &rt_code_type, false, "__code__", "code") < 0)
            return -1;
        f->code = AS_CODE(v);
        return 0;
    }
    if (strcmp(s, "__doc__") == 0) { f->doc = optional(v); return 0; }
    if (strcmp(s, "__defaults__") == 0) {
        if (v != VAL_NULL && must_be(v, &rt_tuple_type, true, "__defaults__", "tuple") < 0)
            return -1;
        f->defaults = v == rt_None || v == VAL_NULL ? VAL_NULL : v;
        return 0;
    }
    if (strcmp(s, "__kwdefaults__") == 0) {
        if (v != VAL_NULL && must_be(v, &rt_dict_type, true, "__kwdefaults__", "dict") < 0)
            return -1;
        f->kwdefaults = v == rt_None || v == VAL_NULL ? VAL_NULL : v;
        return 0;
    }
    if (strcmp(s, "__annotations__") == 0) {
        if (v != VAL_NULL && must_be(v, &rt_dict_type, true, "__annotations__", "dict") < 0)
            return -1;
        f->annotations = v == rt_None ? VAL_NULL : v;
        return 0;
    }
    return rt_generic_setattr(self, name, v);
}

ObjType rt_function_type = {
    .ob.type = &rt_type_type, .name = "function",
    .dict_offset = offsetof(ObjFunction, dict),
    .repr = function_repr, .call = vm_function_call, .descr_get = function_descr_get,
    .getattr = function_getattr, .setattr = function_setattr,
};

/* ---- bound methods ----------------------------------------------------------- */

Value rt_method_new(Value func, Value self)
{
    ObjMethod *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_method_type;
    m->func = func;
    m->self = self;
    return obj_val(m);
}

static Value method_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjMethod *m = VAL_AS(ObjMethod, callable);
    Value small[8];
    Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = m->self;
    memcpy(all + 1, args, nargs * sizeof(Value));
    return rt_call(m->func, all, nargs + 1, kwnames);
}

static Value method_repr(Value self)
{
    ObjMethod *m = VAL_AS(ObjMethod, self);
    Value name = rt_lookup_attr(m->func, rt_str_intern_cstr("__qualname__"));
    if (name == VAL_NULL)
        name = rt_str_from_cstr("?");
    return rt_str_format_c("<bound method %S of %R>", name, m->self);
}

static Value method_getattr(Value self, Value name)
{
    ObjMethod *m = VAL_AS(ObjMethod, self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "__self__") == 0) return m->self;
    if (strcmp(s, "__func__") == 0) return m->func;
    return rt_getattr(m->func, name);
}

static Value method_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_EXACT(b, rt_method_type))
        return rt_NotImplemented;
    ObjMethod *x = VAL_AS(ObjMethod, a), *y = VAL_AS(ObjMethod, b);
    bool eq = x->func == y->func && x->self == y->self;
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

static intptr_t method_hash(Value self)
{
    ObjMethod *m = VAL_AS(ObjMethod, self);
    intptr_t h = (intptr_t)(((uintptr_t)m->func >> 4) ^ ((uintptr_t)m->self >> 4));
    return h == -1 ? -2 : h;
}

ObjType rt_method_type = {
    .ob.type = &rt_type_type, .name = "method",
    .repr = method_repr, .call = method_call, .getattr = method_getattr,
    .richcompare = method_richcompare, .hash = method_hash,
};

/* ---- cells ------------------------------------------------------------------- */

Value rt_cell_new(Value v)
{
    ObjCell *c = gc_alloc(sizeof *c);
    c->ob.type = &rt_cell_type;
    c->ref = v;
    return obj_val(c);
}

static Value cell_repr(Value self)
{
    ObjCell *c = VAL_AS(ObjCell, self);
    if (c->ref == VAL_NULL)
        return rt_str_format_c("<cell at %p: empty>", (void *)self);
    return rt_str_format_c("<cell at %p: %s object at %p>", (void *)self,
                           val_type(c->ref)->name, (void *)c->ref);
}

/* cell.cell_contents: ValueError "Cell is empty" until set. */
static Value cell_get_contents(Value self)
{
    ObjCell *c = VAL_AS(ObjCell, self);
    return c->ref != VAL_NULL ? c->ref : rt_raisef(&rt_ValueError, "Cell is empty");
}

static int cell_set_contents(Value self, Value v)
{
    VAL_AS(ObjCell, self)->ref = v;             /* del: empty again */
    return 0;
}

/* Cells compare by contents (an empty cell is smallest), as CPython's do. */
static Value cell_richcompare(Value a, Value b, int op)
{
    if (val_type(a) != &rt_cell_type || val_type(b) != &rt_cell_type)
        return rt_NotImplemented;
    Value x = VAL_AS(ObjCell, a)->ref, y = VAL_AS(ObjCell, b)->ref;
    if (x != VAL_NULL && y != VAL_NULL)
        return rt_richcompare(x, y, op);
    int c = (x != VAL_NULL) - (y != VAL_NULL);
    return rt_bool(rt_cmp_holds(c, op));
}

ObjType rt_cell_type = {
    .ob.type = &rt_type_type, .name = "cell", .repr = cell_repr,
    .richcompare = cell_richcompare,
};

/* ---- modules ----------------------------------------------------------------- */

Value rt_module_new(Value name)
{
    ObjModule *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_module_type;
    m->name = name;
    m->dict = rt_dict_new();
    rt_dict_set_cstr(m->dict, "__name__", name);
    rt_dict_set_cstr(m->dict, "__doc__", rt_None);
    return obj_val(m);
}

/* importlib's _module_repr with pvm's modules, which have no __spec__:
 * <module 'x' from '/path/x.py'>, <module 'sys' (built-in)>, <module 'x'>. */
static Value module_repr(Value self)
{
    ObjModule *m = VAL_AS(ObjModule, self);
    Value name = rt_dict_get_cstr(m->dict, "__name__");
    if (name == VAL_NULL)
        name = rt_str_from_cstr("?");
    Value file = rt_dict_get_cstr(m->dict, "__file__");
    if (file != VAL_NULL)
        return rt_str_format_c("<module %R from %R>", name, file);
    if (m->builtin)
        return rt_str_format_c("<module %R (built-in)>", name);
    return rt_str_format_c("<module %R>", name);
}

/* A plain module's attributes are its dict's (looked up first: they are
 * what `math.pi` means); a subclass of module reads them with the
 * generic lookup, so its methods and properties work. */
static Value module_getattr(Value self, Value name)
{
    ObjModule *m = VAL_AS(ObjModule, self);
    Value v;
    if (val_type(self) == &rt_module_type && (v = rt_dict_get_str(m->dict, name)) != VAL_NULL)
        return v;
    v = rt_generic_getattr(self, name);         /* __class__, __dict__, methods */
    if (v != VAL_NULL || !rt_err_matches(&rt_AttributeError))
        return v;
    rt_err_clear();
    Value hook = rt_dict_get_cstr(m->dict, "__getattr__");      /* PEP 562 */
    if (hook != VAL_NULL)
        return rt_call1(hook, name);
    Value mod_name = rt_dict_get_cstr(m->dict, "__name__");
    if (mod_name == VAL_NULL || !rt_isinstance_of(mod_name, &rt_str_type))
        return rt_raisef(&rt_AttributeError, "module has no attribute '%S'", name);
    return rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S'", mod_name, name);
}

static int module_setattr(Value self, Value name, Value v)
{
    ObjModule *m = VAL_AS(ObjModule, self);
    Value descr = rt_type_lookup(val_type(self), name);      /* __class__, properties */
    if (descr != VAL_NULL && val_type(descr)->descr_set != NULL)
        return val_type(descr)->descr_set(descr, self, v);
    if (v != VAL_NULL)
        return rt_dict_set(m->dict, name, v) ? 0 : -1;
    int r = rt_dict_del(m->dict, name);
    if (r == 0) {
        rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S'", m->name, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

/* module.__init__(name, doc=None): the attributes every module has. */
static bool module_fill(Value self, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "name", "doc" };
    static const ArgSpec spec = { "module", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return false;
    if (!rt_isinstance_of(a[0], &rt_str_type)) {
        rt_raisef(&rt_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
        return false;
    }
    ObjModule *m = VAL_AS(ObjModule, self);
    m->name = a[0];
    rt_dict_set_cstr(m->dict, "__name__", a[0]);
    rt_dict_set_cstr(m->dict, "__doc__", a[1] != VAL_NULL ? a[1] : rt_None);
    rt_dict_set_cstr(m->dict, "__package__", rt_None);
    rt_dict_set_cstr(m->dict, "__loader__", rt_None);
    rt_dict_set_cstr(m->dict, "__spec__", rt_None);
    return true;
}

/* types.ModuleType.__new__ makes a module with an empty dict (and no
 * name); module.__init__ (TF_SPLIT_INIT) fills it. */
static Value module_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    ObjModule *m = rt_alloc_instance(type, sizeof(ObjModule));
    m->name = rt_str_from_cstr("?");
    m->dict = rt_dict_new();
    return obj_val(m);
}

static Value module_init(Value *args, size_t nargs, Value kwnames)
{
    return module_fill(args[0], args + 1, nargs - 1, kwnames) ? rt_None : VAL_NULL;
}

static const MethodDef module_methods[] = {
    {"__init__", module_init}, {NULL, NULL},
};

ObjType rt_module_type = {
    .ob.type = &rt_type_type, .name = "module", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .repr = module_repr, .getattr = module_getattr, .setattr = module_setattr,
    .new_ = module_new, .dict_offset = offsetof(ObjModule, dict),
};

void rt_func_init(void)
{
    rt_type_ready(&rt_function_type, NULL);
    rt_type_ready(&rt_method_type, NULL);
    rt_type_ready(&rt_cell_type, NULL);
    rt_type_set(&rt_cell_type, "cell_contents", rt_getset_new("cell_contents", &rt_cell_type,
                                                              cell_get_contents,
                                                              cell_set_contents));
    rt_type_ready(&rt_module_type, module_methods);
}
