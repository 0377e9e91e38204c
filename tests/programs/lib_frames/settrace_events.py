# sys.settrace: call/line/return/exception events with f_lineno, local trace functions, f_trace set by hand, a trace function that stops tracing a frame, gettrace
import sys

log = []
def local(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    log.append(f'{frame.f_code.co_name}:{event}:{frame.f_lineno}:{arg}')
    return local

def glob(frame, event, arg):
    log.append(f'{frame.f_code.co_name}:{event}:{frame.f_lineno}')
    if frame.f_code.co_name == 'quiet':
        return None            # no local tracing for it
    return local

def add(a, b):
    c = a + b
    return c

def quiet():
    x = 1
    return x

def loop(n):
    t = 0
    while n:
        t += n
        n -= 1
    return t

def raiser():
    try:
        int('x')
    except ValueError:
        pass
    raise KeyError('k')

def outer():
    try:
        raiser()
    except KeyError:
        return 'ok'

def nested():
    def inner(v):
        return [v * i for i in range(2)]
    return inner(3)

sys.settrace(glob)
print(sys.gettrace() is glob)
add(1, 2)
quiet()
loop(2)
outer()
nested()
sys.settrace(None)
print(sys.gettrace())
print('\n'.join(log))

# settrace from inside a function: the caller's frame is traced only once
# its f_trace is set
log.clear()
def start():
    sys._getframe().f_back.f_trace = local
    sys.settrace(glob)
def main():
    start()
    a = 1
    b = add(a, 1)
    sys.settrace(None)
    return b
main()
print('\n'.join(log))

# a trace function that raises is removed
def bad(frame, event, arg):
    raise RuntimeError('bad tracer')
sys.settrace(bad)
try:
    add(1, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
print(sys.gettrace())
