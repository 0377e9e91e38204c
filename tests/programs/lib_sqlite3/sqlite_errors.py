# sqlite3: the exception hierarchy and CPython's messages for misuse
import sqlite3

for name in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"]:
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [c.__name__ for c in cls.__mro__])

con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.ProgrammingError is sqlite3.ProgrammingError)

def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__, e, getattr(e, "sqlite_errorcode", "-"),
              getattr(e, "sqlite_errorname", "-"))

con.execute("create table t(x integer unique not null, y check (y > 0))")
con.execute("insert into t values (1, 1)")
attempt("unique", lambda: con.execute("insert into t values (1, 2)"))
attempt("not null", lambda: con.execute("insert into t values (null, 2)"))
attempt("check", lambda: con.execute("insert into t values (5, -1)"))
attempt("syntax", lambda: con.execute("selec 1"))
attempt("no table", lambda: con.execute("select * from nope"))
attempt("two statements", lambda: con.execute("select 1; select 2"))
attempt("null char", lambda: con.execute("select '\0'"))
attempt("too few", lambda: con.execute("select ?, ?", (1,)))
attempt("too many", lambda: con.execute("select ?", (1, 2)))
attempt("missing name", lambda: con.execute("select :a, :b", {"a": 1}))
attempt("dict for ?", lambda: con.execute("select ?", {"a": 1}))
attempt("bad params", lambda: con.execute("select ?", 42))
attempt("bad type", lambda: con.execute("select ?", (object(),)))
attempt("big int", lambda: sqlite3.connect(":memory:").execute("select ?", (2**64,)))
attempt("sql not str", lambda: con.execute(b"select 1"))
attempt("executemany select", lambda: con.executemany("select ?", [(1,), (2,)]))
attempt("executemany not iterable", lambda: con.executemany("insert into t values (?, ?)", 5))
attempt("executescript bytes", lambda: con.executescript(b"select 1"))
attempt("cursor factory", lambda: con.cursor(lambda c: None))
attempt("Cursor(1)", lambda: sqlite3.Cursor(1))
attempt("isolation 5", lambda: setattr(con, "isolation_level", 5))
attempt("isolation bad", lambda: setattr(con, "isolation_level", "SOMETIMES"))
attempt("del isolation", lambda: delattr(con, "isolation_level"))
attempt("connect int", lambda: sqlite3.connect(1))
attempt("connect no db", lambda: sqlite3.connect())
attempt("connect bad dir", lambda: sqlite3.connect("/nonexistent-dir/x.db"))
attempt("connect timeout", lambda: sqlite3.connect(":memory:", timeout="x"))
attempt("adapt", lambda: sqlite3.adapt(object()))
attempt("limit category", lambda: con.getlimit(1000))
attempt("decode", lambda: con.execute("select cast(x'ff41' as text) as col").fetchall())

cur = con.cursor()
cur.close()
attempt("closed cursor", lambda: cur.execute("select 1"))
attempt("closed cursor fetch", lambda: cur.fetchall())
closed = sqlite3.connect(":memory:")
c3 = closed.cursor()
closed.close()
attempt("closed db execute", lambda: closed.execute("select 1"))
attempt("closed db cursor", lambda: closed.cursor())
attempt("closed db commit", lambda: closed.commit())
attempt("closed db cursor use", lambda: c3.execute("select 1"))
attempt("closed db total_changes", lambda: closed.total_changes)
attempt("uninit connection", lambda: sqlite3.Connection.__new__(sqlite3.Connection).cursor())
attempt("uninit cursor", lambda: sqlite3.Cursor.__new__(sqlite3.Cursor).fetchone())
try:
    con.execute("insert into t values (1, 1)")
except sqlite3.DatabaseError as e:
    print("caught as DatabaseError:", type(e).__name__, isinstance(e, sqlite3.Error))
