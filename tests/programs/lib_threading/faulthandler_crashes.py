# faulthandler's report of a crash, in child processes: the test hooks
# that crash on purpose (_sigsegv, _read_null, _sigabrt, _sigfpe,
# _fatal_error_c_thread: CPython's test_faulthandler uses them), the
# "  Garbage-collecting" line when the crash is in a __del__ that
# gc.collect() runs, and names written as CPython writes them: non-ASCII
# characters escaped, and more than 500 characters cut to 500 and "...".
import re
import subprocess
import sys


def run(code, exact_status=True):
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    err = re.sub(r"0x[0-9a-f]+", "0x...", p.stderr)
    print("-- exit", p.returncode if exact_status else p.returncode != 0)
    print(err, end="")


for hook in ("_sigsegv()", "_sigsegv(True)", "_read_null()", "_sigabrt()", "_sigfpe()"):
    run("import faulthandler\nfaulthandler.enable()\nfaulthandler." + hook)

run("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._sigsegv()")

run("""import faulthandler
faulthandler.enable()
faulthandler._fatal_error_c_thread()""", exact_status=False)   # 3.12 dies by SIGSEGV

run("""import faulthandler, gc
faulthandler.enable()
class RefCycle:
    def __del__(self):
        faulthandler._sigsegv()
a = RefCycle()
b = RefCycle()
a.b = b
b.a = a
a = b = None
gc.collect()
print("not reached")""")

run("""import faulthandler
def f\u00e9\u03bb\U00020000():
    faulthandler.dump_traceback(all_threads=False)
f\u00e9\u03bb\U00020000()
def """ + "x" * 550 + """():
    faulthandler.dump_traceback(all_threads=False)
""" + "x" * 550 + "()")
