# %-formatting: the plain %s/%d forms next to str/int subclasses, bools, floats, mappings and bytes
class S(str):
    def __str__(self): return "sub"
class I(int):
    def __str__(self): return "isub"
print("%s|%d|%i|%u|%s|%d" % ("a", 5, -7, 2**70, S("x"), I(3)))
print("%s %s %d %d" % (True, None, True, 3.7))
print("%s" % "é", "%d%%" % 50, b"%s %d" % (b"x", 4))
print("%(a)s-%(b)d" % {"a": "k", "b": 9})
try: "%d" % "x"
except TypeError as e: print(e)
