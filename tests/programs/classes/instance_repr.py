# Default repr/str of instances and classes; __str__ falling back to __repr__
class Plain:
    pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(Plain()).startswith("<__main__.Plain object"))
print(Plain, repr(Plain), str(Plain))
class Outer:
    class Inner:
        pass
print(Outer.Inner, Outer.Inner.__qualname__, Outer.Inner.__name__)
print(repr(Outer.Inner())[:26])
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()], f"{OnlyRepr()}", f"{OnlyRepr()!r}")
class OnlyStr:
    def __str__(self):
        return "just str"
print(OnlyStr(), [OnlyStr()][0].__str__(), repr(OnlyStr())[:18])
class Both:
    def __repr__(self):
        return "R"
    def __str__(self):
        return "S"
print(Both(), repr(Both()), [Both()], (Both(),), {"k": Both()}, "%s %r" % (Both(), Both()))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
print(int, object, type, Exception, ValueError)
print(type(Plain()).__name__, Plain().__class__.__qualname__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__, f())
