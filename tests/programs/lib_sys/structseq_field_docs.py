# Struct-sequence field descriptors' __doc__ is the field's text, as CPython's members give it (os.stat_result.st_mode.__doc__ == 'protection bits'): sys's types, os's, time.struct_time, the asyncgen hooks and unraisablehook's argument; os.statvfs_result's fields have none (None)
import gc
import os
import sys
import time

seen = []
old_hook, sys.unraisablehook = sys.unraisablehook, seen.append


class Raises:
    def __del__(self):
        raise ValueError


Raises()
gc.collect()
sys.unraisablehook = old_hook

for T in (os.stat_result, time.struct_time, type(sys.float_info), type(sys.int_info),
          type(sys.hash_info), type(sys.version_info), type(sys.thread_info),
          os.terminal_size, os.times_result, os.uname_result, os.statvfs_result,
          type(sys.get_asyncgen_hooks()), type(seen[0])):
    fields = [k for k, v in vars(T).items() if type(v).__name__ == "member_descriptor"]
    print(T.__name__, len(fields))
    for k in fields:
        print("  %s: %r" % (k, getattr(T, k).__doc__))
print(os.stat_result.st_mode.__doc__, "|", time.struct_time.tm_year.__doc__, "|",
      type(sys.float_info).max.__doc__)
flags = type(sys.flags)
print([flags.optimize.__doc__, flags.safe_path.__doc__, flags.dev_mode.__doc__])
