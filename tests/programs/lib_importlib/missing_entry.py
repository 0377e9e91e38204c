# A sys.path entry that names nothing is cached as None in
# sys.path_importer_cache the first time an import passes it, and passed
# over until importlib.invalidate_caches(); a path inside a zip archive is
# not such an entry.
import sys, os, tempfile, zipfile
base = tempfile.mkdtemp()
missing = os.path.join(base, 'later')
sys.path.insert(0, missing)
try:
    import nowhere_yet
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
print(sys.path_importer_cache.get(missing, 'absent'))
os.mkdir(missing)
with open(os.path.join(missing, 'made_later.py'), 'w') as f:
    f.write('x = 42\n')
try:
    import made_later
    print('found', made_later.x)
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
import importlib
importlib.invalidate_caches()
import made_later
print('after invalidate_caches', made_later.x)

archive = os.path.join(base, 'lib.zip')
with zipfile.ZipFile(archive, 'w') as z:
    z.writestr('inner/zipped_inner.py', 'Y = "inside"\n')
sys.path.insert(0, os.path.join(archive, 'inner'))
import zipped_inner
print(zipped_inner.Y, type(sys.path_importer_cache[os.path.join(archive, 'inner')]).__name__)
gone = os.path.join(base, 'no', 'such', 'dir')
sys.path.append(gone)
try:
    import not_anywhere
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e)
print(sys.path_importer_cache.get(gone, 'absent'))
import shutil; shutil.rmtree(base)
