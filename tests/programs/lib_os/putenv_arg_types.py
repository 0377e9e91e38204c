# os.putenv and os.unsetenv take a str, bytes or os.PathLike (its __fspath__) for the name and the value, anything else in PyUnicode_FSConverter's words: "expected str, bytes or os.PathLike object, not int" (pvm: "putenv: value should be string, ..." and refused a PathLike); '=' in a name, NUL and '' as CPython
import os


class PathLike:
    def __init__(self, text):
        self.text = text

    def __fspath__(self):
        return self.text


cases = [("PVM_T_A", "1"), (b"PVM_T_B", b"2"), (PathLike("PVM_T_C"), "3"), ("PVM_T_D", PathLike("4")),
         ("PVM_T_E", 1), (1, "a"), (None, "a"), ("PVM_T_F", bytearray(b"x")), (bytearray(b"G"), "x"),
         ("PVM_T_H", 1.5), ("A=B", "x"), ("PVM_T_I", "a\0b"), ("A\0", "x"), (PathLike(3), "x")]
for args in cases:
    shown = tuple(a.text if isinstance(a, PathLike) else a for a in args)
    try:
        os.putenv(*args)
        print(shown, "ok")
    except (TypeError, ValueError) as e:
        print(shown, type(e).__name__, e)
for name in ("PVM_T_A", b"PVM_T_B", PathLike("PVM_T_C"), 1, None, "A\0", bytearray(b"A")):
    try:
        os.unsetenv(name)
        print(name if not isinstance(name, PathLike) else name.text, "unset")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
