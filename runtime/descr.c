/*
 * descr.c — descriptors: objects that live in a class's dict and decide
 * what reading (and writing) the attribute on an instance means.
 *
 * The protocol (CPython's Objects/descrobject.c and funcobject.c): when
 * `obj.name` finds `d` on type(obj)'s MRO and type(d) has a descr_get slot,
 * the result is descr_get(d, obj, type(obj)); on the class itself
 * (`C.name`) obj is VAL_NULL.  A descriptor whose type also has descr_set
 * is a *data* descriptor: it wins over the instance dict, for reading and
 * for writing (rt_generic_getattr / rt_generic_setattr in object.c).
 *
 *   property        data descriptor calling fget / fset / fdel
 *   classmethod     binds the function to the class
 *   staticmethod    unwraps to the plain function
 *   member          one __slots__ entry: a Value stored inside the instance
 *   getset          a computed attribute written in C (__class__, __dict__)
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"

static bool name_is(Value name, const char *s)
{
    return strcmp(rt_str_cstr(name), s) == 0;
}

static Value or_none(Value v)
{
    return v == VAL_NULL ? rt_None : v;
}

/* ---- property ------------------------------------------------------------ */

typedef struct ObjProperty {
    Object ob;
    Value fget, fset, fdel;     /* callables or rt_None */
    Value doc;
    Value name;                 /* set by __set_name__, or VAL_NULL */
    bool doc_from_getter;       /* doc was copied from fget.__doc__ */
} ObjProperty;

#define AS_PROPERTY(v) VAL_AS(ObjProperty, v)

/* Set the four fields (property.__init__).  Without a doc the getter's
 * is used, remembered as such so that @x.setter copies take the new
 * getter's; an instance of a subclass keeps that one in its own dict,
 * where the subclass's __doc__ does not shadow it (CPython 3.11's
 * property_init). */
static bool property_fill(Value self, Value fget, Value fset, Value fdel, Value doc)
{
    ObjProperty *p = AS_PROPERTY(self);
    p->fget = or_none(fget);
    p->fset = or_none(fset);
    p->fdel = or_none(fdel);
    p->doc = or_none(doc);
    p->doc_from_getter = false;
    if (p->doc != rt_None || p->fget == rt_None)
        return true;
    Value d = rt_lookup_attr(p->fget, rt_str_intern_cstr("__doc__"));
    if (d == VAL_NULL)
        return !rt_err_occurred();
    p->doc_from_getter = true;
    if (val_type(self) == &rt_property_type) {
        p->doc = d;
        return true;
    }
    return rt_setattr(self, rt_str_intern_cstr("__doc__"), d) == 0;
}

static const char *const property_params[] = { "fget", "fset", "fdel", "doc" };

static bool property_parse(Value self, Value *args, size_t nargs, Value kwnames)
{
    static const ArgSpec spec = { "property", property_params, 4, 0, 0, 4, false };
    Value a[4];
    return rt_parse_args(&spec, args, nargs, kwnames, a) &&
           property_fill(self, a[0], a[1], a[2], a[3]);
}

/* property.__new__ allocates; property.__init__ (TF_SPLIT_INIT) fills. */
static Value property_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    ObjProperty *p = rt_alloc_instance(type, sizeof *p);
    p->fget = p->fset = p->fdel = p->doc = rt_None;
    return obj_val(p);
}

static Value property_init(Value *args, size_t nargs, Value kwnames)
{
    return property_parse(args[0], args + 1, nargs - 1, kwnames) ? rt_None : VAL_NULL;
}

/* "property 'x' of 'P' object has no setter" (the name only when known). */
static Value property_error(ObjProperty *p, Value obj, const char *what)
{
    if (p->name != VAL_NULL)
        return rt_raisef(&rt_AttributeError, "property %R of '%s' object has no %s",
                         p->name, val_type(obj)->name, what);
    return rt_raisef(&rt_AttributeError, "property of '%s' object has no %s",
                     val_type(obj)->name, what);
}

