# reads its own missing attribute while its body runs
import sys
this = sys.modules[__name__]
print("hasattr during body:", hasattr(this, "ready"))
try:
    this.ready
except AttributeError as e:
    print("during body:", e)
ready = True
