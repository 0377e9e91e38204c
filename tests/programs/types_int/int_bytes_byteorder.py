# int.to_bytes/from_bytes byteorder (str subclass, NUL refused, messages); tuple subclasses with __init__ take keywords
class SubStr(str): pass
print((258).to_bytes(2, SubStr('big')), int.from_bytes(b'\x01\x02', SubStr('little')))
for call in (lambda: int.from_bytes([0], 'big\x00'), lambda: (1).to_bytes(1, 'little\x00'),
             lambda: (1).to_bytes(1, 5), lambda: int.from_bytes(b'', 5)):
    try: call()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
class T(tuple):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
t = T([1, 2], newarg=3)
print(t, t.newarg)
try: tuple([1], x=2)
except TypeError as e: print(e)
class U(tuple): pass
try: U([1], x=2)
except TypeError as e: print(e)
