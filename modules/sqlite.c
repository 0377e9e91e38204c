/*
 * sqlite.c — the _sqlite3 module (CPython 3.11's Modules/_sqlite/) on
 * libsqlite3: what CPython's own Lib/sqlite3 package (dbapi2.py, dump.py)
 * imports with `from _sqlite3 import *`.
 *
 *   connect(database, timeout=5.0, detect_types=0, isolation_level="",
 *           check_same_thread=True, factory=Connection,
 *           cached_statements=128, uri=False)
 *   Connection   cursor, execute, executemany, executescript, commit,
 *                rollback, close, the context manager (commit or rollback),
 *                create_function, create_aggregate, create_window_function,
 *                create_collation, set_authorizer, set_progress_handler,
 *                set_trace_callback, interrupt, getlimit/setlimit, backup,
 *                blobopen, iterdump (Lib/sqlite3/dump.py); total_changes,
 *                in_transaction, isolation_level, row_factory, text_factory
 *                and the exception classes as attributes
 *   Cursor       execute, executemany, executescript, fetchone, fetchmany,
 *                fetchall, iteration, close; description, rowcount,
 *                lastrowid, arraysize, row_factory, connection
 *   Row          a row indexed by position or (case-insensitively) by
 *                column name; keys(), len, ==, hash
 *   Blob         (blobopen) read, write, seek, tell, len, indexing, close
 *   Warning, Error and its subclasses, with sqlite_errorcode and
 *   sqlite_errorname; adapters/converters (register_adapter,
 *   register_converter, adapt, PrepareProtocol, PARSE_DECLTYPES,
 *   PARSE_COLNAMES); complete_statement; the SQLITE_* constants.
 *
 * A statement runs as in CPython: parameters are bound by position (a
 * sequence, `?`) or by name (a mapping, `:name`), each passed through the
 * adapters first; a DML statement (INSERT, UPDATE, DELETE, REPLACE) opens
 * a transaction implicitly ("BEGIN " + isolation_level) unless
 * isolation_level is None; rows are read one step ahead of fetching,
 * their columns converted by type (or by a registered converter when
 * detect_types asks for one).  Prepared statements are kept per
 * connection, the most recently used `cached_statements` of them.
 *
 * libsqlite3 is opened on first import (dlopen, modutil.h's MOD_LIBRARY),
 * as pvm's other libraries are.  sqlite allocates its own memory, outside
 * the collector's heap: a connection and a statement each close their
 * handle in a finaliser, and what sqlite keeps a pointer to (a callback's
 * context) is also kept reachable from its connection.  sqlite is called
 * with the interpreter lock held, so a user-defined function simply runs.
 */
#include <limits.h>
#include <string.h>
#include <sqlite3.h>
#include "runtime/version.h"
#include "vm/vm.h"
#include "vm/thread.h"
#include "modules/modutil.h"

#define SQ_FUNCTIONS(X) \
    X(sqlite3_libversion) X(sqlite3_threadsafe) X(sqlite3_complete) \
    X(sqlite3_open_v2) X(sqlite3_close_v2) X(sqlite3_busy_timeout) \
    X(sqlite3_errmsg) X(sqlite3_errstr) X(sqlite3_errcode) X(sqlite3_extended_errcode) \
    X(sqlite3_prepare_v2) X(sqlite3_finalize) X(sqlite3_reset) X(sqlite3_step) \
    X(sqlite3_stmt_readonly) X(sqlite3_stmt_busy) X(sqlite3_db_handle) \
    X(sqlite3_bind_parameter_count) X(sqlite3_bind_parameter_name) \
    X(sqlite3_bind_int64) X(sqlite3_bind_double) X(sqlite3_bind_text) X(sqlite3_bind_blob) \
    X(sqlite3_bind_null) X(sqlite3_column_count) X(sqlite3_column_name) \
    X(sqlite3_column_decltype) X(sqlite3_column_type) X(sqlite3_column_int64) \
    X(sqlite3_column_double) X(sqlite3_column_text) X(sqlite3_column_blob) \
    X(sqlite3_column_bytes) X(sqlite3_changes) X(sqlite3_total_changes) \
    X(sqlite3_last_insert_rowid) X(sqlite3_get_autocommit) X(sqlite3_limit) \
    X(sqlite3_interrupt) X(sqlite3_enable_shared_cache) \
    X(sqlite3_create_function_v2) X(sqlite3_create_window_function) \
    X(sqlite3_create_collation_v2) X(sqlite3_user_data) X(sqlite3_aggregate_context) \
    X(sqlite3_result_null) X(sqlite3_result_int64) X(sqlite3_result_double) \
    X(sqlite3_result_text) X(sqlite3_result_blob) X(sqlite3_result_error) \
    X(sqlite3_result_error_toobig) X(sqlite3_result_error_nomem) \
    X(sqlite3_value_type) X(sqlite3_value_int64) X(sqlite3_value_double) \
    X(sqlite3_value_text) X(sqlite3_value_blob) X(sqlite3_value_bytes) \
    X(sqlite3_set_authorizer) X(sqlite3_progress_handler) X(sqlite3_trace_v2) \
    X(sqlite3_expanded_sql) X(sqlite3_sql) X(sqlite3_free) \
    X(sqlite3_backup_init) X(sqlite3_backup_step) X(sqlite3_backup_finish) \
    X(sqlite3_backup_remaining) X(sqlite3_backup_pagecount) X(sqlite3_sleep) \
    X(sqlite3_blob_open) X(sqlite3_blob_close) X(sqlite3_blob_read) \
    X(sqlite3_blob_write) X(sqlite3_blob_bytes) X(sqlite3_serialize) X(sqlite3_deserialize) \
    X(sqlite3_malloc64)
MOD_LIBRARY(sq, "libsqlite3.so.0", SQ_FUNCTIONS)

enum { PARSE_DECLTYPES = 1, PARSE_COLNAMES = 2 };
/* Connection.autocommit (3.12) when isolation_level governs transactions. */
enum { LEGACY_TRANSACTION_CONTROL = -1 };

/* ---- the exceptions ---------------------------------------------------------------- */

#define SQ_EXCEPTION(var, pyname, base_type)                                  \
    static ObjType var = {                                                    \
        .ob.type = &rt_type_type, .name = "sqlite3." pyname, .base = &base_type, \
        .flags = TF_EXCEPTION | TF_BASETYPE,                                  \
    };
SQ_EXCEPTION(sq_Warning, "Warning", rt_Exception)
SQ_EXCEPTION(sq_Error, "Error", rt_Exception)
SQ_EXCEPTION(sq_InterfaceError, "InterfaceError", sq_Error)
SQ_EXCEPTION(sq_DatabaseError, "DatabaseError", sq_Error)
SQ_EXCEPTION(sq_InternalError, "InternalError", sq_DatabaseError)
SQ_EXCEPTION(sq_OperationalError, "OperationalError", sq_DatabaseError)
SQ_EXCEPTION(sq_ProgrammingError, "ProgrammingError", sq_DatabaseError)
SQ_EXCEPTION(sq_IntegrityError, "IntegrityError", sq_DatabaseError)
SQ_EXCEPTION(sq_DataError, "DataError", sq_DatabaseError)
SQ_EXCEPTION(sq_NotSupportedError, "NotSupportedError", sq_DatabaseError)

/* Each exception class under its name, base classes first. */
static ObjType *const exceptions[] = {
    &sq_Warning, &sq_Error, &sq_InterfaceError, &sq_DatabaseError, &sq_InternalError,
    &sq_OperationalError, &sq_ProgrammingError, &sq_IntegrityError, &sq_DataError,
    &sq_NotSupportedError,
};

/* The SQLITE_* result codes by name (sqlite_names.h, kind E). */
static const struct { const char *name; int code; } result_codes[] = {
#define PVM_SQLITE_E(name, text) {text, name},
#define PVM_SQLITE_C(name, text)
#define PVM_SQLITE(name, kind) PVM_SQLITE_##kind(name, #name)
#include "modules/sqlite_names.h"
#undef PVM_SQLITE
};

static const char *result_code_name(int code)
{
    for (size_t i = 0; i < sizeof result_codes / sizeof result_codes[0]; i++)
        if (result_codes[i].code == code)
            return result_codes[i].name;
    return NULL;
}

/* The exception class for a primary result code (CPython's
 * get_exception_class). */
static ObjType *error_class(int code)
{
    switch (code & 0xff) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND:
        return &sq_InternalError;
    case SQLITE_NOMEM:
        return &rt_MemoryError;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY:
    case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR:
    case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
        return &sq_OperationalError;
    case SQLITE_CORRUPT:
        return &sq_DatabaseError;
    case SQLITE_TOOBIG:
        return &sq_DataError;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH:
        return &sq_IntegrityError;
    case SQLITE_MISUSE: case SQLITE_RANGE:
        return &sq_InterfaceError;
    default:
        return &sq_DatabaseError;
    }
}

/* Raise the error db reports (CPython's _pysqlite_seterror): the class
 * its code maps to, sqlite's message, and the extended code and its name
 * as sqlite_errorcode and sqlite_errorname.  VAL_NULL. */
static Value raise_db_error(sqlite3 *db)
{
    int code = sq.sqlite3_errcode(db);
    if (code == SQLITE_OK)
        return VAL_NULL;
    ObjType *cls = error_class(code);
    if (cls == &rt_MemoryError)
        return rt_raise_nomemory();
    int extended = sq.sqlite3_extended_errcode(db);
    Value exc = rt_exc_new(cls, rt_tuple_pack(1, rt_str_from_cstr(sq.sqlite3_errmsg(db))));
    if (exc == VAL_NULL)
        return VAL_NULL;
    const char *name = result_code_name(extended);
    rt_setattr(exc, rt_str_from_cstr("sqlite_errorcode"), small_new(extended));
    rt_setattr(exc, rt_str_from_cstr("sqlite_errorname"),
               name != NULL ? rt_str_from_cstr(name) : rt_None);
    return rt_raise(exc);
}

/* ---- the module's state ---------------------------------------------------------------- */

static Value adapters;          /* (type, PrepareProtocol) -> adapter */
static Value converters;        /* upper-case type name -> converter */
static bool base_type_adapted;  /* an adapter was registered for int, float, str or bytearray */
static bool callback_tracebacks;

/* ---- objects ---------------------------------------------------------------- */

typedef struct ObjConnection {
    Object ob;
    sqlite3 *db;                /* NULL: closed (or __init__ not run) */
    bool initialized, check_same_thread, finalizer_set;
    unsigned long thread_ident;
    int detect_types;
    int cache_size;
    Value isolation_level;      /* str, or rt_None: autocommit */
    int autocommit;             /* 3.12's autocommit: LEGACY_TRANSACTION_CONTROL
                                 * (isolation_level decides), 0 or 1 */
    Value row_factory, text_factory;
    Value cache;                /* sql -> ObjStatement, least recently used first */
    Value contexts;             /* key -> Callback: what sqlite holds pointers to */
    Value blobs;                /* list of the open Blob objects */
} ObjConnection;

typedef struct ObjStatement {
    Object ob;
    sqlite3_stmt *st;           /* NULL for a statement of only comments */
    bool is_dml, in_use;
} ObjStatement;

typedef struct ObjCursor {
    Object ob;
    ObjConnection *connection;  /* NULL: __init__ not run */
    Value description, row_factory, lastrowid;
    ObjStatement *statement;    /* the statement whose rows are being read, or NULL */
    Value converters;           /* per column: converter or None (detect_types) */
    long rowcount;
    int arraysize;
    bool closed, locked;
} ObjCursor;

typedef struct ObjRow {
    Object ob;
    Value data;                 /* tuple */
    Value description;          /* the cursor's */
} ObjRow;

static ObjType connection_type, cursor_type, statement_type, row_type, prepare_type, blob_type;

#define CON(v) VAL_AS(ObjConnection, v)
#define CUR(v) VAL_AS(ObjCursor, v)

/* ---- checks every operation starts with ------------------------------------------- */

static bool check_thread(ObjConnection *c)
{
    unsigned long here = vm_thread_ident();
    if (c->check_same_thread && c->thread_ident != here) {
        rt_raisef(&sq_ProgrammingError,
                  "SQLite objects created in a thread can only be used in that same thread. "
                  "The object was created in thread id %ld and this is thread id %ld.",
                  (long)c->thread_ident, (long)here);
        return false;
    }
    return true;
}

static bool check_connection(ObjConnection *c)
{
    if (!c->initialized) {
        rt_raisef(&sq_ProgrammingError, "Base Connection.__init__ not called.");
        return false;
    }
    if (c->db == NULL) {
        rt_raisef(&sq_ProgrammingError, "Cannot operate on a closed database.");
        return false;
    }
    return true;
}

static bool check_usable(ObjConnection *c)
{
    return check_connection(c) && check_thread(c);
}

static bool check_cursor(ObjCursor *cu)
{
    if (cu->connection == NULL) {
        rt_raisef(&sq_ProgrammingError, "Base Cursor.__init__ not called.");
        return false;
    }
    if (cu->closed) {
        rt_raisef(&sq_ProgrammingError, "Cannot operate on a closed cursor.");
        return false;
    }
    if (cu->locked) {
        rt_raisef(&sq_ProgrammingError, "Recursive use of cursors not allowed.");
        return false;
    }
    return check_thread(cu->connection) && check_connection(cu->connection);
}

/* ---- text ------------------------------------------------------------------------------ */

