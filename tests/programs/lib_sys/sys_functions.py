# The sys functions of CPython 3.11 that need no threads or frames: sizes, refcounts, hooks kept, encodings, audit hooks
import sys
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.getdefaultencoding())
print(type(sys.getrefcount(object())).__name__, sys.getrefcount(None) > 0)
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**100), sys.getsizeof(1.5), sys.getsizeof(True))
print(sys.getsizeof(''), sys.getsizeof('abc'), sys.getsizeof(b'abc'), sys.getsizeof(()), sys.getsizeof((1, 2)))
print(sys.getsizeof(None), sys.getsizeof(1j), sys.getsizeof({}), sys.getsizeof([]))
class Sized:
    def __sizeof__(self):
        return 100
print(sys.getsizeof(Sized()))
print(sys.getsizeof(1, 'x'))
class BadSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print('ValueError:', e)
print(sys.is_finalizing(), sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print('ValueError:', e)
print(sys.call_tracing(divmod, (17, 5)))
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(3)
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print('ValueError:', e)
hooks = sys.get_asyncgen_hooks()
print(hooks, hooks.firstiter, hooks[1], type(hooks).__name__)
def first(agen):
    pass
sys.set_asyncgen_hooks(firstiter=first)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer)
try:
    sys.set_asyncgen_hooks(finalizer=3)
except TypeError as e:
    print('TypeError:', e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
print(sys.getdlopenflags(), sys._xoptions, sys.warnoptions)
events = []
sys.addaudithook(lambda event, args: events.append((event, args)))
sys.audit('my.event', 1, 'two')
sys.audit('other')
print(events)
try:
    sys.audit()
except TypeError as e:
    print('TypeError:', e)
print(sys.__displayhook__ is sys.displayhook, sys.__excepthook__ is sys.excepthook)
print(sys.__unraisablehook__ is sys.unraisablehook, sys.__breakpointhook__ is sys.breakpointhook)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
import builtins
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or 'hooked'
print(breakpoint(1, x=2), calls)
sys.breakpointhook = sys.__breakpointhook__
