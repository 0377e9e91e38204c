# Tracebacks: tb_frame is the frame object (f_back, f_locals at the time), tb_lineno/tb_lasti, walking tb_next, traceback.walk_tb, TracebackType built from frames
import sys, traceback, types

def level2(n):
    local_value = n * 2
    raise KeyError(n)

def level1():
    level2(7)

try:
    level1()
except KeyError as e:
    tb = e.__traceback__
    chain = []
    while tb is not None:
        chain.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti == tb.tb_frame.f_lasti))
        last = tb
        tb = tb.tb_next
    print(chain)
    print(last.tb_frame.f_locals)
    print(last.tb_frame.f_back.f_code.co_name, last.tb_frame.f_back.f_lineno)
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)])
    print(e.__traceback__.tb_frame is sys._getframe())

def fails():
    return 1 / 0
try:
    fails()
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print([s.name for s in traceback.extract_tb(tb)])
    print(traceback.format_exception(t, v, tb)[-1], end='')
    print(len(traceback.format_tb(tb)))

here = sys._getframe()
tb1 = types.TracebackType(None, here, 4, 123)
print(tb1.tb_lineno, tb1.tb_lasti, tb1.tb_frame is here, tb1.tb_next)
tb2 = types.TracebackType(tb1, here, 0, 7)
print(tb2.tb_next is tb1)
try:
    types.TracebackType(None, None, 0, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    raise ValueError('made').with_traceback(tb1)
except ValueError as e:
    print(e.__traceback__.tb_next.tb_lineno)
    print(traceback.extract_tb(e.__traceback__)[-1].lineno)