static Value property_get(Value self, Value obj, Value type)
{
    ObjProperty *p = AS_PROPERTY(self);
    if (obj == VAL_NULL || obj == rt_None)
        return self;
    if (p->fget == rt_None)
        return property_error(p, obj, "getter");
    return rt_call1(p->fget, obj);
}

static int property_set(Value self, Value obj, Value v)
{
    ObjProperty *p = AS_PROPERTY(self);
    Value f = v == VAL_NULL ? p->fdel : p->fset;
    if (f == rt_None) {
        property_error(p, obj, v == VAL_NULL ? "deleter" : "setter");
        return -1;
    }
    Value r = v == VAL_NULL ? rt_call1(f, obj) : rt_call2(f, obj, v);
    return r == VAL_NULL ? -1 : 0;
}

/* getter/setter/deleter: a copy with one function replaced (the decorator
 * form `@x.setter`), made by calling type(self) so a subclass stays one.
 * A doc taken from the old getter follows the new one. */
static Value property_copy(Value *args, size_t nargs, Value kwnames, int which,
                           const char *fname)
{
    if (!rt_arg_one(fname, nargs - 1, kwnames))
        return VAL_NULL;
    ObjProperty *p = AS_PROPERTY(args[0]);
    Value f[4] = { p->fget, p->fset, p->fdel, VAL_NULL };
    f[which] = args[1];
    f[3] = p->doc_from_getter && f[0] != rt_None ? rt_None : p->doc;
    Value copy = rt_call(obj_val(val_type(args[0])), f, 4, VAL_NULL);
    if (copy != VAL_NULL && rt_isinstance_of(copy, &rt_property_type))
        AS_PROPERTY(copy)->name = p->name;
    return copy;
}

static Value property_getter(Value *args, size_t nargs, Value kw)
{
    return property_copy(args, nargs, kw, 0, "property.getter");
}

static Value property_setter(Value *args, size_t nargs, Value kw)
{
    return property_copy(args, nargs, kw, 1, "property.setter");
}

static Value property_deleter(Value *args, size_t nargs, Value kw)
{
    return property_copy(args, nargs, kw, 2, "property.deleter");
}

static Value property_set_name(Value *args, size_t nargs, Value kw)
{
    if (nargs - 1 != 2 || rt_nkwargs(kw) > 0)
        return rt_raisef(&rt_TypeError, "__set_name__() takes 2 positional arguments but %zu "
                         "were given", nargs - 1);
    AS_PROPERTY(args[0])->name = args[2];
    return rt_None;
}

/* Is f abstract (f.__isabstractmethod__ true)?  1/0, -1 on error. */
static int is_abstract(Value f)
{
    Value v = rt_lookup_attr(f, rt_str_intern_cstr("__isabstractmethod__"));
    if (v == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    return rt_truthy(v);
}

static Value property_fget(Value self) { return AS_PROPERTY(self)->fget; }
static Value property_fset(Value self) { return AS_PROPERTY(self)->fset; }
static Value property_fdel(Value self) { return AS_PROPERTY(self)->fdel; }
static Value property_doc(Value self) { return AS_PROPERTY(self)->doc; }

static int property_set_doc(Value self, Value v)
{
    AS_PROPERTY(self)->doc = or_none(v);
    return 0;
}

/* A property is abstract when one of its functions is (abc.abstractmethod). */
static Value property_isabstract(Value self)
{
    ObjProperty *p = AS_PROPERTY(self);
    Value fs[3] = { p->fget, p->fset, p->fdel };
    for (int i = 0; i < 3; i++) {
        int r = is_abstract(fs[i]);
        if (r != 0)
            return r < 0 ? VAL_NULL : rt_True;
    }
    return rt_False;
}

static const MethodDef property_methods[] = {
    {"getter", property_getter}, {"setter", property_setter},
    {"deleter", property_deleter}, {"__set_name__", property_set_name},
    {"__init__", property_init}, {NULL, NULL},
};

ObjType rt_property_type = {
    .ob.type = &rt_type_type, .name = "property", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .instance_size = sizeof(ObjProperty),
    .descr_get = property_get, .descr_set = property_set, .new_ = property_new,
};

/* ---- classmethod and staticmethod ---------------------------------------- */

typedef struct ObjFuncWrapper {
    Object ob;
    Value func;
} ObjFuncWrapper;

static Value wrap_func(ObjType *type, Value func)
{
    ObjFuncWrapper *w = rt_alloc_instance(type, sizeof *w);
    w->func = func;
    return obj_val(w);
}

Value rt_classmethod_new(Value func) { return wrap_func(&rt_classmethod_type, func); }
Value rt_staticmethod_new(Value func) { return wrap_func(&rt_staticmethod_type, func); }

static Value classmethod_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw(type->name, kwnames) || !rt_arg_range(type->name, nargs, 1, 1))
        return VAL_NULL;
    return wrap_func(type, args[0]);
}