/* sqlite's UTF-8 as a str; UnicodeDecodeError when it is not UTF-8. */
static Value text_value(const char *s, size_t n)
{
    if (rt_utf8_valid_strict((const unsigned char *)s, n, NULL))
        return rt_str_new(s, n);
    return rt_bytes_decode((const unsigned char *)s, n, rt_str_from_cstr("utf-8"),
                           rt_str_from_cstr("strict"));
}

/* A str's UTF-8 for sqlite, which takes no lone surrogates: NULL +
 * UnicodeEncodeError "surrogates not allowed" for one. */
static const char *utf8_of(Value s)
{
    if (!rt_str_has_surrogates(s))
        return rt_str_cstr(s);
    rt_str_encode(s, "utf-8", "strict");
    return NULL;
}

/* A str argument as UTF-8 (no NUL check); NULL + TypeError
 * "fname() argument N must be str, not X". */
static const char *str_arg(Value v, const char *fname, const char *which)
{
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() argument %s must be str, not %T", fname, which, v);
        return NULL;
    }
    return utf8_of(v);
}

/* An integer argument (anything with __index__) as a ssize_t; false +
 * TypeError "'str' object cannot be interpreted as an integer". */
static bool int_arg(Value v, ssize_t *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && mod_int_as_ssize(i, out);
}

/* An index (int or __index__) as a ssize_t; one too large for that is
 * IndexError "cannot fit 'int' into an index-sized integer". */
static bool index_arg(Value v, ssize_t *out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    if (mod_int_as_ssize(i, out))
        return true;
    if (rt_err_matches(&rt_OverflowError)) {
        rt_err_clear();
        rt_raisef(&rt_IndexError, "cannot fit '%s' into an index-sized integer", val_type(v)->name);
    }
    return false;
}

/* ---- the interpreter lock ----------------------------------------------------------
 * sqlite3_step may wait (the busy timeout, while another connection holds
 * the database) and may run long: as CPython does, it runs with the
 * interpreter lock released when other threads exist, and each callback
 * sqlite makes meanwhile (a user-defined function, the authorizer ...)
 * takes the lock back for its own duration. */

static __thread bool lock_released;     /* this thread let it go around a sqlite call */

static int step_unlocked(sqlite3_stmt *st)
{
    if (vm_thread_count() == 0)         /* no thread but this one (the main) */
        return sq.sqlite3_step(st);
    lock_released = true;
    vm_release_lock();
    int rc = sq.sqlite3_step(st);
    vm_reacquire_lock();
    lock_released = false;
    return rc;
}

/* At a callback's start: hold the lock (true when it had to be taken). */
static bool callback_lock(void)
{
    if (!lock_released)
        return false;
    vm_reacquire_lock();
    lock_released = false;
    return true;
}

/* At its end: give back what callback_lock took. */
static void callback_unlock(bool taken)
{
    if (taken) {
        lock_released = true;
        vm_release_lock();
    }
}

/* ---- statements -------------------------------------------------------------------- */

static void finalize_statement(void *obj, void *data)
{
    ObjStatement *s = obj;
    if (s->st != NULL)
        sq.sqlite3_finalize(s->st);
}

/* Past the blanks and comments at p (CPython's lstrip_sql); NULL when
 * nothing else follows. */
static const char *skip_blanks(const char *p)
{
    for (;;) {
        if (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\n' || *p == '\r') {
            p++;
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p != 0 && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (end == NULL)
                return NULL;
            p = end + 2;
        } else {
            return *p != 0 ? p : NULL;
        }
    }
}

/* Whether SQL text is left after `tail`: a second statement. */
static bool more_sql(const char *tail)
{
    return skip_blanks(tail) != NULL;
}

/* INSERT, UPDATE, DELETE or REPLACE: the statements that open a
 * transaction implicitly and count in rowcount. */
static bool is_dml(const char *p)
{
    if ((p = skip_blanks(p)) == NULL)
        return false;
    return strncasecmp(p, "insert", 6) == 0 || strncasecmp(p, "update", 6) == 0 ||
           strncasecmp(p, "delete", 6) == 0 || strncasecmp(p, "replace", 7) == 0;
}

static ObjStatement *statement_new(ObjConnection *c, Value sql)
{
    const char *text = utf8_of(sql);
    if (text == NULL)
        return NULL;
    size_t n = rt_str_nbytes(sql);
    if (n > (size_t)sq.sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        rt_raisef(&sq_DataError, "query string is too large");
        return NULL;
    }
    if (strlen(text) != n) {
        rt_raisef(&sq_ProgrammingError, "the query contains a null character");
        return NULL;
    }
    sqlite3_stmt *st;
    const char *tail;
    if (sq.sqlite3_prepare_v2(c->db, text, (int)n + 1, &st, &tail) != SQLITE_OK) {
        raise_db_error(c->db);
        return NULL;
    }
    if (more_sql(tail)) {
        sq.sqlite3_finalize(st);
        rt_raisef(&sq_ProgrammingError, "You can only execute one statement at a time.");
        return NULL;
    }
    ObjStatement *s = gc_alloc(sizeof *s);
    s->ob.type = &statement_type;
    s->st = st;
    s->is_dml = is_dml(text);
    if (st != NULL)
        gc_register_finalizer(s, finalize_statement, NULL);
    return s;
}

static void statement_reset(ObjStatement *s)
{
    if (s->in_use && s->st != NULL)
        sq.sqlite3_reset(s->st);
    s->in_use = false;
}

/* The prepared statement for sql, from the connection's cache (moved to
 * its most-recent end) or made and cached. */
static ObjStatement *cached_statement(ObjConnection *c, Value sql)
{
    bool error = false;
    Value s = c->cache_size > 0 ? rt_dict_get(c->cache, sql, &error) : VAL_NULL;
    if (error)
        return NULL;
    if (s != VAL_NULL) {
        rt_dict_del(c->cache, sql);
    } else {
        ObjStatement *made = statement_new(c, sql);
        if (made == NULL)
            return NULL;
        s = obj_val(made);
        if (c->cache_size <= 0)
            return made;
    }
    rt_dict_set(c->cache, sql, s);
    while (rt_dict_len(c->cache) > (size_t)c->cache_size) {
        size_t pos = 0;
        Value k, v;
        rt_dict_next(c->cache, &pos, &k, &v);
        rt_dict_del(c->cache, k);
    }
    return VAL_AS(ObjStatement, s);
}

/* Run one statement of no rows on the connection (BEGIN, COMMIT ...). */
static bool run_simple(ObjConnection *c, const char *sql)
{
    sqlite3_stmt *st;
    int rc = sq.sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = step_unlocked(st);
        sq.sqlite3_finalize(st);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        raise_db_error(c->db);
        return false;
    }
    return true;
}

/* ---- adapting parameters ------------------------------------------------------------ */

/* adapt(obj, proto, alt): the registered adapter's result, proto's
 * __adapt__(obj), obj's __conform__(proto), else alt (VAL_NULL:
 * ProgrammingError "can't adapt"). */
static Value adapt(Value obj, Value proto, Value alt)
{
    Value key = rt_tuple_pack(2, obj_val(val_type(obj)), proto);
    bool error = false;
    Value adapter = rt_dict_get(adapters, key, &error);
    if (error)
        return VAL_NULL;
    if (adapter != VAL_NULL)
        return rt_call1(adapter, obj);
    const char *hooks[2][2] = { {"__adapt__", NULL}, {"__conform__", NULL} };
    Value targets[2] = { proto, obj }, args[2] = { obj, proto };
    for (int i = 0; i < 2; i++) {
        Value hook = rt_lookup_attr(targets[i], rt_str_from_cstr(hooks[i][0]));
        if (hook == VAL_NULL) {
            if (rt_err_occurred())
                return VAL_NULL;
            continue;
        }
        Value r = rt_call1(hook, args[i]);
        if (r == VAL_NULL) {
            if (!rt_err_matches(&rt_TypeError))
                return VAL_NULL;
            rt_err_clear();
        } else if (r != rt_None) {
            return r;
        }
    }
    if (alt != VAL_NULL)
        return alt;
    return rt_raisef(&sq_ProgrammingError, "can't adapt");
}

static Value adapted(Value v)
{
    ObjType *t = val_type(v);
    if (!base_type_adapted && (t == &rt_int_type || t == &rt_float_type ||
                               t == &rt_str_type || t == &rt_bytearray_type))
        return v;
    return adapt(v, obj_val(&prepare_type), v);
}

/* Bind one value at position pos (1-based); false + exception. */
static bool bind_one(ObjStatement *s, int pos, Value v)
{
    int rc;
    if (v == rt_None) {
        rc = sq.sqlite3_bind_null(s->st, pos);
    } else if (is_int(v) || rt_isinstance_of(v, &rt_int_type)) {
        int64_t i;
        if (!rt_int_as_i64(v, &i)) {
            if (rt_err_matches(&rt_OverflowError)) {
                rt_err_clear();
                rt_raisef(&rt_OverflowError, "Python int too large to convert to SQLite INTEGER");
            }
            return false;
        }
        rc = sq.sqlite3_bind_int64(s->st, pos, i);
    } else if (rt_isinstance_of(v, &rt_float_type)) {
        rc = sq.sqlite3_bind_double(s->st, pos, AS_FLOAT(v)->value);
    } else if (rt_is_str(v)) {
        size_t n = rt_str_nbytes(v);
        if (n > INT_MAX) {
            rt_raisef(&rt_OverflowError, "string longer than INT_MAX bytes");
            return false;
        }
        const char *text = utf8_of(v);
        if (text == NULL)
            return false;
        rc = sq.sqlite3_bind_text(s->st, pos, text, (int)n, SQLITE_TRANSIENT);
    } else if (mod_is_buffer(v)) {
        ModBuffer b;
        if (!mod_get_buffer(v, &b))
            return false;
        if (b.len > INT_MAX) {
            rt_raisef(&rt_OverflowError, "BLOB longer than INT_MAX bytes");
            return false;
        }
        rc = sq.sqlite3_bind_blob(s->st, pos, b.data, (int)b.len, SQLITE_TRANSIENT);
    } else {
        rt_raisef(&sq_ProgrammingError, "Error binding parameter %d: type '%s' is not supported",
                  pos, val_type(v)->name);
        return false;
    }
    if (rc != SQLITE_OK)
        raise_db_error(sq.sqlite3_db_handle(s->st));
    return rc == SQLITE_OK;
}

/* A parameter could not be bound: as in CPython 3.11, an error the
 * database still reports (maybe from an earlier statement) replaces the
 * exception, which becomes its __context__. */
static bool bind_failed(ObjStatement *s)
{
    sqlite3 *db = sq.sqlite3_db_handle(s->st);
    if (rt_err_occurred() && sq.sqlite3_errcode(db) != SQLITE_OK) {
        Value first = rt_err_fetch();
        raise_db_error(db);
        Value now = rt_err_peek();
        if (now != VAL_NULL)
            rt_exc_set_context(now, first);
        else
            rt_raise(first);
    }
    return false;
}

static bool is_mapping(Value v)
{
    return rt_isinstance_of(v, &rt_dict_type);
}

static bool is_sequence(Value v)
{
    ObjType *t = val_type(v);
    return t == &rt_tuple_type || t == &rt_list_type ||
           (!is_mapping(v) && t->getitem != NULL && !rt_isinstance_of(v, &rt_dict_type) &&
            rt_lookup_attr(v, rt_str_from_cstr("__getitem__")) != VAL_NULL);
}

/* Bind the parameters of one execution (CPython's bind_parameters). */
static bool bind_parameters(ObjStatement *s, Value params)
{
    int needed = sq.sqlite3_bind_parameter_count(s->st);
    if (is_sequence(params)) {
        ssize_t n = rt_len(params);
        if (n < 0)
            return false;
        if (n != needed) {
            rt_raisef(&sq_ProgrammingError,
                      "Incorrect number of bindings supplied. The current statement uses %d, "
                      "and there are %zd supplied.", needed, n);
            return false;
        }
        for (ssize_t i = 0; i < n; i++) {
            Value v = rt_getitem(params, small_new(i));
            if (v == VAL_NULL || (v = adapted(v)) == VAL_NULL)
                return false;
            if (!bind_one(s, (int)i + 1, v))
                return bind_failed(s);
        }
        return true;
    }
    if (!is_mapping(params)) {
        rt_raisef(&sq_ProgrammingError, "parameters are of unsupported type");
        return false;
    }
    for (int i = 1; i <= needed; i++) {
        const char *name = sq.sqlite3_bind_parameter_name(s->st, i);
        if (name == NULL) {
            rt_raisef(&sq_ProgrammingError, "Binding %d has no name, but you supplied a "
                      "dictionary (which has only names).", i);
            return false;
        }
        Value key = rt_str_from_cstr(name + 1);
        Value v = rt_getitem(params, key);
        if (v == VAL_NULL) {
            if (rt_err_matches(&rt_LookupError)) {
                rt_err_clear();
                rt_raisef(&sq_ProgrammingError,
                          "You did not supply a value for binding parameter %s.", name);
            }
            return false;
        }
        if ((v = adapted(v)) == VAL_NULL)
            return false;
        if (!bind_one(s, i, v))
            return bind_failed(s);
    }
    return true;
}

/* ---- reading rows -------------------------------------------------------------------- */

/* The converter registered for a type name (the first `n` bytes of
 * name, upper-cased), or None. */
