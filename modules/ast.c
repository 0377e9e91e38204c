/*
 * ast.c — the _ast module: CPython 3.11's abstract-syntax-tree classes, and
 * the conversion of trees to and from the plain form in which they cross to
 * the compile service.
 *
 * pvm has no parser: `compile(src, fn, mode, ast.PyCF_ONLY_AST)` (and so
 * `ast.parse`) asks python3.11's compiler (loader/compile.c), which parses
 * and sends the tree back; `compile(tree, fn, mode)` sends a tree the
 * program built or changed, and receives a code object.  On the wire a
 * tree is plain data that marshal carries:
 *
 *   a node        ("ClassName", field values..., attribute values...) in
 *                 the order of its class's _fields then _attributes
 *   a list        a list of converted items
 *   a tuple       ("()", converted items...)
 *   an attribute  ("<missing>",) — a node without it (CPython then reports
 *   not set       the missing field, as it would for its own trees)
 *   other values  themselves (str, int, float, complex, bytes, None, ...)
 *
 * compile_service.py does the same on the other side.
 *
 * The classes.  `AST` is a C type (instances have a __dict__; __init__
 * takes the fields positionally and any attribute by keyword; __reduce__
 * for copy and pickle); the 118 node classes are made from the table in
 * ast_nodes.h — taken from python3.11 by tables_gen.py; ast_nodes312.h
 * and ast_nodes313.h for those versions' bytecode — with
 * type(name, (base,), namespace), as CPython's Python-ast.c makes heap
 * types.  Optional fields (`expr? value`) are None on the class, so a node
 * made without them reads None.  They are made the first time anything
 * needs them, so start-up never pays for them.
 */
#include <stddef.h>
#include <string.h>
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/args.h"
#include "runtime/class.h"
#include "runtime/version.h"

/* ---- the AST base class ---------------------------------------------------------------------- */

static ObjType ast_type;

static Value ast_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    ObjInstance *node = rt_alloc_instance(type, sizeof(ObjInstance));
    node->dict = rt_dict_new();
    return obj_val(node);
}

/* The class attribute `name` (a tuple of str), or an empty tuple. */
static Value class_names(Value cls, Value name)
{
    Value names = rt_lookup_attr(cls, name);
    return names != VAL_NULL && is_tuple(names) ? names : rt_empty_tuple;
}

typedef struct NodeDef NodeDef;
static const NodeDef *node_def_of(Value node);
static const char *node_def_doc(const NodeDef *d);
static Value classes_by_name;

/* The ASDL type of field `name` in a node class's doc, "Name(identifier id,
 * expr_context ctx)": its length at *type ("expr?", "stmt*"), 0 if absent. */
static size_t field_type(const char *doc, const char *name, const char **type)
{
    const char *p = doc != NULL ? strchr(doc, '(') : NULL;
    size_t len = strlen(name);
    while (p != NULL && *p != ')' && *p != '\0') {
        const char *item = p + 1 + (p[1] == ' ');
        const char *space = strchr(item, ' ');
        if (space == NULL)
            return 0;
        if (strncmp(space + 1, name, len) == 0 && (space[1 + len] == ',' || space[1 + len] == ')')) {
            *type = item;
            return (size_t)(space - item);
        }
        p = strpbrk(space, ",)");
    }
    return 0;
}

/* 3.13: a field the constructor was not given gets its default: None for
 * `x?`, [] for `x*`, Load() for a context; a required one is missing, with
 * a DeprecationWarning. */
static bool default_field(Value self, const NodeDef *d, Value name)
{
    const char *type = NULL;
    size_t n = field_type(node_def_doc(d), rt_str_cstr(name), &type);
    if (n > 0 && type[n - 1] == '?')
        return rt_setattr(self, name, rt_None) >= 0;
    if (n > 0 && type[n - 1] == '*')
        return rt_setattr(self, name, rt_list_new(0)) >= 0;
    if (n == strlen("expr_context") && strncmp(type, "expr_context", n) == 0) {
        Value load = rt_call0(rt_dict_get_cstr(classes_by_name, "Load"));
        return load != VAL_NULL && rt_setattr(self, name, load) >= 0;
    }
    char msg[600];
    Value r = rt_repr(name);
    if (r == VAL_NULL)
        return false;
    snprintf(msg, sizeof msg, "%.400s.__init__ missing 1 required positional argument: %s. "
             "This will become an error in Python 3.15.", val_type(self)->name, rt_str_cstr(r));
    return rt_warn(&rt_DeprecationWarning, msg, 1) >= 0;
}

