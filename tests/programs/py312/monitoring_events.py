# sys.monitoring (PEP 669): tool ids and their errors, global and local events, generators (PY_YIELD/PY_RESUME), exceptions (RAISE, EXCEPTION_HANDLED, PY_UNWIND; the offsets of the handlers only), C_RAISE, DISABLE and restart_events, callbacks that see no events of their own
import sys
m = sys.monitoring
E = m.events
TOOL = m.PROFILER_ID
log = []
HERE = sys._getframe().f_code.co_filename

def show(name):
    def cb(code, *args):
        if code.co_filename != HERE:
            return
        if name in ('RAISE', 'PY_UNWIND'):
            args = args[1:]             # where: CPython's offsets within the instruction vary
        shown = []
        for a in args:
            if a is m.MISSING:
                shown.append('MISSING')
            elif isinstance(a, BaseException):
                shown.append(type(a).__name__)
            elif callable(a):
                shown.append(getattr(a, '__name__', '?'))
            elif not isinstance(a, (int, str, tuple, type(None))):
                shown.append(type(a).__name__)
            else:
                shown.append(a)
        log.append((name, code.co_name, *shown))
    return cb

for name in ['PY_START', 'PY_RESUME', 'PY_RETURN', 'PY_YIELD', 'CALL', 'C_RETURN', 'C_RAISE',
             'RAISE', 'EXCEPTION_HANDLED', 'PY_UNWIND', 'LINE']:
    m.register_callback(TOOL, getattr(E, name), show(name))

try:
    m.set_events(TOOL, E.PY_START)
except ValueError as e:
    print('ValueError', e)
m.use_tool_id(TOOL, 'golden')
print(m.get_tool(TOOL), m.get_events(TOOL))
try:
    m.set_events(TOOL, E.C_RETURN)
except ValueError as e:
    print('ValueError', e)
try:
    m.register_callback(TOOL, E.PY_START | E.PY_RETURN, None)
except ValueError as e:
    print('ValueError', e)

def gen(n):
    for i in range(n):
        yield i * 2

def fails(x):
    return 1 // x

def handles():
    try:
        fails(0)
    except ZeroDivisionError:
        return 'handled'

def main():
    total = sum(gen(2))
    r = handles()
    try:
        int('x')
    except ValueError:
        pass
    return total, r

m.set_events(TOOL, E.PY_START | E.PY_RESUME | E.PY_RETURN | E.PY_YIELD | E.RAISE |
             E.EXCEPTION_HANDLED | E.PY_UNWIND | E.CALL)
print(m.get_events(TOOL) == E.PY_START | E.PY_RESUME | E.PY_RETURN | E.PY_YIELD | E.RAISE |
      E.EXCEPTION_HANDLED | E.PY_UNWIND | E.CALL)
result = main()
m.set_events(TOOL, 0)
print(result)
for entry in log:
    print(*entry)

# LINE as a local event, switched off where the callback says DISABLE
del log[:]
def lines(n):
    a = 0
    for i in range(n):
        a += i
    return a

seen = []
def on_line(code, line):
    seen.append(line - code.co_firstlineno)
    if len(seen) > 3:
        return m.DISABLE
m.register_callback(TOOL, E.LINE, on_line)
m.set_local_events(TOOL, lines.__code__, E.LINE)
print(m.get_local_events(TOOL, lines.__code__) == E.LINE, m.get_events(TOOL))
lines(3)
print(seen)
del seen[:]
lines(2)
print(seen)
m.restart_events()
lines(1)
print(seen)
m.set_local_events(TOOL, lines.__code__, 0)
m.free_tool_id(TOOL)
print(m.get_tool(TOOL))
