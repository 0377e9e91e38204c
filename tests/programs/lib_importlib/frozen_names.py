# _frozen_importlib and _frozen_importlib_external import by those names and are importlib._bootstrap and _bootstrap_external
import sys
import _frozen_importlib
import _frozen_importlib_external as external
import importlib
import importlib.machinery, importlib.util
print(_frozen_importlib is importlib._bootstrap, external is importlib._bootstrap_external)
print(sys.modules['_frozen_importlib'] is _frozen_importlib,
      sys.modules['_frozen_importlib_external'] is external)
print(_frozen_importlib.__name__, external.__name__)
print(importlib.machinery.ModuleSpec is _frozen_importlib.ModuleSpec,
      importlib.machinery.PathFinder is external.PathFinder,
      importlib.machinery.BuiltinImporter is _frozen_importlib.BuiltinImporter)
spec = _frozen_importlib.ModuleSpec('m', None, origin='here')
print(spec.name, spec.origin, spec.parent)
print(external.cache_from_source('/a/b.py').replace(sys.implementation.cache_tag, 'TAG'))
print(external.MAGIC_NUMBER == importlib.util.MAGIC_NUMBER)
print(_frozen_importlib._resolve_name('c', 'a.b', 1))
from _frozen_importlib import BuiltinImporter
print(BuiltinImporter.find_spec('math').origin)
