/*
 * dbm_gdbm.c — the `_gdbm` module under Lib/dbm/gnu.py, CPython 3.11's
 * Modules/_gdbmmodule.c: open(filename, flags='r', mode=0o666) with gdbm's
 * extra flags ('f' fast, 's' sync, 'u' no lock: open_flags), and the
 * database object (dbm.c) with gdbm's own methods firstkey, nextkey,
 * reorganize and sync; on GNU gdbm (libgdbm, opened when `_gdbm` is first
 * imported, MOD_LIBRARY).  gdbm hands out keys and values in memory of its
 * own, copied into bytes and freed at once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <gdbm.h>
#include "modules/dbm.h"

#define GDBM_FUNCTIONS(X)                                                         \
    X(gdbm_open) X(gdbm_close) X(gdbm_fetch) X(gdbm_store) X(gdbm_delete)         \
    X(gdbm_firstkey) X(gdbm_nextkey) X(gdbm_exists) X(gdbm_count) X(gdbm_reorganize) \
    X(gdbm_sync) X(gdbm_strerror) X(gdbm_errno_location)
MOD_LIBRARY(libgdbm, "libgdbm.so.6", GDBM_FUNCTIONS)

static ObjType gdbm_error_type = {
    .ob.type = &rt_type_type, .name = "_gdbm.error", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
static ObjType gdbm_type = { .ob.type = &rt_type_type, .name = "_gdbm.gdbm" };

static datum to_datum(DbmDatum d)
{
    return (datum){ (char *)d.data, (int)d.len };
}

/* bytes of a datum gdbm allocated (freed here), or VAL_NULL for none. */
static Value take_bytes(datum d)
{
    if (d.dptr == NULL)
        return VAL_NULL;
    Value b = rt_bytes_new((const unsigned char *)d.dptr, (size_t)d.dsize);
    free(d.dptr);
    return b;
}

/* gdbm's failure: from errno when the system set it, else gdbm's own. */
static Value gdbm_failure(void)
{
    if (errno != 0)
        return mod_dbm_errno_error(&gdbm_error_type, NULL);
    return rt_raisef(&gdbm_error_type, "%s", libgdbm.gdbm_strerror(*libgdbm.gdbm_errno_location()));
}

static void gd_close(void *db)
{
    libgdbm.gdbm_close(db);
}

static Value gd_fetch(void *db, DbmDatum key)
{
    return take_bytes(libgdbm.gdbm_fetch(db, to_datum(key)));
}

static int gd_store(void *db, DbmDatum key, DbmDatum value, bool replace)
{
    errno = 0;
    if (libgdbm.gdbm_store(db, to_datum(key), to_datum(value),
                           replace ? GDBM_REPLACE : GDBM_INSERT) < 0) {
        gdbm_failure();
        return -1;
    }
    return 0;
}

static int gd_delete(void *db, DbmDatum key, Value pykey, bool writable)
{
    if (libgdbm.gdbm_delete(db, to_datum(key)) >= 0)
        return 0;
    if (*libgdbm.gdbm_errno_location() == GDBM_ITEM_NOT_FOUND)
        rt_raise_args(&rt_KeyError, rt_tuple_pack(1, pykey));
    else
        rt_raisef(&gdbm_error_type, "%s", libgdbm.gdbm_strerror(*libgdbm.gdbm_errno_location()));
    return -1;
}

static Value gd_first(void *db)
{
    return take_bytes(libgdbm.gdbm_firstkey(db));
}

static Value gd_next(void *db, Value prev)
{
    DbmDatum k = { (const char *)AS_BYTES(prev)->data, AS_BYTES(prev)->length };
    return take_bytes(libgdbm.gdbm_nextkey(db, to_datum(k)));
}

static ssize_t gd_count(void *db)
{
    gdbm_count_t n;
    errno = 0;
    if (libgdbm.gdbm_count(db, &n) < 0) {
        gdbm_failure();
        return -1;
    }
    return (ssize_t)n;
}

static const DbmBackend gdbm_backend = {
    .closed_name = "GDBM",
    .key_message = "gdbm mappings have bytes or string indices only",
    .value_message = "gdbm mappings have bytes or string indices only",
    .contains_name = "gdbm",
    .error = &gdbm_error_type,
    .setdefault_none = true, .setdefault_fetches = true,
    .close = gd_close, .fetch = gd_fetch, .store = gd_store, .delete = gd_delete,
    .first = gd_first, .next = gd_next, .count = gd_count,
};

/* ---- gdbm's own methods ------------------------------------------------------------ */

static ObjDbm *open_self(Value *args, size_t nargs, Value kw, const char *fname)
{
    return mod_dbm_no_args(fname, nargs - 1, kw) ? mod_dbm_open_self(args[0]) : NULL;
}

