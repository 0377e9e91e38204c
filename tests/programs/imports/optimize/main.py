# -O: .opt-1.pyc bytecode, asserts removed, __debug__ False.
import sys
import helper
print(sys.flags.optimize, __debug__, helper.check(-1))
assert False, "asserts are gone under -O"
print("after assert")
print(helper.__cached__.endswith("helper.cpython-311.opt-1.pyc"))
