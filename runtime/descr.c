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
#include "runtime/version.h"

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
    if (rt_py_minor >= 12 && val_type(self) != &rt_property_type) {
        /* 3.12: a subclass's instance holds its doc, given or the getter's
         * (None for none), in its own dict */
        Value d = p->doc;
        if (d == rt_None && p->fget != rt_None) {
            Value g = rt_lookup_attr(p->fget, RT_NAME("__doc__"));
            if (g == VAL_NULL && rt_err_occurred())
                return false;
            if (g != VAL_NULL && g != rt_None) {
                d = g;
                p->doc_from_getter = true;
            }
        }
        return rt_setattr(self, RT_NAME("__doc__"), d) == 0;
    }
    if (p->doc != rt_None || p->fget == rt_None)
        return true;
    Value d = rt_lookup_attr(p->fget, RT_NAME("__doc__"));
    if (d == VAL_NULL)
        return !rt_err_occurred();
    p->doc_from_getter = true;
    if (val_type(self) == &rt_property_type) {
        p->doc = d;
        return true;
    }
    return rt_setattr(self, RT_NAME("__doc__"), d) == 0;
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

/* "property 'x' of 'P' object has no setter" (the name only when known; the
 * type by its __qualname__, as CPython's). */
static Value property_error(ObjProperty *p, Value obj, const char *what)
{
    Value qualname = rt_type_qualname(val_type(obj));
    if (p->name != VAL_NULL)
        return rt_raisef(&rt_AttributeError, "property %R of '%S' object has no %s",
                         p->name, qualname, what);
    return rt_raisef(&rt_AttributeError, "property of '%S' object has no %s", qualname, what);
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

/* Is f.__isabstractmethod__ true?  (abc.abstractmethod sets it.)  -1 on
 * error. */
static int is_abstract(Value f)
{
    if (f == VAL_NULL || f == rt_None)
        return 0;
    Value v = rt_lookup_attr(f, RT_NAME("__isabstractmethod__"));
    if (v == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;
    return rt_truthy(v);
}

static Value abstract_result(int r)
{
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* A property is abstract when one of its functions is. */
static Value property_get_isabstract(Value self)
{
    ObjProperty *p = AS_PROPERTY(self);
    Value fs[3] = { p->fget, p->fset, p->fdel };
    for (int i = 0; i < 3; i++) {
        int r = is_abstract(fs[i]);
        if (r != 0)
            return abstract_result(r);
    }
    return rt_False;
}

/* property.__name__ (3.13): the name __set_name__ gave, else fget's. */
static Value property_get_name(Value self)
{
    ObjProperty *p = AS_PROPERTY(self);
    Value name = p->name;
    if ((name == VAL_NULL || name == rt_None) && p->fget != VAL_NULL && p->fget != rt_None)
        name = rt_lookup_attr(p->fget, RT_NAME("__name__"));
    if (name == VAL_NULL && !rt_err_occurred())
        rt_raisef(&rt_AttributeError, "'property' object has no attribute '__name__'");
    return name == rt_None ? rt_None : name;
}

static int property_set_name_attr(Value self, Value v)
{
    AS_PROPERTY(self)->name = v;
    return 0;
}

static const MemberDef property_members[] = {
    {"fget", offsetof(ObjProperty, fget), RT_MEMBER_VALUE, RT_READONLY},
    {"fset", offsetof(ObjProperty, fset), RT_MEMBER_VALUE, RT_READONLY},
    {"fdel", offsetof(ObjProperty, fdel), RT_MEMBER_VALUE, RT_READONLY},
    {"__doc__", offsetof(ObjProperty, doc), RT_MEMBER_VALUE, RT_WRITABLE},
    {NULL},
};

static const GetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstract},
    {NULL},
};

static const MethodDef property_methods[] = {
    {"getter", property_getter}, {"setter", property_setter},
    {"deleter", property_deleter}, {"__set_name__", property_set_name},
    {"__init__", property_init}, {NULL, NULL},
};

ObjType rt_property_type = {
    .ob.type = &rt_type_type, .name = "property", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .instance_size = sizeof(ObjProperty),
    .descr_get = property_get, .descr_set = property_set, .new_ = property_new,
    .members = property_members, .getsets = property_getsets,
};

/* ---- classmethod and staticmethod ---------------------------------------- */

typedef struct ObjFuncWrapper {
    Object ob;
    Value func;
    Value dict;                 /* the wrapped function's __name__, __doc__... */
} ObjFuncWrapper;

#define AS_FUNCWRAPPER(v) VAL_AS(ObjFuncWrapper, v)

/* As functools.wraps would, CPython copies the function's __module__,
 * __name__, __qualname__, __doc__ and __annotations__ into the wrapper's
 * own dict, so a classmethod looks like the function it wraps. */
static bool copy_wrapped_attrs(ObjFuncWrapper *w)
{
    static const char *const names[] = {
        "__module__", "__name__", "__qualname__", "__doc__", "__annotations__",
    };
    /* 3.14's annotations are lazy: the wrapper asks the function when its
     * own are asked for (funcwrapper_annotation), not before. */
    size_t n = sizeof names / sizeof names[0] - (rt_py_minor >= 14);
    w->dict = rt_dict_new();
    for (size_t i = 0; i < n; i++) {
        Value name = rt_str_intern_cstr(names[i]);
        Value v = rt_lookup_attr(w->func, name);
        if (v == VAL_NULL && rt_err_occurred())
            return false;
        if (v != VAL_NULL && !rt_dict_set(w->dict, name, v))
            return false;
    }
    return true;
}

static Value wrap_func(ObjType *type, Value func)
{
    ObjFuncWrapper *w = rt_alloc_instance(type, sizeof(ObjFuncWrapper));
    w->func = func;
    return copy_wrapped_attrs(w) ? obj_val(w) : VAL_NULL;
}

Value rt_classmethod_new(Value func) { return wrap_func(&rt_classmethod_type, func); }
Value rt_staticmethod_new(Value func) { return wrap_func(&rt_staticmethod_type, func); }

static Value classmethod_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw(type->name, kwnames) || !rt_arg_range(type->name, nargs, 1, 1))
        return VAL_NULL;
    return wrap_func(type, args[0]);
}

