# sqlite3: Row, row_factory, text_factory, adapters, converters, PARSE_DECLTYPES / PARSE_COLNAMES
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a, 'two' as B, null as c").fetchone()
print(type(row).__name__, len(row), row.keys(), tuple(row), list(row))
print(row[0], row[-1], row["a"], row["b"], row["B"], row[1:], row[::-1])
for key in (3, "d", 1.5):
    try:
        row[key]
    except Exception as e:
        print(type(e).__name__, e)
row2 = con.execute("select 1 as a, 'two' as B, null as c").fetchone()
print(row == row2, row != row2, hash(row) == hash(row2), row == (1, "two", None))
print(isinstance(row, __import__("collections.abc").abc.Sequence))
try:
    sqlite3.Row(1, ())
except TypeError as e:
    print(e)
con.row_factory = lambda cur, r: {d[0]: v for d, v in zip(cur.description, r)}
print(con.execute("select 1 as x, 2 as y").fetchall())
con.row_factory = None

cur = con.cursor()
cur.row_factory = lambda c, r: r[0]
print(cur.execute("select 5").fetchone())

con.text_factory = bytes
print(con.execute("select 'abc'").fetchone())
con.text_factory = bytearray
print(con.execute("select 'abc'").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print(con.execute("select 'abc'").fetchone())
con.text_factory = str
print(con.execute("select 'abc'").fetchone())

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

def adapt_point(p):
    return "%f;%f" % (p.x, p.y)

def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)

sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print((Point, sqlite3.PrepareProtocol) in sqlite3.adapters, "POINT" in sqlite3.converters)
print(sqlite3.adapt(Point(1, 2)))

class Conforming:
    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol:
            return "conformed"

print(con.execute("select ?", (Conforming(),)).fetchone())

dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("create table p(pt point, d date, ts timestamp, n integer)")
dcon.execute("insert into p values (?, ?, ?, ?)",
             (Point(1, 2.5), datetime.date(2024, 2, 29), datetime.datetime(2001, 2, 3, 4, 5, 6, 7), 3))
print(dcon.execute("select pt, d, ts, n from p").fetchone())
print(dcon.execute("select pt as \"p [point]\", n as \"n [text]\" from p").fetchone())
cur = dcon.execute("select pt as \"p [point]\" from p")
print(cur.description[0][0])
print(sqlite3.connect(":memory:").execute("select ? as \"x [point]\"", (Point(3, 4),)).fetchone())

dcon.execute("insert into p values (null, null, null, null)")
print(dcon.execute("select pt, d from p where n is null").fetchone())
