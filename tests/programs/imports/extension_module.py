# A C extension module beside a directory of its name: CPython's finder takes
# the extension (here a file no loader accepts), not the directory as a
# namespace package; pvm, which loads no C extensions, raises ImportError
# too (ModuleNotFoundError, naming the file), so that a program's fallback
# for a missing accelerator runs.  A .py beside an extension is loaded by pvm
# (CPython would take the extension), so the test has none.
import os, sys, tempfile

with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, "_speedups"))          # stubs, no __init__
    with open(os.path.join(d, "_speedups", "types.pyi"), "w") as f:
        f.write("X: int\n")
    with open(os.path.join(d, "_speedups.abi3.so"), "wb") as f:
        f.write(b"not an ELF file")
    with open(os.path.join(d, "fast.py"), "w") as f:
        f.write("try:\n    from _speedups import X\n    KIND = 'accelerated'\n"
                "except ImportError:\n    X, KIND = 1, 'pure Python'\n")
    sys.path.insert(0, d)
    import fast
    print(fast.KIND, fast.X)
    print("_speedups" in sys.modules)
    try:
        import _speedups
    except ImportError as e:
        print("ImportError:", e.name, isinstance(e, ImportError))
