# A ResourceWarning's report ends with the hint to enable tracemalloc when
# it is not tracing (Lib/warnings.py imports tracemalloc for it), and with
# the traceback of the object's allocation when it is.
import gc
import re
import tracemalloc
import warnings


def leak():
    open(__file__, "rb")


def report_lines():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        leak()
        gc.collect()
    for w in caught:
        text = warnings._formatwarnmsg_impl(w)
        # The first line, and the source line after it, name where the
        # warning was raised: CPython at the end of leak(), a tracing
        # collector at its collection.
        for line in text.splitlines()[2:]:
            print(re.sub(r'File ".*/', 'File "', line))


print("tracing:", tracemalloc.is_tracing())
report_lines()

# Tracing, the unclosed file's report shows where it was opened (pvm's
# collector keeps a block that waits for its finaliser in the traces).
tracemalloc.start(3)
report_lines()
tracemalloc.stop()

# A message about an object allocated while tracing shows where.  (A
# bytes: CPython takes some lists and tuples from free lists of its own,
# which it does not trace, and 3.11 looks an instance of a class up at the
# wrong address.)
def make(n):
    return b"r" * n


tracemalloc.start(2)
source = make(800)
msg = warnings.WarningMessage("something about it", ResourceWarning, "nowhere.py", 7,
                              source=source)
text = warnings._formatwarnmsg_impl(msg)
for line in text.splitlines():
    print(re.sub(r'File ".*/', 'File "', line))
tracemalloc.stop()

msg = warnings.WarningMessage("again", ResourceWarning, "nowhere.py", 7, source=source)
print(warnings._formatwarnmsg_impl(msg).splitlines()[-1])
