# __del__ of subclasses of the variable-size builtins (str, bytes, tuple: allocated by
# rt_alloc_var_instance, which did not watch them: none ran) and of every other builtin
import gc
n = 0
def make(base):
    class C(base):
        def __del__(self):
            global n; n += 1
    C.__name__ = base.__name__ + "_sub"
    return C
for base, arg in [(str, "abc"), (int, 5), (tuple, (1,)), (list, [1]), (bytes, b"x"), (float, 1.5),
                  (set, {1}), (frozenset, {1}), (dict, {1: 2}), (complex, 1j), (bytearray, b"x"),
                  (Exception, "e"), (object, None), (type(NotImplemented).__mro__[-1], None)]:
    cls = make(base)
    n = 0
    for i in range(50):
        cls(arg) if arg is not None else cls()
    for _ in range(3): gc.collect()
    print(cls.__name__, n)
# A str subclass with __del__ that resurrects itself once
keep = []
class R(str):
    def __del__(self):
        keep.append(self)
R("alive"); gc.collect(); gc.collect()
print(keep, type(keep[0]).__name__ if keep else None)
