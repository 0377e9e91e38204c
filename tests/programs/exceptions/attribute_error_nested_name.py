# an AttributeError raised inside __getattribute__/__getattr__ keeps its own name and obj (suggestions name the inner attribute)
import sys, traceback
class A:
    blech = None
class B:
    def __getattribute__(self, attr):
        a = A()
        return a.blich
try:
    B().something
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
    print(traceback.format_exception_only(type(e), e)[-1], end='')
class C:
    def __getattr__(self, attr):
        raise AttributeError(attr)
try:
    C().zap
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
class D:
    @property
    def p(self):
        return self.missing_one
    missing_two = 1
try:
    D().p
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
    print(traceback.format_exception_only(type(e), e)[-1], end='')
