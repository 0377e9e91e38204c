/*
 * dbm_ndbm.c — the `_dbm` module under Lib/dbm/ndbm.py, CPython 3.11's
 * Modules/_dbmmodule.c: open(filename, flags='r', mode=0o666) and the
 * database object (dbm.c), on the ndbm interface of Berkeley DB 5.3, the
 * library Debian's python3.11 builds `_dbm` on (library == "Berkeley DB";
 * the database is the file name plus ".db"), so that pvm and python3.11
 * read and write the same files.  libdb is opened when `_dbm` is first
 * imported (MOD_LIBRARY, modutil.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#define DB_DBM_HSEARCH 1
#include <db.h>
#include "modules/dbm.h"

#define NDBM_FUNCTIONS(X)                                                        \
    X(__db_ndbm_open) X(__db_ndbm_close) X(__db_ndbm_fetch) X(__db_ndbm_store)   \
    X(__db_ndbm_delete) X(__db_ndbm_firstkey) X(__db_ndbm_nextkey)               \
    X(__db_ndbm_clearerr)
MOD_LIBRARY(libdb, "libdb-5.3.so", NDBM_FUNCTIONS)

static ObjType dbm_error = {
    .ob.type = &rt_type_type, .name = "_dbm.error", .base = &rt_OSError,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
static ObjType dbm_type = { .ob.type = &rt_type_type, .name = "_dbm.dbm" };

static datum to_datum(DbmDatum d)
{
    return (datum){ (char *)d.data, (int)d.len };
}

static Value bytes_or_null(datum d)
{
    return d.dptr != NULL ? rt_bytes_new((const unsigned char *)d.dptr, (size_t)d.dsize) : VAL_NULL;
}

static void ndbm_close(void *db)
{
    libdb.__db_ndbm_close(db);
}

static Value ndbm_fetch(void *db, DbmDatum key)
{
    return bytes_or_null(libdb.__db_ndbm_fetch(db, to_datum(key)));
}

static int ndbm_store(void *db, DbmDatum key, DbmDatum value, bool replace)
{
    if (libdb.__db_ndbm_store(db, to_datum(key), to_datum(value),
                              replace ? DBM_REPLACE : DBM_INSERT) < 0) {
        libdb.__db_ndbm_clearerr(db);
        rt_raisef(&dbm_error, "cannot add item to database");
        return -1;
    }
    return 0;
}

/* A failed delete is a missing key in a writable database: the library
 * does not tell that from other failures, nor does CPython. */
static int ndbm_delete(void *db, DbmDatum key, Value pykey, bool writable)
{
    if (libdb.__db_ndbm_delete(db, to_datum(key)) >= 0)
        return 0;
    libdb.__db_ndbm_clearerr(db);
    if (writable)
        rt_raise_args(&rt_KeyError, rt_tuple_pack(1, pykey));
    else
        rt_raisef(&dbm_error, "cannot delete item from database");
    return -1;
}

static Value ndbm_first(void *db)
{
    return bytes_or_null(libdb.__db_ndbm_firstkey(db));
}

/* ndbm walks with a cursor of its own: the previous key is not needed. */
static Value ndbm_next(void *db, Value prev)
{
    return bytes_or_null(libdb.__db_ndbm_nextkey(db));
}

static const DbmBackend ndbm_backend = {
    .closed_name = "DBM",
    .key_message = "dbm mappings have bytes or string keys only",
    .value_message = "dbm mappings have bytes or string elements only",
    .contains_name = "dbm",
    .error = &dbm_error,
    .defining_class_get = true,
    .close = ndbm_close, .fetch = ndbm_fetch, .store = ndbm_store, .delete = ndbm_delete,
    .first = ndbm_first, .next = ndbm_next,
};

/* open(filename, flags='r', mode=0o666, /) */
static Value ndbm_open(Value *args, size_t nargs, Value kw)
{
    const char *flags;
    int mode;
    if (!mod_dbm_open_args(args, nargs, kw, &flags, &mode))
        return VAL_NULL;
    static const struct { const char *name; int flags; } modes[] = {
        {"r", O_RDONLY}, {"w", O_RDWR}, {"rw", O_RDWR | O_CREAT}, {"c", O_RDWR | O_CREAT},
        {"n", O_RDWR | O_CREAT | O_TRUNC},
    };
    int oflags = -1;
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (strcmp(flags, modes[i].name) == 0)
            oflags = modes[i].flags;
    if (oflags < 0)
        return rt_raisef(&dbm_error, "arg 2 to open should be 'r', 'w', 'c', or 'n'");
    const char *file = mod_dbm_filename(args[0]);
    if (file == NULL)
        return VAL_NULL;
    errno = 0;
    DBM *db = libdb.__db_ndbm_open(file, oflags, mode);
    if (db == NULL)
        return mod_dbm_errno_error(&dbm_error, file);
    return mod_dbm_new(&dbm_type, &ndbm_backend, db, (oflags & O_RDWR) != 0);
}

static const MethodDef ndbm_functions[] = {
    {"open", ndbm_open},
    {NULL, NULL}
};

Value mod_dbm_init(void)
{
    if (!libdb_ready())
        return VAL_NULL;
    if (dbm_error.mro == VAL_NULL)
        rt_type_ready(&dbm_error, NULL);
    mod_dbm_type_ready(&dbm_type, NULL);
    Value m = mod_module_new("_dbm", ndbm_functions);
    mod_module_set(m, "library", rt_str_from_cstr("Berkeley DB"));
    mod_module_set(m, "error", obj_val(&dbm_error));
    return m;
}
