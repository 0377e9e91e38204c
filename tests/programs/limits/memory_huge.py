# Allocations far beyond any heap raise MemoryError and the program goes on
# (pvm: gc_size_ok and the gc_try_* allocations, runtime/gc.c).
import sys
cases = [
    ("str * n", lambda: "x" * 10 ** 13),
    ("bytes * n", lambda: b"x" * 10 ** 13),
    ("list * n", lambda: [0] * 10 ** 12),
    ("tuple * n", lambda: (1,) * 10 ** 12),
    ("bytearray(n)", lambda: bytearray(10 ** 13)),
    ("bytes(n)", lambda: bytes(10 ** 13)),
    ("ljust", lambda: "x".ljust(10 ** 13)),
    ("format width", lambda: format(1, "10000000000000")),
    ("list(range)", lambda: list(range(10 ** 12))),
    ("list * n, too big to count", lambda: [None] * (2 ** 62)),
]
for name, make in cases:
    try:
        make()
        print(name, "made")
    except MemoryError:
        print(name, "MemoryError")
    except OverflowError as e:
        print(name, "OverflowError", e)
big = [str(i) for i in range(100000)]
print("still running:", len(big), big[-1])