static Value converter_for(const char *name, size_t n)
{
    Value key = mod_call_method(text_value(name, n), "upper", NULL, 0);
    if (key == VAL_NULL)
        return VAL_NULL;
    bool error = false;
    Value conv = rt_dict_get(converters, key, &error);
    return error ? VAL_NULL : conv != VAL_NULL ? conv : rt_None;
}

/* Each column's converter, as detect_types asks: the [type] in its name
 * (PARSE_COLNAMES), else its declared type's first word (PARSE_DECLTYPES). */
static bool build_converters(ObjCursor *cu)
{
    cu->converters = VAL_NULL;
    int detect = cu->connection->detect_types;
    if (detect == 0)
        return true;
    sqlite3_stmt *st = cu->statement->st;
    int n = sq.sqlite3_column_count(st);
    Value list = rt_list_new((size_t)n);
    for (int i = 0; i < n; i++) {
        Value conv = VAL_NULL;
        if (detect & PARSE_COLNAMES) {
            const char *name = sq.sqlite3_column_name(st, i);
            const char *open = name != NULL ? strchr(name, '[') : NULL;
            const char *close = open != NULL ? strchr(open + 1, ']') : NULL;
            if (close != NULL && (conv = converter_for(open + 1, (size_t)(close - open - 1))) == VAL_NULL)
                return false;
        }
        if ((conv == VAL_NULL || conv == rt_None) && (detect & PARSE_DECLTYPES)) {
            const char *decl = sq.sqlite3_column_decltype(st, i);
            if (decl != NULL) {
                size_t len = strcspn(decl, " (");
                if ((conv = converter_for(decl, len)) == VAL_NULL)
                    return false;
            }
        }
        rt_list_append(list, conv == VAL_NULL ? rt_None : conv);
    }
    cu->converters = list;
    return true;
}

/* A column's name as description gives it: with PARSE_COLNAMES, cut
 * before " [type]". */
static Value column_name(ObjCursor *cu, const char *name)
{
    size_t n = strlen(name);
    if (cu->connection->detect_types & PARSE_COLNAMES) {
        const char *open = strchr(name, '[');
        if (open != NULL) {
            n = (size_t)(open - name);
            if (n > 0 && name[n - 1] == ' ')
                n--;
        }
    }
    return text_value(name, n);
}

static Value build_description(ObjCursor *cu)
{
    sqlite3_stmt *st = cu->statement->st;
    int n = sq.sqlite3_column_count(st);
    if (n == 0)
        return rt_None;
    Value d = rt_tuple_new((size_t)n);
    for (int i = 0; i < n; i++) {
        Value name = column_name(cu, sq.sqlite3_column_name(st, i));
        if (name == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(d)->items[i] = rt_tuple_pack(7, name, rt_None, rt_None, rt_None, rt_None,
                                              rt_None, rt_None);
    }
    return d;
}

/* A TEXT column, as the connection's text_factory makes it. */
static Value text_column(ObjCursor *cu, sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sq.sqlite3_column_text(st, i);
    size_t n = (size_t)sq.sqlite3_column_bytes(st, i);
    Value factory = cu->connection->text_factory;
    if (factory == obj_val(&rt_str_type)) {
        if (rt_utf8_valid_strict((const unsigned char *)s, n, NULL))
            return rt_str_new(s, n);
        Value shown = rt_bytes_decode((const unsigned char *)s, n, rt_str_from_cstr("utf-8"),
                                      rt_str_from_cstr("replace"));
        const char *col = sq.sqlite3_column_name(st, i);
        return rt_raisef(&sq_OperationalError, "Could not decode to UTF-8 column '%s' with text '%S'",
                         col, shown);
    }
    if (factory == obj_val(&rt_bytes_type))
        return rt_bytes_new((const unsigned char *)s, n);
    if (factory == obj_val(&rt_bytearray_type))
        return rt_bytearray_new((const unsigned char *)s, n);
    return rt_call1(factory, rt_bytes_new((const unsigned char *)s, n));
}

/* The current row of the cursor's statement as a tuple. */
static Value fetch_row(ObjCursor *cu)
{
    sqlite3_stmt *st = cu->statement->st;
    int n = sq.sqlite3_column_count(st);
    Value row = rt_tuple_new((size_t)n);
    for (int i = 0; i < n; i++) {
        Value conv = cu->converters != VAL_NULL && (size_t)i < AS_LIST(cu->converters)->length
                         ? AS_LIST(cu->converters)->items[i] : rt_None;
        Value v;
        if (conv != rt_None) {
            const void *blob = sq.sqlite3_column_blob(st, i);
            v = blob == NULL ? rt_None
                             : rt_call1(conv, rt_bytes_new(blob, (size_t)sq.sqlite3_column_bytes(st, i)));
        } else {
            switch (sq.sqlite3_column_type(st, i)) {
            case SQLITE_NULL:
                v = rt_None;
                break;
            case SQLITE_INTEGER:
                v = rt_int_from_i64(sq.sqlite3_column_int64(st, i));
                break;
            case SQLITE_FLOAT:
                v = rt_float_new(sq.sqlite3_column_double(st, i));
                break;
            case SQLITE_TEXT:
                v = text_column(cu, st, i);
                break;
            default: {
                const void *blob = sq.sqlite3_column_blob(st, i);
                v = rt_bytes_new(blob, (size_t)sq.sqlite3_column_bytes(st, i));
            }
            }
        }
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(row)->items[i] = v;
    }
    return row;
}

/* The statement is done with: reset and dropped from the cursor. */
static void cursor_release(ObjCursor *cu)
{
    if (cu->statement != NULL) {
        statement_reset(cu->statement);
        cu->statement = NULL;
    }
}

/* ---- executing ------------------------------------------------------------------------ */

/* When a user-defined callback raised inside sqlite: its exception is
 * reported (enable_callback_tracebacks) or dropped; the statement's error
 * is what the caller sees. */
static void callback_failed(Value obj)
{
    if (!callback_tracebacks) {
        rt_err_clear();
    } else if (rt_py_minor >= 14 && rt_unraisable_handler != NULL) {
        /* 3.14 names the callback in the message, with no object. */
        Value exc = rt_err_fetch();
        Value what = rt_str_format_c("on sqlite3 callback %R", obj);
        rt_unraisable_handler(exc, what != VAL_NULL ? rt_str_cstr(what) : NULL, rt_None);
        rt_err_clear();
    } else {
        rt_write_unraisable(obj);
    }
}

/* One step of the cursor's statement: SQLITE_ROW, SQLITE_DONE, or -1
 * with the exception set. */
static int step(ObjCursor *cu)
{
    ObjStatement *s = cu->statement;
    int rc = step_unlocked(s->st);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc;
    if (rt_err_occurred())
        callback_failed(rt_None);
    statement_reset(s);
    raise_db_error(cu->connection->db);
    if (!rt_err_occurred())
        rt_raisef(&sq_OperationalError, "%s", sq.sqlite3_errmsg(cu->connection->db));
    return -1;
}

/* CPython's _pysqlite_query_execute: execute (one set of parameters) or
 * executemany (an iterable of them). */
static Value query_execute(ObjCursor *cu, bool many, Value sql, Value params)
{
    if (!check_cursor(cu))
        return VAL_NULL;
    ObjConnection *c = cu->connection;
    cu->locked = true;
    Value iter = many ? rt_iter(params)
                      : rt_iter(rt_tuple_pack(1, params != VAL_NULL ? params : rt_empty_tuple));
    int rc = SQLITE_DONE;
    if (iter == VAL_NULL)
        goto error;
    if (cu->statement != NULL)
        statement_reset(cu->statement);
    cu->description = rt_None;
    cu->statement = cached_statement(c, sql);
    if (cu->statement == NULL)
        goto error;
    if (cu->statement->in_use && (cu->statement = statement_new(c, sql)) == NULL)
        goto error;
    if (cu->statement->st == NULL) {
        cu->statement = NULL;
        cu->rowcount = -1;
        cu->locked = false;
        return obj_val(cu);
    }
    statement_reset(cu->statement);
    cu->rowcount = cu->statement->is_dml ? 0 : -1;
    if (many && sq.sqlite3_stmt_readonly(cu->statement->st)) {
        rt_raisef(&sq_ProgrammingError, "executemany() can only execute DML statements.");
        goto error;
    }
    if (c->autocommit == LEGACY_TRANSACTION_CONTROL && c->isolation_level != rt_None &&
        cu->statement->is_dml &&
        sq.sqlite3_get_autocommit(c->db)) {
        Value begin = rt_str_concat(rt_str_from_cstr("BEGIN "), c->isolation_level);
        if (!run_simple(c, rt_str_cstr(begin)))
            goto error;
    }
    Value p;
    while ((p = rt_next(iter)) != VAL_NULL) {
        cu->statement->in_use = true;
        if (!bind_parameters(cu->statement, p))
            goto error;
        if ((rc = step(cu)) < 0)
            goto error;
        if (!build_converters(cu))
            goto error;
        if (cu->description == rt_None && (cu->description = build_description(cu)) == VAL_NULL)
            goto error;
        if (rc == SQLITE_DONE) {
            if (cu->statement->is_dml)
                cu->rowcount += sq.sqlite3_changes(c->db);
            statement_reset(cu->statement);
        }
    }
    if (rt_err_occurred())
        goto error;
    if (!many)
        cu->lastrowid = rt_int_from_i64(sq.sqlite3_last_insert_rowid(c->db));
    if (rc == SQLITE_ROW && many) {
        rt_raisef(&sq_ProgrammingError, "executemany() can only execute DML statements.");
        goto error;
    }
    cu->locked = false;
    if (rc != SQLITE_ROW)
        cu->statement = NULL;
    return obj_val(cu);
error:
    cu->locked = false;
    cursor_release(cu);
    cu->rowcount = -1;
    return VAL_NULL;
}

/* Run every statement of a script, after committing what is pending
 * (Cursor.executescript). */
static Value execute_script(ObjCursor *cu, Value script)
{
    if (!rt_is_str(script))
        return rt_raisef(&rt_TypeError, "executescript() argument must be str, not %T", script);
    const char *sql = utf8_of(script);
    size_t n = rt_str_nbytes(script);
    if (sql == NULL)
        return VAL_NULL;
    if (strlen(sql) != n)
        return rt_raisef(&rt_ValueError, "embedded null character");
    if (!check_cursor(cu))
        return VAL_NULL;
    ObjConnection *c = cu->connection;
    if (n > (size_t)sq.sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1))
        return rt_raisef(&sq_DataError, "query string is too large");
    cu->locked = true;
    if (!sq.sqlite3_get_autocommit(c->db) && !run_simple(c, "COMMIT")) {
        cu->locked = false;
        return VAL_NULL;
    }
    for (;;) {
        sqlite3_stmt *st;
        const char *tail;
        int rc = sq.sqlite3_prepare_v2(c->db, sql, -1, &st, &tail);
        if (rc == SQLITE_OK && st != NULL) {
            do
                rc = step_unlocked(st);
            while (rc == SQLITE_ROW);
            sq.sqlite3_finalize(st);
        }
        if (rc != SQLITE_OK && rc != SQLITE_DONE) {
            if (rt_err_occurred())
                callback_failed(rt_None);
            cu->locked = false;
            return raise_db_error(c->db);
        }
        if (*tail == 0)
            break;
        sql = tail;
    }
    cu->locked = false;
    return obj_val(cu);
}

/* ---- Cursor ------------------------------------------------------------------------- */

static Value cursor_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjCursor *cu = rt_alloc_instance(type, sizeof(ObjCursor));
    cu->description = rt_None;
    cu->row_factory = rt_None;
    cu->lastrowid = rt_None;
    cu->rowcount = -1;
    cu->arraysize = 1;
    return obj_val(cu);
}

static Value cursor_init(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Cursor", kw) || !rt_arg_range("Cursor", nargs - 1, 1, 1))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &connection_type))
        return rt_raisef(&rt_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %T",
                         args[1]);
    ObjCursor *cu = CUR(args[0]);
    if (cu->locked)
        return rt_raisef(&sq_ProgrammingError, "Recursive use of cursors not allowed.");
    cu->connection = CON(args[1]);
    cu->description = rt_None;
    cu->row_factory = rt_None;
    cu->lastrowid = rt_None;
    cu->rowcount = -1;
    cu->arraysize = 1;
    cu->closed = false;
    return rt_None;
}

static Value cursor_execute(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("execute", kw) || !rt_arg_range("execute", nargs - 1, 1, 2) ||
        str_arg(args[1], "execute", "1") == NULL)
        return VAL_NULL;
    return query_execute(CUR(args[0]), false, args[1], nargs > 2 ? args[2] : VAL_NULL);
}

static Value cursor_executemany(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("executemany", kw) || !rt_arg_range("executemany", nargs - 1, 2, 2) ||
        str_arg(args[1], "executemany", "1") == NULL)
        return VAL_NULL;
    return query_execute(CUR(args[0]), true, args[1], args[2]);
}

static Value cursor_executescript(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("executescript", kw) || !rt_arg_range("executescript", nargs - 1, 1, 1))
        return VAL_NULL;
    return execute_script(CUR(args[0]), args[1]);
}

/* The next row (through row_factory), stepping the statement on; VAL_NULL
 * without an exception when there is none. */
