# 3.14's _stat reads a mode through __index__: a float or str is "cannot be interpreted as an integer", an object with __index__ is a mode
import _stat
class I:
    def __index__(self): return 0o40755
for bad in (1.5, -1, 2**64, 'x', I(), True, 0o100644):
    try:
        print(_stat.S_ISDIR(bad), _stat.S_IMODE(bad), _stat.S_IFMT(bad), _stat.filemode(bad))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
