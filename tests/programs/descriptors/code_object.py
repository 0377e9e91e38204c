# Code objects: every co_* attribute, co_lines(), co_positions(), co_lnotab, _varname_from_oparg, replace(), CodeType(...), == and hash
def f(a, b, /, c=1, *args, d, **kw):
    "doc"
    x = (a +
         b); y = [a, b,
   c]
    return x * y[0] + len(args) + d
def mk():
    z = 5
    def inner(q):
        return q + z
    return inner
inner = mk()
async def co(): pass
def gen(): yield 1

for fn in (f, mk, inner, co, gen, lambda: None):
    c = fn.__code__
    print(c.co_name, c.co_qualname, c.co_filename.rsplit('/', 1)[-1], c.co_firstlineno)
    print(' ', c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
          c.co_stacksize, hex(c.co_flags))
    print(' ', c.co_varnames, c.co_cellvars, c.co_freevars, c.co_names,
          [k if not hasattr(k, 'co_name') else k.co_name for k in c.co_consts[1:]])
    print(' ', len(c.co_code), c.co_linetable.hex(), c.co_exceptiontable.hex(), c.co_lnotab.hex())
    print(' ', list(c.co_lines()))
    print(' ', list(c.co_positions()))
c = f.__code__
print([c._varname_from_oparg(i) for i in range(len(c.co_varnames))])
try:
    c._varname_from_oparg(99)
except IndexError as e:
    print(e)
print(sorted(n for n in dir(c) if n.startswith('co_')))

# replace(): a new code object with some fields changed
CodeType = type(c)
FunctionType = type(f)
c2 = c.replace(co_name="g", co_qualname="G.g")
print(c2.co_name, c2.co_qualname, c2 == c, c.replace() == c, c.replace() is c,
      hash(c.replace()) == hash(c))
g = FunctionType(c2, globals())
print(g.__name__, g.__qualname__, g(1, 2, 3, d=3))
r = FunctionType(inner.__code__.replace(co_name="renamed"), globals(), None, None, inner.__closure__)
print(r(1), r.__name__, r.__code__.co_freevars)
for kw in ({'co_nlocals': 7}, {'co_varnames': ('a',)}, {'co_code': b'x'}, {'co_argcount': -1},
           {'co_names': (1,)}, {'co_argcount': 9}, {'co_bogus': 1}, {'co_consts': [1]},
           {'co_name': 5}):
    try:
        c.replace(**kw)
    except (ValueError, TypeError, SystemError) as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(e)

# CodeType(...)
parts = (c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals, c.co_stacksize,
         c.co_flags, c.co_code, c.co_consts, c.co_names, c.co_varnames, c.co_filename, "made",
         "made_q", c.co_firstlineno, c.co_linetable, c.co_exceptiontable, c.co_freevars,
         c.co_cellvars)
made = CodeType(*parts)
print(made.co_name, made.co_qualname, made == c, FunctionType(made, globals())(1, 2, 5, d=0))
for bad in (parts[:5], (-1,) + parts[1:], parts[:6] + ('x',) + parts[7:]):
    try:
        CodeType(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    CodeType(*parts, x=1)
except TypeError as e:
    print(e)

# equality follows the constants' types and signs
print((lambda: 0.0).__code__ == (lambda: -0.0).__code__,
      (lambda: 1).__code__ == (lambda: 1).__code__,
      (lambda: 1).__code__ == (lambda: 1.0).__code__,
      (lambda: (1, 2)).__code__ == (lambda: (1, 2)).__code__)
print(len({(lambda: 1).__code__, (lambda: 1).__code__, (lambda: 2).__code__}))
