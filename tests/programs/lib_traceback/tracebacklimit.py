# sys.tracebacklimit in the default excepthook: the last N entries, none (and no header) at 0 or below, the default for a non-int
import io, sys, contextlib

def a(): b()
def b(): c()
def c(): raise KeyError('deep')

def report(e):
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        sys.__excepthook__(type(e), e, e.__traceback__)
    print(buf.getvalue().replace(a.__code__.co_filename, 'PROG'), end='')

try:
    a()
except KeyError as e:
    deep = e
try:
    try:
        a()
    except KeyError as e:
        raise ValueError('outer') from e
except ValueError as e:
    chained = e
try:
    try:
        a()
    except KeyError as e:
        raise ExceptionGroup('g', [e, TypeError('t')])
except ExceptionGroup as e:
    group = e

for limit in (2, 1, 0, -5, True, False, 10**30, -10**30, 'x', 2.5, None):
    sys.tracebacklimit = limit
    print('== limit', repr(limit))
    for e in (deep, chained, group):
        report(e)
del sys.tracebacklimit
print('== deleted')
report(deep)
