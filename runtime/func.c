/*
 * func.c — functions, bound methods, cells and modules.
 *
 * A function is a code object plus the environment it was created in: its
 * globals, defaults, and a tuple of cells for the variables it closes over.
 * Calling one is the eval loop's business (vm_function_call pushes a frame);
 * this file only describes the objects.
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"
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
    /* The docstring is co_consts[0]; a str there is one until 3.14, which
     * says so with CO_HAS_DOCSTRING (a function without one may begin its
     * constants with any str). */
    Value first = rt_tuple_len(code->consts) > 0 ? rt_tuple_get(code->consts, 0) : rt_None;
    if (is_str(first) && (rt_py_minor < 14 || (code->flags & CO_HAS_DOCSTRING)))
        f->doc = first;
    Value module = rt_dict_get_str(globals, RT_NAME("__name__"));
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

/* The TypeError CPython gives for a function attribute set to the wrong
 * type (or deleted, when that is not allowed). */
static int must_be(Value v, ObjType *t, const char *attr, const char *what)
{
    if (v != VAL_NULL && rt_isinstance_of(v, t))
        return 0;
    rt_raisef(&rt_TypeError, "%s must be set to a %s object", attr, what);
    return -1;
}

static Value func_get_code(Value self) { return obj_val(AS_FUNCTION(self)->code); }

/* f.__code__ = c: c must close over as many variables as f has cells. */
static int func_set_code(Value self, Value v)
{
    ObjFunction *f = AS_FUNCTION(self);
    if (must_be(v, &rt_code_type, "__code__", "code") < 0)
        return -1;
    size_t nclosure = f->closure != VAL_NULL ? rt_tuple_len(f->closure) : 0;
    if ((size_t)AS_CODE(v)->nfrees != nclosure) {
        rt_raisef(&rt_ValueError, "%S() requires a code object with %zu free vars, not %d",
                  f->name, nclosure, AS_CODE(v)->nfrees);
        return -1;
    }
    f->code = AS_CODE(v);
    return 0;
}

static Value func_get_name(Value self) { return AS_FUNCTION(self)->name; }
static Value func_get_qualname(Value self) { return AS_FUNCTION(self)->qualname; }

static int func_set_name(Value self, Value v)
{
    if (must_be(v, &rt_str_type, "__name__", "string") < 0)
        return -1;
    AS_FUNCTION(self)->name = v;
    return 0;
}

static int func_set_qualname(Value self, Value v)
{
    if (must_be(v, &rt_str_type, "__qualname__", "string") < 0)
        return -1;
    AS_FUNCTION(self)->qualname = v;
    return 0;
}

static Value func_get_defaults(Value self) { return optional(AS_FUNCTION(self)->defaults); }
static Value func_get_kwdefaults(Value self) { return optional(AS_FUNCTION(self)->kwdefaults); }

/* __defaults__, __kwdefaults__, __annotations__: a tuple (dict), or None
 * or del for none. */
static int set_optional(Value *field, Value v, ObjType *t, const char *attr, const char *what)
{
    if (v == VAL_NULL || v == rt_None) {
        *field = VAL_NULL;
        return 0;
    }
    if (must_be(v, t, attr, what) < 0)
        return -1;
    *field = v;
    return 0;
}

static int func_set_defaults(Value self, Value v)
{
    return set_optional(&AS_FUNCTION(self)->defaults, v, &rt_tuple_type, "__defaults__", "tuple");
}

static int func_set_kwdefaults(Value self, Value v)
{
    return set_optional(&AS_FUNCTION(self)->kwdefaults, v, &rt_dict_type, "__kwdefaults__",
                        "dict");
}

/* 3.14 (PEP 649): annotations are computed when first asked for, by
 * __annotate__(1) (VALUE format), which must return a dict. */
static Value call_annotate(Value annotate)
{
    Value format = small_new(1);
    Value d = rt_call(annotate, &format, 1, VAL_NULL);
    if (d != VAL_NULL && !is_dict(d))
        return rt_raisef(&rt_TypeError, "__annotate__ returned non-dict of type '%s'",
                         val_type(d)->name);
    return d;
}

/* SET_FUNCTION_ATTRIBUTE 16: the function's __annotate__. */
bool rt_func_set_annotate(ObjFunction *f, Value annotate)
{
    f->annotate = annotate;
    return true;
}

