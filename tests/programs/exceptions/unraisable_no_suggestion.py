# An unraisable report (of a sys.unraisablehook that fails) ends with the bare message: CPython's default hook offers no "Did you mean"
import sys, _lsprof
def hook(u):
    print("hook:", u.exc_type.__name__)
    return u.objec              # AttributeError; a traceback would suggest 'object'
sys.unraisablehook = hook
p = _lsprof.Profiler(lambda: "not a time")
p.enable()
len([])
p.disable()
print("end")
