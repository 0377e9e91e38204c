# sys.float_info, int_info, hash_info, thread_info, flags and version_info as struct sequences (fields, indexing, repr, read-only)
import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.hash_bits, h.cutoff, len(h))
print(hash(h.modulus), hash(float('inf')) == h.inf, hash(1j) == h.imag)
print(sys.thread_info.name, sys.thread_info.lock, len(sys.thread_info))
print(sys.flags)
print(sys.flags.optimize, sys.flags[3], len(sys.flags), sys.flags.dev_mode, sys.flags.safe_path)
for t in (sys.float_info, sys.int_info, sys.hash_info, sys.thread_info, sys.flags, sys.version_info):
    print(type(t).__name__, type(t).__module__, isinstance(t, tuple), type(t).n_sequence_fields,
          type(t).n_fields, type(t).n_unnamed_fields)
print(sys.version_info[:3] >= (3, 11, 0), sys.version_info.releaselevel, tuple(sys.version_info)[:2])
print(type(sys.int_info).__match_args__)
try:
    sys.int_info.bits_per_digit = 15
except AttributeError as e:
    print('AttributeError:', e)
try:
    type(sys.flags)()
except TypeError as e:
    print('TypeError:', e)
try:
    class F(type(sys.flags)):
        pass
except TypeError as e:
    print('TypeError:', e)
print(sys.int_info == (30, 4, 4300, 640), sys.int_info[1:3], list(sys.int_info)[-1])
print(sys.float_repr_style, repr(sys.abiflags), sys.copyright.splitlines()[0])
print(sys.maxsize == 2**63 - 1, sys.maxunicode)