/* classmethod.__init__(f), staticmethod.__init__(f): what a subclass's
 * __init__ reaches through super() (abc.abstractstaticmethod); the
 * function given there replaces the one __new__ stored.  Calling the type
 * runs both (TF_SPLIT_INIT), so __init__ is a slot wrapper as CPython's
 * cm_init and sm_init are. */
static Value funcwrapper_init(Value *args, size_t nargs, Value kwnames)
{
    const char *name = val_type(args[0])->name;
    if (!rt_arg_nokw(name, kwnames) || !rt_arg_range(name, nargs - 1, 1, 1))
        return VAL_NULL;
    ObjFuncWrapper *w = AS_FUNCWRAPPER(args[0]);
    w->func = args[1];
    return copy_wrapped_attrs(w) ? rt_None : VAL_NULL;
}

static const MethodDef funcwrapper_methods[] = {
    {"__init__", funcwrapper_init}, {NULL, NULL},
};

/* C.f and C().f both give f bound to the class. */
static Value classmethod_get(Value self, Value obj, Value type)
{
    if (type == VAL_NULL || type == rt_None)
        type = obj_val(val_type(obj));
    Value func = AS_FUNCWRAPPER(self)->func;
    ObjType *ft = val_type(func);
    /* Chained, as CPython 3.9-3.12: classmethod(property(f)).  (pvm's
     * builtins bind through descr_get too; CPython's have no __get__.) */
    if (ft->descr_get != NULL && !is_function(func) && ft != &rt_builtin_type &&
        rt_py_minor < 13)               /* 3.13 binds whatever it wraps */
        return ft->descr_get(func, type, type);
    return rt_method_new(func, type);
}

static Value staticmethod_get(Value self, Value obj, Value type)
{
    return AS_FUNCWRAPPER(self)->func;
}

/* Since 3.10 a staticmethod is callable like its function. */
static Value staticmethod_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    return rt_call(AS_FUNCWRAPPER(self)->func, args, nargs, kwnames);
}

static Value funcwrapper_repr(Value self)
{
    return rt_str_format_c("<%s(%R)>", val_type(self)->name, AS_FUNCWRAPPER(self)->func);
}

static Value funcwrapper_get_isabstract(Value self)
{
    return abstract_result(is_abstract(AS_FUNCWRAPPER(self)->func));
}