static Value cursor_next(Value self)
{
    ObjCursor *cu = CUR(self);
    if (!check_cursor(cu))
        return VAL_NULL;
    if (cu->statement == NULL)
        return VAL_NULL;
    cu->locked = true;
    Value row = fetch_row(cu);
    cu->locked = false;
    if (row == VAL_NULL)
        return VAL_NULL;
    int rc = step(cu);
    if (rc < 0) {
        cu->statement = NULL;
        return VAL_NULL;
    }
    if (rc == SQLITE_DONE) {
        if (cu->statement->is_dml)
            cu->rowcount = sq.sqlite3_changes(cu->connection->db);
        cursor_release(cu);
    }
    if (cu->row_factory != rt_None)
        row = rt_call2(cu->row_factory, self, row);
    return row;
}

static Value cursor_fetchone(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("fetchone", nargs - 1, kw))
        return VAL_NULL;
    Value row = cursor_next(args[0]);
    return row == VAL_NULL && !rt_err_occurred() ? rt_None : row;
}

/* Up to `max` rows as a list (max <= 0: all of them, as in CPython). */
static Value fetch_rows(Value self, long max)
{
    Value list = rt_list_new(0);
    long count = 0;
    Value row;
    while ((row = cursor_next(self)) != VAL_NULL) {
        rt_list_append(list, row);
        if (++count == max)
            break;
    }
    return rt_err_occurred() ? VAL_NULL : list;
}

static Value cursor_fetchmany(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "size" };
    static const ArgSpec spec = { "fetchmany", names, 1, 0, 0, 1, false };
    Value size;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &size))
        return VAL_NULL;
    ssize_t max = CUR(args[0])->arraysize;
    if (size != VAL_NULL && !int_arg(size, &max))
        return VAL_NULL;
    return fetch_rows(args[0], (long)max);
}

static Value cursor_fetchall(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("fetchall", nargs - 1, kw))
        return VAL_NULL;
    return fetch_rows(args[0], -1);
}

static Value cursor_close(Value *args, size_t nargs, Value kw)
{
    ObjCursor *cu = CUR(args[0]);
    if (!rt_arg_none("close", nargs - 1, kw))
        return VAL_NULL;
    if (cu->locked)
        return rt_raisef(&sq_ProgrammingError, "Recursive use of cursors not allowed.");
    if (cu->connection == NULL)
        return rt_raisef(&sq_ProgrammingError, "Base Cursor.__init__ not called.");
    if (!check_thread(cu->connection) || !check_connection(cu->connection))
        return VAL_NULL;
    cursor_release(cu);
    cu->closed = true;
    return rt_None;
}

static Value cursor_noop(Value *args, size_t nargs, Value kw)
{
    return rt_None;
}

static Value cursor_get_rowcount(Value self)
{
    return rt_int_from_i64(CUR(self)->rowcount);
}

static const MethodDef cursor_methods[] = {
    {"__init__", cursor_init},
    {"execute", cursor_execute},
    {"executemany", cursor_executemany},
    {"executescript", cursor_executescript},
    {"fetchone", cursor_fetchone},
    {"fetchmany", cursor_fetchmany},
    {"fetchall", cursor_fetchall},
    {"close", cursor_close},
    {"setinputsizes", cursor_noop},
    {"setoutputsize", cursor_noop},
    {NULL, NULL}
};

#define CU_MEMBER(name, field, kind, ro) {name, offsetof(ObjCursor, field), kind, ro, 0}
static const MemberDef cursor_members[] = {
    CU_MEMBER("connection", connection, RT_MEMBER_VALUE, RT_READONLY),
    CU_MEMBER("description", description, RT_MEMBER_VALUE, RT_READONLY),
    CU_MEMBER("arraysize", arraysize, RT_MEMBER_INT, RT_WRITABLE),
    CU_MEMBER("lastrowid", lastrowid, RT_MEMBER_VALUE, RT_READONLY),
    CU_MEMBER("row_factory", row_factory, RT_MEMBER_VALUE, RT_WRITABLE),
    {NULL, 0, 0, 0, 0}
};
#undef CU_MEMBER

static const GetSetDef cursor_getsets[] = {
    {"rowcount", cursor_get_rowcount, NULL, NULL},
    {NULL},
};

static ObjType cursor_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.Cursor",
    .flags = TF_BASETYPE | TF_SPLIT_INIT | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjCursor), .new_ = cursor_new,
    .iter = rt_iter_self, .next = cursor_next,
    .members = cursor_members, .getsets = cursor_getsets,
};

static ObjType statement_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.Statement", .new_ = mod_no_new,
};

/* ---- Row ------------------------------------------------------------------------------ */

static Value row_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(type, "Row", kw) || !rt_arg_range("Row", nargs, 2, 2))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &cursor_type))
        return rt_raisef(&rt_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %T", args[0]);
    if (!is_tuple(args[1]))
        return rt_raisef(&rt_TypeError, "Row() argument 2 must be tuple, not %T", args[1]);
    ObjRow *r = rt_alloc_instance(type, sizeof(ObjRow));
    r->data = args[1];
    r->description = CUR(args[0])->description;
    return obj_val(r);
}

#define ROW(v) VAL_AS(ObjRow, v)

static ssize_t row_len(Value self)
{
    return (ssize_t)rt_tuple_len(ROW(self)->data);
}

/* Column names compare as sqlite's do: ASCII letters case-insensitively. */
static bool same_column(Value name, Value key)
{
    size_t n = rt_str_nbytes(name);
    return n == rt_str_nbytes(key) && strncasecmp(rt_str_cstr(name), rt_str_cstr(key), n) == 0;
}

static Value row_getitem(Value self, Value key)
{
    ObjRow *r = ROW(self);
    if (is_int(key)) {
        ssize_t i;
        if (!index_arg(key, &i))
            return VAL_NULL;
        ssize_t n = (ssize_t)rt_tuple_len(r->data);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return rt_raisef(&rt_IndexError, "tuple index out of range");
        return AS_TUPLE(r->data)->items[i];
    }
    if (rt_is_str(key)) {
        if (r->description != rt_None) {
            size_t n = rt_tuple_len(r->description);
            for (size_t i = 0; i < n; i++) {
                Value name = AS_TUPLE(AS_TUPLE(r->description)->items[i])->items[0];
                if (same_column(name, key))
                    return AS_TUPLE(r->data)->items[i];
            }
        }
        return rt_raisef(&rt_IndexError, "No item with that key");
    }
    if (rt_isinstance_of(key, &rt_slice_type))
        return rt_getitem(r->data, key);
    return rt_raisef(&rt_IndexError, "Index must be int or string");
}

static Value row_keys(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("keys", nargs - 1, kw))
        return VAL_NULL;
    ObjRow *r = ROW(args[0]);
    Value list = rt_list_new(0);
    if (r->description == rt_None)
        return list;
    for (size_t i = 0; i < rt_tuple_len(r->description); i++)
        rt_list_append(list, AS_TUPLE(AS_TUPLE(r->description)->items[i])->items[0]);
    return list;
}

static Value row_iter(Value self)
{
    return rt_iter(ROW(self)->data);
}

static intptr_t row_hash(Value self)
{
    intptr_t a = rt_hash(ROW(self)->description), b = rt_hash(ROW(self)->data);
    if (a == -1 || b == -1)
        return -1;
    intptr_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Value row_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !rt_isinstance_of(b, &row_type))
        return rt_NotImplemented;
    int same = rt_eq(ROW(a)->description, ROW(b)->description);
    if (same == 1)
        same = rt_eq(ROW(a)->data, ROW(b)->data);
    if (same < 0)
        return VAL_NULL;
    return rt_bool((same == 1) == (op == CMP_EQ));
}

static const MethodDef row_methods[] = {
    {"keys", row_keys},
    {NULL, NULL}
};

static ObjType row_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.Row", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjRow), .new_ = row_new,
    .len = row_len, .getitem = row_getitem, .iter = row_iter, .hash = row_hash,
    .richcompare = row_richcompare,
};

/* ---- PrepareProtocol -------------------------------------------------------------- */

static Value prepare_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw_new(type, "PrepareProtocol", kw) || !rt_arg_range("PrepareProtocol", nargs, 0, 0))
        return VAL_NULL;
    return obj_val(rt_alloc_instance(type, sizeof(Object)));
}

static ObjType prepare_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.PrepareProtocol", .flags = TF_BASETYPE,
    .instance_size = sizeof(Object), .new_ = prepare_new,
};


/* ---- user-defined functions, aggregates and collations ------------------------------- */

/* What sqlite is given as a callback's user data: kept reachable from
 * the connection (its contexts dict) for as long as sqlite may call it. */
typedef struct Callback {
    Object ob;
    Value callable;
    Value instances;            /* aggregates: sqlite's context address -> instance */
} Callback;

static ObjType callback_type = {
    .ob.type = &rt_type_type, .name = "sqlite3._callback", .new_ = mod_no_new,
};

static Callback *callback_new(Value callable)
{
    Callback *cb = gc_alloc(sizeof *cb);
    cb->ob.type = &callback_type;
    cb->callable = callable;
    cb->instances = rt_dict_new();
    return cb;
}

/* Keep cb (or drop the previous one, cb NULL) under key on the connection. */
static void keep_callback(ObjConnection *c, Value key, Callback *cb)
{
    if (cb == NULL)
        rt_dict_del(c->contexts, key);
    else
        rt_dict_set(c->contexts, key, obj_val(cb));
}

/* An SQL value as a Python value (a function's argument). */
static Value from_sql(sqlite3_value *v)
{
    switch (sq.sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return rt_int_from_i64(sq.sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return rt_float_new(sq.sqlite3_value_double(v));
    case SQLITE_TEXT:
        return text_value((const char *)sq.sqlite3_value_text(v),
                          (size_t)sq.sqlite3_value_bytes(v));
    case SQLITE_BLOB: {
        const void *blob = sq.sqlite3_value_blob(v);
        return rt_bytes_new(blob, (size_t)sq.sqlite3_value_bytes(v));
    }
    default:
        return rt_None;
    }
}

static Value args_from_sql(int argc, sqlite3_value **argv)
{
    Value args = rt_tuple_new((size_t)argc);
    for (int i = 0; i < argc; i++)
        if ((AS_TUPLE(args)->items[i] = from_sql(argv[i])) == VAL_NULL)
            return VAL_NULL;
    return args;
}

/* A Python value as a function's SQL result; false (maybe with no
 * exception: an unsupported type) when it cannot be one. */
static bool set_result(sqlite3_context *ctx, Value r)
{
    if (r == rt_None) {
        sq.sqlite3_result_null(ctx);
    } else if (rt_isinstance_of(r, &rt_int_type)) {
        int64_t i;
        if (!rt_int_as_i64(r, &i))
            return false;
        sq.sqlite3_result_int64(ctx, i);
    } else if (rt_isinstance_of(r, &rt_float_type)) {
        sq.sqlite3_result_double(ctx, AS_FLOAT(r)->value);
    } else if (rt_is_str(r)) {
        if (utf8_of(r) == NULL)
            return false;
        if (rt_str_nbytes(r) > INT_MAX) {
            rt_raisef(&rt_OverflowError, "string longer than INT_MAX bytes");
            return false;
        }
        sq.sqlite3_result_text(ctx, rt_str_cstr(r), (int)rt_str_nbytes(r), SQLITE_TRANSIENT);
    } else if (mod_is_buffer(r)) {
        ModBuffer b;
        if (!mod_get_buffer(r, &b))
            return false;
        if (b.len > INT_MAX) {
            rt_raisef(&rt_OverflowError, "BLOB longer than INT_MAX bytes");
            return false;
        }
        sq.sqlite3_result_blob(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
    } else {
        return false;
    }
    return true;
}

/* A callback failed: report (or drop) the exception and give sqlite the
 * error message; an int too large is sqlite's "string or blob too big". */
static void result_failed(sqlite3_context *ctx, Callback *cb, const char *message)
{
    bool toobig = rt_err_matches(&rt_OverflowError), nomem = rt_err_matches(&rt_MemoryError);
    if (rt_err_occurred())
        callback_failed(cb->callable);
    if (nomem)
        sq.sqlite3_result_error_nomem(ctx);
    else if (toobig)
        sq.sqlite3_result_error_toobig(ctx);
    else
        sq.sqlite3_result_error(ctx, message, -1);
}

static void call_function_locked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    Callback *cb = sq.sqlite3_user_data(ctx);
    Value args = args_from_sql(argc, argv);
    Value r = args == VAL_NULL ? VAL_NULL
                               : rt_call(cb->callable, AS_TUPLE(args)->items, (size_t)argc, VAL_NULL);
    if (r == VAL_NULL || !set_result(ctx, r))
        result_failed(ctx, cb, "user-defined function raised exception");
}

/* The aggregate instance of this group (made on its first row when
 * `create`), or VAL_NULL: none yet, or the class raised (reported). */
static Value aggregate_instance(sqlite3_context *ctx, Callback *cb, bool create)
{
    void *mem = sq.sqlite3_aggregate_context(ctx, create ? (int)sizeof(void *) : 0);
    if (mem == NULL)
        return VAL_NULL;
    Value key = rt_int_from_i64((int64_t)(intptr_t)mem);
    bool error = false;
    Value inst = rt_dict_get(cb->instances, key, &error);
    if (inst != VAL_NULL || !create)
        return inst;
    inst = rt_call0(cb->callable);
    if (inst == VAL_NULL) {
        result_failed(ctx, cb, "user-defined aggregate's '__init__' method raised error");
        return VAL_NULL;
    }
    rt_dict_set(cb->instances, key, inst);
    return inst;
}

/* The group is done: its instance is no longer kept. */
static void aggregate_done(sqlite3_context *ctx, Callback *cb)
{
    void *mem = sq.sqlite3_aggregate_context(ctx, 0);
    if (mem != NULL)
        rt_dict_del(cb->instances, rt_int_from_i64((int64_t)(intptr_t)mem));
}

/* instance.<method>(*args): false when it raised (reported, and the
 * error given to sqlite as "user-defined aggregate's 'method' ..."). */
static bool call_aggregate_method(sqlite3_context *ctx, Callback *cb, Value inst,
                                  const char *method, int argc, sqlite3_value **argv,
                                  Value *result)
{
    char message[96];
    Value fn = rt_getattr_cstr(inst, method);
    if (fn == VAL_NULL && rt_err_matches(&rt_AttributeError)) {
        snprintf(message, sizeof message, "user-defined aggregate's '%s' method not defined", method);
        result_failed(ctx, cb, message);
        return false;
    }
    Value args = fn == VAL_NULL ? VAL_NULL : args_from_sql(argc, argv);
    Value r = args == VAL_NULL ? VAL_NULL
                               : rt_call(fn, AS_TUPLE(args)->items, (size_t)argc, VAL_NULL);
    if (r == VAL_NULL || (result != NULL && !set_result(ctx, r))) {
        snprintf(message, sizeof message, "user-defined aggregate's '%s' method raised error", method);
        result_failed(ctx, cb, message);
        return false;
    }
    return true;
}

static void aggregate_step_locked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    Callback *cb = sq.sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, true);
    if (inst != VAL_NULL)
        call_aggregate_method(ctx, cb, inst, "step", argc, argv, NULL);
}

