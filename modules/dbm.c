/*
 * dbm.c — the mapping `_dbm` and `_gdbm` share (dbm.h): the database
 * object's slots and common methods, the conversions of keys, values and
 * file names, and the closing of databases left open.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "modules/dbm.h"
#include "modules/posix.h"
#include "runtime/buffer.h"
#include "runtime/version.h"

#define DBM(v) VAL_AS(ObjDbm, v)

/* ---- databases left open ------------------------------------------------------
 * The handles of the open databases, in memory the collector does not scan
 * (so the list does not keep their objects alive), closed at exit. */
typedef struct OpenDb {
    void *db;
    const DbmBackend *backend;
    struct OpenDb *next;
} OpenDb;

static OpenDb *open_dbs;

static void close_all_at_exit(void)
{
    for (OpenDb *o = open_dbs; o != NULL; o = o->next)
        o->backend->close(o->db);
    open_dbs = NULL;
}

static void remember_open(void *db, const DbmBackend *backend)
{
    static bool hooked;
    if (!hooked)
        hooked = atexit(close_all_at_exit) == 0;
    OpenDb *o = malloc(sizeof *o);
    if (o == NULL)
        return;                 /* it is then closed by close() or the collector only */
    *o = (OpenDb){ db, backend, open_dbs };
    open_dbs = o;
}

static void forget_open(void *db)
{
    for (OpenDb **p = &open_dbs; *p != NULL; p = &(*p)->next)
        if ((*p)->db == db) {
            OpenDb *o = *p;
            *p = o->next;
            free(o);
            return;
        }
}

static void close_db(ObjDbm *d)
{
    if (d->db == NULL)
        return;
    forget_open(d->db);
    d->backend->close(d->db);
    d->db = NULL;
}

/* The collector found an unclosed database unreachable (CPython's dealloc). */
static void close_when_collected(void *obj, void *data)
{
    close_db(obj);
}

Value mod_dbm_new(ObjType *type, const DbmBackend *backend, void *db, bool writable)
{
    ObjDbm *d = gc_alloc(sizeof *d);
    d->ob.type = type;
    d->backend = backend;
    d->db = db;
    d->size = -1;
    d->writable = writable;
    remember_open(db, backend);
    gc_register_finalizer(d, close_when_collected, NULL);
    return obj_val(d);
}

/* ---- conversions ------------------------------------------------------------------ */

ObjDbm *mod_dbm_open_self(Value self)
{
    ObjDbm *d = DBM(self);
    if (d->db == NULL) {
        rt_raisef(d->backend->error, "%s object has already been closed", d->backend->closed_name);
        return NULL;
    }
    return d;
}

bool mod_dbm_datum(Value v, DbmDatum *out, const char *message)
{
    if (rt_is_str(v)) {
        out->data = mod_str_utf8(v);
        out->len = rt_str_nbytes(v);
        return out->data != NULL;
    }
    ModBuffer b;
    bool ok = mod_is_buffer(v) && mod_get_buffer(v, &b);
    /* "s#" takes no object that must be told when its bytes are released
     * (bytearray, memoryview, array): only bytes-like objects that cannot change. */
    if (ok && (b.wdata != NULL || val_type(v)->releasebuffer != NULL ||
               rt_isinstance_of(v, &rt_memoryview_type))) {
        rt_raisef(&rt_TypeError, "argument must be read-only bytes-like object, not %T", v);
        ok = false;
    } else if (!ok && !rt_err_occurred()) {
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", v);
    }
    if (!ok) {
        if (message != NULL && rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "%s", message);
        }
        return false;
    }
    out->data = (const char *)b.data;
    out->len = b.len;
    return true;
}

const char *mod_dbm_filename(Value filename)
{
    PathArg p = mod_posix_path_spec("open", "filename", false, false);
    return mod_posix_fsconvert(filename, &p) ? p.narrow : NULL;
}

Value mod_dbm_errno_error(ObjType *error, const char *file)
{
    int e = errno;
    Value code = rt_int_from_i64(e), message = rt_str_from_cstr(strerror(e));
    if (file == NULL)
        return rt_raise_args(error, rt_tuple_pack(2, code, message));
    return rt_raise_args(error, rt_tuple_pack(3, code, message,
                                              mod_posix_name(file, strlen(file), false)));
}

