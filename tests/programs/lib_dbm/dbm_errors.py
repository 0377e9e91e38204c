# _dbm and _gdbm: the mapping over Berkeley DB and gdbm, key and value types, closed databases, open()'s flags and errors
import _dbm, _gdbm, os, tempfile, shutil

d = tempfile.mkdtemp()
try:
    for mod in (_dbm, _gdbm):
        db = mod.open(os.path.join(d, mod.__name__), 'c')
        print(type(db).__name__, type(db).__module__, mod.error.__mro__[1].__name__)
        ops = [lambda: db[1], lambda: db.__setitem__(1, b'x'), lambda: db.__setitem__(b'x', 1),
               lambda: 1 in db, lambda: db.get(1), lambda: db.setdefault(1),
               lambda: db.__delitem__(b'nope'), lambda: db[bytearray(b'a')],
               lambda: db.__setitem__(b'k', bytearray(b'v')), lambda: db.setdefault(b'k2', 5),
               lambda: db.setdefault(b'k3'), lambda: db[b'k3'], lambda: db.get(b'zz', 7),
               lambda: len(db), lambda: bool(db), lambda: db['\udc80'],
               lambda: db.__setitem__('key', 'välue'), lambda: db['key'], lambda: db[b'key'],
               lambda: 'key' in db, lambda: b'key' in db, lambda: memoryview(b'key') in db,
               lambda: db[memoryview(b'key')], lambda: db.setdefault('new', 'str default'),
               lambda: db['new'], lambda: sorted(db.keys()), lambda: len(db),
               lambda: db.__delitem__('new'), lambda: len(db), lambda: db.get('key'),
               lambda: db.__exit__(1, 2, 3), lambda: db.keys(), lambda: len(db),
               lambda: bool(db), lambda: b'a' in db, lambda: db.get(b'a'), lambda: db[b'a'],
               lambda: db.__setitem__(b'a', b'b'), lambda: db.close()]
        for op in ops:
            try:
                print(mod.__name__, repr(op()))
            except Exception as e:
                print(mod.__name__, type(e).__name__, e)
    for flags in ('cz', 'x', '', 'r\0'):
        try:
            _gdbm.open(os.path.join(d, 'q'), flags)
        except Exception as e:
            print(type(e).__name__, e)
    for mod in (_dbm, _gdbm):
        for args in [(os.path.join(d, 'nope'), 'r'), (os.path.join(d, 'n\0pe'), 'r'), (5, 'r'),
                     ('x', 5), ('x', 'q'), ('x', 'r', 'mode'), ()]:
            try:
                mod.open(*args)
            except Exception as e:
                print(mod.__name__, type(e).__name__, str(e).replace(d, 'DIR'))
    e = None
    try:
        _gdbm.open(os.path.join(d, 'nope'))
    except _gdbm.error as exc:
        e = exc
    print(e.errno, e.strerror, e.filename == os.path.join(d, 'nope'), isinstance(e, OSError))
    print(_gdbm._GDBM_VERSION >= (1, 0), _gdbm.open_flags, _dbm.library)
    g = _gdbm.open(os.path.join(d, '_gdbm'), 'w')
    g[b'a'] = b'1'
    g.close()
    g = _gdbm.open(os.path.join(d, '_gdbm'), 'r')
    print(sorted(g.keys()), g.firstkey() in g.keys(), g.nextkey(b'zzz'))
    for op in [lambda: g.__setitem__(b'a', b'b'), lambda: g.__delitem__(b'a'), lambda: g.sync(),
               lambda: g.firstkey(1)]:
        try:
            print(repr(op()))
        except Exception as e:
            print(type(e).__name__, e)
    g.close()
    for op in [g.firstkey, g.sync, g.reorganize, lambda: g.nextkey(b'a')]:
        try:
            op()
        except Exception as e:
            print(type(e).__name__, e)
    n = _dbm.open(os.path.join(d, '_dbm'), 'r')
    for op in [lambda: n.__delitem__(b'k'), lambda: n[b'key']]:
        try:
            print(repr(op()))
        except Exception as e:
            print(type(e).__name__, e)
    n.close()
    try:
        type(n)()
    except TypeError as e:
        print(e)
    print(sorted(os.listdir(d)))
finally:
    shutil.rmtree(d)
