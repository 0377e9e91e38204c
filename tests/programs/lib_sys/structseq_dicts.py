# Struct-sequence types' dicts in CPython's order (__new__ unless the type refuses instances, __repr__, __reduce__, the fields, __doc__, __module__ for an extension module's type, the counts) and their field descriptors' __name__, __qualname__, __objclass__; sys.float_info's type and its kin may be called, sys.flags's may not
import os, sys, time, pwd, resource
IGNORED = {'__replace__'}      # 3.13's; pvm has none yet
for T in (type(sys.flags), type(sys.version_info), type(sys.float_info), type(sys.int_info),
          type(sys.hash_info), type(sys.thread_info), os.stat_result, os.terminal_size,
          os.uname_result, os.times_result, time.struct_time, pwd.struct_passwd,
          resource.struct_rusage):
    print(T.__name__, [k for k in vars(T) if k not in IGNORED])
    for k, v in vars(T).items():
        if type(v).__name__ == 'member_descriptor':
            assert v.__objclass__ is T and v.__name__ == k, (T, k)
    field = T.__match_args__[0]
    d = vars(T)[field]
    print(' ', d.__name__, d.__qualname__, d.__objclass__.__name__, repr(d))
    try:
        made = T(tuple(T.__match_args__))
        print('  made', made[:2])
    except TypeError as e:
        print(' ', e)
