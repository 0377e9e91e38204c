# CPython's inspect on Python code: signature/Parameter/bind, getmembers, getsource/getdoc/cleandoc, getmro, predicates, getfullargspec, frames and stack, getattr_static, unwrap, getclosurevars
import functools
import inspect
import os


def func(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Do something.

        Indented detail.
    """
    return "%s" % a


class Base:
    "A base class."
    attr = 1

    def method(self, x):
        return x

    @classmethod
    def cm(cls):
        pass

    @staticmethod
    def sm(y):
        pass

    @property
    def prop(self):
        return 5


class Child(Base):
    pass


sig = inspect.signature(func)
print(sig, sig.return_annotation, list(sig.parameters))
for p in sig.parameters.values():
    print(p.name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation)
ba = sig.bind(1, 3, 4, 5, c=6, e=7)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(sig.replace(return_annotation=inspect.Signature.empty), inspect.signature(Base.method), inspect.signature(Base().method))
print(inspect.signature(lambda x, /, y=1: None), inspect.signature(Child))
print(inspect.getfullargspec(func))
print([name for name, _ in inspect.getmembers(Child) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Child, inspect.isfunction)])
print(inspect.getdoc(func))
print(repr(inspect.cleandoc("  first\n    second\n  third")))
print(inspect.getsource(Base.method), end="")
print(inspect.getsourcelines(func)[1], os.path.basename(inspect.getsourcefile(func)), inspect.getmodule(func).__name__)
print(inspect.getmro(Child), inspect.getdoc(Child))
print(inspect.isclass(Base), inspect.isfunction(func), inspect.ismethod(Base().method), inspect.isbuiltin(len),
      inspect.isgeneratorfunction(lambda: (yield)), inspect.iscoroutinefunction(func), inspect.ismodule(os),
      inspect.isroutine(len), inspect.isabstract(Base), inspect.isdatadescriptor(Base.__dict__["prop"]))
print(type(inspect.getattr_static(Base, "cm")).__name__, type(inspect.getattr_static(Base(), "prop")).__name__)


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def wrapped(q, r=0):
    pass


print(inspect.signature(wrapped), inspect.unwrap(wrapped) is wrapped.__wrapped__)
n = 10


def outer():
    k = 3

    def inner():
        return k + n + len("")
    return inner


print(inspect.getclosurevars(outer()))


def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    outer_names = [f.function for f in inspect.stack()[:3]]
    return info.function, info.lineno - func.__code__.co_firstlineno, outer_names, frame.f_back.f_code.co_name


def caller():
    return where()


print(caller())
print(inspect.formatannotation(list[int]), inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