static void aggregate_final_locked(sqlite3_context *ctx)
{
    Callback *cb = sq.sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, false);
    Value r;
    if (inst != VAL_NULL)
        call_aggregate_method(ctx, cb, inst, "finalize", 0, NULL, &r);
    aggregate_done(ctx, cb);
}

static void window_value_locked(sqlite3_context *ctx)
{
    Callback *cb = sq.sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, true);
    Value r;
    if (inst != VAL_NULL)
        call_aggregate_method(ctx, cb, inst, "value", 0, NULL, &r);
}

static void window_inverse_locked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    Callback *cb = sq.sqlite3_user_data(ctx);
    Value inst = aggregate_instance(ctx, cb, true);
    if (inst != VAL_NULL)
        call_aggregate_method(ctx, cb, inst, "inverse", argc, argv, NULL);
}

static int call_collation_locked(void *data, int n1, const void *s1, int n2, const void *s2)
{
    Callback *cb = data;
    if (rt_err_occurred())
        return 0;
    Value a = text_value(s1, (size_t)n1), b = a == VAL_NULL ? VAL_NULL : text_value(s2, (size_t)n2);
    Value r = b == VAL_NULL ? VAL_NULL : rt_call2(cb->callable, a, b);
    int64_t order = 0;
    if (r == VAL_NULL || !rt_isinstance_of(r, &rt_int_type) || !rt_int_as_i64(r, &order)) {
        if (rt_err_matches(&rt_OverflowError)) {
            rt_err_clear();
            order = rt_compare_bool(r, small_new(0), CMP_GT) == 1 ? 1 : -1;
        } else {
            rt_err_clear();
            order = 0;
        }
    }
    return order < 0 ? -1 : order > 0 ? 1 : 0;
}

static int call_authorizer_locked(void *data, int action, const char *arg1, const char *arg2,
                           const char *dbname, const char *source)
{
    Callback *cb = data;
    const char *texts[4] = { arg1, arg2, dbname, source };
    Value args[5] = { small_new(action) };
    for (int i = 0; i < 4; i++)
        args[i + 1] = texts[i] == NULL ? rt_None : rt_str_from_cstr(texts[i]);
    Value r = rt_call(cb->callable, args, 5, VAL_NULL);
    int64_t rc = SQLITE_DENY;
    if (r == VAL_NULL || (rt_isinstance_of(r, &rt_int_type) && !rt_int_as_i64(r, &rc))) {
        callback_failed(cb->callable);
        return SQLITE_DENY;
    }
    return rt_isinstance_of(r, &rt_int_type) && rc >= INT_MIN && rc <= INT_MAX ? (int)rc
                                                                              : SQLITE_DENY;
}

static int call_progress_locked(void *data)
{
    Callback *cb = data;
    Value r = rt_call0(cb->callable);
    if (r == VAL_NULL) {
        callback_failed(cb->callable);
        return -1;
    }
    int t = rt_truthy(r);
    if (t < 0) {
        callback_failed(cb->callable);
        return -1;
    }
    return t;
}

static int call_trace_locked(unsigned type, void *data, void *stmt, void *sql)
{
    Callback *cb = data;
    if (type != SQLITE_TRACE_STMT)
        return 0;
    char *expanded = sq.sqlite3_expanded_sql(stmt);
    Value text;
    if (expanded != NULL) {
        text = text_value(expanded, strlen(expanded));
        sq.sqlite3_free(expanded);
    } else if (sq.sqlite3_errcode(sq.sqlite3_db_handle(stmt)) == SQLITE_NOMEM) {
        text = rt_raise_nomemory();
    } else {
        /* Too long once expanded: reported, then the SQL as written. */
        rt_raisef(&sq_DataError, "Expanded SQL string exceeds the maximum string length");
        callback_failed(cb->callable);
        text = text_value(sql, strlen(sql));
    }
    if (text == VAL_NULL || rt_call1(cb->callable, text) == VAL_NULL)
        callback_failed(cb->callable);
    return 0;
}

/* What sqlite calls: each of the above with the interpreter lock held. */

static void call_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool taken = callback_lock();
    call_function_locked(ctx, argc, argv);
    callback_unlock(taken);
}

static void aggregate_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool taken = callback_lock();
    aggregate_step_locked(ctx, argc, argv);
    callback_unlock(taken);
}

static void aggregate_final(sqlite3_context *ctx)
{
    bool taken = callback_lock();
    aggregate_final_locked(ctx);
    callback_unlock(taken);
}

static void window_value(sqlite3_context *ctx)
{
    bool taken = callback_lock();
    window_value_locked(ctx);
    callback_unlock(taken);
}

static void window_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool taken = callback_lock();
    window_inverse_locked(ctx, argc, argv);
    callback_unlock(taken);
}

static int call_collation(void *data, int n1, const void *s1, int n2, const void *s2)
{
    bool taken = callback_lock();
    int r = call_collation_locked(data, n1, s1, n2, s2);
    callback_unlock(taken);
    return r;
}

static int call_authorizer(void *data, int action, const char *arg1, const char *arg2,
                           const char *dbname, const char *source)
{
    bool taken = callback_lock();
    int r = call_authorizer_locked(data, action, arg1, arg2, dbname, source);
    callback_unlock(taken);
    return r;
}

static int call_progress(void *data)
{
    bool taken = callback_lock();
    int r = call_progress_locked(data);
    callback_unlock(taken);
    return r;
}

static int call_trace(unsigned type, void *data, void *stmt, void *sql)
{
    bool taken = callback_lock();
    int r = call_trace_locked(type, data, stmt, sql);
    callback_unlock(taken);
    return r;
}

/* ---- Connection ---------------------------------------------------------------------- */

static void finalize_connection(void *obj, void *data)
{
    ObjConnection *c = obj;
    if (c->db != NULL)
        sq.sqlite3_close_v2(c->db);
    c->db = NULL;
}

static Value connection_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjConnection *c = rt_alloc_instance(type, sizeof(ObjConnection));
    c->isolation_level = rt_None;
    c->row_factory = rt_None;
    c->text_factory = obj_val(&rt_str_type);
    return obj_val(c);
}

/* isolation_level: None, or one of the four levels in any case (kept as
 * CPython keeps it, upper-case). */
static bool isolation_level_arg(Value v, Value *out)
{
    static const char *const levels[] = { "", "DEFERRED", "IMMEDIATE", "EXCLUSIVE" };
    if (v == rt_None) {
        *out = rt_None;
        return true;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "isolation_level must be str or None");
        return false;
    }
    for (size_t i = 0; i < 4; i++)
        if (strlen(levels[i]) == rt_str_nbytes(v) && strcasecmp(levels[i], rt_str_cstr(v)) == 0) {
            *out = rt_str_from_cstr(levels[i]);
            return true;
        }
    rt_raisef(&rt_ValueError,
              "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
    return false;
}

/* The database argument as a file name (PyUnicode_FSConverter). */
static const char *database_path(Value v)
{
    if (!rt_is_str(v) && !rt_isinstance_of(v, &rt_bytes_type)) {
        Value fspath = mod_lookup_special(v, "__fspath__");
        if (fspath == VAL_NULL) {
            rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
            return NULL;
        }
        if ((v = rt_call0(fspath)) == VAL_NULL)
            return NULL;
    }
    if (rt_isinstance_of(v, &rt_bytes_type)) {
        if (strlen((const char *)AS_BYTES(v)->data) != AS_BYTES(v)->length) {
            rt_raisef(&rt_ValueError, "embedded null byte");
            return NULL;
        }
        return (const char *)AS_BYTES(v)->data;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
        return NULL;
    }
    Value b = rt_str_encode(v, "utf-8", "surrogateescape");
    if (b == VAL_NULL)
        return NULL;
    if (strlen((const char *)AS_BYTES(b)->data) != AS_BYTES(b)->length) {
        rt_raisef(&rt_ValueError, "embedded null byte");
        return NULL;
    }
    return (const char *)AS_BYTES(b)->data;
}

#define CONNECT_PARAMS(X) X(database) X(timeout) X(detect_types) X(isolation_level) \
    X(check_same_thread) X(factory) X(cached_statements) X(uri) X(autocommit)
#define CP_ENUM(name) CP_##name,
#define CP_NAME(name) #name,
enum { CONNECT_PARAMS(CP_ENUM) N_CONNECT_PARAMS };
static const char *const connect_names[] = { CONNECT_PARAMS(CP_NAME) };

/* autocommit (3.12, keyword only): True, False or LEGACY_TRANSACTION_CONTROL. */
static bool autocommit_arg(Value v, int *out)
{
    if (v == rt_True || v == rt_False) {
        *out = v == rt_True;
        return true;
    }
    int64_t n;
    if (rt_isinstance_of(v, &rt_int_type) && rt_int_as_i64(v, &n) && n == LEGACY_TRANSACTION_CONTROL) {
        *out = LEGACY_TRANSACTION_CONTROL;
        return true;
    }
    rt_err_clear();
    rt_raisef(&rt_ValueError, "autocommit must be True, False, or "
              "sqlite3.LEGACY_TRANSACTION_CONTROL");
    return false;
}

static Value connection_init(Value *args, size_t nargs, Value kw)
{
    /* 3.11 has no autocommit: the last parameter is left out */
    static const ArgSpec spec = { "Connection", connect_names, N_CONNECT_PARAMS, 0, 1,
                                  N_CONNECT_PARAMS - 1, false };
    static const ArgSpec spec311 = { "Connection", connect_names, N_CONNECT_PARAMS - 1, 0, 1,
                                     N_CONNECT_PARAMS - 1, false };
    Value a[N_CONNECT_PARAMS] = {0};
    if (!rt_parse_args(rt_py_minor >= 12 ? &spec : &spec311, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    int autocommit = LEGACY_TRANSACTION_CONTROL;
    if (a[CP_autocommit] != VAL_NULL && !autocommit_arg(a[CP_autocommit], &autocommit))
        return VAL_NULL;
    ObjConnection *c = CON(args[0]);
    if (c->initialized) {
        /* Initialising again: the old database is closed first, and the
         * connection is unusable until the new one opens. */
        c->initialized = false;
        if (c->db != NULL)
            sq.sqlite3_close_v2(c->db);
        c->db = NULL;
    }
    double timeout = 5.0;
    ssize_t detect = 0, cache = 128;
    Value level = rt_str_empty();
    int same_thread = 1, uri = 0;
    const char *path = database_path(a[CP_database]);
    if (path == NULL ||
        (a[CP_timeout] != VAL_NULL && !mod_as_double(a[CP_timeout], &timeout)) ||
        (a[CP_detect_types] != VAL_NULL && !int_arg(a[CP_detect_types], &detect)) ||
        (a[CP_isolation_level] != VAL_NULL && !isolation_level_arg(a[CP_isolation_level], &level)) ||
        (a[CP_check_same_thread] != VAL_NULL &&
         (same_thread = rt_truthy(a[CP_check_same_thread])) < 0) ||
        (a[CP_cached_statements] != VAL_NULL && !int_arg(a[CP_cached_statements], &cache)) ||
        (a[CP_uri] != VAL_NULL && (uri = rt_truthy(a[CP_uri])) < 0))
        return VAL_NULL;
    if (a[CP_isolation_level] == VAL_NULL)
        isolation_level_arg(level, &level);
    sqlite3 *db;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    int rc = sq.sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        if (db == NULL)
            return rt_raise_nomemory();
        raise_db_error(db);
        sq.sqlite3_close_v2(db);
        return VAL_NULL;
    }
    if (!c->finalizer_set)
        gc_register_finalizer(c, finalize_connection, NULL);
    c->finalizer_set = true;
    c->db = db;
    sq.sqlite3_busy_timeout(db, (int)(timeout * 1000));
    c->initialized = true;
    c->check_same_thread = same_thread;
    c->thread_ident = vm_thread_ident();
    c->detect_types = (int)detect;
    c->cache_size = (int)cache;
    c->isolation_level = level;
    c->autocommit = autocommit;
    c->row_factory = rt_None;
    c->text_factory = obj_val(&rt_str_type);
    c->cache = rt_dict_new();
    c->contexts = rt_dict_new();
    c->blobs = rt_list_new(0);
    if (autocommit == 0 && !run_simple(c, "BEGIN"))
        return VAL_NULL;
    return rt_None;
}

/* cursor(factory=Cursor): factory(self), which must be a Cursor, given
 * the connection's row_factory. */
static Value connection_cursor(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "factory" };
    static const ArgSpec spec = { "cursor", names, 1, 0, 0, 1, false };
    Value factory;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &factory) ||
        !check_thread(CON(args[0])) || !check_connection(CON(args[0])))
        return VAL_NULL;
    if (factory == VAL_NULL)
        factory = obj_val(&cursor_type);
    Value cu = rt_call1(factory, args[0]);
    if (cu == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(cu, &cursor_type))
        return rt_raisef(&rt_TypeError, "factory must return a cursor, not %T", cu);
    if (CON(args[0])->row_factory != rt_None)
        CUR(cu)->row_factory = CON(args[0])->row_factory;
    return cu;
}