/* f.__annotate__ (3.14 only): None when the function has no annotations. */
static Value func_get_annotate(Value self)
{
    return optional(AS_FUNCTION(self)->annotate);
}

static int func_set_annotate(Value self, Value v)
{
    if (v != VAL_NULL && v != rt_None && !rt_callable(v)) {
        rt_raisef(&rt_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    AS_FUNCTION(self)->annotate = v == rt_None ? VAL_NULL : v;
    return 0;
}

/* f.__type_params__ (3.12): a tuple, () unless the def had [T, ...]. */
static Value func_get_type_params(Value self)
{
    Value t = AS_FUNCTION(self)->type_params;
    return t == VAL_NULL ? rt_empty_tuple : t;
}

static int func_set_type_params(Value self, Value v)
{
    if (v == VAL_NULL || !rt_isinstance_of(v, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    AS_FUNCTION(self)->type_params = v;
    return 0;
}

/* MAKE_FUNCTION stores annotations as a flat tuple (name, value, ...);
 * the first read turns it into the dict Python sees (as CPython does). */
static Value func_get_annotations(Value self)
{
    ObjFunction *f = AS_FUNCTION(self);
    if (f->annotations == VAL_NULL && f->annotate != VAL_NULL) {
        Value d = call_annotate(f->annotate);
        if (d == VAL_NULL)
            return VAL_NULL;
        f->annotations = d;
    }
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

static int func_set_annotations(Value self, Value v)
{
    return set_optional(&AS_FUNCTION(self)->annotations, v, &rt_dict_type, "__annotations__",
                        "dict");
}

/* What a function shows besides its instance dict: the fields it is made
 * of (members) and the attributes whose setting is checked (getsets). */
static const MemberDef function_members[] = {
    {"__closure__", offsetof(ObjFunction, closure), RT_MEMBER_VALUE, RT_READONLY},
    {"__doc__", offsetof(ObjFunction, doc), RT_MEMBER_VALUE, RT_WRITABLE},
    {"__globals__", offsetof(ObjFunction, globals), RT_MEMBER_VALUE, RT_READONLY},
    {"__module__", offsetof(ObjFunction, module), RT_MEMBER_VALUE, RT_WRITABLE},
    {"__builtins__", offsetof(ObjFunction, builtins), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const GetSetDef function_getsets[] = {
    {"__code__", func_get_code, func_set_code},
    {"__defaults__", func_get_defaults, func_set_defaults},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults},
    {"__annotations__", func_get_annotations, func_set_annotations},
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {NULL},
};

/* As CPython's _PyEval_BuiltinsFromGlobals: globals['__builtins__'], a
 * module standing for its dict; any other object is kept as it is (name
 * lookups index it, and fail as indexing it fails); the running code's
 * builtins when the globals have none (a function made by
 * types.FunctionType(code, {}) inside exec(..., {'__builtins__': b}) sees
 * b). */
Value rt_builtins_of(Value globals)
{
    Value b = rt_dict_get_cstr(globals, "__builtins__");
    if (b != VAL_NULL && IS_EXACT(b, rt_module_type))
        b = VAL_AS(ObjModule, b)->dict;
    return b != VAL_NULL ? b : vm_builtins();
}

/* types.FunctionType(code, globals, name=None, argdefs=None, closure=None),
 * and from 3.13 kwdefaults=None. */
static Value function_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {
        "code", "globals", "name", "argdefs", "closure", "kwdefaults",
    };
    static const ArgSpec spec311 = { "function", names, 5, 0, 2, 5, false };
    static const ArgSpec spec313 = { "function", names, 6, 0, 2, 6, false };
    Value a[6] = { VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL, VAL_NULL };
    if (!rt_parse_args(rt_py_minor >= 13 ? &spec313 : &spec311, args, nargs, kwnames, a))
        return VAL_NULL;
    Value kwdefaults = optional(a[5]);
    if (kwdefaults != rt_None && !rt_isinstance_of(kwdefaults, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "arg 6 (kwdefaults) must be None or dict");
    if (!is_code(a[0]))
        return rt_raisef(&rt_TypeError, "function() argument 'code' must be code, not %T", a[0]);
    if (!rt_isinstance_of(a[1], &rt_dict_type))
        return rt_raisef(&rt_TypeError, "function() argument 'globals' must be dict, not %T",
                         a[1]);
    Value name = optional(a[2]), defaults = optional(a[3]), closure = optional(a[4]);
    if (name != rt_None && !rt_isinstance_of(name, &rt_str_type))
        return rt_raisef(&rt_TypeError, "arg 3 (name) must be None or string");
    if (defaults != rt_None && !is_tuple(defaults))
        return rt_raisef(&rt_TypeError, "arg 4 (defaults) must be None or tuple");
    ObjCode *code = AS_CODE(a[0]);
    if (code->nfrees > 0 && closure == rt_None)
        return rt_raisef(&rt_TypeError, "arg 5 (closure) must be tuple");
    if (closure != rt_None && !is_tuple(closure))
        return rt_raisef(&rt_TypeError, "arg 5 (closure) must be None or tuple");
    size_t ncells = closure == rt_None ? 0 : rt_tuple_len(closure);
    if ((size_t)code->nfrees != ncells)
        return rt_raisef(&rt_ValueError, "%S requires closure of length %d, not %zu",
                         code->name, code->nfrees, ncells);
    for (size_t i = 0; i < ncells; i++)
        if (!IS_EXACT(rt_tuple_get(closure, i), rt_cell_type))
            return rt_raisef(&rt_TypeError, "arg 5 (closure) expected cell, found %T",
                             rt_tuple_get(closure, i));
    ObjFunction *f = AS_FUNCTION(rt_function_new(code, a[1], code->qualname));
    f->builtins = rt_builtins_of(a[1]);
    if (name != rt_None)
        f->name = name;
    f->defaults = defaults == rt_None ? VAL_NULL : defaults;
    f->closure = ncells > 0 ? closure : VAL_NULL;
    f->kwdefaults = kwdefaults == rt_None ? VAL_NULL : kwdefaults;
    return obj_val(f);
}

ObjType rt_function_type = {
    .ob.type = &rt_type_type, .name = "function",
    .dict_offset = offsetof(ObjFunction, dict),
    .repr = function_repr, .call = vm_function_call, .descr_get = function_descr_get,
    .new_ = function_new, .members = function_members, .getsets = function_getsets,
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
    Value name = rt_lookup_attr(m->func, RT_NAME("__qualname__"));
    if (name == VAL_NULL && !rt_err_occurred())     /* then __name__, then '?' */
        name = rt_lookup_attr(m->func, RT_NAME("__name__"));
    if (name == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (name == VAL_NULL)
        name = rt_str_from_cstr("?");
    return rt_str_format_c("<bound method %S of %R>", name, m->self);
}

/* m.__func__ and m.__self__ are the method's own; every other attribute
 * not on the method type is the function's (m.__name__, m.__doc__). */
static Value method_getattr(Value self, Value name)
{
    Value descr = rt_type_lookup(val_type(self), name);
    if (descr != VAL_NULL) {
        ObjType *dt = val_type(descr);
        return dt->descr_get != NULL ? dt->descr_get(descr, self, obj_val(val_type(self)))
                                     : descr;
    }
    return rt_getattr(VAL_AS(ObjMethod, self)->func, name);
}

static Value method_get_doc(Value self)
{
    return rt_getattr_cstr(VAL_AS(ObjMethod, self)->func, "__doc__");
}

static const MemberDef method_members[] = {
    {"__func__", offsetof(ObjMethod, func), RT_MEMBER_VALUE, RT_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", offsetof(ObjMethod, self), RT_MEMBER_VALUE, RT_READONLY,
     "the instance to which a method is bound"},
    {NULL},
};

static const GetSetDef method_getsets[] = {
    {"__doc__", method_get_doc},
    {NULL},
};

/* types.MethodType(func, obj). */
static Value method_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("method", kwnames) || !rt_arg_range("method", nargs, 2, 2))
        return VAL_NULL;
    if (!rt_callable(args[0]))
        return rt_raisef(&rt_TypeError, "first argument must be callable");
    if (args[1] == rt_None)
        return rt_raisef(&rt_TypeError, "instance must not be None");
    return rt_method_new(args[0], args[1]);
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

/* A bound method pickles as getattr(self, func.__name__). */
static Value method_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjMethod *m = VAL_AS(ObjMethod, args[0]);
    Value name = rt_getattr_cstr(m->func, "__name__");
    if (name == VAL_NULL)
        return VAL_NULL;
    return rt_reduce_builtin("getattr", rt_tuple_pack(2, m->self, name), VAL_NULL);
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_reduce}, {NULL, NULL},
};

ObjType rt_method_type = {
    .ob.type = &rt_type_type, .name = "method",
    .repr = method_repr, .call = method_call, .getattr = method_getattr,
    .richcompare = method_richcompare, .hash = method_hash, .new_ = method_new,
    .members = method_members, .getsets = method_getsets,
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

/* types.CellType([contents]) */
static Value cell_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("cell", kwnames) || !rt_arg_range("cell", nargs, 0, 1))
        return VAL_NULL;
    return rt_cell_new(nargs == 1 ? args[0] : VAL_NULL);
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL},
};

ObjType rt_cell_type = {
    .ob.type = &rt_type_type, .name = "cell", .repr = cell_repr,
    .richcompare = cell_richcompare, .getsets = cell_getsets, .new_ = cell_new,
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

/* importlib's _module_repr, from the module's attributes: <module 'x' from
 * '/path/x.py'>, <module 'sys' (built-in)>, <module 'ns' (loader)>,
 * <module 'x'>; once importlib is there, its own function. */
Value rt_module_repr_func;

static Value module_repr(Value self)
{
    if (rt_module_repr_func != VAL_NULL)
        return rt_call1(rt_module_repr_func, self);
    ObjModule *m = VAL_AS(ObjModule, self);
    Value name = rt_dict_get_cstr(m->dict, "__name__");
    if (name == VAL_NULL)
        name = rt_str_from_cstr("?");
    Value file = rt_dict_get_cstr(m->dict, "__file__");
    if (file != VAL_NULL && file != rt_None)
        return rt_str_format_c("<module %R from %R>", name, file);
    if (m->builtin)
        return rt_str_format_c("<module %R (built-in)>", name);
    /* No file (a namespace package): importlib names the loader. */
    Value loader = rt_dict_get_cstr(m->dict, "__loader__");
    if (loader != VAL_NULL && loader != rt_None)
        return rt_str_format_c("<module %R (%R)>", name, loader);
    return rt_str_format_c("<module %R>", name);
}

/* m.name: the module's globals first (the common case, math.sqrt), then
 * the module type's attributes (__dict__, __class__, methods of a
 * ModuleType subclass); failing both, the module's own __getattr__
 * (PEP 562) decides. */
/* Is m's body still running?  pvm's import marks the module itself;
 * importlib's (once a program replaced the finders) its __spec__'s
 * `_initializing`, which CPython reads. */
static bool module_initializing(ObjModule *m)
{
    if (m->initializing)
        return true;
    Value spec = rt_dict_get_cstr(m->dict, "__spec__");
    if (spec == VAL_NULL || spec == rt_None)
        return false;
    Value busy = rt_lookup_attr(spec, RT_NAME("_initializing"));
    int truth = busy != VAL_NULL ? rt_truthy(busy) : 0;
    rt_err_clear();
    return truth > 0;
}

/* ---- 3.13+: a module that may shadow another -------------------------------
 * CPython 3.13 names the file of a module missing an attribute when that
 * file sits in the directory of the first sys.path entry (the script's, so
 * it may hide a library of the same name), and says so more strongly when
 * the name is a standard library module's (Objects/moduleobject.c,
 * _PyModule_IsPossiblyShadowing). */
static Value shadow_path0 = VAL_NULL, shadow_sys = VAL_NULL;

void rt_module_set_shadow_check(Value path0, Value sys)
{
    shadow_path0 = path0;
    shadow_sys = sys;
}

/* The file a module was loaded from: __spec__.origin when the spec has a
 * location (VAL_NULL: none).  The modules pvm's own import made before
 * importlib was imported have no spec (loader/import.c): their __file__. */
static Value spec_file_origin(ObjModule *m)
{
    Value spec = rt_dict_get_cstr(m->dict, "__spec__");
    if (spec == rt_None && !m->builtin) {
        Value file = rt_dict_get_cstr(m->dict, "__file__");
        return file != VAL_NULL && rt_is_str(file) ? file : VAL_NULL;
    }
    if (spec == VAL_NULL || spec == rt_None)
        return VAL_NULL;
    Value has = rt_lookup_attr(spec, RT_NAME("has_location"));
    Value origin = has != VAL_NULL && rt_truthy(has) > 0
        ? rt_lookup_attr(spec, RT_NAME("origin")) : VAL_NULL;
    rt_err_clear();
    return origin != VAL_NULL && rt_isinstance_of(origin, &rt_str_type) ? origin : VAL_NULL;
}

/* Is origin's directory (a package's: the one above) the first sys.path
 * entry? */
static bool possibly_shadowing(Value origin)
{
    if (origin == VAL_NULL || shadow_path0 == VAL_NULL || !rt_is_str(shadow_path0))
        return false;
    char *root = gc_strdup(rt_str_cstr(origin)), *sep = strrchr(root, '/');
    if (sep != NULL && strcmp(sep + 1, "__init__.py") == 0) {
        *sep = '\0';
        sep = strrchr(root, '/');
    }
    if (sep == NULL)
        return false;
    *sep = '\0';
    const char *first = rt_str_cstr(shadow_path0);
    char cwd[PATH_MAX];
    if (first[0] == '\0' && (first = getcwd(cwd, sizeof cwd)) == NULL)
        return false;
    return strcmp(first, root) == 0;
}

static bool is_stdlib_name(Value name)
{
    Value names = shadow_sys != VAL_NULL
        ? rt_dict_get_cstr(VAL_AS(ObjModule, shadow_sys)->dict, "stdlib_module_names") : VAL_NULL;
    return names != VAL_NULL && rt_is_anyset(names) && rt_contains(names, name) > 0;
}

/* 3.13+'s AttributeError for m.name, m's name a str. */
static Value missing_attribute_313(ObjModule *m, Value mod_name, Value name)
{
    Value origin = spec_file_origin(m);
    bool shadowing = possibly_shadowing(origin);
    if (shadowing && is_stdlib_name(mod_name))
        return rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S' (consider "
                         "renaming '%S' since it has the same name as the standard library "
                         "module named '%S' and %s)", mod_name, name, origin, mod_name,
                         rt_py_minor == 13 ? "the import system gives it precedence"
                         : "prevents importing that standard library module");
    if (!module_initializing(m))
        return rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S'", mod_name, name);
    if (shadowing)
        return rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S' (consider "
                         "renaming '%S' if it has the same name as a %s you intended to "
                         "import)", mod_name, name, origin,
                         rt_py_minor == 13 ? "third-party module" : "library");
    if (origin != VAL_NULL)
        return rt_raisef(&rt_AttributeError, "partially initialized module '%S' from '%S' has "
                         "no attribute '%S' (most likely due to a circular import)",
                         mod_name, origin, name);
    return rt_raisef(&rt_AttributeError, "partially initialized module '%S' has no attribute "
                     "'%S' (most likely due to a circular import)", mod_name, name);
}

static Value module_getattr(Value self, Value name)
{
    ObjModule *m = VAL_AS(ObjModule, self);
    Value v;
    if (IS_EXACT(self, rt_module_type)) {
        v = rt_dict_get_str(m->dict, name);
        if (v != VAL_NULL)
            return v;
        v = rt_type_lookup(&rt_module_type, name);
        if (v != VAL_NULL)
            return val_type(v)->descr_get != NULL
                ? val_type(v)->descr_get(v, self, obj_val(&rt_module_type)) : v;
    } else {
        v = rt_generic_getattr(self, name);
        if (v != VAL_NULL || !rt_err_matches(&rt_AttributeError))
            return v;
        rt_err_clear();
    }
    if (m->lazy != NULL && is_str(name)) {
        v = m->lazy(self, name);
        if (v != VAL_NULL || rt_err_occurred())
            return v;
    }
    static Value getattr_name;
    if (getattr_name == VAL_NULL)
        getattr_name = rt_str_intern_cstr("__getattr__");
    Value hook = rt_dict_get_str(m->dict, getattr_name);
    if (hook != VAL_NULL)
        return rt_call1(hook, name);
    Value mod_name = rt_dict_get_cstr(m->dict, "__name__");
    if (mod_name == VAL_NULL || !rt_isinstance_of(mod_name, &rt_str_type))
        return rt_raisef(&rt_AttributeError, "module has no attribute '%S'", name);
    if (rt_py_minor >= 13)
        return missing_attribute_313(m, mod_name, name);
    if (module_initializing(m))
        return rt_raisef(&rt_AttributeError, "partially initialized module '%S' has no attribute "
                         "'%S' (most likely due to a circular import)", mod_name, name);
    return rt_raisef(&rt_AttributeError, "module '%S' has no attribute '%S'", mod_name, name);
}

/* m.__annotations__: the dict the module body's annotations went into,
 * made on first need: from 3.14 by calling the module's __annotate__(1)
 * when it has one, else empty. */
static Value module_get_annotations(Value self)
{
    Value dict = VAL_AS(ObjModule, self)->dict;
    Value a = rt_dict_get_cstr(dict, "__annotations__");
    if (a == VAL_NULL) {
        Value annotate = rt_py_minor >= 14 ? rt_dict_get_cstr(dict, "__annotate__") : VAL_NULL;
        a = annotate != VAL_NULL && rt_callable(annotate) ? call_annotate(annotate)
                                                          : rt_dict_new();
        if (a == VAL_NULL)
            return VAL_NULL;
        rt_dict_set_cstr(dict, "__annotations__", a);
    }
    return a;
}

/* m.__annotate__ (3.14): the module's annotate function, None (then kept
 * in the module's dict) when it has none. */
static Value module_get_annotate(Value self)
{
    Value dict = VAL_AS(ObjModule, self)->dict;
    Value annotate = rt_dict_get_cstr(dict, "__annotate__");
    if (annotate == VAL_NULL) {
        annotate = rt_None;
        rt_dict_set_cstr(dict, "__annotate__", annotate);
    }
    return annotate;
}

/* Setting a callable drops the annotations it would have computed. */
static int module_set_annotate(Value self, Value v)
{
    Value dict = VAL_AS(ObjModule, self)->dict;
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "cannot delete __annotate__ attribute");
        return -1;
    }
    if (v != rt_None && !rt_callable(v)) {
        rt_raisef(&rt_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    if (!rt_dict_set(dict, RT_NAME("__annotate__"), v))
        return -1;
    return v == rt_None || rt_dict_del(dict, RT_NAME("__annotations__")) >= 0 ? 0 : -1;
}

static int module_set_annotations(Value self, Value v)
{
    Value dict = VAL_AS(ObjModule, self)->dict;
    if (v != VAL_NULL)
        return rt_dict_set(dict, RT_NAME("__annotations__"), v) ? 0 : -1;
    int r = rt_dict_del(dict, RT_NAME("__annotations__"));
    if (r == 0)
        rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, rt_str_from_cstr("__annotations__")));
    return r > 0 ? 0 : -1;
}

