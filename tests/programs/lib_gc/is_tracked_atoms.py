# gc.is_tracked: atoms (bytearray, range, str, bytes, numbers) are not tracked; containers and instances are
import gc


class C:
    pass


for v in [None, 1, 1.0, 2j, True, b"a", "a", bytearray(b"a"), range(3), object(), int, type,
          [], {}, {"a": []}, set(), (), (1, []), C, C(), gc, slice(1), iter(())]:
    print(type(v).__name__, gc.is_tracked(v))
