# BufferedReader/Writer/Random.seek reads its target as an index (CPython's PyNumber_AsOff_t): an __index__ object works with every whence (pvm misread it for whence=1: OverflowError), None or a float is "'NoneType' object cannot be interpreted as an integer" (pvm: "an integer is required"), a closed file says so first
import io


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


b = io.BufferedReader(io.BytesIO(b"abcdef"))
b.read(1)
print(b.seek(Index(1), 1), b.read(1), b.seek(Index(1), 0), b.read(1), b.seek(Index(-2), 2), b.read())
w = io.BufferedRandom(io.BytesIO(b"0123456789"))
w.write(b"ab")
print(w.seek(Index(3), 1), w.read(2), w.seek(Index(0)), w.read(3))
for target in (None, 1.5, "x", [1]):
    try:
        b.seek(target)
    except TypeError as e:
        print("TypeError:", e)
b.close()
for target in (None, 0):
    try:
        b.seek(target)
    except ValueError as e:
        print("ValueError:", e)