/* C.f and C().f both give f bound to the class. */
static Value classmethod_get(Value self, Value obj, Value type)
{
    if (type == VAL_NULL || type == rt_None)
        type = obj_val(val_type(obj));
    Value func = VAL_AS(ObjFuncWrapper, self)->func;
    ObjType *ft = val_type(func);
    /* Chained, as CPython 3.9-3.12: classmethod(property(f)).  (pvm's
     * builtins bind through descr_get too; CPython's have no __get__.) */
    if (ft->descr_get != NULL && !is_function(func) && ft != &rt_builtin_type)
        return ft->descr_get(func, type, type);
    return rt_method_new(func, type);
}

static Value staticmethod_get(Value self, Value obj, Value type)
{
    return VAL_AS(ObjFuncWrapper, self)->func;
}

/* Since 3.10 a staticmethod is callable like its function. */
static Value staticmethod_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    return rt_call(VAL_AS(ObjFuncWrapper, self)->func, args, nargs, kwnames);
}

static Value funcwrapper_repr(Value self)
{
    return rt_str_format_c("<%s(%R)>", val_type(self)->name, VAL_AS(ObjFuncWrapper, self)->func);
}

/* __func__, and the wrapped function's name and doc (functools-style). */
static Value funcwrapper_getattr(Value self, Value name)
{
    Value func = VAL_AS(ObjFuncWrapper, self)->func;
    if (name_is(name, "__func__") || name_is(name, "__wrapped__"))
        return func;
    if (name_is(name, "__isabstractmethod__")) {
        int r = is_abstract(func);
        return r < 0 ? VAL_NULL : rt_bool(r);
    }
    if (name_is(name, "__name__") || name_is(name, "__qualname__") ||
        name_is(name, "__doc__") || name_is(name, "__module__"))
        return rt_getattr(func, name);
    return rt_generic_getattr(self, name);
}

ObjType rt_classmethod_type = {
    .ob.type = &rt_type_type, .name = "classmethod", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjFuncWrapper),
    .repr = funcwrapper_repr, .descr_get = classmethod_get,
    .getattr = funcwrapper_getattr, .new_ = classmethod_new,
};

ObjType rt_staticmethod_type = {
    .ob.type = &rt_type_type, .name = "staticmethod", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjFuncWrapper),
    .repr = funcwrapper_repr, .descr_get = staticmethod_get, .call = staticmethod_call,
    .getattr = funcwrapper_getattr, .new_ = classmethod_new,
};

/* ---- __slots__ members ------------------------------------------------------ */

typedef struct ObjMember {
    Object ob;
    Value name;
    ObjType *owner;
    size_t offset;              /* of the Value inside the instance */
} ObjMember;

#define AS_MEMBER(v) VAL_AS(ObjMember, v)

Value rt_member_new(Value name, ObjType *owner, size_t offset)
{
    ObjMember *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_member_type;
    m->name = name;
    m->owner = owner;
    m->offset = offset;
    return obj_val(m);
}

static Value *member_slot(ObjMember *m, Value obj)
{
    if (!rt_isinstance_of(obj, m->owner)) {
        rt_raisef(&rt_TypeError, "descriptor '%S' for '%s' objects doesn't apply to a '%s' object",
                  m->name, m->owner->name, val_type(obj)->name);
        return NULL;
    }
    return (Value *)((char *)val_obj(obj) + m->offset);
}

