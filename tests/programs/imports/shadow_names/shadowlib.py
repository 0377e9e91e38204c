# reads its own missing attribute while its body runs
import sys
try:
    sys.modules[__name__].late
except AttributeError as e:
    print("during body:", e)
late = 1
