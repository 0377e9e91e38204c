# sys.__excepthook__ and sys.excepthook write the report to sys.stderr, whatever it is now
import sys, io
class BrokenStr(Exception):
    def __str__(self): raise ValueError("no")
for exc_type in (ValueError, BrokenStr):
    try:
        raise exc_type("test message")
    except exc_type:
        old = sys.stderr
        sys.stderr = io.StringIO()
        try:
            sys.__excepthook__(*sys.exc_info())
        finally:
            report, sys.stderr = sys.stderr.getvalue(), old
    print(repr(report.splitlines()[-1]), report.endswith("\n"), "raise exc_type" in report, report.count("\n"))
sys.stderr = io.StringIO()
sys.__excepthook__(int, 3, None)
r = sys.stderr.getvalue()
sys.stderr = sys.__stderr__
print(repr(r))