static Value member_get(Value self, Value obj, Value type)
{
    if (obj == VAL_NULL || obj == rt_None)
        return self;
    Value *slot = member_slot(AS_MEMBER(self), obj);
    if (slot == NULL)
        return VAL_NULL;
    if (*slot == VAL_NULL)
        return rt_no_attribute(obj, AS_MEMBER(self)->name);
    return *slot;
}

static int member_set(Value self, Value obj, Value v)
{
    Value *slot = member_slot(AS_MEMBER(self), obj);
    if (slot == NULL)
        return -1;
    if (v == VAL_NULL && *slot == VAL_NULL) {
        rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, AS_MEMBER(self)->name));
        return -1;
    }
    *slot = v;
    return 0;
}

static Value member_repr(Value self)
{
    return rt_str_format_c("<member %R of '%s' objects>", AS_MEMBER(self)->name,
                           AS_MEMBER(self)->owner->name);
}

ObjType rt_member_type = {
    .ob.type = &rt_type_type, .name = "member_descriptor",
    .repr = member_repr, .descr_get = member_get, .descr_set = member_set,
};

/* ---- getset descriptors --------------------------------------------------- */

typedef struct ObjGetSet {
    Object ob;
    const char *name;
    ObjType *owner;
    GetterFunc get;
    SetterFunc set;             /* NULL: read-only */
} ObjGetSet;

#define AS_GETSET(v) VAL_AS(ObjGetSet, v)

Value rt_getset_new(const char *name, ObjType *owner, GetterFunc get, SetterFunc set)
{
    ObjGetSet *g = gc_alloc(sizeof *g);
    g->ob.type = &rt_getset_type;
    g->name = name;
    g->owner = owner;
    g->get = get;
    g->set = set;
    return obj_val(g);
}

/* The getter and setter cast obj to their owner's layout: anything else
 * is refused first (CPython's descr_check). */
static bool getset_check(ObjGetSet *g, Value obj)
{
    if (rt_isinstance_of(obj, g->owner))
        return true;
    rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
              g->name, g->owner->name, val_type(obj)->name);
    return false;
}

static Value getset_get(Value self, Value obj, Value type)
{
    if (obj == VAL_NULL)
        return self;
    if (!getset_check(AS_GETSET(self), obj))
        return VAL_NULL;
    return AS_GETSET(self)->get(obj);
}

static int getset_set(Value self, Value obj, Value v)
{
    ObjGetSet *g = AS_GETSET(self);
    if (!getset_check(g, obj))
        return -1;
    if (g->set == NULL) {
        rt_raisef(&rt_AttributeError, "attribute '%s' of '%s' objects is not writable",
                  g->name, g->owner->name);
        return -1;
    }
    return g->set(obj, v);
}

static Value getset_repr(Value self)
{
    return rt_str_format_c("<attribute '%s' of '%s' objects>", AS_GETSET(self)->name,
                           AS_GETSET(self)->owner->name);
}

ObjType rt_getset_type = {
    .ob.type = &rt_type_type, .name = "getset_descriptor",
    .repr = getset_repr, .descr_get = getset_get, .descr_set = getset_set,
};

void rt_descr_init(void)
{
    rt_type_ready(&rt_property_type, property_methods);
    rt_type_set(&rt_property_type, "fget",
                rt_getset_new("fget", &rt_property_type, property_fget, NULL));
    rt_type_set(&rt_property_type, "fset",
                rt_getset_new("fset", &rt_property_type, property_fset, NULL));
    rt_type_set(&rt_property_type, "fdel",
                rt_getset_new("fdel", &rt_property_type, property_fdel, NULL));
    rt_type_set(&rt_property_type, "__doc__",
                rt_getset_new("__doc__", &rt_property_type, property_doc, property_set_doc));
    rt_type_set(&rt_property_type, "__isabstractmethod__",
                rt_getset_new("__isabstractmethod__", &rt_property_type,
                              property_isabstract, NULL));
    rt_type_ready(&rt_classmethod_type, NULL);
    rt_type_ready(&rt_staticmethod_type, NULL);
    rt_type_ready(&rt_member_type, NULL);
    rt_type_ready(&rt_getset_type, NULL);
}