/* Connection.execute & co: the same on a new cursor, which is returned. */
static Value on_new_cursor(Value *args, size_t nargs, Value kw, const char *method)
{
    Value cu = connection_cursor(args, 1, VAL_NULL);
    if (cu == VAL_NULL)
        return VAL_NULL;
    Value fn = rt_getattr_cstr(cu, method);
    return fn == VAL_NULL ? VAL_NULL : rt_call(fn, args + 1, nargs - 1, kw);
}

static Value connection_execute(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("execute", kw) || !rt_arg_range("execute", nargs - 1, 1, 2))
        return VAL_NULL;
    return on_new_cursor(args, nargs, kw, "execute");
}

static Value connection_executemany(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("executemany", kw) || !rt_arg_range("executemany", nargs - 1, 2, 2))
        return VAL_NULL;
    return on_new_cursor(args, nargs, kw, "executemany");
}

static Value connection_executescript(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("executescript", kw) || !rt_arg_range("executescript", nargs - 1, 1, 1))
        return VAL_NULL;
    return on_new_cursor(args, nargs, kw, "executescript");
}

/* COMMIT or ROLLBACK, when a transaction is open. */
/* COMMIT or ROLLBACK the open transaction.  With autocommit=False (3.12)
 * a new one begins at once; with autocommit=True there is none to end. */
static Value end_transaction(Value self, const char *sql)
{
    ObjConnection *c = CON(self);
    if (!check_thread(c) || !check_connection(c))
        return VAL_NULL;
    if (c->autocommit == 1)
        return rt_None;
    if (!sq.sqlite3_get_autocommit(c->db) && !run_simple(c, sql))
        return VAL_NULL;
    if (c->autocommit == 0 && !run_simple(c, "BEGIN"))
        return VAL_NULL;
    return rt_None;
}

static Value connection_commit(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("commit", nargs - 1, kw))
        return VAL_NULL;
    return end_transaction(args[0], "COMMIT");
}

static Value connection_rollback(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("rollback", nargs - 1, kw))
        return VAL_NULL;
    return end_transaction(args[0], "ROLLBACK");
}

static void blob_close_handle(Value blob);

static Value connection_close(Value *args, size_t nargs, Value kw)
{
    ObjConnection *c = CON(args[0]);
    if (!rt_arg_none("close", nargs - 1, kw) || !check_thread(c))
        return VAL_NULL;
    if (!c->initialized)
        return rt_raisef(&sq_ProgrammingError, "Base Connection.__init__ not called.");
    if (c->db != NULL) {
        for (size_t i = 0; i < AS_LIST(c->blobs)->length; i++)
            blob_close_handle(AS_LIST(c->blobs)->items[i]);
        /* The cached statements are finalized now, as CPython's are when
         * its cache lets go of them: a statement still stepping (an
         * unread PRAGMA's row) would keep the database open past
         * sqlite3_close_v2, its journal on disk (dbm.sqlite3's close). */
        Value sql, st;
        for (size_t i = 0; rt_dict_next(c->cache, &i, &sql, &st);) {
            ObjStatement *statement = VAL_AS(ObjStatement, st);
            if (statement->st != NULL)
                sq.sqlite3_finalize(statement->st);
            statement->st = NULL;
        }
        c->cache = rt_dict_new();
        sq.sqlite3_close_v2(c->db);
        c->db = NULL;
        c->contexts = rt_dict_new();
    }
    return rt_None;
}

static Value connection_enter(Value *args, size_t nargs, Value kw)
{
    return args[0];
}

/* __exit__: commit when the block ended normally (rolling back if the
 * commit fails, and raising its error), else roll back; never swallows. */
static Value connection_exit(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("__exit__", kw) || !rt_arg_range("__exit__", nargs - 1, 3, 3))
        return VAL_NULL;
    if (args[1] == rt_None) {
        if (end_transaction(args[0], "COMMIT") != VAL_NULL)
            return rt_False;
        Value exc = rt_err_fetch();
        end_transaction(args[0], "ROLLBACK");
        rt_err_clear();
        return rt_raise(exc);
    }
    return end_transaction(args[0], "ROLLBACK") == VAL_NULL ? VAL_NULL : rt_False;
}

/* The name argument of the create_* methods. */
static bool name_arg(Value v, const char *fname, const char *which)
{
    if (rt_is_str(v))
        return utf8_of(v) != NULL;
    rt_raisef(&rt_TypeError, "%s() argument %s must be str, not %T", fname, which, v);
    return false;
}

static bool narg_arg(Value v, int *out)
{
    ssize_t n;
    if (!int_arg(v, &n))
        return false;
    if (n > INT_MAX || n < INT_MIN) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)n;
    return true;
}

/* create_function(name, narg, func, *, deterministic=False) */
static Value connection_create_function(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name", "narg", "func", "deterministic" };
    static const ArgSpec spec = { "create_function", names, 4, 0, 3, 3, false };
    Value a[4];
    ObjConnection *c = CON(args[0]);
    int narg, det = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        !name_arg(a[0], "create_function", "'name'") || !narg_arg(a[1], &narg) ||
        (a[3] != VAL_NULL && (det = rt_truthy(a[3])) < 0) || !check_usable(c))
        return VAL_NULL;
    Callback *cb = callback_new(a[2]);
    int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
    int rc = sq.sqlite3_create_function_v2(c->db, rt_str_cstr(a[0]), narg, flags, cb,
                                           call_function, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rt_raisef(&sq_OperationalError, "Error creating function");
    keep_callback(c, rt_str_format_c("function %S %d", a[0], narg), cb);
    return rt_None;
}

/* create_aggregate(name, n_arg, aggregate_class) */
static Value connection_create_aggregate(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name", "n_arg", "aggregate_class" };
    static const ArgSpec spec = { "create_aggregate", names, 3, 0, 3, 3, false };
    Value a[3];
    ObjConnection *c = CON(args[0]);
    int narg;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        !name_arg(a[0], "create_aggregate", "'name'") || !narg_arg(a[1], &narg) ||
        !check_usable(c))
        return VAL_NULL;
    Callback *cb = callback_new(a[2]);
    int rc = sq.sqlite3_create_function_v2(c->db, rt_str_cstr(a[0]), narg, SQLITE_UTF8, cb,
                                           NULL, aggregate_step, aggregate_final, NULL);
    if (rc != SQLITE_OK)
        return rt_raisef(&sq_OperationalError, "Error creating aggregate");
    keep_callback(c, rt_str_format_c("function %S %d", a[0], narg), cb);
    return rt_None;
}

/* create_window_function(name, num_params, aggregate_class, /): None
 * removes it. */
static Value connection_create_window_function(Value *args, size_t nargs, Value kw)
{
    ObjConnection *c = CON(args[0]);
    int narg;
    if (!rt_arg_nokw("create_window_function", kw) ||
        !rt_arg_range("create_window_function", nargs - 1, 3, 3) ||
        !name_arg(args[1], "create_window_function", "1") || !narg_arg(args[2], &narg) ||
        !check_usable(c))
        return VAL_NULL;
    Callback *cb = args[3] == rt_None ? NULL : callback_new(args[3]);
    int rc = cb == NULL
        ? sq.sqlite3_create_window_function(c->db, rt_str_cstr(args[1]), narg, SQLITE_UTF8,
                                            NULL, NULL, NULL, NULL, NULL, NULL)
        : sq.sqlite3_create_window_function(c->db, rt_str_cstr(args[1]), narg,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, cb,
                                            aggregate_step, aggregate_final, window_value,
                                            window_inverse, NULL);
    if (rc != SQLITE_OK)
        return rt_raisef(&sq_ProgrammingError, "%s", sq.sqlite3_errstr(rc));
    keep_callback(c, rt_str_format_c("window %S %d", args[1], narg), cb);
    return rt_None;
}

/* create_collation(name, callback, /): None removes it. */
static Value connection_create_collation(Value *args, size_t nargs, Value kw)
{
    ObjConnection *c = CON(args[0]);
    if (!rt_arg_nokw("create_collation", kw) || !rt_arg_range("create_collation", nargs - 1, 2, 2) ||
        !name_arg(args[1], "create_collation", "1") || !check_usable(c))
        return VAL_NULL;
    Callback *cb = NULL;
    if (args[2] != rt_None) {
        if (!rt_callable(args[2]))
            return rt_raisef(&rt_TypeError, "parameter must be callable");
        cb = callback_new(args[2]);
    }
    int rc = sq.sqlite3_create_collation_v2(c->db, rt_str_cstr(args[1]), SQLITE_UTF8, cb,
                                            cb == NULL ? NULL : call_collation, NULL);
    if (rc != SQLITE_OK)
        return raise_db_error(c->db);
    keep_callback(c, rt_str_format_c("collation %S", args[1]), cb);
    return rt_None;
}

/* The one callable argument of set_authorizer and set_trace_callback
 * (by position or by its keyword); None: removed. */
static bool hook_arg(Value *args, size_t nargs, Value kw, const char *fname, const char *kwname,
                     Value *out)
{
    const char *const names[] = { kwname };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    return rt_parse_args(&spec, args + 1, nargs - 1, kw, out) && check_usable(CON(args[0]));
}

static Value connection_set_authorizer(Value *args, size_t nargs, Value kw)
{
    Value fn;
    if (!hook_arg(args, nargs, kw, "set_authorizer", "authorizer_callback", &fn))
        return VAL_NULL;
    ObjConnection *c = CON(args[0]);
    Callback *cb = fn == rt_None ? NULL : callback_new(fn);
    if (sq.sqlite3_set_authorizer(c->db, cb == NULL ? NULL : call_authorizer, cb) != SQLITE_OK)
        return rt_raisef(&sq_OperationalError, "Error setting authorizer callback");
    keep_callback(c, rt_str_from_cstr("authorizer"), cb);
    return rt_None;
}

static Value connection_set_trace_callback(Value *args, size_t nargs, Value kw)
{
    Value fn;
    if (!hook_arg(args, nargs, kw, "set_trace_callback", "trace_callback", &fn))
        return VAL_NULL;
    ObjConnection *c = CON(args[0]);
    Callback *cb = fn == rt_None ? NULL : callback_new(fn);
    sq.sqlite3_trace_v2(c->db, cb == NULL ? 0 : SQLITE_TRACE_STMT, cb == NULL ? NULL : call_trace, cb);
    keep_callback(c, rt_str_from_cstr("trace"), cb);
    return rt_None;
}

/* set_progress_handler(progress_handler, n) */
static Value connection_set_progress_handler(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "progress_handler", "n" };
    static const ArgSpec spec = { "set_progress_handler", names, 2, 0, 2, 2, false };
    Value a[2];
    int n;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !narg_arg(a[1], &n) ||
        !check_usable(CON(args[0])))
        return VAL_NULL;
    ObjConnection *c = CON(args[0]);
    Callback *cb = a[0] == rt_None ? NULL : callback_new(a[0]);
    sq.sqlite3_progress_handler(c->db, n, cb == NULL ? NULL : call_progress, cb);
    keep_callback(c, rt_str_from_cstr("progress"), cb);
    return rt_None;
}

static Value connection_interrupt(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("interrupt", nargs - 1, kw) || !check_connection(CON(args[0])))
        return VAL_NULL;
    sq.sqlite3_interrupt(CON(args[0])->db);
    return rt_None;
}

/* The category of getlimit/setlimit: one of the SQLITE_LIMIT_*. */
static bool limit_category(Value v, int *out)
{
    if (!narg_arg(v, out))
        return false;
    if (*out < SQLITE_LIMIT_LENGTH || *out > SQLITE_LIMIT_WORKER_THREADS) {
        rt_raisef(&sq_ProgrammingError, "'category' is out of bounds");
        return false;
    }
    return true;
}

static Value connection_getlimit(Value *args, size_t nargs, Value kw)
{
    int category;
    if (!rt_arg_nokw("getlimit", kw) || !rt_arg_range("getlimit", nargs - 1, 1, 1) ||
        !limit_category(args[1], &category) || !check_usable(CON(args[0])))
        return VAL_NULL;
    return small_new(sq.sqlite3_limit(CON(args[0])->db, category, -1));
}

