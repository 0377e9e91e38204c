# A finditer (or scanner) over a bytearray holds its buffer, as CPython's
# scanner does: the bytearray cannot change size while the iterator may
# still read it (test_re.test_keep_buffer); dropped and collected, it lets
# go.  (pvm also lets go once no match is left; CPython only when the
# scanner is freed: not asked here.)
import gc
import re

b = bytearray(b'xax')
it = re.finditer(b'a', b)
try:
    b.extend(b'x' * 400)
except BufferError as e:
    print("BufferError", e)
print([m.span() for m in it])
del it
gc.collect()
b.extend(b'y' * 4)
print(len(b))

it = re.finditer(b'a', b)
print(next(it).span())
del it
gc.collect()
b.extend(b'z')
print(len(b))

b2 = bytearray(b'aaa')
sc = re.compile(b'a').scanner(b2)
try:
    b2.append(1)
except BufferError as e:
    print("BufferError", e)
print(sc.match().span(), sc.search().span())
del sc
gc.collect()
b2.append(98)
print(b2, re.sub(b'a', b'c', b2), re.findall(b'a', b2))
b2.append(99)
print(b2)
print([m.group() for m in re.finditer(b'a.', bytes(b2))])
