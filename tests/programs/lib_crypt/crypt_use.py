# crypt and _crypt: 3.11's DeprecationWarning, crypt(word, salt) on libcrypt for each method, mksalt, the failure token, argument errors
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    try:
        import crypt
    except ImportError as e:            # Python 3.13 removed it
        crypt = None
        print('ImportError:', e)
print([(w.category.__name__, str(w.message)) for w in caught])

if crypt is not None:
    import _crypt
    print(crypt.methods)
    for method in crypt.methods:
        salt = crypt.mksalt(method)
        print(method.name, method.ident, method.salt_chars, method.total_size, len(salt),
              salt.startswith('$' + method.ident + '$') if method.ident else len(salt) == 2)
        h = crypt.crypt('secret', salt)
        # (bcrypt keeps 2 bits of the salt's last character: compare the rest)
        print('  ', len(h), h.startswith(salt[:-1]), crypt.crypt('secret', h) == h, crypt.crypt('other', h) == h)
    print(_crypt.crypt('abc', 'ab'))
    print(_crypt.crypt('abc', '$6$saltsalt'))
    print(_crypt.crypt('abc', '$5$rounds=5000$saltsalt'))
    print(_crypt.crypt('abc', '$1$saltsalt'))
    print(_crypt.crypt('pässwörd', 'ab'))
    print(_crypt.crypt('abc', '$99$x'), _crypt.crypt('abc', ''), _crypt.crypt('abc', '*'))
    print(crypt.crypt('abc', crypt.METHOD_CRYPT)[:0] == '', len(crypt.crypt('abc')))
    print(crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 5)[:7])
    for args in [('abc',), (1, 'ab'), ('a', 2), ('a\0b', 'ab'), ('a', 'b\0'), ('\udc80', 'ab')]:
        try:
            _crypt.crypt(*args)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ':', e)
    try:
        _crypt.crypt(word='a', salt='b')
    except TypeError as e:
        print(e)
