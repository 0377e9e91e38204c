# int.to_bytes's length is an index (a Py_ssize_t): to_bytes(None) or to_bytes('a') is "'NoneType' object cannot be interpreted as an integer" (pvm crashed, reading None as an int), an __index__ object or a bool serves, past a C ssize_t is OverflowError; a byteorder of None is named None
class Index:
    def __index__(self):
        return 2


for args in ((None,), ("a",), (1.5,), (2 ** 70,), (-1,), (Index(),), (True,), (0,), (None, "little"),
             ("a", "big"), (2, None), (2, "x"), (2, 1), (Index(), "little")):
    shown = tuple("Index()" if isinstance(a, Index) else a for a in args)
    try:
        print(shown, (5).to_bytes(*args), (-5).to_bytes(*args, signed=True))
    except (TypeError, ValueError, OverflowError) as e:
        print(shown, type(e).__name__, e)
try:
    (5).to_bytes(length=None)
except TypeError as e:
    print("length=None:", e)
