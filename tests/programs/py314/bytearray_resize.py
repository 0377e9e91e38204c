# 3.14's bytearray.resize(size): truncates, or grows with zero bytes; its argument errors and BufferError while exported
b = bytearray(b'abc')
print(b.resize(5), b)
b.resize(1); print(b)
b.resize(0); print(b)
for arg in (-1, 'x', 2**70, 1.0):
    try: b.resize(arg); print(b)
    except Exception as e: print(type(e).__name__, e)
try: b.resize()
except Exception as e: print(type(e).__name__, e)
try: b.resize(size=3)
except Exception as e: print(type(e).__name__, e)
m = memoryview(b)
try: b.resize(3)
except Exception as e: print(type(e).__name__, e)
m.release()
print(bytearray.resize.__doc__)
class B(bytearray): pass
x = B(b'q'); x.resize(3); print(x)
