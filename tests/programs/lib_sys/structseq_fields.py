# Struct sequences' fields are member descriptors, made when the type's
# dict is first needed (not at start-up): the same descriptors, values and
# errors as CPython's, whichever attribute is looked at first.
import os, sys, time

print(sys.flags.optimize, sys.version_info.major >= 3, sys.float_info.mant_dig)
T = type(sys.flags)
d = T.__dict__['debug']
print(type(d).__name__, repr(d), d.__name__, d.__qualname__, d.__objclass__)
print(d.__get__(sys.flags) == sys.flags.debug, d.__get__(None, T) is d)
for attempt in (lambda: setattr(sys.flags, 'debug', 1), lambda: delattr(sys.flags, 'debug'),
                lambda: d.__get__(1), lambda: d.__set__(sys.flags, 1)):
    try:
        attempt()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(T.n_sequence_fields, T.n_fields, T.n_unnamed_fields, T.__match_args__[:3])
print(sorted(k for k in vars(type(sys.version_info)) if not k.startswith('__')))
print(sys.version_info[:2] == (sys.version_info.major, sys.version_info.minor))

# A field hidden from the sequence (st_atime_ns...), given or not.
st = os.stat('.')
print(len(st) < os.stat_result.n_fields, st.st_mtime_ns == os.stat_result.st_mtime_ns.__get__(st))
s = os.stat_result(tuple(range(10)), {'st_atime_ns': 5})
print(s.st_mode, s.st_ctime, s.st_atime_ns, s.st_mtime_ns, isinstance(os.stat_result.st_mode, type(d)))
tm = time.localtime(0)
print(type(tm).tm_year, tm.tm_year == tm[0], time.struct_time.n_fields)
match sys.version_info:
    case (major, minor, *_):
        print('match', major == sys.version_info.major)