bool mod_dbm_open_args(Value *args, size_t nargs, Value kw, const char **flags, int *mode)
{
    if (!rt_arg_nokw("open", kw) || !rt_arg_range("open", nargs, 1, 3))
        return false;
    *flags = "r";
    *mode = 0666;
    if (nargs > 1) {
        if (!rt_is_str(args[1])) {
            rt_raisef(&rt_TypeError, "open() argument 2 must be str, not %T", args[1]);
            return false;
        }
        *flags = mod_str_utf8(args[1]);
        if (*flags == NULL)
            return false;
        if (strlen(*flags) != rt_str_nbytes(args[1])) {
            rt_raisef(&rt_ValueError, "embedded null character");
            return false;
        }
    }
    if (nargs > 2) {
        Value m = rt_index(args[2]);
        return m != VAL_NULL && rt_int_as_int(m, mode);
    }
    return true;
}

/* "dbm.close() takes no arguments (1 given)": METH_NOARGS names the type. */
static bool arg_none_qualified(ObjDbm *d, const char *fname, size_t nargs, Value kw)
{
    return rt_arg_none_in(d->backend->contains_name, fname, nargs, kw);
}

static bool arg_nokw_qualified(ObjDbm *d, const char *fname, Value kw)
{
    return rt_arg_nokw_in(d->backend->contains_name, fname, kw);
}

/* ---- the mapping ------------------------------------------------------------------- */

static ssize_t dbm_len(Value self)
{
    ObjDbm *d = mod_dbm_open_self(self);
    if (d == NULL)
        return -1;
    if (d->size >= 0)
        return d->size;
    if (d->backend->count != NULL)
        return d->size = d->backend->count(d->db);
    ssize_t n = 0;
    for (Value k = d->backend->first(d->db); k != VAL_NULL; k = d->backend->next(d->db, k))
        n++;
    return d->size = n;
}

static int dbm_truth(Value self)
{
    ObjDbm *d = mod_dbm_open_self(self);
    if (d == NULL)
        return -1;
    if (d->size >= 0)
        return d->size > 0;
    if (d->backend->first(d->db) != VAL_NULL)
        return 1;
    d->size = 0;
    return 0;
}

