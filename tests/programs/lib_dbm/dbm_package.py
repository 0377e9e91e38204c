# dbm, dbm.ndbm, dbm.gnu and shelve on pvm's _dbm/_gdbm: files python3.11 reads, whichdb, persistence, iteration
import dbm, dbm.ndbm, dbm.gnu, shelve, os, subprocess, sys, tempfile, shutil

d = tempfile.mkdtemp()
try:
    for mod in (dbm.ndbm, dbm.gnu):
        path = os.path.join(d, mod.__name__.split('.')[1])
        with mod.open(path, 'n') as db:
            for i in range(50):
                db[f'key{i}'] = str(i * i)
            db[b'\x00bin\xff'] = b'\x01\x02'
            print(mod.__name__, len(db), db[b'key7'], db.get('key49'), db[b'\x00bin\xff'])
            del db['key0']
            print(len(db), 'key0' in db, sorted(db.keys())[:3])
        print(dbm.whichdb(path))
        with dbm.open(path) as db:
            print(type(db).__module__, len(db), db['key10'])
        # left open: closed at exit, and then readable
        code = f'import {mod.__name__} as m; db = m.open({path!r}, "w"); db[b"late"] = b"kept"'
        print(subprocess.run([sys.executable, '-c', code]).returncode)
        with mod.open(path, 'r') as db:
            print(db.get(b'late'))
    g = dbm.gnu.open(os.path.join(d, 'gnu'), 'w')
    k = g.firstkey()
    n = 0
    while k is not None:
        n += 1
        k = g.nextkey(k)
    print('walked', n, len(g.keys()))
    for i in range(40):
        del g[f'key{i + 1}']
    g.reorganize()
    g.sync()
    print(len(g), sorted(g.keys()))
    g.close()
    with dbm.open(os.path.join(d, 'any'), 'c') as db:
        db['x'] = 'y'
        print(type(db).__module__, db['x'])
    print(dbm.whichdb(os.path.join(d, 'any')))
    with shelve.open(os.path.join(d, 'shelf')) as sh:
        sh['list'] = [1, 2, {'three': 3}]
        sh['tuple'] = (None, 1.5)
    with shelve.open(os.path.join(d, 'shelf'), 'r') as sh:
        print(sorted(sh.items()))
    print(dbm.whichdb(os.path.join(d, 'shelf')))
    print(sorted(os.listdir(d)))
finally:
    shutil.rmtree(d)
