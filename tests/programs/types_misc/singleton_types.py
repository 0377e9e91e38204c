# the types of None, Ellipsis and NotImplemented: calling them with no arguments returns the singleton; TypeErrors with arguments
try: type(None)(1)
except TypeError as e: print(e)
try: type(...)(1)
except TypeError as e: print(e)
try: type(NotImplemented)(a=1)
except TypeError as e: print(e)
print(type(...)(), type(NotImplemented)(), type(None)() is None)