static const MemberDef funcwrapper_members[] = {
    {"__func__", offsetof(ObjFuncWrapper, func), RT_MEMBER_VALUE, RT_READONLY},
    {"__wrapped__", offsetof(ObjFuncWrapper, func), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

/* 3.14's __annotations__ and __annotate__: the wrapper's own, else the
 * function's, kept in the wrapper's dict from then on (CPython 3.14's
 * cm_get___annotations__); before 3.14, the copy made at creation. */
static Value funcwrapper_annotation(Value self, const char *attr)
{
    ObjFuncWrapper *w = AS_FUNCWRAPPER(self);
    Value name = rt_str_intern_cstr(attr);
    bool error = false;
    Value v = rt_dict_get(w->dict, name, &error);
    if (v != VAL_NULL || error)
        return v;
    v = rt_getattr(w->func, name);
    if (v == VAL_NULL || !rt_dict_set(w->dict, name, v))
        return VAL_NULL;
    return v;
}

static int funcwrapper_set_annotation(Value self, Value v, const char *attr)
{
    ObjFuncWrapper *w = AS_FUNCWRAPPER(self);
    Value name = rt_str_intern_cstr(attr);
    if (v != VAL_NULL)
        return rt_dict_set(w->dict, name, v) ? 0 : -1;
    int r = rt_dict_del(w->dict, name);
    if (r == 0)
        rt_raisef(&rt_AttributeError, "%s", attr);
    return r > 0 ? 0 : -1;
}

static Value funcwrapper_get_annotations(Value self)
{
    return funcwrapper_annotation(self, "__annotations__");
}

static int funcwrapper_set_annotations(Value self, Value v)
{
    return funcwrapper_set_annotation(self, v, "__annotations__");
}

static Value funcwrapper_get_annotate(Value self)
{
    return funcwrapper_annotation(self, "__annotate__");
}

static int funcwrapper_set_annotate(Value self, Value v)
{
    return funcwrapper_set_annotation(self, v, "__annotate__");
}

static const GetSetDef funcwrapper_getsets[] = {
    {"__isabstractmethod__", funcwrapper_get_isabstract},
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {NULL},
};

ObjType rt_classmethod_type = {
    .ob.type = &rt_type_type, .name = "classmethod", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .dict_offset = offsetof(ObjFuncWrapper, dict), .instance_size = sizeof(ObjFuncWrapper),
    .repr = funcwrapper_repr, .descr_get = classmethod_get, .new_ = classmethod_new,
    .members = funcwrapper_members, .getsets = funcwrapper_getsets,
};

ObjType rt_staticmethod_type = {
    .ob.type = &rt_type_type, .name = "staticmethod", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .dict_offset = offsetof(ObjFuncWrapper, dict), .instance_size = sizeof(ObjFuncWrapper),
    .repr = funcwrapper_repr, .descr_get = staticmethod_get, .call = staticmethod_call,
    .new_ = classmethod_new, .members = funcwrapper_members, .getsets = funcwrapper_getsets,
};

/* ---- member descriptors: fields of the instance ------------------------------------ */

/* One field of an instance exposed as an attribute: a MemberDef entry of
 * a builtin type (function.__globals__) or one __slots__ name of a class. */
typedef struct ObjMember {
    Object ob;
    Value name;                 /* str */
    ObjType *owner;
    size_t offset;              /* of the field inside the instance */
    int kind;                   /* RT_MEMBER_* */
    bool readonly;
    bool tail;                  /* offset counts from the end of a str's text */
    const char *doc;            /* or NULL */
} ObjMember;

#define AS_MEMBER(v) VAL_AS(ObjMember, v)

static Value member_make(Value name, ObjType *owner, size_t offset, int kind, bool readonly)
{
    ObjMember *m = gc_alloc(sizeof *m);
    m->ob.type = &rt_member_type;
    m->name = name;
    m->owner = owner;
    m->offset = offset;
    m->kind = kind;
    m->readonly = readonly;
    return obj_val(m);
}

Value rt_member_new(Value name, ObjType *owner, size_t offset)
{
    return member_make(name, owner, offset, RT_MEMBER_VALUE_EX, false);
}

Value rt_member_new_tail(Value name, ObjType *owner, size_t offset)
{
    Value m = rt_member_new(name, owner, offset);
    AS_MEMBER(m)->tail = true;
    return m;
}

int64_t rt_member_slot_offset(Value descr, ObjType *type)
{
    if (descr == VAL_NULL || !IS_EXACT(descr, rt_member_type) || AS_MEMBER(descr)->tail)
        return -1;
    ObjMember *m = AS_MEMBER(descr);
    /* A slot of another class, put in this one by hand (`borrowed =
     * Other.slot`): its offset means nothing in this type's instances, and
     * every access must raise descr_check's TypeError, so no shortcut. */
    if (type != m->owner && !rt_is_subtype(type, m->owner))
        return -1;
    return m->kind == RT_MEMBER_VALUE_EX && !m->readonly ? (int64_t)m->offset : -1;
}

Value rt_member_from_def(const MemberDef *def, ObjType *owner)
{
    Value m = member_make(rt_str_intern_cstr(def->name), owner, def->offset, def->kind,
                          def->readonly == RT_READONLY);
    AS_MEMBER(m)->doc = def->doc;
    return m;
}

/* "descriptor 'x' for 'C' objects doesn't apply to a 'D' object" unless
 * obj is an instance of the descriptor's owner. */
static bool descr_check(Value obj, ObjType *owner, const char *name)
{
    if (rt_isinstance_of(obj, owner))
        return true;
    rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
              name, owner->name, val_type(obj)->name);
    return false;
}

static void *member_field(ObjMember *m, Value obj)
{
    if (!descr_check(obj, m->owner, rt_str_cstr(m->name)))
        return NULL;
    if (m->tail)                        /* after the dict word that follows the text */
        return (char *)(rt_var_dict_slot(obj) + 1) + m->offset;
    return (char *)val_obj(obj) + m->offset;
}

static Value member_get(Value self, Value obj, Value type)
{
    ObjMember *m = AS_MEMBER(self);
    if (obj == VAL_NULL)
        return self;
    void *field = member_field(m, obj);
    if (field == NULL)
        return VAL_NULL;
    switch (m->kind) {
    case RT_MEMBER_INT: return small_new(*(int *)field);
    case RT_MEMBER_BOOL: return rt_bool(*(bool *)field);
    case RT_MEMBER_DOUBLE: return rt_float_new(*(double *)field);
    case RT_MEMBER_VALUE: return or_none(*(Value *)field);
    default:
        if (*(Value *)field == VAL_NULL)
            return rt_raisef(&rt_AttributeError, "'%s' object has no attribute '%S'",
                             val_type(obj)->name, m->name);
        return *(Value *)field;
    }
}

/* An int, bool or double field: the value must be an int (a bool for
 * bool, a number for double). */
static int member_set_scalar(ObjMember *m, void *field, Value v)
{
    if (m->kind == RT_MEMBER_DOUBLE)
        return rt_as_double(v, (double *)field) ? 0 : -1;
    if (m->kind == RT_MEMBER_BOOL) {
        if (!is_bool(v)) {
            rt_raisef(&rt_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(bool *)field = v == rt_True;
        return 0;
    }
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "attribute value type must be int");
        return -1;
    }
    return rt_int_as_int(v, (int *)field) ? 0 : -1;
}

static int member_set(Value self, Value obj, Value v)
{
    ObjMember *m = AS_MEMBER(self);
    if (m->readonly) {
        rt_raisef(&rt_AttributeError, "readonly attribute");
        return -1;
    }
    void *field = member_field(m, obj);
    if (field == NULL)
        return -1;
    if (m->kind == RT_MEMBER_VALUE || m->kind == RT_MEMBER_VALUE_EX) {
        Value *slot = field;
        if (v == VAL_NULL && *slot == VAL_NULL && m->kind == RT_MEMBER_VALUE_EX) {
            rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, m->name));
            return -1;
        }
        *slot = v;
        return 0;
    }
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    return member_set_scalar(m, field, v);
}

