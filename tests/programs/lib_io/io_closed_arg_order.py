# Methods of a closed BytesIO or FileIO check their arguments before the
# state, as CPython's (Argument Clinic converts them first): a missing or
# extra argument is a TypeError, a good call the ValueError of a closed
# file (test_fileio.testMethods).  A closed StringIO's flush (_IOBase's)
# answers None; a closed BytesIO is its own iterator still.
import io
import os

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_iocao.tmp')
with open(path, 'wb') as f:
    f.write(b'abc\n')

calls = [("read", ()), ("read", (1, 2)), ("read", ("x",)), ("read1", ("x",)), ("readline", ("x",)),
         ("readline", (1, 2)), ("readlines", ("x",)), ("readlines", (1, 2)),
         ("readinto", ()), ("readinto", (bytearray(1),)), ("readinto", (b"x",)),
         ("write", ()), ("write", (b'',)), ("write", ("x",)), ("writelines", ()), ("writelines", ([],)),
         ("seek", ()), ("seek", (0,)), ("seek", (0, "x")), ("seek", ("x",)), ("seek", (1.5,)),
         ("truncate", ()), ("truncate", (1, 2)), ("truncate", ("x",)), ("tell", ()), ("flush", ())]
for make in (lambda: io.BytesIO(b'abc'), lambda: io.FileIO(path, 'r+'), lambda: io.StringIO('abc')):
    f = make()
    f.close()
    for name, args in calls:
        try:
            r = getattr(f, name)(*args)
            print(type(f).__name__, name, args, "->", r)
        except TypeError:      # (its wording differs between versions)
            print(type(f).__name__, name, args, "TypeError")
        except Exception as e:
            print(type(f).__name__, name, args, type(e).__name__, e)
    try:
        print(type(f).__name__, "iter", iter(f) is f)
    except ValueError as e:
        print(type(f).__name__, "iter", e)
os.remove(path)