static Value dbm_getitem(Value self, Value key)
{
    DbmDatum k;
    if (!mod_dbm_datum(key, &k, NULL))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(self);
    if (d == NULL)
        return VAL_NULL;
    Value v = d->backend->fetch(d->db, k);
    return v != VAL_NULL ? v : rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

static int dbm_setitem(Value self, Value key, Value value)
{
    const DbmBackend *b = DBM(self)->backend;
    DbmDatum k, v;
    if (!mod_dbm_datum(key, &k, b->key_message))
        return -1;
    ObjDbm *d = mod_dbm_open_self(self);
    if (d == NULL)
        return -1;
    d->size = -1;
    if (value == VAL_NULL)
        return b->delete(d->db, k, key, d->writable);
    if (!mod_dbm_datum(value, &v, b->value_message))
        return -1;
    return b->store(d->db, k, v, true);
}

static int dbm_contains(Value self, Value key)
{
    ObjDbm *d = mod_dbm_open_self(self);
    if (d == NULL)
        return -1;
    if (!rt_is_str(key) && !IS_EXACT(key, rt_bytes_type)) {
        rt_raisef(&rt_TypeError, "%s key must be bytes or string, not %T",
                  d->backend->contains_name, key);
        return -1;
    }
    DbmDatum k;
    if (!mod_dbm_datum(key, &k, NULL))
        return -1;
    return d->backend->fetch(d->db, k) != VAL_NULL;
}

/* ---- methods -------------------------------------------------------------------- */

/* The methods CPython declares with a defining class (keys, and gdbm's
 * firstkey, sync, reorganize): "keys() takes no arguments".  Before 3.13
 * Argument Clinic's code for them looked at the positional count only:
 * keywords were ignored (`db.keys(a=1)` is the keys). */
bool mod_dbm_no_args(const char *fname, size_t nargs, Value kw)
{
    size_t nkw = rt_nkwargs(kw);        /* nargs counts their values too */
    if (nargs == nkw && (nkw == 0 || rt_py_minor < 13))
        return true;
    rt_raisef(&rt_TypeError, "%s() takes no arguments", fname);
    return false;
}

/* (key, default=...) of get and setdefault: dbm's are declared with a
 * defining class, gdbm's as plain positional-only parameters, and each
 * words a wrong call its own way. */
static bool key_and_default(const char *fname, Value *args, size_t nargs, Value kw)
{
    ObjDbm *d = DBM(args[0]);
    nargs--;
    if (!d->backend->defining_class_get)
        return arg_nokw_qualified(d, fname, kw) && rt_arg_range(fname, nargs, 1, 2);
    if (rt_nkwargs(kw) > 0) {
        rt_invalid_keyword(fname, rt_tuple_get(kw, 0));
        return false;
    }
    if (nargs < 1)
        rt_raisef(&rt_TypeError, "%s() takes at least 1 positional argument (0 given)", fname);
    else if (nargs > 2)
        rt_raisef(&rt_TypeError, "%s() takes at most 2 arguments (%zu given)", fname, nargs);
    return nargs >= 1 && nargs <= 2;
}

static Value dbm_close(Value *args, size_t nargs, Value kw)
{
    if (!arg_none_qualified(DBM(args[0]), "close", nargs - 1, kw))
        return VAL_NULL;
    close_db(DBM(args[0]));
    return rt_None;
}

static Value dbm_keys(Value *args, size_t nargs, Value kw)
{
    if (!mod_dbm_no_args("keys", nargs - 1, kw))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(args[0]);
    if (d == NULL)
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (Value k = d->backend->first(d->db); k != VAL_NULL; k = d->backend->next(d->db, k))
        rt_list_append(list, k);
    return list;
}

static Value dbm_get(Value *args, size_t nargs, Value kw)
{
    if (!key_and_default("get", args, nargs, kw))
        return VAL_NULL;
    DbmDatum k;
    if (!mod_dbm_datum(args[1], &k, NULL))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(args[0]);
    if (d == NULL)
        return VAL_NULL;
    Value v = d->backend->fetch(d->db, k);
    return v != VAL_NULL ? v : nargs > 2 ? args[2] : rt_None;
}

static Value dbm_setdefault(Value *args, size_t nargs, Value kw)
{
    if (!key_and_default("setdefault", args, nargs, kw))
        return VAL_NULL;
    const DbmBackend *b = DBM(args[0])->backend;
    DbmDatum k, v;
    if (!mod_dbm_datum(args[1], &k, NULL))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(args[0]);
    if (d == NULL)
        return VAL_NULL;
    Value found = b->fetch(d->db, k);
    if (found != VAL_NULL)
        return found;
    Value dflt = nargs > 2 ? args[2] : b->setdefault_none ? rt_None : rt_bytes_new(NULL, 0);
    if (!mod_dbm_datum(dflt, &v, b->setdefault_none ? b->key_message : b->value_message))
        return VAL_NULL;
    d->size = -1;
    if (b->store(d->db, k, v, !b->setdefault_fetches) < 0)
        return VAL_NULL;
    return b->setdefault_fetches ? dbm_getitem(args[0], args[1]) : dflt;
}

/* clear(), new in 3.13: delete the first key until there is none. */
static Value dbm_clear(Value *args, size_t nargs, Value kw)
{
    if (!mod_dbm_no_args("clear", nargs - 1, kw))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(args[0]);
    if (d == NULL)
        return VAL_NULL;
    d->size = -1;
    for (Value k; (k = d->backend->first(d->db)) != VAL_NULL;) {
        DbmDatum key = { (const char *)AS_BYTES(k)->data, AS_BYTES(k)->length };
        if (d->backend->delete(d->db, key, k, false) < 0) {
            rt_err_clear();
            return rt_raisef(d->backend->error, "cannot delete item from database");
        }
    }
    return rt_None;
}

static Value dbm_enter(Value *args, size_t nargs, Value kw)
{
    if (!arg_none_qualified(DBM(args[0]), "__enter__", nargs - 1, kw))
        return VAL_NULL;
    return args[0];
}

static Value dbm_exit(Value *args, size_t nargs, Value kw)
{
    if (!arg_nokw_qualified(DBM(args[0]), "__exit__", kw))
        return VAL_NULL;
    close_db(DBM(args[0]));
    return rt_None;
}

static const MethodDef common_methods[] = {
    {"close", dbm_close}, {"keys", dbm_keys}, {"get", dbm_get},
    {"setdefault", dbm_setdefault}, {"__enter__", dbm_enter}, {"__exit__", dbm_exit},
};
#define NCOMMON (sizeof common_methods / sizeof common_methods[0])

void mod_dbm_type_ready(ObjType *type, const MethodDef *extra)
{
    if (type->mro != VAL_NULL)
        return;
    /* The common methods, 3.13's clear, then the module's own. */
    MethodDef *all = malloc(sizeof(MethodDef) * (NCOMMON + 8));     /* kept for good */
    size_t n = 0;
    for (; n < NCOMMON; n++)
        all[n] = common_methods[n];
    if (rt_py_minor >= 13)
        all[n++] = (MethodDef){"clear", dbm_clear};
    for (size_t i = 0; extra != NULL && extra[i].name != NULL; i++)
        all[n++] = extra[i];
    all[n] = (MethodDef){NULL, NULL};
    type->new_ = mod_no_new;
    type->len = dbm_len;
    type->truth = dbm_truth;
    type->getitem = dbm_getitem;
    type->setitem = dbm_setitem;
    type->contains = dbm_contains;
    rt_type_ready(type, all);
}
