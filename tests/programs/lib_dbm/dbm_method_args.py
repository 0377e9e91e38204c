# gdbm's methods refusing arguments: close names its type ("gdbm.close()");
# keys and firstkey, declared with a defining class, ignore keywords in 3.11.
import dbm.gnu as g, tempfile, os

def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except TypeError as e:
        print(type(e).__name__, e)

d = tempfile.mkdtemp()
db = g.open(os.path.join(d, 'x'), 'c')
show(db.close, 1)
show(db.keys, 1)
show(db.keys, a=1)
show(db.firstkey, a=1)
show(db.sync, a=1)
show(db.reorganize, 1)
db.close()
