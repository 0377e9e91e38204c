# two threads, two connections to one file database: the busy wait must not hold the interpreter lock
import os, sqlite3, tempfile, threading, time
path = os.path.join(tempfile.mkdtemp(), "t.db")
setup = sqlite3.connect(path)
setup.execute("create table t(x)")
setup.commit()
setup.close()
ready = threading.Event()
def writer():
    con = sqlite3.connect(path)
    con.execute("insert into t values (1)")   # holds the write lock
    ready.set()
    time.sleep(0.3)                           # ... while the main thread waits on it
    con.commit()
    con.close()
t = threading.Thread(target=writer)
t.start()
ready.wait()
con = sqlite3.connect(path, timeout=10)
con.execute("insert into t values (2)")       # busy until the writer commits
con.commit()
t.join()
print(sorted(r[0] for r in con.execute("select x from t")))
con.create_function("twice", 1, lambda v: v * 2)
results = []
def reader(n):
    c = sqlite3.connect(path)
    c.create_function("twice", 1, lambda v: v * 2)
    results.append(c.execute("select sum(twice(x)) from t").fetchone()[0] + n)
    c.close()
threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
for th in threads: th.start()
for th in threads: th.join()
print(sorted(results))
con.close()
os.remove(path)