/* AST.__init__(self, *args, **kwargs): positional arguments fill _fields
 * in order; keywords set any attribute (CPython's ast_type_init); 3.13
 * gives the fields left out their defaults. */
static Value ast_init(Value *args, size_t nargs, Value kwnames)
{
    Value self = args[0];
    Value fields = class_names(obj_val(val_type(self)), RT_NAME("_fields"));
    if (rt_err_occurred())
        return VAL_NULL;
    size_t nfields = rt_tuple_len(fields), npos = nargs - 1 - rt_nkwargs(kwnames);
    const char *cname = strrchr(val_type(self)->name, '.');    /* "ast.AST": "AST" */
    cname = cname != NULL ? cname + 1 : val_type(self)->name;
    if (npos > nfields)
        return rt_raisef(&rt_TypeError, "%s constructor takes at most %zu positional argument%s",
                         cname, nfields, nfields == 1 ? "" : "s");
    for (size_t i = 0; i < npos; i++)
        if (rt_setattr(self, rt_tuple_get(fields, i), args[1 + i]) < 0)
            return VAL_NULL;
    for (size_t i = 0; i < rt_nkwargs(kwnames); i++) {
        Value key = rt_tuple_get(kwnames, i);
        for (size_t k = 0; k < npos; k++)
            if (rt_eq(rt_tuple_get(fields, k), key) > 0)
                return rt_raisef(&rt_TypeError, "%s got multiple values for argument %R",
                                 cname, key);
        if (rt_setattr(self, key, args[1 + npos + i]) < 0)
            return VAL_NULL;
    }
    const NodeDef *d = rt_py_minor >= 13 ? node_def_of(self) : NULL;
    for (size_t i = npos; d != NULL && i < nfields; i++) {
        Value name = rt_tuple_get(fields, i);
        bool given = false;
        for (size_t k = 0; k < rt_nkwargs(kwnames); k++)
            given = given || rt_eq(rt_tuple_get(kwnames, k), name) > 0;
        if (!given && !default_field(self, d, name))
            return VAL_NULL;
    }
    return rt_None;
}

/* copy and pickle: type(node)(), then the instance dict as its state. */
static Value ast_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    Value dict = rt_generic_dict_get(args[0]);
    if (dict == VAL_NULL)
        return VAL_NULL;
    Value cls = obj_val(val_type(args[0])), nones = rt_empty_tuple;
    if (rt_py_minor >= 13) {
        /* 3.13: a None for each leading field the dict holds, so that the
         * constructor warns of no missing field */
        Value fields = class_names(cls, RT_NAME("_fields"));
        size_t n = 0;
        while (n < rt_tuple_len(fields) && rt_dict_get_str(dict, rt_tuple_get(fields, n)) != VAL_NULL)
            n++;
        nones = rt_tuple_new(n);
        for (size_t i = 0; i < n; i++)
            AS_TUPLE(nones)->items[i] = rt_None;
    }
    return rt_tuple_pack(3, cls, nones, dict);
}

static const MethodDef ast_methods[] = {
    {"__init__", ast_init}, {"__reduce__", ast_reduce}, {NULL, NULL},
};

static const GetSetDef ast_getsets[] = {
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {NULL},
};

static ObjType ast_type = {
    .ob.type = &rt_type_type, .name = "ast.AST",
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SPLIT_INIT,
    .dict_offset = offsetof(ObjInstance, dict), .instance_size = sizeof(ObjInstance),
    .new_ = ast_new, .getsets = ast_getsets,
};

/* ---- the node classes ------------------------------------------------------------------------ */

struct NodeDef {
    const char *name, *base;
    const char *fields, *attributes;    /* space-separated; attributes NULL: inherited */
    const char *optional;               /* names that are None on the class */
    const char *doc;
};

static const char *node_def_doc(const NodeDef *d)
{
    return d->doc;
}

