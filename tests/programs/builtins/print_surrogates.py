# print() of a str holding a surrogate: sys.stdout's error handler decides
print("plain", "caf\u00e9")
print("esc\udcff\udc80")
try:
    print("a\ud800b")
except UnicodeEncodeError as e:
    print("caught", e)
print("x\ud83dy")
