# zip archives on sys.path: zipimport's hook, as CPython installs it
import sys, os, zipfile, tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, 'lib.zip')
with zipfile.ZipFile(path, 'w') as z:
    z.writestr('zipped_mod.py', 'VALUE = "from the zip"\n')
    z.writestr('zpkg/__init__.py', 'NAME = "zpkg"\n')
    z.writestr('zpkg/sub.py', 'X = 5\n')
sys.path.insert(0, path)
import zipped_mod
print(zipped_mod.VALUE, type(zipped_mod.__loader__).__name__)
import zpkg.sub
print(zpkg.NAME, zpkg.sub.X, os.path.relpath(zpkg.sub.__file__, d))
import importlib.util
print(importlib.util.find_spec('zipped_mod').origin == os.path.join(path, 'zipped_mod.py'))
import pkgutil
print(pkgutil.get_data('zpkg', '__init__.py'))
print(sorted(m.name for m in pkgutil.iter_modules([path])))
import shutil; shutil.rmtree(d)
