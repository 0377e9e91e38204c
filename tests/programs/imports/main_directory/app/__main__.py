# A directory with __main__.py given as the program: sys.path[0] is the directory (absolute),
# sys.argv[0] as given, __main__ run by runpy from it (spec, loader, package), its modules import
import os
import sys
import helper
here = os.getcwd()
print(__name__, os.path.relpath(__file__, here), sys.argv, os.path.relpath(sys.path[0], here),
      os.path.isabs(sys.path[0]), __spec__.name, repr(__package__), type(__loader__).__name__)
print(helper.X, os.path.relpath(helper.__file__, here))
print(sys.modules['__main__'].__dict__ is globals())
