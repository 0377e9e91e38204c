# sqlite3: implicit transactions, isolation levels, the context manager, a file database
import os
import sqlite3
import tempfile

path = os.path.join(tempfile.mkdtemp(), "test.db")
con = sqlite3.connect(path)
con.execute("create table t(x)")
print("after create", con.in_transaction)
con.execute("insert into t values (1)")
print("after insert", con.in_transaction)
other = sqlite3.connect(path, timeout=0.1)
print("other sees", other.execute("select count(*) from t").fetchone())
con.commit()
print("other sees", other.execute("select count(*) from t").fetchone())

with con:
    con.execute("insert into t values (2)")
print("after with", con.in_transaction, other.execute("select count(*) from t").fetchone())
try:
    with con:
        con.execute("insert into t values (3)")
        raise ValueError("boom")
except ValueError as e:
    print("rolled back:", e, con.execute("select count(*) from t").fetchone())

con.isolation_level = None
print("autocommit", con.isolation_level, con.in_transaction)
con.execute("insert into t values (4)")
print("no tx", con.in_transaction, other.execute("select count(*) from t").fetchone())
con.execute("begin")
con.execute("insert into t values (5)")
print("explicit", con.in_transaction)
con.execute("rollback")
con.isolation_level = "immediate"
print(repr(con.isolation_level))
con.execute("insert into t values (6)")
print(con.in_transaction)
con.rollback()
print(sorted(r[0] for r in con.execute("select x from t")))

con.isolation_level = "DEFERRED"
con.execute("insert into t values (7)")
try:
    other.execute("insert into t values (8)")
except sqlite3.OperationalError as e:
    print("locked:", e, e.sqlite_errorname)
con.commit()

c2 = sqlite3.connect(path, isolation_level=None, cached_statements=0, check_same_thread=False)
print(c2.isolation_level, c2.execute("select count(*) from t").fetchone())
c3 = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
try:
    c3.execute("insert into t values (9)")
except sqlite3.OperationalError as e:
    print("read only:", e)

class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = "mine"

class MyCursor(sqlite3.Cursor):
    pass

m = sqlite3.connect(":memory:", factory=MyConnection)
print(type(m).__name__, m.extra, type(m.cursor(MyCursor)).__name__)
for c in (con, other, c2, c3, m):
    c.close()
os.remove(path)
print("done")
