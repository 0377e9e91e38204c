# Mixin classes combining behaviour; cooperative methods via super()
class ReprMixin:
    def __repr__(self):
        items = ", ".join([f"{k}={v!r}" for k, v in sorted(vars(self).items())])
        return f"{type(self).__name__}({items})"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)
    __hash__ = None
class OrderMixin:
    def key(self):
        return tuple(sorted(vars(self).items()))
    def __lt__(self, other):
        return self.key() < other.key()
class LogMixin:
    def save(self):
        print("log: saving", type(self).__name__)
        return super().save()
class Storage:
    def save(self):
        print("storage: saved")
        return True
class Record(ReprMixin, EqMixin, OrderMixin, LogMixin, Storage):
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
a = Record(x=1, y="a")
b = Record(x=1, y="a")
c = Record(x=0, y="z")
print(a, a == b, a == c, a != c, sorted([a, c]))
print(a.save())
print([k.__name__ for k in Record.__mro__])
try:
    hash(a)
except TypeError as e:
    print(e)
