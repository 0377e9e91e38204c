# A program's own sys.excepthook receives the uncaught exception (no traceback printed; exit status 1)
import sys
def hook(t, v, tb):
    print('hook:', t.__name__, v, tb is not None, sys.last_value is v)
sys.excepthook = hook
print('raising')
raise LookupError('nobody catches this')