#define PVM_AST_NODE(name, base, fields, attributes, optional, doc) \
    {#name, #base, fields, attributes, optional, doc},
static const NodeDef node_defs_311[] = {
#include "modules/ast_nodes.h"
};
static const NodeDef node_defs_312[] = {   /* type parameters, TypeAlias */
#include "modules/ast_nodes312.h"
};
static const NodeDef node_defs_313[] = {
#include "modules/ast_nodes313.h"
};
#undef PVM_AST_NODE

#define COUNT(defs) (sizeof defs / sizeof defs[0])
#define MAX_NODES 160

/* The table of the version pvm runs, chosen by ready(). */
static const NodeDef *node_defs;
static size_t node_count;

static Value node_classes[MAX_NODES];   /* made by ready(), in node_defs' order */
static Value classes_by_name;           /* dict: "BinOp" -> the class, "AST" too */

/* "a b c" -> ('a', 'b', 'c'), interned. */
static Value name_tuple(const char *names)
{
    Value items[16];
    size_t count = 0;
    for (const char *p = names; *p != '\0' && count < 16;) {
        size_t n = strcspn(p, " ");
        items[count++] = rt_str_intern(rt_str_new(p, n));
        p += n + (p[n] == ' ');
    }
    return rt_tuple_from(items, count);
}

static Value make_class(const NodeDef *d)
{
    Value ns = rt_dict_new();
    Value fields = name_tuple(d->fields);
    rt_dict_set_cstr(ns, "_fields", fields);
    rt_dict_set_cstr(ns, "__match_args__", fields);
    if (d->attributes != NULL)
        rt_dict_set_cstr(ns, "_attributes", name_tuple(d->attributes));
    Value optional = name_tuple(d->optional);
    for (size_t i = 0; i < rt_tuple_len(optional); i++)
        rt_dict_set(ns, rt_tuple_get(optional, i), rt_None);
    rt_dict_set_cstr(ns, "__module__", rt_str_from_cstr("ast"));
    rt_dict_set_cstr(ns, "__doc__", rt_str_from_cstr(d->doc));
    Value base = rt_dict_get_cstr(classes_by_name, d->base);
    Value args[3] = { rt_str_from_cstr(d->name), rt_tuple_pack(1, base), ns };
    return rt_call(obj_val(&rt_type_type), args, 3, VAL_NULL);
}

/* The class an ASDL type name stands for: identifier and string are str,
 * constant any object, int int, the others node classes. */
static Value asdl_class(const char *type, size_t n)
{
    static const struct { const char *asdl; ObjType *type; } builtin[] = {
        {"identifier", &rt_str_type}, {"string", &rt_str_type},
        {"constant", &rt_object_type}, {"int", &rt_int_type},
    };
    for (size_t i = 0; i < COUNT(builtin); i++)
        if (strlen(builtin[i].asdl) == n && strncmp(type, builtin[i].asdl, n) == 0)
            return obj_val(builtin[i].type);
    Value cls = rt_dict_get(classes_by_name, rt_str_new(type, n), NULL);
    return cls != VAL_NULL ? cls : obj_val(&rt_object_type);
}

/* 3.13+: a concrete node class's _field_types, read from its doc: `expr*`
 * is list[ast.expr], `expr?` ast.expr | None (ast.dump reads them). */
static Value field_types(const NodeDef *d)
{
    Value types = rt_dict_new(), fields = name_tuple(d->fields);
    for (size_t i = 0; i < rt_tuple_len(fields); i++) {
        Value name = rt_tuple_get(fields, i);
        const char *type = NULL;
        size_t n = field_type(d->doc, rt_str_cstr(name), &type);
        char last = n > 0 ? type[n - 1] : '\0';
        Value cls = asdl_class(type, n - (last == '*' || last == '?'));
        if (last == '*')
            cls = rt_generic_alias_new(obj_val(&rt_list_type), cls);
        else if (last == '?')
            cls = rt_binary_op(cls, rt_None, NB_OR);
        if (cls == VAL_NULL)
            return VAL_NULL;
        rt_dict_set(types, name, cls);
    }
    return types;
}

/* Give each concrete node class (its doc "Name(...)", not a sum type's
 * "expr = ...") its _field_types. */
static bool add_field_types(void)
{
    for (size_t i = 0; i < node_count; i++) {
        if (strstr(node_defs[i].doc, " = ") != NULL)
            continue;
        Value types = field_types(&node_defs[i]);
        if (types == VAL_NULL || rt_setattr(node_classes[i], RT_NAME("_field_types"),
                                            types) < 0)
            return false;
    }
    return true;
}

/* Make AST and the node classes once; false with an exception if that
 * failed (it cannot, short of memory). */
static bool ready(void)
{
    if (classes_by_name != VAL_NULL)
        return true;
    node_defs = rt_py_minor >= 13 ? node_defs_313 : rt_py_minor == 12 ? node_defs_312 : node_defs_311;
    node_count = rt_py_minor >= 13 ? COUNT(node_defs_313)
               : rt_py_minor == 12 ? COUNT(node_defs_312) : COUNT(node_defs_311);
    _Static_assert(COUNT(node_defs_312) <= MAX_NODES && COUNT(node_defs_313) <= MAX_NODES,
                   "MAX_NODES");
    rt_type_ready(&ast_type, ast_methods);
    rt_type_set(&ast_type, "_fields", rt_empty_tuple);
    rt_type_set(&ast_type, "_attributes", rt_empty_tuple);
    rt_type_set(&ast_type, "__match_args__", rt_empty_tuple);
    Value by_name = rt_dict_new();
    rt_dict_set_cstr(by_name, "AST", obj_val(&ast_type));
    classes_by_name = by_name;
    for (size_t i = 0; i < node_count; i++) {
        Value cls = make_class(&node_defs[i]);
        if (cls == VAL_NULL) {
            classes_by_name = VAL_NULL;
            return false;
        }
        node_classes[i] = cls;
        rt_dict_set_cstr(by_name, node_defs[i].name, cls);
    }
    if (rt_py_minor >= 13 && !add_field_types()) {
        classes_by_name = VAL_NULL;
        return false;
    }
    return true;
}

Value mod_ast_init(void)
{
    if (!ready())
        return VAL_NULL;
    Value m = mod_module_new("_ast", NULL);
    mod_module_set(m, "AST", obj_val(&ast_type));
    for (size_t i = 0; i < node_count; i++)
        mod_module_set(m, node_defs[i].name, node_classes[i]);
    mod_module_set(m, "PyCF_ONLY_AST", rt_int_from_i64(0x400));
    mod_module_set(m, "PyCF_TYPE_COMMENTS", rt_int_from_i64(0x1000));
    mod_module_set(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", rt_int_from_i64(0x2000));
    return m;
}

bool mod_ast_is_node(Value v)
{
    return classes_by_name != VAL_NULL && rt_isinstance_of(v, &ast_type);
}

/* ---- trees to and from their plain form ----------------------------------------------------- */

#define MAX_DEPTH 3000          /* marshal refuses deeper nesting anyway */

/* The _ast class a node is an instance of (the nearest in its MRO: a
 * program may subclass node classes), or NULL. */
static const NodeDef *node_def_of(Value node)
{
    Value mro = val_type(node)->mro;
    for (size_t m = 0; m < rt_tuple_len(mro); m++)
        for (size_t i = 0; i < node_count; i++)
            if (rt_tuple_get(mro, m) == node_classes[i])
                return &node_defs[i];
    return NULL;
}

static Value to_plain(Value v, int depth);

static Value missing_marker(void)
{
    return rt_tuple_pack(1, rt_str_from_cstr("<missing>"));
}

/* Constant.value: None, Ellipsis, a bool, int, float, complex, str or
 * bytes of exactly those types, or a tuple or frozenset of such; else
 * false with CPython's TypeError (its validate_constant), which the
 * compile service could not raise: marshal refuses the value first. */
static bool valid_constant(Value v)
{
    static ObjType *const plain[] = {
        &rt_int_type, &rt_bool_type, &rt_float_type, &rt_complex_type, &rt_str_type,
        &rt_bytes_type, &rt_none_type, &rt_ellipsis_type,
    };
    ObjType *t = val_type(v);
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        if (t == plain[i])
            return true;
    if (t != &rt_tuple_type && t != &rt_frozenset_type) {
        rt_raisef(&rt_TypeError, "got an invalid type in Constant: %s", t->name);
        return false;
    }
    Value it = rt_iter(v), item;
    if (it == VAL_NULL)
        return false;
    while ((item = rt_next(it)) != VAL_NULL)
        if (!valid_constant(item))
            return false;
    return !rt_err_occurred();
}

/* ("Name", fields..., attributes...) for one node. */
static Value node_to_plain(Value node, int depth)
{
    const NodeDef *d = node_def_of(node);
    if (d == NULL)
        return rt_raisef(&rt_TypeError, "expected some sort of AST node, but got %R", node);
    Value cls = rt_dict_get_cstr(classes_by_name, d->name);
    Value fields = class_names(cls, RT_NAME("_fields")), attributes = class_names(cls, RT_NAME("_attributes"));
    size_t nf = rt_tuple_len(fields), na = rt_tuple_len(attributes);
    Value out = rt_tuple_new(1 + nf + na);
    AS_TUPLE(out)->items[0] = rt_str_from_cstr(d->name);
    for (size_t i = 0; i < nf + na; i++) {
        Value name = i < nf ? rt_tuple_get(fields, i) : rt_tuple_get(attributes, i - nf);
        Value v = rt_lookup_attr(node, name);
        if (v == VAL_NULL && rt_err_occurred())
            return VAL_NULL;
        if (v != VAL_NULL && i == 0 && strcmp(d->name, "Constant") == 0 &&
            !valid_constant(v))
            return VAL_NULL;
        v = v == VAL_NULL ? missing_marker() : to_plain(v, depth + 1);
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(out)->items[1 + i] = v;
    }
    return out;
}

static Value to_plain(Value v, int depth)
{
    if (depth > MAX_DEPTH)
        return rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded during compilation");
    if (!val_is_small(v) && rt_isinstance_of(v, &ast_type))
        return node_to_plain(v, depth);
    if (is_list(v)) {
        Value out = rt_list_new(AS_LIST(v)->length);
        for (size_t i = 0; i < AS_LIST(v)->length; i++) {
            Value item = to_plain(AS_LIST(v)->items[i], depth + 1);
            if (item == VAL_NULL)
                return VAL_NULL;
            rt_list_append(out, item);
        }
        return out;
    }
    if (is_tuple(v)) {
        Value out = rt_tuple_new(1 + rt_tuple_len(v));
        AS_TUPLE(out)->items[0] = rt_str_from_cstr("()");
        for (size_t i = 0; i < rt_tuple_len(v); i++) {
            Value item = to_plain(rt_tuple_get(v, i), depth + 1);
            if (item == VAL_NULL)
                return VAL_NULL;
            AS_TUPLE(out)->items[1 + i] = item;
        }
        return out;
    }
    return v;
}

Value mod_ast_to_plain(Value tree)
{
    if (!ready())
        return VAL_NULL;
    return to_plain(tree, 0);
}

static Value from_plain(Value v, int depth);

/* A node from ("Name", values...): Name(), then each field and attribute
 * set in order, except those marked missing. */
static Value node_from_plain(Value t, int depth)
{
    Value cls = rt_dict_get_str(classes_by_name, rt_tuple_get(t, 0));
    if (cls == VAL_NULL)
        return rt_raisef(&rt_SystemError, "compile service: no AST class %R", rt_tuple_get(t, 0));
    Value fields = class_names(cls, RT_NAME("_fields")), attributes = class_names(cls, RT_NAME("_attributes"));
    size_t nf = rt_tuple_len(fields), na = rt_tuple_len(attributes);
    if (rt_tuple_len(t) != 1 + nf + na)
        return rt_raisef(&rt_SystemError, "compile service: a malformed %R node", rt_tuple_get(t, 0));
    Value node = ast_new(AS_TYPE(cls), NULL, 0, VAL_NULL);     /* no __init__: no defaults */
    for (size_t i = 0; i < nf + na; i++) {
        Value item = rt_tuple_get(t, 1 + i);
        if (is_tuple(item) && rt_tuple_len(item) == 1 && is_str(rt_tuple_get(item, 0)) &&
            strcmp(rt_str_cstr(rt_tuple_get(item, 0)), "<missing>") == 0)
            continue;
        Value name = i < nf ? rt_tuple_get(fields, i) : rt_tuple_get(attributes, i - nf);
        Value v = from_plain(item, depth + 1);
        if (v == VAL_NULL || rt_setattr(node, name, v) < 0)
            return VAL_NULL;
    }
    return node;
}

static Value from_plain(Value v, int depth)
{
    if (depth > MAX_DEPTH)
        return rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded during compilation");
    if (is_list(v)) {
        for (size_t i = 0; i < AS_LIST(v)->length; i++) {
            Value item = from_plain(AS_LIST(v)->items[i], depth + 1);
            if (item == VAL_NULL)
                return VAL_NULL;
            AS_LIST(v)->items[i] = item;        /* the list is ours: convert in place */
        }
        return v;
    }
    if (!is_tuple(v) || rt_tuple_len(v) == 0 || !is_str(rt_tuple_get(v, 0)))
        return v;
    if (strcmp(rt_str_cstr(rt_tuple_get(v, 0)), "()") != 0)
        return node_from_plain(v, depth);
    size_t n = rt_tuple_len(v) - 1;
    Value out = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Value item = from_plain(rt_tuple_get(v, 1 + i), depth + 1);
        if (item == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(out)->items[i] = item;
    }
    return out;
}

Value mod_ast_from_plain(Value plain)
{
    if (!ready())
        return VAL_NULL;
    return from_plain(plain, 0);
}
