# Compile each module with its own invalidation mode; then change the
# unchecked module's source, which CPython (and pvm) must not notice.
import py_compile
M = py_compile.PycInvalidationMode
py_compile.compile("main.py", doraise=True)
py_compile.compile("checked.py", doraise=True, invalidation_mode=M.CHECKED_HASH)
py_compile.compile("unchecked.py", doraise=True, invalidation_mode=M.UNCHECKED_HASH)
py_compile.compile("stamped.py", doraise=True, invalidation_mode=M.TIMESTAMP)
with open("unchecked.py", "w") as f:
    f.write('value = "unchecked: source edited after compiling"\n')
