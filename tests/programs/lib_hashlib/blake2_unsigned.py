# _blake2: leaf_size (C unsigned long) and node_offset (unsigned long long) converted as CPython's Argument Clinic does — types, signs, 64-bit overflow, then each variant's own limit
import _blake2

def attempt(**kwargs):
    for ctor in (_blake2.blake2b, _blake2.blake2s):
        try:
            print(ctor.__name__, kwargs, 'ok', ctor(b'x', **kwargs).hexdigest()[:16])
        except Exception as e:
            print(ctor.__name__, kwargs, type(e).__name__ + ':', e)

for value in (0, 1, True, 2**32 - 1, 2**32, 2**48 - 1, 2**48, 2**63, 2**64 - 1, 2**64, 2**70, -1, 1.5, '3'):
    attempt(leaf_size=value)
    attempt(node_offset=value)
