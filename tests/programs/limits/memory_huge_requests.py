# Sizes a program asks for that no heap can give: MemoryError or OverflowError as CPython says, never pvm's fatal exit or a hang
import array
import io
import os
import sys

big = sys.maxsize
cases = [
    ("BufferedReader(raw, maxsize)", lambda: io.BufferedReader(io.BytesIO(b"x"), big)),
    ("BufferedWriter(raw, maxsize)", lambda: io.BufferedWriter(io.BytesIO(), big)),
    ("BufferedRandom(raw, maxsize)", lambda: io.BufferedRandom(io.BytesIO(), big)),
    ("FileIO.read(maxsize)", lambda: open(os.devnull, "rb", buffering=0).read(big)),
    ("os.read(fd, maxsize)", lambda: os.read(os.open(os.devnull, os.O_RDONLY), big)),
    ("bytes(maxsize)", lambda: bytes(big)),
    ("bytes.rjust(maxsize)", lambda: b"x".rjust(big)),
    ("bytes.center(10**13)", lambda: b"x".center(10 ** 13)),
    ("str.expandtabs(maxsize)", lambda: "\t\t".expandtabs(big // 2)),
    ("bytes.expandtabs(2**40)", lambda: b"\t".expandtabs(2 ** 40)),
    ("array * n", lambda: array.array("d", [1.0, 2.0, 3.0]) * (big // 100)),
]
for name, make in cases:
    try:
        r = make()
        print(name, "made", len(r) if hasattr(r, "__len__") else "")
    except MemoryError:
        print(name, "MemoryError")
    except OverflowError as e:
        print(name, "OverflowError", e)
print("still running")
