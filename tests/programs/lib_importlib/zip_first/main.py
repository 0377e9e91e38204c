# a zip archive on sys.path before anything imported importlib: the import still finds it
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'made.zip'))
import in_zip
print(in_zip.V, type(in_zip.__loader__).__name__)
from zpk import leaf
print(leaf.W, leaf.__name__)
try:
    import not_in_zip
except ModuleNotFoundError as e:
    print(e)
