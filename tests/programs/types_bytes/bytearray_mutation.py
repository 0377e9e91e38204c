# bytearray: mutation, slicing assignment, append/extend/pop/remove/insert, conversion
ba = bytearray(b"hello")
ba[0] = 72
print(ba, len(ba), ba[1])
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("l"))
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[0:0] = b">>"
del ba[-3:]
print(ba, bytes(ba), ba.decode())
ba2 = bytearray(4)
print(ba2, bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray(b"x") * 3)
ba3 = bytearray(b"abc")
ba3 += b"def"
print(ba3, ba3.upper(), type(ba3.upper()).__name__, ba3.find(b"d"), ba3.reverse(), ba3)
print(bytearray(b"a,b").split(b","), bytearray(b"xyz").hex(), bytearray.fromhex("414243"))
print(bytearray(b"abc") == b"abc", b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__)
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    ba.remove(0)
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError:", e)
b4 = bytearray(b"0123456789")
b4[::2] = b"abcde"
print(b4)
try:
    b4[::2] = b"xy"
except ValueError as e:
    print("ValueError:", e)
b4.clear()
print(b4, repr(b4), b4.copy())
