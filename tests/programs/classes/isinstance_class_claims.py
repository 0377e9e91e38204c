# isinstance(x, C) when type(x) is not C: x.__class__ is asked unless it must be type(x) (object's own
# __class__, reached through object.__getattribute__); every way a class can change the answer
class Base: pass
class Other: pass
class Plain(Base): pass
class ClassAttr:
    __class__ = Other                   # a class attribute, not a descriptor
class ClassProperty:
    @property
    def __class__(self): return Other
class GetAttribute:
    def __getattribute__(self, name):
        return Other if name == '__class__' else object.__getattribute__(self, name)
class GetAttr:                          # __getattr__ is not asked for an attribute that exists
    def __getattr__(self, name): return Other
class Inherits(ClassProperty): pass
class Slotted:
    __slots__ = ('a',)
for obj in [Plain(), ClassAttr(), ClassProperty(), GetAttribute(), GetAttr(), Inherits(), Slotted()]:
    print(type(obj).__name__, isinstance(obj, Other), isinstance(obj, Base), isinstance(obj, object),
          isinstance(obj, (int, Other)), obj.__class__.__name__)
d = Plain()
d.__dict__['__class__'] = Other         # the instance dict cannot hide a data descriptor
print(isinstance(d, Other), isinstance(d, Plain), d.__class__ is Plain)
d.__class__ = Base                      # assigned: the type itself changes
print(isinstance(d, Plain), isinstance(d, Base), type(d).__name__)
class Changing: pass
c = Changing()
try:                                    # a class's __class__ is its metaclass: not an attribute to add
    Changing.__class__ = property(lambda self: Other)
except TypeError as e:
    print('TypeError', e)
print(isinstance(c, Other), isinstance(c, Changing))
class Meta(type):
    pass
class WithMeta(metaclass=Meta): pass
print(isinstance(WithMeta, Other), isinstance(WithMeta, Meta), isinstance(WithMeta(), Other))
class RaisingClass:
    @property
    def __class__(self): raise AttributeError('no class')
print(isinstance(RaisingClass(), Other), isinstance(RaisingClass(), RaisingClass))
class ErrorClass:
    @property
    def __class__(self): raise ValueError('bad')
try:
    isinstance(ErrorClass(), Other)
except ValueError as e:
    print('ValueError', e)
