# Compile the case with python3.11, without this folder's stand-ins (which
# would shadow the standard library of compileall itself).
import sys
sys.path.pop(0)
import compileall
compileall.compile_dir(".", quiet=1)
