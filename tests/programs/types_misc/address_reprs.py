# reprs that show an address (function, instance, object(), code, bound and builtin methods, cell), with the address masked
def scrub(s):
    out = []
    for w in s.split(' '):
        if w.startswith('0x'):
            tail = w.rstrip('>,:')
            ok = tail[2:].isalnum() and len(tail) > 3
            w = 'ADDR' + w[len(tail):] if ok else w
        out.append(w)
    return ' '.join(out)
def f(): pass
class C: pass
r = [repr(f), repr(C()), repr(object()), repr(f.__code__).split(',')[0], repr([].append), repr(int.__new__), repr(C().__init__)]
for x in r: print(scrub(x))
def g():
    x = 'one'
    def h(): return x
    return h
print(scrub(repr(g().__closure__[0])))
