# sqlite3: backup with progress, blobopen (read, write, seek, index, slices), iterdump, interrupt
import sqlite3

src = sqlite3.connect(":memory:")
src.executescript("""
    create table items(id integer primary key, name text, data blob);
    create index items_name on items(name);
    insert into items(name, data) values ('a', x'0102'), ('b''s', null), ('c', zeroblob(8));
    create view v as select name from items;
""")
src.commit()
dst = sqlite3.connect(":memory:")
steps = []
src.backup(dst, pages=1, progress=lambda status, remaining, total: steps.append((status, remaining, total)))
print(dst.execute("select id, name, data from items").fetchall())
print(len(steps) > 0, steps[-1][1])
try:
    src.backup(src)
except ValueError as e:
    print(e)

for line in src.iterdump():
    print(line)

blob = src.blobopen("items", "data", 3)
print(len(blob), blob.tell())
blob.write(b"abc")
print(blob.tell(), blob.read(2), blob.tell())
blob.seek(0)
print(blob.read())
blob.seek(-2, 2)
print(blob.read(10), blob.tell())
print(blob[0], blob[-1], blob[1:4], blob[::2])
blob[0] = ord("Z")
blob[5:8] = b"xyz"
print(bytes(blob[0:8]))
for bad in (lambda: blob.seek(100), lambda: blob.write(b"x" * 100), lambda: blob[20],
            lambda: blob.__setitem__(0, 300), lambda: blob.__setitem__(slice(0, 2), b"abc")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
blob.close()
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print(e)
with src.blobopen("items", "data", 1, readonly=True) as b:
    print(b.read())
try:
    src.blobopen("items", "data", 3, readonly=True).write(b"q")
except sqlite3.OperationalError as e:
    print(e)
print(src.execute("select data from items where id = 3").fetchone())
src.interrupt()
print("interrupted ok")
