# A sys.excepthook that fails: "Error in sys.excepthook:", its error, then "Original exception was:" and the original (last line)
import sys
def hook(t, v, tb):
    raise RuntimeError('the hook failed')
sys.excepthook = hook
raise ValueError('original')
