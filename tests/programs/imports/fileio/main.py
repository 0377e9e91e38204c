# open(): write, append, read, readline, readlines, iteration, errors, and
# the context-manager methods (called directly: `with` is another issue).
f = open("scratch.txt", "w")
print(f.write("first line\n"), f.write("second: é ü\n"))
f.close()
f = open("scratch.txt", "a", encoding="utf-8")
print(f.__enter__() is f)
f.writelines(["third\n", "fourth"])
print(f.closed, f.name, f.mode)
print(f.__exit__(None, None, None), f.closed)
f = open("scratch.txt")
try:
    print(repr(f.read()))
finally:
    f.close()
f = open("scratch.txt")
print(repr(f.readline()), repr(f.readline()), repr(f.read(3)))
print(f.readlines())
print(repr(f.readline()))
f.close()
for line in open("scratch.txt"):
    print(len(line), line.rstrip("\n"))
f = open("scratch.txt", "rb")
data = f.read()
f.close()
print(type(data).__name__, len(data), data[:5])
try:
    open("does/not/exist.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.errno, e.filename)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("scratch.txt", "q")
except ValueError as e:
    print("ValueError:", e)
f = open("scratch.txt", "w")
f.write("replaced\n")
f.close()
print(open("scratch.txt").read(), end="")
open("missing-file.txt")
