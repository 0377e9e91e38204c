# doctest.DocTestSuite / DocFileSuite under unittest, all examples passing
import doctest, io, os, sys, tempfile, types, unittest
mod = types.ModuleType("tiny")
exec('''
def inc(x):
    """
    >>> inc(1)
    2
    >>> [inc(i) for i in range(3)]
    [1, 2, 3]
    """
    return x + 1
''', mod.__dict__)
sys.modules["tiny"] = mod
suite = doctest.DocTestSuite(mod)
print(suite.countTestCases())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.wasSuccessful(), result.testsRun, len(result.failures))
print("\n".join(l for l in stream.getvalue().splitlines() if not l.startswith("Ran ")))

directory = tempfile.mkdtemp()
path = os.path.join(directory, "notes.txt")
with open(path, "w") as f:
    f.write(">>> 6 * 7\n42\n>>> 'ab' * 2\n'abab'\n")
files = doctest.DocFileSuite(path, module_relative=False)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(files)
print(result.wasSuccessful(), result.testsRun)
print(stream.getvalue().splitlines()[0].replace(directory, "DIR"))
os.remove(path)
os.rmdir(directory)
