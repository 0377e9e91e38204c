# str formatting: '%x %o %c %d' by __index__/__int__, NUL fill, str-subclass __str__ with an empty spec, format_map positional, two commas
class P:
    def __int__(self): return 109
    def __index__(self): return 109
class OnlyInt:
    def __int__(self): return 7
print('%x %X %o %c %d' % (P(), P(), P(), P(), P()), '%d' % OnlyInt(), '%d' % 3.9)
for fmt, v in (('%x', OnlyInt()), ('%x', 3.14), ('%c', 3.14), ('%d', 'a'), ('%c', 'ab')):
    try: print(fmt % v)
    except TypeError as e: print('TypeError', e)
class S(str):
    def __str__(self): return 'over'
print('{}'.format(S('x')), format(S('x')), f'{S("x")}', '{:>3}'.format(S('x')))
print(repr('{0:\x00<4}'.format('a')), repr(format(5, '\x00>3')), repr(f'{1.5:\x00^7}'))
for call in (lambda: '{}'.format_map({'a': 2}), lambda: '{0}'.format_map({}),
             lambda: '{:,,}'.format(1), lambda: '{:__}'.format(1), lambda: '{:,_}'.format(1)):
    try: call()
    except ValueError as e: print('ValueError', e)
for seq in ('abc', b'ab', [1], (1,), bytearray(b'x')):
    print(seq.__rmul__(2), seq.__mul__(True))
print(b'%b %s' % (memoryview(b'ab'), bytearray(b'cd')))
for s in ('{: }', '{:+}', '{:-}'):
    try: s.format('a')
    except ValueError as e: print(e)
