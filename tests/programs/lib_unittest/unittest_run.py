# CPython's unittest under pvm: TestCase assertions, setUp/tearDown, class fixtures, subTest, skips, expected failures, a failure and an error reported by TextTestRunner, loaders, suites, unittest.mock
import io
import re
import unittest
from unittest import mock

log = []


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    def setUp(self):
        self.values = [3, 1, 2]

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_asserts(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])
        self.assertNotEqual(1, 2)
        self.assertTrue([0])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIn(2, self.values)
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertGreater(2, 1)
        self.assertCountEqual("abc", "cab")
        self.assertRegex("pvm 3.11", r"\d+\.\d+")
        self.assertDictEqual({"a": 1}, {"a": 1})
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        with self.assertWarns(DeprecationWarning):
            import warnings
            warnings.warn("old", DeprecationWarning)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i, 2)

    def test_failure(self):
        self.assertEqual([1, 2, 3], [1, 2, 4], "lists differ")

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.skipIf(True, "condition true")
    def test_skipped_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass


class Mocking(unittest.TestCase):
    def test_mock(self):
        m = mock.Mock(return_value=5)
        self.assertEqual(m(1, k=2), 5)
        m.assert_called_once_with(1, k=2)
        mm = mock.MagicMock()
        mm.__len__.return_value = 7
        self.assertEqual(len(mm), 7)
        with mock.patch("os.getcwd", return_value="/patched"):
            import os
            self.assertEqual(os.getcwd(), "/patched")
        s = mock.Mock(side_effect=[1, KeyError("k")])
        self.assertEqual(s(), 1)
        self.assertRaises(KeyError, s)
        print("mock calls:", m.call_args, m.call_count, mm.method_calls)


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Arithmetic))
suite = unittest.TestSuite()
suite.addTests(loader.loadTestsFromTestCase(Arithmetic))
suite.addTest(Mocking("test_mock"))
print(suite.countTestCases())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in TIME", stream.getvalue())
print(re.sub(r'File "[^"]*"', 'File "FILE"', text))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(log)
