# builtin functions, methods and types carry python3.11's docstrings (__doc__), so doctest finds the examples in the builtins module as test_builtin does
import builtins
import doctest

for obj in [bin, hex, len, int.bit_count, float.fromhex, dict.get, list.append, str.join,
            (5).bit_length, [].append, int, zip, list, object, type(None)]:
    doc = obj.__doc__
    print(getattr(obj, "__qualname__", obj), repr(doc.splitlines()[0]) if doc else doc)

print(type(print.__doc__).__name__)
finder = doctest.DocTestFinder()
tests = [t for t in finder.find(builtins) if t.examples]
print([(t.name, len(t.examples)) for t in tests])
runner = doctest.DocTestRunner(verbose=False)
for t in tests:
    runner.run(t)
print(runner.summarize(verbose=False))


class C:
    "my doc"


print(C.__doc__, C().__doc__, int.__doc__ == (7).__doc__)
def f(): yield 1
i = f()
print(i.__next__.__doc__, i.__next__.__text_signature__, type(i).__next__.__doc__)
print(iter([]).__next__.__doc__, (1).__add__.__doc__, [].__len__.__doc__, object().__reduce__.__doc__)
