# A sys.excepthook that raises SystemExit decides the exit status (7)
import sys
def hook(t, v, tb):
    print('exiting from the hook')
    raise SystemExit(7)
sys.excepthook = hook
raise KeyError('k')
