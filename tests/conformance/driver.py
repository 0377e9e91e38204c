# driver.py — run one CPython test module and report every test's outcome.
#
#   INTERPRETER driver.py MODULE        e.g. pvm driver.py test_int
#
# Loads test.MODULE with unittest's loader (so a module's load_tests and a
# package's __init__ are honoured), runs it, and writes one line per test to
# the real stderr, prefixed so that the runner (run.py) can tell them from
# what the tests themselves print:
#
#   @@CONF pass|fail|error|skip|xfail|xpass <test id>
#   @@CONF end <tests run>
#
# A test with a failing subtest counts once, as fail.  Errors that belong to
# no test (an import error, setUpClass) are "error" lines with unittest's id
# for them.  As under CPython's regrtest without -u, tests that need a
# resource (network, cpu, ...) are skipped, but those CONF_USE names.
import os
import sys

PREFIX = "@@CONF"
# Modules whose tests only work when run by their test_main(), which sets
# module globals first (test_xml_etree: ET, the ElementTree under test).
THROUGH_TEST_MAIN = {"test_xml_etree"}
_out = sys.__stderr__


def emit(kind, ident):
    _out.write("%s %s %s\n" % (PREFIX, kind, ident))
    _out.flush()


def main(module):
    emit("start", module)
    try:
        from test import support
        # CONF_USE=curses,...: the resources regrtest -u would enable.
        support.use_resources = [r for r in os.environ.get("CONF_USE", "").split(",") if r]
    except BaseException as e:              # noqa: the interpreter may lack it
        emit("note", "test.support: %s: %s" % (type(e).__name__, e))
    import unittest

    class Result(unittest.TestResult):
        """Outcome per test id; a test whose subtest failed is a failure."""

        def __init__(self):
            super().__init__()
            self.failed_subtests = set()

        def addSuccess(self, test):
            super().addSuccess(test)
            kind = "fail" if test.id() in self.failed_subtests else "pass"
            emit(kind, test.id())

        def addSubTest(self, test, subtest, err):
            super().addSubTest(test, subtest, err)
            if err is not None:
                self.failed_subtests.add(test.id())

        def addFailure(self, test, err):
            super().addFailure(test, err)
            emit("fail", test.id())

        def addError(self, test, err):
            super().addError(test, err)
            emit("error", test.id())
            if type(test).__name__ in ("_ErrorHolder", "_FailedTest"):
                # Not a test but the module or a class failing to set up:
                # say why, for the report.
                text = str(err[1]).split("\n")[0][:200]
                emit("note", "%s: %s: %s" % (test.id(), err[0].__name__, text))

        def addSkip(self, test, reason):
            super().addSkip(test, reason)
            emit("skip", test.id())

        def addExpectedFailure(self, test, err):
            super().addExpectedFailure(test, err)
            emit("xfail", test.id())

        def addUnexpectedSuccess(self, test):
            super().addUnexpectedSuccess(test)
            emit("xpass", test.id())

    result = Result()
    if module in THROUGH_TEST_MAIN:
        # Its test_main sets the globals the tests read, then hands the
        # classes to support.run_unittest: run them there, with our result.
        import importlib
        from test import support

        def run_unittest(*classes):
            load = unittest.defaultTestLoader.loadTestsFromTestCase
            unittest.TestSuite(load(c) for c in classes).run(result)
        support.run_unittest = run_unittest
        importlib.import_module("test." + module).test_main()
    else:
        suite = unittest.defaultTestLoader.loadTestsFromName("test." + module)
        suite.run(result)
    emit("end", result.testsRun)


if __name__ == "__main__":
    main(sys.argv[1])