static Value member_repr(Value self)
{
    return rt_str_format_c("<member %R of '%s' objects>", AS_MEMBER(self)->name,
                           AS_MEMBER(self)->owner->name);
}

static Value member_get_name(Value self) { return AS_MEMBER(self)->name; }
static Value member_get_objclass(Value self) { return obj_val(AS_MEMBER(self)->owner); }

static Value member_get_qualname(Value self)
{
    return rt_str_format_c("%S.%S", rt_type_qualname(AS_MEMBER(self)->owner),
                           AS_MEMBER(self)->name);
}

static Value doc_or_none(const char *doc)
{
    return doc != NULL ? rt_str_from_cstr(doc) : rt_None;
}

static Value member_get_doc(Value self) { return doc_or_none(AS_MEMBER(self)->doc); }

static const GetSetDef member_getsets[] = {
    {"__name__", member_get_name}, {"__qualname__", member_get_qualname},
    {"__objclass__", member_get_objclass}, {"__doc__", member_get_doc},
    {NULL},
};

ObjType rt_member_type = {
    .ob.type = &rt_type_type, .name = "member_descriptor",
    .repr = member_repr, .descr_get = member_get, .descr_set = member_set,
    .getsets = member_getsets,
};

/* ---- getset descriptors: attributes computed in C ----------------------------------- */

