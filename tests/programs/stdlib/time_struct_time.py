# time.struct_time as a struct sequence: gmtime's fields by name and index, repr, tm_zone/tm_gmtoff, construction from a 9-sequence
import time
t = time.gmtime(86400 * 365 + 3661)
print(t)
print(t.tm_year, t[0], t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff, len(t), t[:3])
print(type(t).__name__, type(t).__module__, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, tuple(s) == (2020, 1, 2, 3, 4, 5, 6, 7, 0), time.strftime('%Y-%m-%d %H:%M', s))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print('TypeError:', e)
print(time.gmtime(0) == time.gmtime(0.5), time.struct_time.__match_args__)
