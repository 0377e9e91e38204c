# sqlite3: user-defined functions, aggregates, window functions, collations, authorizer, progress and trace callbacks
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(x, s)")
con.executemany("insert into t values (?, ?)", [(i, "s%d" % (5 - i)) for i in range(1, 6)])

con.create_function("double", 1, lambda v: v * 2)
con.create_function("kinds", -1, lambda *a: ",".join(type(v).__name__ for v in a), deterministic=True)
con.create_function("give_none", 0, lambda: None)
con.create_function("blobby", 0, lambda: b"\x00\xff")
con.create_function("boom", 0, lambda: 1 / 0)
con.create_function("weird", 0, lambda: object())
con.create_function("huge", 0, lambda: 2**80)
print(con.execute("select double(x) from t").fetchall())
print(con.execute("select double('ab'), double(1.5)").fetchone())
print(con.execute("select kinds(1, 2.0, 'x', x'00', null)").fetchone())
print(con.execute("select give_none(), blobby()").fetchone())
for name in ("boom", "weird", "huge"):
    try:
        con.execute("select %s()" % name).fetchone()
    except sqlite3.Error as e:
        print(name, type(e).__name__, e)
try:
    con.execute("select double(1, 2)")
except sqlite3.OperationalError as e:
    print(e)

class Total:
    def __init__(self):
        self.n = 0
    def step(self, v):
        self.n += v
    def finalize(self):
        return self.n

class Joiner:
    def __init__(self):
        self.parts = []
    def step(self, a, b):
        self.parts.append("%s=%s" % (a, b))
    def finalize(self):
        return "|".join(self.parts)

class BadStep:
    def step(self, v):
        raise KeyError(v)
    def finalize(self):
        return 0

con.create_aggregate("total", 1, Total)
con.create_aggregate("joiner", 2, Joiner)
con.create_aggregate("badstep", 1, BadStep)
print(con.execute("select total(x) from t").fetchone())
print(con.execute("select total(x) from t where x > 100").fetchone())
print(con.execute("select joiner(x, s) from t").fetchone())
print(con.execute("select x % 2, total(x) from t group by x % 2 order by 1").fetchall())
try:
    con.execute("select badstep(x) from t").fetchone()
except sqlite3.OperationalError as e:
    print(e)

class WindowSum:
    def __init__(self):
        self.count = 0
    def step(self, value):
        self.count += value
    def value(self):
        return self.count
    def inverse(self, value):
        self.count -= value
    def finalize(self):
        return self.count

con.create_window_function("sumint", 1, WindowSum)
print(con.execute("""select x, sumint(x) over (order by x rows between 1 preceding and 1 following)
                     from t order by x""").fetchall())

def reverse(a, b):
    return (a < b) - (a > b)

con.create_collation("reverse", reverse)
print(con.execute("select s from t order by s collate reverse").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("select s from t order by s collate reverse")
except sqlite3.OperationalError as e:
    print(e)
try:
    con.create_collation("x", 3)
except TypeError as e:
    print(e)

seen = []
def authorizer(action, arg1, arg2, dbname, source):
    seen.append((action, arg1, arg2, dbname))
    if arg2 == "s":
        return sqlite3.SQLITE_DENY
    if arg2 == "x" and action == sqlite3.SQLITE_READ:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK

con.set_authorizer(authorizer)
print(con.execute("select x from t limit 2").fetchall())
try:
    con.execute("select s from t")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
print(sorted(set(a for a in seen if a[0] == sqlite3.SQLITE_READ)))
con.set_authorizer(None)
print(con.execute("select s from t limit 1").fetchall())

calls = []
def progress():
    calls.append(1)
    return len(calls) > 3
con.set_progress_handler(progress, 1)
try:
    con.execute("with recursive c(n) as (select 1 union all select n + 1 from c where n < 100000) select count(*) from c").fetchone()
except sqlite3.OperationalError as e:
    print(e, len(calls))
con.set_progress_handler(None, 1)

traced = []
con.set_trace_callback(traced.append)
con.execute("select ? + 1", (41,)).fetchone()
con.execute("insert into t values (6, 'x')")
con.commit()
con.set_trace_callback(None)
con.execute("select 1")
print(traced)
print(con.getlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH) > 0)
old = con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 10)
print(old > 10, con.getlimit(sqlite3.SQLITE_LIMIT_LENGTH))
try:
    con.execute("select ?", ("x" * 20,)).fetchone()
except sqlite3.Error as e:
    print(type(e).__name__, e)
con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)

import sys
def hook(u):
    # 3.14 names the callback in err_msg instead of passing it as object
    print("unraisable:", u.exc_type.__name__, u.exc_value,
          u.object is boom or (u.err_msg or "").endswith(repr(boom)))
sys.unraisablehook = hook
sqlite3.enable_callback_tracebacks(True)
def boom():
    raise RuntimeError("in callback")
con.create_function("boom2", 0, boom)
try:
    con.execute("select boom2()").fetchone()
except sqlite3.OperationalError as e:
    print(e)
sqlite3.enable_callback_tracebacks(False)
try:
    con.execute("select boom2()").fetchone()
except sqlite3.OperationalError as e:
    print(e)