static Value connection_setlimit(Value *args, size_t nargs, Value kw)
{
    int category, limit;
    if (!rt_arg_nokw("setlimit", kw) || !rt_arg_range("setlimit", nargs - 1, 2, 2) ||
        !limit_category(args[1], &category) || !narg_arg(args[2], &limit) ||
        !check_usable(CON(args[0])))
        return VAL_NULL;
    return small_new(sq.sqlite3_limit(CON(args[0])->db, category, limit));
}

/* backup(target, *, pages=-1, progress=None, name="main", sleep=0.250) */
static Value connection_backup(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "target", "pages", "progress", "name", "sleep" };
    static const ArgSpec spec = { "backup", names, 5, 0, 1, 1, false };
    Value a[5];
    ObjConnection *c = CON(args[0]);
    ssize_t pages = -1;
    double sleep = 0.250;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !check_usable(c))
        return VAL_NULL;
    if (!rt_isinstance_of(a[0], &connection_type))
        return rt_raisef(&rt_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %T",
                         a[0]);
    if ((a[1] != VAL_NULL && !int_arg(a[1], &pages)) ||
        (a[4] != VAL_NULL && !mod_as_double(a[4], &sleep)))
        return VAL_NULL;
    const char *name = "main";
    if (a[3] != VAL_NULL && (name = str_arg(a[3], "backup", "'name'")) == NULL)
        return VAL_NULL;
    ObjConnection *target = CON(a[0]);
    if (!check_connection(target))
        return VAL_NULL;
    if (target == c)
        return rt_raisef(&rt_ValueError, "target cannot be the same connection instance");
    Value progress = a[2] == VAL_NULL ? rt_None : a[2];
    if (progress != rt_None && !rt_callable(progress))
        return rt_raisef(&rt_TypeError, "progress argument must be a callable");
    if (pages == 0)
        pages = -1;
    sqlite3_backup *b = sq.sqlite3_backup_init(target->db, "main", c->db, name);
    if (b == NULL)
        return raise_db_error(target->db);
    int rc;
    do {
        rc = sq.sqlite3_backup_step(b, (int)pages);
        if (progress != rt_None &&
            rt_call(progress, (Value[]){ small_new(rc), small_new(sq.sqlite3_backup_remaining(b)),
                                         small_new(sq.sqlite3_backup_pagecount(b)) },
                    3, VAL_NULL) == VAL_NULL) {
            sq.sqlite3_backup_finish(b);
            return VAL_NULL;
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sq.sqlite3_sleep((int)(sleep * 1000));
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    if (sq.sqlite3_backup_finish(b) != SQLITE_OK)
        return raise_db_error(target->db);
    return rt_None;
}

/* iterdump(): Lib/sqlite3/dump.py's _iterdump(self). */
static Value connection_iterdump(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("iterdump", nargs - 1, kw) || !check_usable(CON(args[0])))
        return VAL_NULL;
    Value dump = mod_import("sqlite3.dump");
    if (dump == VAL_NULL) {
        if (rt_err_matches(&rt_ImportError)) {
            rt_err_clear();
            rt_raisef(&sq_OperationalError, "Failed to import sqlite3.dump");
        }
        return VAL_NULL;
    }
    Value mod = rt_getattr_cstr(dump, "dump");
    Value fn = mod == VAL_NULL ? VAL_NULL : rt_getattr_cstr(mod, "_iterdump");
    return fn == VAL_NULL ? VAL_NULL : rt_call1(fn, args[0]);
}

/* serialize(*, name="main"): the database's bytes. */
static Value connection_serialize(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name" };
    static const ArgSpec spec = { "serialize", names, 1, 0, 0, 0, false };
    Value a;
    const char *name = "main";
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &a) ||
        (a != VAL_NULL && (name = str_arg(a, "serialize", "'name'")) == NULL) ||
        !check_usable(CON(args[0])))
        return VAL_NULL;
    sqlite3 *db = CON(args[0])->db;
    sqlite3_int64 size;
    unsigned flags = SQLITE_SERIALIZE_NOCOPY;
    unsigned char *data = sq.sqlite3_serialize(db, name, &size, flags);
    if (data == NULL && (data = sq.sqlite3_serialize(db, name, &size, flags = 0)) == NULL)
        return rt_raisef(&sq_OperationalError, "unable to serialize '%s'", name);
    Value r = rt_bytes_new(data, (size_t)size);
    if (flags == 0)
        sq.sqlite3_free(data);
    return r;
}

/* deserialize(data, /, *, name="main"): the database becomes a copy of data. */
static Value connection_deserialize(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "name" };
    static const ArgSpec spec = { "deserialize", names, 2, 1, 1, 1, false };
    Value a[2];
    const char *name = "main";
    ModBuffer data;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || !mod_get_buffer(a[0], &data) ||
        (a[1] != VAL_NULL && (name = str_arg(a[1], "deserialize", "'name'")) == NULL) ||
        !check_usable(CON(args[0])))
        return VAL_NULL;
    if (data.len > (size_t)INT64_MAX)
        return rt_raisef(&rt_OverflowError, "'data' is too large");
    unsigned char *copy = sq.sqlite3_malloc64(data.len > 0 ? data.len : 1);
    if (copy == NULL)
        return rt_raise_nomemory();
    memcpy(copy, data.data, data.len);
    sqlite3 *db = CON(args[0])->db;
    int rc = sq.sqlite3_deserialize(db, name, copy, (sqlite3_int64)data.len, (sqlite3_int64)data.len,
                                    SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    return rc == SQLITE_OK ? rt_None : raise_db_error(db);
}

/* con(sql): a prepared statement, as the statement cache holds them. */
static Value connection_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!check_usable(CON(self)) || !rt_arg_nokw("Connection", kw) ||
        !rt_arg_range("Connection", nargs, 1, 1))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "argument 1 must be str, not %T", args[0]);
    ObjStatement *st = statement_new(CON(self), args[0]);
    return st == NULL ? VAL_NULL : obj_val(st);
}

static Value connection_get_isolation_level(Value self)
{
    ObjConnection *c = CON(self);
    return check_connection(c) ? c->isolation_level : VAL_NULL;
}

/* A setter given VAL_NULL (del c.attr): false + AttributeError. */
static bool not_deleting(Value v)
{
    if (v == VAL_NULL)
        rt_raisef(&rt_AttributeError, "cannot delete attribute");
    return v != VAL_NULL;
}

static int connection_set_isolation_level(Value self, Value v)
{
    ObjConnection *c = CON(self);
    Value level;
    if (!not_deleting(v))
        return -1;
    if (!check_connection(c) || !isolation_level_arg(v, &level))
        return -1;
    if (level == rt_None && end_transaction(self, "COMMIT") == VAL_NULL)
        return -1;
    c->isolation_level = level;
    return 0;
}

static Value connection_get_total_changes(Value self)
{
    ObjConnection *c = CON(self);
    return check_connection(c) ? small_new(sq.sqlite3_total_changes(c->db)) : VAL_NULL;
}

static Value connection_get_in_transaction(Value self)
{
    ObjConnection *c = CON(self);
    return check_connection(c) ? rt_bool(!sq.sqlite3_get_autocommit(c->db)) : VAL_NULL;
}

static Value connection_get_autocommit(Value self)
{
    ObjConnection *c = CON(self);
    if (!check_thread(c) || !check_connection(c))
        return VAL_NULL;
    return c->autocommit == LEGACY_TRANSACTION_CONTROL ? small_new(LEGACY_TRANSACTION_CONTROL)
                                                        : rt_bool(c->autocommit);
}

/* Setting autocommit commits an open transaction (True) or opens one
 * (False), as CPython 3.12 does. */
static int connection_set_autocommit(Value self, Value v)
{
    ObjConnection *c = CON(self);
    int autocommit;
    if (!not_deleting(v) || !check_thread(c) || !check_connection(c) ||
        !autocommit_arg(v, &autocommit))
        return -1;
    c->autocommit = autocommit;
    if (autocommit == 1 && !sq.sqlite3_get_autocommit(c->db) && !run_simple(c, "COMMIT"))
        return -1;
    if (autocommit == 0 && sq.sqlite3_get_autocommit(c->db) && !run_simple(c, "BEGIN"))
        return -1;
    return 0;
}

static const GetSetDef connection_getsets[] = {
    {"isolation_level", connection_get_isolation_level, connection_set_isolation_level, NULL},
    {"autocommit", connection_get_autocommit, connection_set_autocommit, NULL},
    {"total_changes", connection_get_total_changes, NULL, NULL},
    {"in_transaction", connection_get_in_transaction, NULL, NULL},
    {NULL},
};

static const MemberDef connection_members[] = {
    {"row_factory", offsetof(ObjConnection, row_factory), RT_MEMBER_VALUE, RT_WRITABLE, 0},
    {"text_factory", offsetof(ObjConnection, text_factory), RT_MEMBER_VALUE, RT_WRITABLE, 0},
    {NULL, 0, 0, 0, 0}
};

static Value connection_blobopen(Value *args, size_t nargs, Value kw);

static const MethodDef connection_methods[] = {
    {"__init__", connection_init},
    {"cursor", connection_cursor},
    {"execute", connection_execute},
    {"executemany", connection_executemany},
    {"executescript", connection_executescript},
    {"commit", connection_commit},
    {"rollback", connection_rollback},
    {"close", connection_close},
    {"__enter__", connection_enter},
    {"__exit__", connection_exit},
    {"create_function", connection_create_function},
    {"create_aggregate", connection_create_aggregate},
    {"create_window_function", connection_create_window_function},
    {"create_collation", connection_create_collation},
    {"set_authorizer", connection_set_authorizer},
    {"set_progress_handler", connection_set_progress_handler},
    {"set_trace_callback", connection_set_trace_callback},
    {"interrupt", connection_interrupt},
    {"getlimit", connection_getlimit},
    {"setlimit", connection_setlimit},
    {"backup", connection_backup},
    {"blobopen", connection_blobopen},
    {"iterdump", connection_iterdump},
    {"serialize", connection_serialize},
    {"deserialize", connection_deserialize},
    {NULL, NULL}
};

static ObjType connection_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.Connection",
    .flags = TF_BASETYPE | TF_SPLIT_INIT | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjConnection), .new_ = connection_new, .call = connection_call,
    .members = connection_members, .getsets = connection_getsets,
};

/* ---- Blob ---------------------------------------------------------------------------- */

typedef struct ObjBlob {
    Object ob;
    ObjConnection *connection;
    sqlite3_blob *blob;         /* NULL: closed */
    int offset;
} ObjBlob;

#define BLOB(v) VAL_AS(ObjBlob, v)

static void finalize_blob(void *obj, void *data)
{
    ObjBlob *b = obj;
    if (b->blob != NULL && b->connection->db != NULL)
        sq.sqlite3_blob_close(b->blob);
    b->blob = NULL;
}

static void blob_close_handle(Value v)
{
    ObjBlob *b = BLOB(v);
    if (b->blob != NULL)
        sq.sqlite3_blob_close(b->blob);
    b->blob = NULL;
}

static ObjBlob *usable_blob(Value v)
{
    ObjBlob *b = BLOB(v);
    if (!check_usable(b->connection))
        return NULL;
    if (b->blob == NULL) {
        rt_raisef(&sq_ProgrammingError, "Cannot operate on a closed blob.");
        return NULL;
    }
    return b;
}

/* blobopen(table, column, row, /, *, readonly=False, name="main") */
static Value connection_blobopen(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "table", "column", "row", "readonly", "name" };
    static const ArgSpec spec = { "blobopen", names, 5, 3, 3, 3, false };
    Value a[5];
    ObjConnection *c = CON(args[0]);
    ssize_t row;
    int readonly = 0;
    const char *name = "main";
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        str_arg(a[0], "blobopen", "1") == NULL || str_arg(a[1], "blobopen", "2") == NULL ||
        !int_arg(a[2], &row) || (a[3] != VAL_NULL && (readonly = rt_truthy(a[3])) < 0) ||
        (a[4] != VAL_NULL && (name = str_arg(a[4], "blobopen", "'name'")) == NULL) ||
        !check_usable(c))
        return VAL_NULL;
    sqlite3_blob *handle;
    if (sq.sqlite3_blob_open(c->db, name, rt_str_cstr(a[0]), rt_str_cstr(a[1]), row, !readonly,
                             &handle) != SQLITE_OK)
        return raise_db_error(c->db);
    ObjBlob *b = gc_alloc(sizeof *b);
    b->ob.type = &blob_type;
    b->connection = c;
    b->blob = handle;
    gc_register_finalizer(b, finalize_blob, NULL);
    rt_list_append(c->blobs, obj_val(b));
    return obj_val(b);
}

static Value blob_close(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("close", nargs - 1, kw) || !check_usable(BLOB(args[0])->connection))
        return VAL_NULL;
    blob_close_handle(args[0]);
    return rt_None;
}

static ssize_t blob_len(Value self)
{
    ObjBlob *b = usable_blob(self);
    return b == NULL ? -1 : sq.sqlite3_blob_bytes(b->blob);
}

/* n bytes from offset `at`, as bytes. */
static Value blob_bytes_at(ObjBlob *b, int at, int n)
{
    unsigned char *buf = gc_alloc_atomic((size_t)n + 1);
    if (n > 0 && sq.sqlite3_blob_read(b->blob, buf, n, at) != SQLITE_OK)
        return raise_db_error(b->connection->db);
    return rt_bytes_new(buf, (size_t)n);
}

