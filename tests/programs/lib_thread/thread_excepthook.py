# threading's report of an exception in a thread, _thread._excepthook: its
# argument type _ExceptHookArgs (a struct sequence), "Exception in thread
# NAME:" with the traceback on stderr, SystemExit ignored, the thread's ident
# when there is no thread object.  The last stderr line is compared.
import _thread
import sys

print(_thread._ExceptHookArgs.__mro__[1:], _thread._ExceptHookArgs.__name__)


class FakeThread:
    name = "Worker-7"


def fail():
    return {}["missing"]


try:
    fail()
except KeyError:
    info = sys.exc_info()
args = _thread._ExceptHookArgs([info[0], info[1], info[2], FakeThread()])
print(args.exc_type.__name__, args.exc_value, args.thread.name, len(args))
print(_thread._excepthook(_thread._ExceptHookArgs([SystemExit, SystemExit(1), None, None])))
print("before the report", flush=True)
print(_thread._excepthook(args))
sys.stdout.flush()
