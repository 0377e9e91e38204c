# type.__itemsize__ as CPython's for the variable-sized builtins and their
# subclasses (tuple 8, int and bool 4, bytes 1, type 40, the rest 0); a list
# repeated past what memory can hold raises MemoryError, in place too
# (CPython's test_list.test_list_resize_overflow sizes it from
# tuple.__itemsize__).
import sys

class T(tuple):
    pass

class Meta(type):
    pass

class Plain:
    pass

for t in (tuple, int, bool, bytes, str, list, dict, type, object, T, Meta, Plain, type(sys.version_info)):
    print(t.__name__, t.__itemsize__)

lst = [0] * 65
del lst[1:]
size = (2 ** (tuple.__itemsize__ * 8) - 1) // 2
for attempt in ("lst * size", "lst *= size"):
    try:
        if attempt == "lst * size":
            lst * size
        else:
            lst *= size
        print(attempt, "no error")
    except (MemoryError, OverflowError) as e:
        print(attempt, type(e).__name__)
print(len(lst))
