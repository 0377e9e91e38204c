# bytes, bytearray and str methods called with no arguments, too many, or
# one of a wrong type: each refuses in the style CPython declares it with
# (METH_NOARGS and METH_O name the class, Argument Clinic says "expected",
# PyArg_ParseTuple "takes"), None named "None" where Argument Clinic does.


class W:
    pass


def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        return 'ok'
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for obj in (b'ab', bytearray(b'ab'), 'ab'):
    for name in sorted(dir(obj)):
        if name.startswith('__') or name == 'resize':     # resize: new in 3.14
            continue
        for args in [(), (1, 2, 3, 4, 5), (W(),), (None,)]:
            o = type(obj)(obj)
            print(type(obj).__name__, name, len(args), attempt(getattr(o, name), *args))
        print(type(obj).__name__, name, 'kw', attempt(getattr(type(obj)(obj), name), x=1))

for obj in (b'ab', bytearray(b'ab'), 'ab', 1, 1.5, object()):
    print(type(obj).__name__, attempt(obj.__format__, None))
print(attempt(b''.__getitem__), attempt(b''.__len__, 1), attempt(bytearray().__reduce__, 1))

for call in [
    lambda: 'a'.removeprefix(None), lambda: 'a'.removesuffix(None),
    lambda: 'a'.replace(None, 'b'), lambda: 'a'.replace('a', None),
    lambda: str.maketrans('a', None), lambda: str.maketrans(1, 'a'),
    lambda: str.maketrans('a', 'b', None), lambda: 'ab'.center(3, None),
    lambda: 'ab'.ljust(3, 5), lambda: 'ab'.center(3, 'xy'),
    lambda: 'a'.format_map(), lambda: 'a'.format_map(1, 2), lambda: 'a'.format_map(x=1),
    lambda: '{x}'.format_map(1), lambda: '{x}'.format_map({}), lambda: '{0}'.format_map({}),
    lambda: float.fromhex(None), lambda: float.fromhex(b'1'), lambda: float.fromhex(),
    lambda: float.__getformat__(None),
    lambda: b''.split(1, 2, 3), lambda: bytearray().append(), lambda: b''.count(),
    lambda: bytes.fromhex(None), lambda: bytearray.fromhex(1, 2),
    lambda: bytearray().extend(1), lambda: bytearray().extend(None), lambda: b'-'.join(5),
    lambda: b'a\tb'.expandtabs(1, 2), lambda: b'a\tb'.expandtabs(x=1),
    lambda: b'abc'.translate(), lambda: b'abc'.translate(None, b'b', 3),
]:
    print(attempt(call))
print(b'a\tb'.expandtabs(tabsize=2), b'abc'.translate(None, delete=b'a'), b'-'.join([b'x', b'y']))
print(bytearray(b'ab').zfill(4), 'x'.format_map({}), '{a}'.format_map({'a': 1}))
