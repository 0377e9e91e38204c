# sys.unraisablehook's argument check; sys.excepthook called directly: what the default writes to stderr (last line compared)
import sys
try:
    sys.unraisablehook(object())
except TypeError as e:
    print('TypeError:', e)
try:
    1 / 0
except ZeroDivisionError as e:
    sys.excepthook(type(e), e, e.__traceback__)
print('after excepthook')
sys.excepthook(int, 3, None)
print('done')
sys.stdout.flush()
sys.excepthook(KeyError, KeyError('last'), None)
