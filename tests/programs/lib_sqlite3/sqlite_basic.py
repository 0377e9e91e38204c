# sqlite3: connect, cursors, parameters by position and name, fetching, rowcount, lastrowid, description
import sqlite3

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level == "", con.in_transaction, con.total_changes)
cur = con.cursor()
print(cur.arraysize, cur.rowcount, cur.lastrowid, cur.description, cur.connection is con)
cur.execute("create table people (id integer primary key, name text, age integer, score real, photo blob)")
print(cur.rowcount, cur.description)
cur.execute("insert into people (name, age, score, photo) values (?, ?, ?, ?)", ("ann", 31, 2.5, b"\x00\x01"))
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount, "in_tx", con.in_transaction)
cur.execute("insert into people (name, age, score, photo) values (:name, :age, :score, :photo)",
            {"name": "bob", "age": 42, "score": None, "photo": None})
print("lastrowid", cur.lastrowid)
rows = [("cid", 7, 1.0, None), ("dan", 19, -3.25, b""), ("eve", 55, 1e300, bytearray(b"xy"))]
cur.executemany("insert into people (name, age, score, photo) values (?, ?, ?, ?)", rows)
print("executemany rowcount", cur.rowcount, "lastrowid", cur.lastrowid)
con.commit()
print("after commit", con.in_transaction, con.total_changes)

cur.execute("select id, name, age, score, photo from people order by id")
print([d[0] for d in cur.description], len(cur.description[0]))
print(cur.fetchone())
print(cur.fetchmany(2))
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchall(), cur.fetchone())
for row in con.execute("select name, age from people where age > ? order by age desc", (20,)):
    print(row)
print(con.execute("select count(*), sum(age), avg(score) from people").fetchone())
print(con.execute("select typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(null)").fetchone())
print(con.execute("select 9223372036854775807, -9223372036854775808, 1e-5, 'na\u00efve \u20ac'").fetchone())
print(con.execute("select ?, ?, ?", (True, 2**62, "tab\tnl\n")).fetchone())

cur.execute("update people set age = age + 1 where age < ?", (40,))
print("update rowcount", cur.rowcount)
cur.execute("delete from people where name = ?", ("dan",))
print("delete rowcount", cur.rowcount)
cur.execute("select * from people")
print("select rowcount", cur.rowcount)
con.rollback()
print(con.execute("select count(*) from people").fetchone()[0])

c2 = con.execute("select name from people order by id")
print(next(c2), list(c2))
print(con.execute("").fetchall(), con.execute("-- only a comment").description)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
# threadsafety: 3 for a serialized libsqlite3 build (0 under pyodide, built without threads)
print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety in (0, 3), sqlite3.PARSE_DECLTYPES,
      sqlite3.PARSE_COLNAMES)
print(sqlite3.sqlite_version_info >= (3, 7))
cur.executescript("""
    create table t(a, b);
    insert into t values (1, 'one');  -- a comment
    insert into t values (2, 'two');
    /* block */ insert into t values (3, 'three');
""")
print(con.execute("select * from t").fetchall())
cur.close()
print(con.execute("select sqlite_version() = ?", (sqlite3.sqlite_version,)).fetchone())
con.close()
con.close()
print("closed")
