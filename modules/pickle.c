/*
 * pickle.c — the _pickle module (CPython's Modules/_pickle.c), the C half
 * of Lib/pickle.py, which takes from it, when it imports:
 *
 *   PickleError, PicklingError, UnpicklingError
 *   Pickler, Unpickler            (pickle_save.c, pickle_load.c)
 *   dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)
 *   dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)
 *   load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())
 *   loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())
 *   PickleBuffer(buffer)          a buffer to pickle out of band (protocol 5):
 *                                 raw(), release()
 *
 * (CPython defines PickleBuffer in Objects/picklebufobject.c and exports
 * it from here; pvm keeps it here.)  The module reads copyreg's dispatch
 * and extension tables and _compat_pickle's name mappings once, at import,
 * as CPython's module state does: pickle_save.c and pickle_load.c read
 * them from pk_state.
 */
#include <string.h>
#include "modules/pickle.h"

PickleState pk_state;

ObjType pk_PickleError = {
    .ob.type = &rt_type_type, .name = "_pickle.PickleError", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
ObjType pk_PicklingError = {
    .ob.type = &rt_type_type, .name = "_pickle.PicklingError", .base = &pk_PickleError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
ObjType pk_UnpicklingError = {
    .ob.type = &rt_type_type, .name = "_pickle.UnpicklingError", .base = &pk_PickleError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* ---- PickleBuffer ------------------------------------------------------------------------ */

typedef struct {
    Object ob;
    RtBuffer view;              /* view.obj: the exporter; VAL_NULL once released */
} PickleBuffer;

static PickleBuffer *live_buffer(Value self)
{
    PickleBuffer *pb = (PickleBuffer *)self;
    if (pb->view.obj == VAL_NULL) {
        rt_raisef(&rt_ValueError, "operation forbidden on released PickleBuffer object");
        return NULL;
    }
    return pb;
}

bool pk_picklebuffer_view(Value self, RtBuffer **view)
{
    PickleBuffer *pb = live_buffer(self);
    if (pb == NULL)
        return false;
    if (pb->view.ndim <= 1) {   /* the shape of a one-dimensional view is inside it */
        pb->view.shape = &pb->view.shape1;
        pb->view.strides = &pb->view.stride1;
    }
    *view = &pb->view;
    return true;
}

/* The collector found a PickleBuffer unreachable: give its buffer back, so
 * that a bytearray it showed may be resized again (runtime/buffer.h). */
static void release_unreachable(void *obj, void *data)
{
    rt_release_buffer(&((PickleBuffer *)obj)->view);
}

static Value picklebuffer_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "buffer" };
    static const ArgSpec spec = { "PickleBuffer", names, 1, 0, 1, 1, false };
    Value obj;
    if (!rt_parse_args(&spec, args, nargs, kwnames, &obj))
        return VAL_NULL;
    PickleBuffer *pb = rt_alloc_instance(type, sizeof *pb);
    if (rt_get_buffer(obj, &pb->view, RT_BUF_STRIDED | RT_BUF_LASTING) < 0)
        return VAL_NULL;
    if (val_type(obj)->releasebuffer != NULL)
        gc_register_finalizer(pb, release_unreachable, NULL);
    return obj_val(pb);
}

/* The buffer of a PickleBuffer is its object's (asked again, with the
 * caller's flags). */
static int picklebuffer_getbuffer(Value self, RtBuffer *view, int flags)
{
    PickleBuffer *pb = live_buffer(self);
    return pb == NULL ? -1 : rt_get_buffer(pb->view.obj, view, flags);
}

bool pk_buffer_contiguous(const RtBuffer *v)
{
    ssize_t c = v->itemsize, f = v->itemsize;
    bool cc = true, fc = true;
    for (int i = v->ndim - 1; i >= 0; i--) {
        if (v->shape[i] > 1 && v->strides[i] != c)
            cc = false;
        c *= v->shape[i];
    }
    for (int i = 0; i < v->ndim; i++) {
        if (v->shape[i] > 1 && v->strides[i] != f)
            fc = false;
        f *= v->shape[i];
    }
    return cc || fc;
}

/* raw(): a memoryview of the bytes, format 'B', one dimension. */
static Value picklebuffer_raw(Value *args, size_t nargs, Value kwnames)
{
    RtBuffer *view;
    if (!rt_arg_none("raw", nargs - 1, kwnames) || !pk_picklebuffer_view(args[0], &view))
        return VAL_NULL;
    if (!pk_buffer_contiguous(view))
        return rt_raisef(&rt_BufferError, "cannot extract raw buffer from non-contiguous "
                         "buffer");
    Value mv = rt_call1(obj_val(&rt_memoryview_type), view->obj);
    if (mv == VAL_NULL)
        return VAL_NULL;
    Value args2[2] = { rt_str_from_cstr("B"),
                       rt_tuple_pack(1, rt_int_from_i64(view->len)) };
    return mod_call_method(mv, "cast", args2, 2);
}

static Value picklebuffer_release(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("release", nargs - 1, kwnames))
        return VAL_NULL;
    rt_release_buffer(&((PickleBuffer *)args[0])->view);
    return rt_None;
}

static const MethodDef picklebuffer_methods[] = {
    {"raw", picklebuffer_raw},
    {"release", picklebuffer_release},
    {NULL, NULL}
};

ObjType pk_picklebuffer_type = {
    .ob.type = &rt_type_type, .name = "pickle.PickleBuffer", .flags = TF_WEAKREFABLE,
    .new_ = picklebuffer_new, .getbuffer = picklebuffer_getbuffer,
};

/* ---- the module functions ---------------------------------------------------------------- */

static bool truth(Value v, bool dflt, bool *out)
{
    int t = v == VAL_NULL ? dflt : rt_truthy(v);
    *out = t > 0;
    return t >= 0;
}

