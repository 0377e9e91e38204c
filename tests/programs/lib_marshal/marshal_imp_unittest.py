# marshal (plain data round trips), _imp's answers about built-in modules, and what they unlock: importlib, inspect, unittest.
import marshal, _imp
for value in (None, True, 7, -2**70, 2.5, 1-2j, "é\udc80", b"\x00", (1, [2, {3: "x"}]), frozenset({4}), {5}):
    data = marshal.dumps(value)
    print(type(data).__name__, marshal.loads(data) == value)
print(marshal.version, _imp.is_builtin("sys"), _imp.is_builtin("no_such"), _imp.is_frozen("no_such"))
try:
    marshal.loads(b"\xff")
except ValueError as e:
    print("ValueError")
import importlib, inspect
print(inspect.signature(lambda a, b=2, *c, d, **e: 0))
import unittest
class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(sorted([3, 1, 2]), [1, 2, 3])
result = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(T).run(result)
print(result.testsRun, result.wasSuccessful())