Value rt_getset_new(const GetSetDef *def, ObjType *owner)
{
    ObjGetSet *g = gc_alloc(sizeof *g);
    g->ob.type = &rt_getset_type;
    g->def = def;
    g->owner = owner;
    return obj_val(g);
}

const GetSetDef *rt_getset_def(Value descr)
{
    return IS_EXACT(descr, rt_getset_type) ? AS_GETSET(descr)->def : NULL;
}

GetterFunc rt_getset_getter_for(Value descr, ObjType *type)
{
    if (!IS_EXACT(descr, rt_getset_type) || !rt_is_subtype(type, AS_GETSET(descr)->owner))
        return NULL;
    return AS_GETSET(descr)->def->get;
}

static Value getset_get(Value self, Value obj, Value type)
{
    ObjGetSet *g = AS_GETSET(self);
    if (obj == VAL_NULL)
        return self;
    if (!descr_check(obj, g->owner, g->def->name))
        return VAL_NULL;
    return g->def->get(obj);
}

static int getset_set(Value self, Value obj, Value v)
{
    ObjGetSet *g = AS_GETSET(self);
    if (g->def->set == NULL) {
        rt_raisef(&rt_AttributeError, "attribute '%s' of '%s' objects is not writable",
                  g->def->name, g->owner->name);
        return -1;
    }
    if (!descr_check(obj, g->owner, g->def->name))
        return -1;
    return g->def->set(obj, v);
}

static Value getset_repr(Value self)
{
    return rt_str_format_c("<attribute '%s' of '%s' objects>", AS_GETSET(self)->def->name,
                           AS_GETSET(self)->owner->name);
}

static Value getset_get_name(Value self) { return rt_str_from_cstr(AS_GETSET(self)->def->name); }
static Value getset_get_objclass(Value self) { return obj_val(AS_GETSET(self)->owner); }

static Value getset_get_qualname(Value self)
{
    return rt_str_format_c("%S.%s", rt_type_qualname(AS_GETSET(self)->owner),
                           AS_GETSET(self)->def->name);
}

static Value getset_get_doc(Value self) { return doc_or_none(AS_GETSET(self)->def->doc); }

static const GetSetDef getset_getsets[] = {
    {"__name__", getset_get_name}, {"__qualname__", getset_get_qualname},
    {"__objclass__", getset_get_objclass}, {"__doc__", getset_get_doc},
    {NULL},
};

ObjType rt_getset_type = {
    .ob.type = &rt_type_type, .name = "getset_descriptor",
    .repr = getset_repr, .descr_get = getset_get, .descr_set = getset_set,
    .getsets = getset_getsets,
};

void rt_descr_init(void)
{
    rt_type_ready(&rt_property_type, property_methods);
    static const GetSetDef name = { "__name__", property_get_name, property_set_name_attr };
    if (rt_py_minor >= 13)
        rt_type_set(&rt_property_type, "__name__", rt_getset_new(&name, &rt_property_type));
    rt_type_ready(&rt_classmethod_type, funcwrapper_methods);
    rt_type_ready(&rt_staticmethod_type, funcwrapper_methods);
    static const GetSetDef annotations[] = {
        {"__annotations__", funcwrapper_get_annotations, funcwrapper_set_annotations},
        {"__annotate__", funcwrapper_get_annotate, funcwrapper_set_annotate},
    };
    ObjType *wrappers[] = { &rt_classmethod_type, &rt_staticmethod_type };
    for (int i = 0; i < 2 && rt_py_minor >= 14; i++)
        for (int j = 0; j < 2; j++)
            rt_type_set(wrappers[i], annotations[j].name, rt_getset_new(&annotations[j], wrappers[i]));
    rt_type_ready(&rt_member_type, NULL);
    rt_type_ready(&rt_getset_type, NULL);
}
