/*
 * modutil.c — small helpers the standard-library modules share: building
 * a module from a function table, reading doubles the way CPython's
 * PyFloat_AsDouble does, special-method lookup, and big ints as GMP
 * integers.  (Argument checks are the runtime's: runtime/args.h.)
 */
#include <string.h>
#include <wchar.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

Value mod_module_new(const char *name, const MethodDef *fns)
{
    Value m = rt_module_new(rt_str_from_cstr(name));
    mod_module_add_functions(m, fns);
    return m;
}

void mod_module_add_functions(Value module, const MethodDef *fns)
{
    Value dict = VAL_AS(ObjModule, module)->dict;
    for (; fns != NULL && fns->name != NULL; fns++) {
        Value f = rt_builtin_new(fns->name, fns->fn, VAL_NULL);
        VAL_AS(ObjBuiltin, f)->module = module;
        rt_dict_set_cstr(dict, fns->name, f);
    }
}

void mod_module_set(Value module, const char *name, Value v)
{
    rt_dict_set_cstr(VAL_AS(ObjModule, module)->dict, name, v);
}

void mod_add_type(Value module, const char *attr, ObjType *type, const MethodDef *methods)
{
    if (type->mro == VAL_NULL)
        rt_type_ready(type, methods);
    mod_module_set(module, attr, obj_val(type));
}

Value mod_index_not_negative(Value v)
{
    if ((v = rt_index(v)) == VAL_NULL)
        return VAL_NULL;
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_ValueError, "Cannot convert negative int");
        return VAL_NULL;
    }
    return v;
}

bool mod_as_unsigned(Value v, bool long_long, uint64_t *out)
{
    if (rt_py_minor >= 14) {
        if ((v = mod_index_not_negative(v)) == VAL_NULL)
            return false;
    } else if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    } else if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_ValueError, "value must be positive");
        return false;
    }
    if (!rt_int_as_u64(v, out)) {
        rt_err_clear();
        if (rt_py_minor >= 14)
            rt_raisef(&rt_OverflowError, "Python int too large for C unsigned long%s",
                      long_long ? " long" : "");
        else
            rt_raisef(&rt_OverflowError, "%s", long_long ? "int too big to convert"
                      : "Python int too large to convert to C unsigned long");
        return false;
    }
    return true;
}

const char *mod_str_utf8(Value s)
{
    const char *p = rt_str_cstr(s);
    if (!rt_str_has_surrogates(s))
        return p;
    /* The codec raises the error, with the position CPython names. */
    return mod_call_method(s, "encode", NULL, 0) != VAL_NULL ? p : NULL;
}

wchar_t *mod_str_wide(Value s)
{
    size_t n = AS_STR(s)->length;
    wchar_t *w = gc_alloc_atomic((n + 1) * sizeof *w);
    for (size_t i = 0; i < n; i++)
        if ((w[i] = (wchar_t)rt_str_char_at(s, i)) == 0) {
            rt_raisef(&rt_ValueError, "embedded null character");
            return NULL;
        }
    w[n] = 0;
    return w;
}

bool mod_int_as_ssize(Value v, ssize_t *out)
{
    int64_t i;
    if (!rt_int_as_i64(v, &i) || i < PTRDIFF_MIN || i > PTRDIFF_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = (ssize_t)i;
    return true;
}

Value mod_no_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
}

Value mod_lookup_special(Value v, const char *name)
{
    Value f = rt_type_lookup(val_type(v), rt_str_intern_cstr(name));
    if (f == VAL_NULL)
        return VAL_NULL;
    ObjType *ft = val_type(f);
    if (ft->descr_get != NULL)
        return ft->descr_get(f, v, obj_val(val_type(v)));
    return f;
}

bool mod_as_double(Value v, double *out)
{
    if (is_float(v)) {
        *out = rt_float_value(v);
        return true;
    }
    if (rt_isinstance_of(v, &rt_int_type)) {
        bool overflow = false;
        double d = rt_int_as_double(rt_int_unbool(v), &overflow);
        if (overflow) {
            rt_raisef(&rt_OverflowError, "int too large to convert to float");
            return false;
        }
        *out = d;
        return true;
    }
    if (rt_isinstance_of(v, &rt_float_type)) {
        *out = AS_FLOAT(v)->value;
        return true;
    }
    Value f = mod_lookup_special(v, "__float__");
    if (f != VAL_NULL) {
        Value r = rt_call0(f);
        if (r == VAL_NULL)
            return false;
        if (!rt_isinstance_of(r, &rt_float_type)) {
            rt_raisef(&rt_TypeError, "%s.__float__ returned non-float (type %T)",
                      val_type(v)->name, r);
            return false;
        }
        *out = AS_FLOAT(r)->value;
        return true;
    }
    f = mod_lookup_special(v, "__index__");
    if (f != VAL_NULL) {
        Value r = rt_call0(f);
        return r != VAL_NULL && mod_as_double(r, out);
    }
    rt_raisef(&rt_TypeError, "must be real number, not %T", v);
    return false;
}

Value mod_call_method(Value obj, const char *name, Value *args, size_t nargs)
{
    /* A builtin object's own method called directly, as the bound method
     * would: its type's dict need not be filled for it (start-up's
     * streams ask their buffers readable(), writable()...). */
    Value all[4] = { obj };
    NativeFunc fn = nargs < 4 ? rt_pending_method(obj, rt_str_intern_cstr(name)) : NULL;
    if (fn != NULL) {
        for (size_t i = 0; i < nargs; i++)
            all[i + 1] = args[i];
        return fn(all, nargs + 1, VAL_NULL);
    }
    Value f = rt_getattr_cstr(obj, name);
    if (f == VAL_NULL)
        return VAL_NULL;
    return rt_call(f, args, nargs, VAL_NULL);
}