static Value pickle_dump(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "obj", "file", "protocol", "fix_imports",
                                         "buffer_callback" };
    static const ArgSpec spec = { "dump", names, 5, 0, 2, 3, false };
    Value a[5];
    bool fix;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !truth(a[3], true, &fix))
        return VAL_NULL;
    return pk_dump(a[0], a[1], a[2], fix, a[4]);
}

static Value pickle_dumps(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "obj", "protocol", "fix_imports", "buffer_callback" };
    static const ArgSpec spec = { "dumps", names, 4, 0, 1, 2, false };
    Value a[4];
    bool fix;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !truth(a[2], true, &fix))
        return VAL_NULL;
    return pk_dump(a[0], VAL_NULL, a[1], fix, a[3]);
}

static Value load_common(const ArgSpec *spec, Value *args, size_t nargs, Value kwnames,
                         bool from_file)
{
    Value a[5];
    bool fix;
    if (!rt_parse_args(spec, args, nargs, kwnames, a) || !truth(a[1], true, &fix))
        return VAL_NULL;
    return pk_load(from_file ? a[0] : VAL_NULL, from_file ? VAL_NULL : a[0], fix, a[2], a[3],
                   a[4]);
}

static const char *const load_names[] = { "file", "fix_imports", "encoding", "errors",
                                          "buffers" };
static const char *const loads_names[] = { "data", "fix_imports", "encoding", "errors",
                                           "buffers" };

static Value pickle_load(Value *args, size_t nargs, Value kwnames)
{
    static const ArgSpec spec = { "load", load_names, 5, 0, 1, 1, false };
    return load_common(&spec, args, nargs, kwnames, true);
}

static Value pickle_loads(Value *args, size_t nargs, Value kwnames)
{
    static const ArgSpec spec = { "loads", loads_names, 5, 1, 1, 1, false };
    return load_common(&spec, args, nargs, kwnames, false);
}

static const MethodDef pickle_functions[] = {
    {"dump", pickle_dump},
    {"dumps", pickle_dumps},
    {"load", pickle_load},
    {"loads", pickle_loads},
    {NULL, NULL}
};

/* ---- what the module borrows ----------------------------------------------------------- */

/* module.name, which must be a dict ("copyreg.dispatch_table should be a
 * dict, not list"). */
static bool borrow_dict(Value module, const char *mname, const char *name, Value *out)
{
    *out = rt_getattr_cstr(module, name);
    if (*out == VAL_NULL)
        return false;
    if (!is_dict(*out)) {
        rt_raisef(&rt_RuntimeError, "%s.%s should be a dict, not %T", mname, name, *out);
        return false;
    }
    return true;
}

static Value module_attr(const char *module, const char *name)
{
    Value m = mod_import(module);
    return m == VAL_NULL ? VAL_NULL : rt_getattr_cstr(m, name);
}

static bool init_state(void)
{
    PickleState *st = &pk_state;
    st->getattr = rt_dict_get_cstr(rt_builtins_dict, "getattr");
    Value copyreg = mod_import("copyreg"), compat = mod_import("_compat_pickle");
    if (copyreg == VAL_NULL || compat == VAL_NULL)
        return false;
    if (!borrow_dict(copyreg, "copyreg", "dispatch_table", &st->dispatch_table) ||
        !borrow_dict(copyreg, "copyreg", "_extension_registry", &st->extension_registry) ||
        !borrow_dict(copyreg, "copyreg", "_inverted_registry", &st->inverted_registry) ||
        !borrow_dict(copyreg, "copyreg", "_extension_cache", &st->extension_cache) ||
        !borrow_dict(compat, "_compat_pickle", "NAME_MAPPING", &st->name_mapping_2to3) ||
        !borrow_dict(compat, "_compat_pickle", "IMPORT_MAPPING", &st->import_mapping_2to3) ||
        !borrow_dict(compat, "_compat_pickle", "REVERSE_NAME_MAPPING",
                     &st->name_mapping_3to2) ||
        !borrow_dict(compat, "_compat_pickle", "REVERSE_IMPORT_MAPPING",
                     &st->import_mapping_3to2))
        return false;
    st->codecs_encode = module_attr("codecs", "encode");
    if (st->codecs_encode == VAL_NULL)
        return false;
    if (!rt_callable(st->codecs_encode)) {
        rt_raisef(&rt_RuntimeError, "codecs.encode should be a callable, not %T",
                  st->codecs_encode);
        return false;
    }
    st->partial = module_attr("functools", "partial");
    return st->partial != VAL_NULL;
}

Value mod_pickle_init(void)
{
    if (pk_PickleError.mro == VAL_NULL) {
        rt_type_ready(&pk_PickleError, NULL);
        rt_type_ready(&pk_PicklingError, NULL);
        rt_type_ready(&pk_UnpicklingError, NULL);
    }
    pk_save_init();
    pk_load_init();
    if (!init_state())
        return VAL_NULL;
    Value m = mod_module_new("_pickle", pickle_functions);
    mod_module_set(m, "__doc__",
                   rt_str_from_cstr("Optimized C implementation for the Python pickle module."));
    mod_module_set(m, "PickleError", obj_val(&pk_PickleError));
    mod_module_set(m, "PicklingError", obj_val(&pk_PicklingError));
    mod_module_set(m, "UnpicklingError", obj_val(&pk_UnpicklingError));
    mod_add_type(m, "Pickler", &pk_pickler_type, NULL);
    mod_add_type(m, "Unpickler", &pk_unpickler_type, NULL);
    mod_add_type(m, "PickleBuffer", &pk_picklebuffer_type, picklebuffer_methods);
    return m;
}
