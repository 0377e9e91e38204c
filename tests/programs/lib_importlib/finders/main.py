# importlib: finders, specs, loaders, import_module, spec_from_file_location
import sys, os
import importlib, importlib.machinery, importlib.util
here = os.path.dirname(os.path.abspath(__file__))
stock = [f.__name__ for f in sys.meta_path if f.__module__.startswith(('importlib', '_frozen'))]
print(stock)
print([h.__qualname__ for h in sys.path_hooks if 'FileFinder' in getattr(h, '__qualname__', '')])
print(type(sys.path_importer_cache).__name__)
m = importlib.import_module('pkg.mod_a')
print(m.f(), m.__name__, m.__package__)
print(type(m.__spec__).__name__, m.__spec__.name, type(m.__loader__).__name__)
print(os.path.relpath(m.__spec__.origin, here), m.__spec__.has_location)
import pkg
print(pkg.__spec__.submodule_search_locations == [os.path.join(here, 'pkg')], pkg.__spec__.parent)
import ns.inner.m
print(ns.__file__, type(ns.__path__).__name__, ns.inner.m.Y)
print(importlib.util.find_spec('plain').name, importlib.util.find_spec('nonexistent_xyz'))
spec = importlib.util.spec_from_file_location('loaded_plain', os.path.join(here, 'plain.py'))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.Z, mod.__name__, 'loaded_plain' in sys.modules)
import posix
print(posix.__spec__.origin, posix.__loader__.__name__, posix.__spec__.name)
print(importlib.machinery.BuiltinImporter.find_spec('posix').origin)
print(importlib.machinery.PathFinder.find_spec('plain').loader.__class__.__name__)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)

class Finder:
    def find_spec(self, name, path, target=None):
        if name == 'virtual_mod':
            return importlib.util.spec_from_loader(name, Loader())
        return None
class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.answer = 42
sys.meta_path.insert(0, Finder())
import virtual_mod
print(virtual_mod.answer, virtual_mod.__spec__.name, type(virtual_mod.__loader__).__name__)
import plain
print(plain.Z)
sys.meta_path.pop(0)
importlib.reload(plain)
print(plain.Z)

# a finder's exec_module may fail: the module is not left in sys.modules
class Broken:
    def find_spec(self, name, path, target=None):
        if name == 'broken_mod':
            return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        raise RuntimeError('exec failed')
sys.meta_path.insert(0, Broken())
try:
    import broken_mod
except RuntimeError as e:
    print('RuntimeError', e, 'broken_mod' in sys.modules)
sys.meta_path.pop(0)
# a path hook of the program's own, for one directory
class DirFinder:
    def __init__(self, path):
        self.path = path
    def find_spec(self, name, target=None):
        if name == 'hooked':
            return importlib.util.spec_from_loader(name, Loader())
        return None
def hook(path):
    if path.endswith('hookdir'):
        return DirFinder(path)
    raise ImportError
sys.path_hooks.insert(0, hook)
sys.path.append(os.path.join(here, 'hookdir'))
import hooked
print(hooked.answer, type(sys.path_importer_cache[os.path.join(here, 'hookdir')]).__name__)
sys.path_hooks.pop(0)
import pkgutil
print(sorted(m.name for m in pkgutil.iter_modules([os.path.join(here, 'pkg')])))
print(importlib.util.resolve_name('.mod_a', 'pkg'), importlib.util.source_hash(b'x = 1').hex())
try:
    importlib.import_module('pkg.missing')
except ModuleNotFoundError as e:
    print(e, e.name)