static bool blob_write_at(ObjBlob *b, const void *data, int n, int at)
{
    if (sq.sqlite3_blob_write(b->blob, data, n, at) != SQLITE_OK) {
        raise_db_error(b->connection->db);
        return false;
    }
    return true;
}

static Value blob_read(Value *args, size_t nargs, Value kw)
{
    ssize_t length = -1;
    if (!rt_arg_nokw("read", kw) || !rt_arg_range("read", nargs - 1, 0, 1) ||
        (nargs > 1 && !int_arg(args[1], &length)))
        return VAL_NULL;
    ObjBlob *b = usable_blob(args[0]);
    if (b == NULL)
        return VAL_NULL;
    int left = sq.sqlite3_blob_bytes(b->blob) - b->offset;
    if (length < 0 || length > left)
        length = left;
    Value r = blob_bytes_at(b, b->offset, (int)length);
    if (r != VAL_NULL)
        b->offset += (int)length;
    return r;
}

static Value blob_write(Value *args, size_t nargs, Value kw)
{
    ModBuffer data;
    if (!rt_arg_nokw("write", kw) || !rt_arg_range("write", nargs - 1, 1, 1) ||
        !mod_get_buffer(args[1], &data))
        return VAL_NULL;
    ObjBlob *b = usable_blob(args[0]);
    if (b == NULL)
        return VAL_NULL;
    if (data.len > INT_MAX)
        return rt_raisef(&rt_OverflowError, "data longer than INT_MAX bytes");
    if ((int)data.len > sq.sqlite3_blob_bytes(b->blob) - b->offset)
        return rt_raisef(&rt_ValueError, "data longer than blob length");
    if (!blob_write_at(b, data.data, (int)data.len, b->offset))
        return VAL_NULL;
    b->offset += (int)data.len;
    return rt_None;
}

static Value blob_seek(Value *args, size_t nargs, Value kw)
{
    ssize_t offset, origin = 0;
    if (!rt_arg_nokw("seek", kw) || !rt_arg_range("seek", nargs - 1, 1, 2) ||
        !int_arg(args[1], &offset) || (nargs > 2 && !int_arg(args[2], &origin)))
        return VAL_NULL;
    ObjBlob *b = usable_blob(args[0]);
    if (b == NULL)
        return VAL_NULL;
    int len = sq.sqlite3_blob_bytes(b->blob);
    switch (origin) {
    case 0:
        break;
    case 1:
        offset += b->offset;
        break;
    case 2:
        offset += len;
        break;
    default:
        return rt_raisef(&rt_ValueError,
                         "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
    }
    if (offset > INT_MAX || offset < INT_MIN)
        return rt_raisef(&rt_OverflowError, "seek offset results in overflow");
    if (offset < 0 || offset > len)
        return rt_raisef(&rt_ValueError, "offset out of blob range");
    b->offset = (int)offset;
    return rt_None;
}

static Value blob_tell(Value *args, size_t nargs, Value kw)
{
    ObjBlob *b = rt_arg_none("tell", nargs - 1, kw) ? usable_blob(args[0]) : NULL;
    return b == NULL ? VAL_NULL : small_new(b->offset);
}

static Value blob_enter(Value *args, size_t nargs, Value kw)
{
    return usable_blob(args[0]) == NULL ? VAL_NULL : args[0];
}

static Value blob_exit(Value *args, size_t nargs, Value kw)
{
    if (usable_blob(args[0]) == NULL)
        return VAL_NULL;
    blob_close_handle(args[0]);
    return rt_False;
}

/* An index into the blob, or -1 + IndexError / TypeError. */
static ssize_t blob_index(Value key, int len)
{
    ssize_t i;
    if (!index_arg(key, &i))
        return -1;
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        rt_raisef(&rt_IndexError, "Blob index out of range");
        return -1;
    }
    return i;
}

static Value blob_getitem(Value self, Value key)
{
    ObjBlob *b = usable_blob(self);
    if (b == NULL)
        return VAL_NULL;
    int len = sq.sqlite3_blob_bytes(b->blob);
    if (rt_isinstance_of(key, &rt_slice_type)) {
        Value all = blob_bytes_at(b, 0, len);
        return all == VAL_NULL ? VAL_NULL : rt_getitem(all, key);
    }
    if (!rt_number_check(key) || rt_isinstance_of(key, &rt_float_type))
        return rt_raisef(&rt_TypeError, "Blob indices must be integers");
    ssize_t i = blob_index(key, len);
    if (i < 0)
        return VAL_NULL;
    Value byte = blob_bytes_at(b, (int)i, 1);
    return byte == VAL_NULL ? VAL_NULL : small_new(AS_BYTES(byte)->data[0]);
}

static int blob_setitem(Value self, Value key, Value v)
{
    ObjBlob *b = usable_blob(self);
    if (b == NULL)
        return -1;
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "Blob doesn't support item deletion");
        return -1;
    }
    int len = sq.sqlite3_blob_bytes(b->blob);
    if (rt_isinstance_of(key, &rt_slice_type)) {
        ssize_t start, stop, stepn, count;
        ModBuffer data;
        if (!rt_slice_indices(key, len, &start, &stop, &stepn, &count) || !mod_get_buffer(v, &data))
            return -1;
        if ((ssize_t)data.len != count) {
            rt_raisef(&rt_IndexError, "Blob slice assignment is wrong size");
            return -1;
        }
        if (count == 0)
            return 0;
        if (stepn == 1)
            return blob_write_at(b, data.data, (int)count, (int)start) ? 0 : -1;
        Value all = blob_bytes_at(b, 0, len);
        if (all == VAL_NULL)
            return -1;
        unsigned char *buf = AS_BYTES(all)->data;
        for (ssize_t k = 0; k < count; k++)
            buf[start + k * stepn] = data.data[k];
        return blob_write_at(b, buf, len, 0) ? 0 : -1;
    }
    if (!rt_number_check(key) || rt_isinstance_of(key, &rt_float_type)) {
        rt_raisef(&rt_TypeError, "Blob indices must be integers");
        return -1;
    }
    ssize_t i = blob_index(key, len), byte = -1;
    Value iv = i < 0 ? VAL_NULL : rt_index(v);
    if (iv == VAL_NULL)
        return -1;
    if (!mod_int_as_ssize(iv, &byte))
        rt_err_clear();
    if (byte < 0 || byte > 255) {
        rt_raisef(&rt_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    unsigned char c = (unsigned char)byte;
    return blob_write_at(b, &c, 1, (int)i) ? 0 : -1;
}

/* A Blob is indexed like a mapping: neither iterable nor searched by `in`. */
static Value blob_iter(Value self)
{
    return rt_raisef(&rt_TypeError, "'%s' object is not iterable", val_type(self)->name);
}

static int blob_contains(Value self, Value item)
{
    rt_raisef(&rt_TypeError, "argument of type '%s' is not iterable", val_type(self)->name);
    return -1;
}

static const MethodDef blob_methods[] = {
    {"close", blob_close},
    {"read", blob_read},
    {"write", blob_write},
    {"seek", blob_seek},
    {"tell", blob_tell},
    {"__enter__", blob_enter},
    {"__exit__", blob_exit},
    {NULL, NULL}
};

static ObjType blob_type = {
    .ob.type = &rt_type_type, .name = "sqlite3.Blob", .new_ = mod_no_new, .flags = TF_WEAKREFABLE,
    .len = blob_len, .getitem = blob_getitem, .setitem = blob_setitem,
    .iter = blob_iter, .contains = blob_contains,
};

/* ---- the module's functions --------------------------------------------------------- */

/* connect(database, ...): factory(database, ...) with every argument as
 * given (Connection.__init__ takes factory too). */
static Value sqlite_connect(Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    Value factory = rt_kwarg(args, nargs, kw, "factory");
    if (factory == VAL_NULL)
        factory = npos > CP_factory ? args[CP_factory] : obj_val(&connection_type);
    return rt_call(factory, args, nargs, kw);
}

static Value sqlite_complete_statement(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "statement" };
    static const ArgSpec spec = { "complete_statement", names, 1, 0, 1, 1, false };
    Value s;
    if (!rt_parse_args(&spec, args, nargs, kw, &s) ||
        str_arg(s, "complete_statement", "'statement'") == NULL)
        return VAL_NULL;
    return rt_bool(sq.sqlite3_complete(rt_str_cstr(s)));
}

static Value sqlite_register_adapter(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("register_adapter", kw) || !rt_arg_range("register_adapter", nargs, 2, 2))
        return VAL_NULL;
    Value t = args[0];
    if (t == obj_val(&rt_int_type) || t == obj_val(&rt_float_type) ||
        t == obj_val(&rt_str_type) || t == obj_val(&rt_bytearray_type))
        base_type_adapted = true;
    if (!rt_dict_set(adapters, rt_tuple_pack(2, t, obj_val(&prepare_type)), args[1]))
        return VAL_NULL;
    return rt_None;
}

static Value sqlite_register_converter(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("register_converter", kw) || !rt_arg_range("register_converter", nargs, 2, 2) ||
        str_arg(args[0], "register_converter", "1") == NULL)
        return VAL_NULL;
    Value name = mod_call_method(args[0], "upper", NULL, 0);
    if (name == VAL_NULL || !rt_dict_set(converters, name, args[1]))
        return VAL_NULL;
    return rt_None;
}

static Value sqlite_adapt(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("adapt", kw) || !rt_arg_range("adapt", nargs, 1, 3))
        return VAL_NULL;
    return adapt(args[0], nargs > 1 ? args[1] : obj_val(&prepare_type), nargs > 2 ? args[2] : VAL_NULL);
}

static Value sqlite_enable_callback_tracebacks(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("enable_callback_tracebacks", kw) ||
        !rt_arg_range("enable_callback_tracebacks", nargs, 1, 1))
        return VAL_NULL;
    int on = rt_truthy(args[0]);
    if (on < 0)
        return VAL_NULL;
    callback_tracebacks = on;
    return rt_None;
}

static Value sqlite_enable_shared_cache(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "do_enable" };
    static const ArgSpec spec = { "enable_shared_cache", names, 1, 0, 1, 1, false };
    Value v;
    int on;
    if (!rt_parse_args(&spec, args, nargs, kw, &v) || (on = rt_truthy(v)) < 0)
        return VAL_NULL;
    if (sq.sqlite3_enable_shared_cache(on) != SQLITE_OK)
        return rt_raisef(&sq_OperationalError, "Changing the shared_cache flag failed");
    return rt_None;
}

static const MethodDef sqlite_functions[] = {
    {"connect", sqlite_connect},
    {"complete_statement", sqlite_complete_statement},
    {"register_adapter", sqlite_register_adapter},
    {"register_converter", sqlite_register_converter},
    {"adapt", sqlite_adapt},
    {"enable_callback_tracebacks", sqlite_enable_callback_tracebacks},
    {NULL, NULL}
};

/* Removed in 3.12. */
static const MethodDef sqlite_functions_311[] = {
    {"enable_shared_cache", sqlite_enable_shared_cache},
    {NULL, NULL}
};

Value mod_sqlite3_init(void)
{
    if (!sq_ready())
        return VAL_NULL;
    Value m = mod_module_new("_sqlite3", sqlite_functions);
    if (sq_Error.mro == VAL_NULL) {
        for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
            rt_type_ready(exceptions[i], NULL);
        rt_type_ready(&callback_type, NULL);
        rt_type_ready(&statement_type, NULL);
    }
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        mod_module_set(m, exceptions[i]->name + strlen("sqlite3."), obj_val(exceptions[i]));
    mod_add_type(m, "Connection", &connection_type, connection_methods);
    mod_add_type(m, "Cursor", &cursor_type, cursor_methods);
    mod_add_type(m, "Row", &row_type, row_methods);
    mod_add_type(m, "PrepareProtocol", &prepare_type, NULL);
    mod_add_type(m, "Blob", &blob_type, blob_methods);
    for (size_t i = 0; i < sizeof exceptions / sizeof exceptions[0]; i++)
        rt_type_set(&connection_type, exceptions[i]->name + strlen("sqlite3."),
                    obj_val(exceptions[i]));
    adapters = rt_dict_new();
    converters = rt_dict_new();
    base_type_adapted = false;
    callback_tracebacks = false;
    mod_module_set(m, "adapters", adapters);
    mod_module_set(m, "converters", converters);
    mod_module_set(m, "PARSE_DECLTYPES", small_new(PARSE_DECLTYPES));
    mod_module_set(m, "PARSE_COLNAMES", small_new(PARSE_COLNAMES));
    if (rt_py_minor >= 12)
        mod_module_set(m, "LEGACY_TRANSACTION_CONTROL", small_new(LEGACY_TRANSACTION_CONTROL));
#define PVM_SQLITE(name, kind) mod_module_set(m, #name, small_new(name));
#include "modules/sqlite_names.h"
#undef PVM_SQLITE
    /* 3.12 deprecated `version` (Lib/sqlite3 serves it from
     * _deprecated_version, with a warning) and removed enable_shared_cache. */
    mod_module_set(m, rt_py_minor >= 12 ? "_deprecated_version" : "version",
                   rt_str_from_cstr("2.6.0"));
    if (rt_py_minor == 11)
        mod_module_add_functions(m, sqlite_functions_311);
    mod_module_set(m, "sqlite_version", rt_str_from_cstr(sq.sqlite3_libversion()));
    int safe = sq.sqlite3_threadsafe();
    mod_module_set(m, "threadsafety", small_new(safe == 0 ? 0 : safe == 1 ? 3 : 1));
    return m;
}