static Value gd_firstkey(Value *args, size_t nargs, Value kw)
{
    ObjDbm *d = open_self(args, nargs, kw, "firstkey");
    if (d == NULL)
        return VAL_NULL;
    Value k = gd_first(d->db);
    return k != VAL_NULL ? k : rt_None;
}

static Value gd_nextkey(Value *args, size_t nargs, Value kw)
{
    DbmDatum key;
    if (nargs != 2 || rt_nkwargs(kw) > 0)
        return rt_raisef(&rt_TypeError, "nextkey() takes exactly 1 positional argument (%zu given)",
                         nargs - 1 - rt_nkwargs(kw));
    if (!mod_dbm_datum(args[1], &key, NULL))
        return VAL_NULL;
    ObjDbm *d = mod_dbm_open_self(args[0]);
    if (d == NULL)
        return VAL_NULL;
    Value k = take_bytes(libgdbm.gdbm_nextkey(d->db, to_datum(key)));
    return k != VAL_NULL ? k : rt_None;
}

static Value gd_reorganize(Value *args, size_t nargs, Value kw)
{
    ObjDbm *d = open_self(args, nargs, kw, "reorganize");
    if (d == NULL)
        return VAL_NULL;
    errno = 0;
    if (libgdbm.gdbm_reorganize(d->db) < 0)
        return gdbm_failure();
    return rt_None;
}

static Value gd_sync(Value *args, size_t nargs, Value kw)
{
    ObjDbm *d = open_self(args, nargs, kw, "sync");
    if (d == NULL)
        return VAL_NULL;
    libgdbm.gdbm_sync(d->db);
    return rt_None;
}

static const MethodDef gdbm_methods[] = {
    {"firstkey", gd_firstkey}, {"nextkey", gd_nextkey}, {"reorganize", gd_reorganize},
    {"sync", gd_sync},
    {NULL, NULL}
};

/* ---- open ------------------------------------------------------------------------ */

/* flags: one of r w c n, then any of f s u. */
static bool open_flags(const char *flags, int *out)
{
    static const char first[] = "rwcn";
    const char *f = flags[0] != '\0' ? strchr(first, flags[0]) : NULL;
    if (f == NULL) {
        rt_raisef(&gdbm_error_type, "First flag must be one of 'r', 'w', 'c' or 'n'");
        return false;
    }
    static const int modes[] = { GDBM_READER, GDBM_WRITER, GDBM_WRCREAT, GDBM_NEWDB };
    *out = modes[f - first];
    for (const char *c = flags + 1; *c != '\0'; c++) {
        switch (*c) {
        case 'f': *out |= GDBM_FAST; break;
        case 's': *out |= GDBM_SYNC; break;
        case 'u': *out |= GDBM_NOLOCK; break;
        default:
            rt_raisef(&gdbm_error_type, "Flag '%c' is not supported.", *c);
            return false;
        }
    }
    return true;
}

/* open(filename, flags='r', mode=0o666, /) */
static Value gd_open(Value *args, size_t nargs, Value kw)
{
    const char *flags;
    int mode, iflags;
    if (!mod_dbm_open_args(args, nargs, kw, &flags, &mode))
        return VAL_NULL;
    if (!open_flags(flags, &iflags))
        return VAL_NULL;
    const char *file = mod_dbm_filename(args[0]);
    if (file == NULL)
        return VAL_NULL;
    errno = 0;
    GDBM_FILE db = libgdbm.gdbm_open(file, 0, iflags, mode, NULL);
    if (db == NULL)
        return errno != 0 ? mod_dbm_errno_error(&gdbm_error_type, file) : gdbm_failure();
    return mod_dbm_new(&gdbm_type, &gdbm_backend, db, (iflags & 3) != GDBM_READER);
}

static const MethodDef gdbm_functions[] = {
    {"open", gd_open},
    {NULL, NULL}
};

Value mod_gdbm_init(void)
{
    if (!libgdbm_ready())
        return VAL_NULL;
    if (gdbm_error_type.mro == VAL_NULL)
        rt_type_ready(&gdbm_error_type, NULL);
    mod_dbm_type_ready(&gdbm_type, gdbm_methods);
    Value m = mod_module_new("_gdbm", gdbm_functions);
    mod_module_set(m, "error", obj_val(&gdbm_error_type));
    mod_module_set(m, "open_flags", rt_str_from_cstr("rwcnfsu"));
    mod_module_set(m, "_GDBM_VERSION",
                   rt_tuple_pack(3, rt_int_from_i64(GDBM_VERSION_MAJOR),
                                 rt_int_from_i64(GDBM_VERSION_MINOR),
                                 rt_int_from_i64(GDBM_VERSION_PATCH)));
    return m;
}
