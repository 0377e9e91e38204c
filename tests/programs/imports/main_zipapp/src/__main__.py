# A zip archive (a zipapp, #! line first) given as the program: __main__ comes from the
# archive through zipimport, and so do its modules; an exception's last line as python3.11's
import os
import sys
import helper
here = os.getcwd()
print(__name__, os.path.relpath(__file__, here), sys.argv, os.path.relpath(sys.path[0], here),
      __spec__.name, repr(__package__), type(__loader__).__name__)
print(helper.X, os.path.relpath(helper.__file__, here))
raise KeyError(helper.X)
