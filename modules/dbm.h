/*
 * dbm.h — what the two dbm modules share: `_dbm` (dbm.ndbm, on Berkeley
 * DB's ndbm interface, dbm_ndbm.c) and `_gdbm` (dbm.gnu, on GNU gdbm,
 * dbm_gdbm.c) are the same mapping over different libraries.  dbm.c is
 * that mapping — CPython 3.11's dbm and gdbm objects: bytes or str keys and
 * values, len, `in`, get, setdefault, keys, close, the context manager,
 * "... object has already been closed" — and each backend file the calls
 * into its library, its open() flags and its own errors and methods.
 *
 * Each backend keeps the library's datum type to itself (both libraries
 * call theirs `datum`, so they cannot share a file); here a key or value is
 * a DbmDatum.  A database still open at exit is closed then (its library
 * may hold writes back until close), and one the collector finds
 * unreachable is closed when found.
 */
#ifndef PVM_MODULES_DBM_H
#define PVM_MODULES_DBM_H

#include "modules/modutil.h"

typedef struct DbmDatum {
    const char *data;
    size_t len;
} DbmDatum;

typedef struct DbmBackend {
    const char *closed_name;    /* "DBM": "DBM object has already been closed" */
    const char *key_message;    /* TypeError for a key of another type, in db[k] = v */
    const char *value_message;  /* ... and for a value */
    const char *contains_name;  /* "dbm": "dbm key must be bytes or string, not int" */
    ObjType *error;             /* _dbm.error */
    /* setdefault(k) without a default stores b'' (dbm) or None (gdbm,
     * which then fails as a value of the wrong type); it returns the
     * default given (dbm) or what the database now holds (gdbm). */
    bool setdefault_none, setdefault_fetches;
    /* get and setdefault declared with a defining class (their messages
     * for a wrong call differ). */
    bool defining_class_get;

    void (*close)(void *db);
    /* The value (bytes) under key, or VAL_NULL without an exception when
     * there is none. */
    Value (*fetch)(void *db, DbmDatum key);
    /* db[key] = value (replace) or setdefault's insert: 0, or -1 with
     * the backend's exception set. */
    int (*store)(void *db, DbmDatum key, DbmDatum value, bool replace);
    /* del db[key]: 0, or -1 with KeyError(pykey) or the backend's error. */
    int (*delete)(void *db, DbmDatum key, Value pykey, bool writable);
    /* The first key, and the one after `prev` (bytes), or VAL_NULL at the end. */
    Value (*first)(void *db);
    Value (*next)(void *db, Value prev);
    /* The number of keys (-1 + exception), or NULL: count by walking. */
    ssize_t (*count)(void *db);
} DbmBackend;

typedef struct ObjDbm {
    Object ob;
    const DbmBackend *backend;
    void *db;                   /* NULL once closed */
    ssize_t size;               /* the number of keys, or -1: unknown */
    bool writable;
} ObjDbm;

/* The object for a database the backend just opened (db non-NULL). */
Value mod_dbm_new(ObjType *type, const DbmBackend *backend, void *db, bool writable);
/* The open database of self, or NULL + "<X> object has already been closed". */
ObjDbm *mod_dbm_open_self(Value self);
/* A key or value argument as CPython's "s#" reads it (str as UTF-8, a
 * read-only bytes-like object); message replaces the TypeError when given. */
bool mod_dbm_datum(Value v, DbmDatum *out, const char *message);
/* "keys() takes no arguments" unless called without any. */
bool mod_dbm_no_args(const char *fname, size_t nargs, Value kw);
/* The file name of open(filename, ...), encoded, without NUL bytes. */
const char *mod_dbm_filename(Value filename);
/* open(filename, flags='r', mode=0o666, /)'s flags and mode, checked. */
bool mod_dbm_open_args(Value *args, size_t nargs, Value kw, const char **flags, int *mode);
/* The backend's error from errno, naming the file if not NULL
 * (PyErr_SetFromErrnoWithFilename). */
Value mod_dbm_errno_error(ObjType *error, const char *file);
/* Ready a dbm type: the mapping slots, and the methods both modules have
 * followed by the module's own (`extra`, may be NULL). */
void mod_dbm_type_ready(ObjType *type, const MethodDef *extra);

#endif
