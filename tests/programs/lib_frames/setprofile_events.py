# sys.setprofile: call/return for Python frames, c_call/c_return/c_exception for builtins (bound methods too), a profile function that raises is removed
import sys

log = []
def prof(frame, event, arg):
    if event.startswith('c_'):
        log.append((event, frame.f_code.co_name, arg.__name__))
    else:
        log.append((event, frame.f_code.co_name, arg if isinstance(arg, (int, type(None))) else '?'))

def sq(x):
    return x * x

def work():
    total = sum(map(sq, [1, 2]))
    items = []
    items.append(total)
    try:
        int('nope')
    except ValueError:
        pass
    return len(items)

def gen():
    yield 1
    yield 2

sys.setprofile(prof)
work()
for v in gen():
    pass
sys.setprofile(None)
for e in log:
    print(e)
print(sys.getprofile())

def bad(frame, event, arg):
    raise ValueError('bad profiler')
sys.setprofile(bad)
try:
    sq(2)
except ValueError as e:
    print('ValueError:', e)
print(sys.getprofile())
