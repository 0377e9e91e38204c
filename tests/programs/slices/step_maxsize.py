# slices whose step is sys.maxsize: one item, the index never stepped past the end (a signed overflow the fuzzer found under UBSan)
import sys
M = sys.maxsize
a = [1, 2, 3]; t = (1, 2, 3); s = "abc"; u = "aé\u20ac"
print(a[1::M], a[2::M], a[::M], a[-1::-M], a[1::-M])
print(t[1::M], t[2::M], t[-1::-M])
print(s[1::M], s[2::M], s[-1::-M], u[2::M], u[1::-M])
b = a[:]; b[1::M] = [9]; print(b)
b = a[:]; b[2::-M] = [8]; print(b)
print(bytearray(b'xyz')[1::M], b'xyz'[2::M])
import array; print(array.array('i', [1, 2, 3])[1::M])
