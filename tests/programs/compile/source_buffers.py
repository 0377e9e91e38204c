# compile() and eval() take their source from any bytes-like object (memoryview, bytearray, array)
import array
for src in [memoryview(b"x = 1"), bytearray(b"y = 2"), array.array('b', b"z = 3")]:
    ns = {}
    exec(compile(src, "name", "exec"), ns)
    print(sorted(k for k in ns if k != '__builtins__'))
print(eval(memoryview(b"1 + 2")))
for bad in [1, None, [b"x"]]:
    try:
        compile(bad, "n", "exec")
    except TypeError as e:
        print(e)
