# importlib's classes live in _frozen_importlib and _frozen_importlib_external, as in python3.11:
# their __module__, reprs and the frozen modules' specs; bdb skips the import machinery by the
# frames' module name (importlib.*), and a meta_path kept to the _frozen_importlib finders imports
import bdb
import importlib
import sys
import _frozen_importlib as b
import _frozen_importlib_external as e

print(b.__name__, e.__name__, b.__package__, e.__package__)
print(b.__spec__)
print(e.__spec__)
print(b.__spec__.loader_state.origname, e.__spec__.loader_state.origname)
print('__origname__' in vars(b), '__cached__' in vars(b))
print(list(vars(b))[:6])
print(list(vars(e))[:7])
print(repr(b.BuiltinImporter), repr(b.FrozenImporter), repr(e.PathFinder))
print(b.ModuleSpec.__module__, b._setup.__module__, e.SourceFileLoader.__module__)
print(b._bootstrap_external is e, e._bootstrap is b)
print([c.__module__ + '.' + c.__qualname__ for c in sys.meta_path
       if c.__module__.startswith('_frozen_importlib')])
print(e.SourceFileLoader, e.SourcelessFileLoader, e.FileFinder)

# Only the finders the start-up installed, as test_bdb's test_skip keeps them.
saved = sys.meta_path[:]
sys.meta_path[:] = [f for f in sys.meta_path if f.__module__.startswith('_frozen_importlib')]
import csv
print(csv.__name__, len(sys.meta_path))
sys.meta_path[:] = saved


class Tracer(bdb.Bdb):
    def __init__(self):
        super().__init__(skip=('importlib*', 'zipimport', 'encodings.*'))
        self.seen = []

    def user_call(self, frame, args):
        self.seen.append(('call', frame.f_code.co_name, frame.f_globals.get('__name__')))

    def user_line(self, frame):
        self.seen.append(('line', frame.f_code.co_name, frame.f_globals.get('__name__')))


def work():
    import decimal
    return decimal.__name__


t = Tracer()
t.set_trace()
work()
t.set_continue()
sys.settrace(None)
# (site's .pth files may add a finder of their own: Debian's _distutils_hack)
print(sorted({name for _, _, name in t.seen if name and not name.startswith('_distutils')}))
