# `from __future__ import ...` imports the module __future__ at run time;
# pvm has no standard library yet, so the case carries python3.11's copy
# (found first on sys.path by both interpreters).  Then compile as usual.
import __future__, compileall, shutil
shutil.copy(__future__.__file__, "__future__.py")
compileall.compile_dir(".", quiet=1)