static const MemberDef module_members[] = {
    {"__dict__", offsetof(ObjModule, dict), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const GetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations},
    {NULL},
};

/* m.name = v: a data descriptor of the module type (__dict__ is read-only,
 * a property of a ModuleType subclass) decides; otherwise the globals. */
static int module_setattr(Value self, Value name, Value v)
{
    ObjModule *m = VAL_AS(ObjModule, self);
    Value descr = rt_type_lookup(val_type(self), name);
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
    .members = module_members, .getsets = module_getsets,
};

void rt_func_init(void)
{
    rt_type_ready(&rt_function_type, NULL);
    /* the getsets of later versions' functions */
    static const GetSetDef type_params = { "__type_params__", func_get_type_params,
                                           func_set_type_params };
    static const GetSetDef annotate = { "__annotate__", func_get_annotate, func_set_annotate };
    if (rt_py_minor >= 12)
        rt_type_set(&rt_function_type, "__type_params__",
                    rt_getset_new(&type_params, &rt_function_type));
    if (rt_py_minor >= 14)
        rt_type_set(&rt_function_type, "__annotate__", rt_getset_new(&annotate, &rt_function_type));
    rt_type_ready(&rt_method_type, method_methods);
    rt_type_ready(&rt_cell_type, NULL);
    rt_type_ready(&rt_module_type, module_methods);
    static const GetSetDef module_annotate = { "__annotate__", module_get_annotate,
                                               module_set_annotate };
    if (rt_py_minor >= 14)
        rt_type_set(&rt_module_type, "__annotate__",
                    rt_getset_new(&module_annotate, &rt_module_type));
    rt_namespace_init();
}
