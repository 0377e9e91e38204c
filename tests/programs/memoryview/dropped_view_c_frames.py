# A dropped memoryview whose address lingers in a live C frame (a frame between the loop and the method, a register the loop no longer reads) leaves its bytearray free to change size, as in CPython: buf += x after a slice's tobytes(), sum() over a cast view's slice (its iterator) then append, del of a slice
buf = bytearray(b"hello world")
for i in range(20):
    memoryview(buf)[1:].tobytes()
    buf += b"x"
print(len(buf), bytes(buf[-3:]))

b = bytearray(range(10))
sums = []
for i in range(20):
    sums.append(sum(memoryview(b).cast("B")[::2]))
    b.append(1)
print(len(b), sums[:3], sums[-1])

b = bytearray(range(10))
for i in range(20):
    memoryview(b)[1:].tobytes()
    b += b"x"
    memoryview(b)[1:].tobytes()
    del b[:1]
print(len(b), bytes(b[:4]))
