# sys._getframe: the running frame and its callers, f_code/f_globals/f_builtins/f_lineno/f_lasti, depth errors, the frame type
import sys, builtins

def inner():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name)
    print(f.f_globals is globals(), f.f_builtins is builtins.__dict__)
    print(f.f_lasti > 0, f.f_lasti % 2)
    return f

def outer():
    return inner()

f = outer()
print(f.f_code.co_name, f.f_lineno)          # where it returned
print(f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name)
print(f.f_back.f_back is sys._getframe())
print(type(f).__name__, type(f) is type(sys._getframe()))
print(repr(f).startswith('<frame at 0x'), repr(f).endswith("line 10, code inner>"))
try:
    sys._getframe(50)
except ValueError as e:
    print('ValueError:', e)
try:
    sys._getframe('x')
except TypeError as e:
    print('TypeError:', e)
print(sys._getframe().f_back)
print(sys._getframe(0) is sys._getframe(0))
for bad in (3, 'x'):
    try:
        sys._getframe().f_lineno = bad
    except ValueError as e:
        print('ValueError:', e)
import inspect
def where():
    return inspect.currentframe().f_back.f_lineno
print(where())
