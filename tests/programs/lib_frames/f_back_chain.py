# f_back chains: walking the callers (traceback.extract_stack, inspect.stack), through a builtin calling Python code, and after the frames returned
import sys, traceback, inspect

def names(f):
    out = []
    while f is not None:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out

def a():
    return b()

def b():
    return c()

def c():
    return sys._getframe()

f = a()
print(names(f))

def key(x):
    print('key sees', names(sys._getframe())[:3])
    return -x
print(sorted([1, 2], key=key))

def stack_lines():
    return [(fs.name, fs.lineno) for fs in traceback.extract_stack()]
def caller():
    return stack_lines()
print(caller()[-3:])

def use_inspect():
    return [fi.function for fi in inspect.stack()[:3]]
print(use_inspect())

class K:
    def __repr__(self):
        return 'K from ' + sys._getframe(1).f_code.co_name
def show():
    return repr(K())
print(show())
print(names(sys._getframe()))