Value mod_import(const char *name)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    return rt_call1(import, rt_str_from_cstr(name));
}

/* ---- bytes-like objects ----------------------------------------------------- */

/* Through the buffer protocol (runtime/buffer.h): bytes, bytearray,
 * array.array, memoryview and whatever else exports one.  pvm's exporters
 * never move or free a block they handed out (buffer.h), so the pointer
 * stays good after the view is released.  false with no exception when v
 * is no bytes-like object at all; false with one when it is but cannot be
 * read as one contiguous block. */
static bool buffer_of(Value v, ModBuffer *out)
{
    if (!rt_has_buffer(v))
        return false;
    RtBuffer view;
    if (rt_get_buffer(v, &view, RT_BUF_SIMPLE) < 0)
        return false;
    *out = (ModBuffer){ view.buf, (size_t)view.len, view.readonly ? NULL : view.buf };
    rt_release_buffer(&view);
    return true;
}

bool mod_is_buffer(Value v)
{
    ModBuffer b;
    if (buffer_of(v, &b))
        return true;
    rt_err_clear();
    return false;
}

bool mod_get_buffer(Value v, ModBuffer *out)
{
    if (buffer_of(v, out))
        return true;
    if (!rt_err_occurred())
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", v);
    return false;
}

bool mod_get_writable_buffer(Value v, ModBuffer *out)
{
    if (buffer_of(v, out) && out->wdata != NULL)
        return true;
    if (!rt_err_occurred())
        rt_raisef(&rt_TypeError, "argument must be read-write bytes-like object, not %T", v);
    return false;
}

ModBuffer mod_buffer_join(Value kept, const ModBuffer *data)
{
    size_t n = AS_BYTES(kept)->length;
    if (n == 0)
        return *data;
    unsigned char *joined = gc_alloc_atomic(n + data->len + 1);
    memcpy(joined, AS_BYTES(kept)->data, n);
    memcpy(joined + n, data->data, data->len);
    return (ModBuffer){ joined, n + data->len, NULL };
}

bool mod_decompress_input(Value *args, size_t nargs, Value kw, bool eof,
                          const char *eof_message, Value pending,
                          ModBuffer *in, size_t *limit)
{
    static const char *const names[] = { "data", "max_length" };
    static const ArgSpec spec = { "decompress", names, 2, 0, 1, 2, false };
    Value a[2];
    ModBuffer data;
    ssize_t max_length = -1;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !mod_get_buffer(a[0], &data) ||
        (a[1] != VAL_NULL && !rt_as_ssize(a[1], &max_length)))
        return false;
    if (eof) {
        rt_raisef(&rt_EOFError, "%s", eof_message);
        return false;
    }
    *in = mod_buffer_join(pending, &data);
    *limit = max_length < 0 ? SIZE_MAX : (size_t)max_length;
    return true;
}

void mod_decompress_keep(const unsigned char *rest, size_t left, bool eof, bool room_left,
                         Value *pending, Value *unused_data, bool *needs_input)
{
    *pending = rt_bytes_new(NULL, 0);
    *needs_input = !eof && left == 0 && room_left;
    if (left > 0) {
        if (eof)
            *unused_data = rt_bytes_new(rest, left);
        else
            *pending = rt_bytes_new(rest, left);
    }
}

void mod_output_init(ModOutput *o, size_t first, size_t limit)
{
    o->cap = first < limit ? first : limit;
    o->data = gc_alloc_atomic(o->cap + 1);
    o->limit = limit;
}

size_t mod_output_room(ModOutput *o, size_t used)
{
    if (used == o->cap) {
        if (o->cap >= o->limit)
            return 0;
        o->cap = o->cap > o->limit / 2 ? o->limit : 2 * o->cap;
        o->data = gc_realloc(o->data, o->cap + 1);
    }
    return o->cap - used;
}

/* ---- libraries opened on first use --------------------------------------------- */

#include <dlfcn.h>

bool mod_load_library(const char *soname, const char *const *names, void **ptrs, size_t n)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        rt_raisef(&rt_ImportError, "cannot load %s: %s", soname, dlerror());
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if ((ptrs[i] = dlsym(lib, names[i])) == NULL) {
            rt_raisef(&rt_ImportError, "%s has no function %s", soname, names[i]);
            return false;
        }
    return true;
}

/* ---- ints as GMP integers -------------------------------------------------- */

#include <gmp.h>
#include "modules/mpz.h"

void mod_int_to_mpz(Value v, mpz_t out)
{
    v = rt_int_unbool(v);
    if (val_is_small(v))
        mpz_set_si(out, (long)small_value(v));
    else
        mpz_set(out, (mpz_srcptr)(void *)&VAL_AS(ObjInt, v)->z);
}

Value mod_int_from_mpz(const mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long l = mpz_get_si(z);
        if (small_fits(l))
            return small_new(l);
    }
    ObjInt *o = gc_alloc(sizeof *o);
    o->ob.type = &rt_int_type;
    mpz_init_set((mpz_ptr)(void *)&o->z, z);
    return obj_val(o);
}
