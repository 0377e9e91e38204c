# isinstance/issubclass with tuples, nested tuples, builtins and bool/int relation
class A: pass
class B(A): pass
class C: pass
vals = [1, True, 2.5, "s", b"b", None, [1], (1,), {1: 2}, A(), B(), C()]
for v in vals:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (A, (C, str))))
print(isinstance(True, int), isinstance(1, bool))
print(issubclass(bool, int), issubclass(int, (str, object)))
print(issubclass(B, (C, A)), issubclass(C, (A, B)), issubclass(B, ()))
print(isinstance(A, type), isinstance(int, type), isinstance(type, object))
print(issubclass(type, object), issubclass(object, type))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(ValueError(), (Exception,)), issubclass(KeyError, LookupError))
print(issubclass(ZeroDivisionError, (ArithmeticError, KeyError)))
print(isinstance(1, ()), isinstance(1, (((int,),),)))
