# Special methods that builtins look up on the class (reversed, format,
# dir, round, dict's __missing__, sys.getsizeof, math.trunc, complex ...) bind
# a descriptor found there through its __get__, and an error raised by that
# __get__ propagates; object.__setattr__ may not skip type's own setattr.
import sys, math
class SpecialDescr(object):
    def __init__(self, impl): self.impl = impl
    def __get__(self, obj, owner):
        return self.impl.__get__(obj, owner)
def iden(self): return self
def hello(self): return b"hello"
def empty_seq(self): return []
def zero(self): return 0
def complex_num(self): return 1j
def stop(self): raise StopIteration
def return_true(self, thing=None): return True
def swallow(*args): pass
def format_impl(self, spec): return "hello"
def run_context(manager):
    with manager: pass
def some_number(self_, key): return 4
def do_dict_missing(checker):
    class DictSub(checker.__class__, dict): pass
    assert DictSub()["hi"] == 4
specials = [
    ("__bytes__", bytes, hello, {}), ("__reversed__", reversed, empty_seq, {}),
    ("__length_hint__", list, zero, {"__iter__" : iden, "__next__" : stop}),
    ("__sizeof__", sys.getsizeof, zero, {}),
    ("__instancecheck__", lambda o: isinstance(int, o), return_true, {}),
    ("__missing__", do_dict_missing, some_number, {}),
    ("__subclasscheck__", lambda o: issubclass(int, o), return_true, {}),
    ("__enter__", run_context, iden, {"__exit__" : swallow}),
    ("__exit__", run_context, swallow, {"__enter__" : iden}),
    ("__complex__", complex, complex_num, {}), ("__format__", format, format_impl, {}),
    ("__floor__", math.floor, zero, {}), ("__trunc__", math.trunc, zero, {}),
    ("__ceil__", math.ceil, zero, {}), ("__dir__", dir, empty_seq, {}),
    ("__round__", round, zero, {}),
]
for name, runner, impl, env in specials:
    class X: pass
    for a, o in env.items(): setattr(X, a, o)
    setattr(X, name, SpecialDescr(impl))
    try: runner(X())
    except Exception as e: print(name, type(e).__name__, e)
    else: print(name, 'ok')
class MyExc(Exception): pass
class ErrDescr:
    def __get__(self, obj, owner): raise MyExc
for name, runner, impl, env in specials:
    class X: pass
    for a, o in env.items(): setattr(X, a, o)
    setattr(X, name, ErrDescr())
    try: runner(X())
    except MyExc: pass
    except Exception as e: print('err', name, type(e).__name__, e)
    else: print('err', name, 'no exception')

for f in (lambda: object.__setattr__(str, "foo", 42), lambda: object.__delattr__(str, "lower")):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class A(type):
    def __setattr__(cls, key, value):
        object.__setattr__(cls, key, value)


class B:
    pass


class C(B, A):
    pass


class Valid(type):
    def __setattr__(cls, key, value):
        type.__setattr__(cls, key, value)


obj = C("D", (object,), {})
try:
    obj.test = True
except TypeError as e:
    print("TypeError:", e)
k = Valid("K", (), {})
k.test = 1
print(k.test)
import types
m = types.ModuleType("m")
object.__setattr__(m, "x", 5)
print(m.x)
