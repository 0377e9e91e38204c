# A raise deep inside nested calls; the traceback's last line names the exception.
def level3(n):
    if n > 2:
        raise ValueError(f"n too large: {n}")
    return n

def level2(n):
    return level3(n) * 10

def level1(values):
    out = []
    for v in values:
        print("processing", v)
        out.append(level2(v))
    return out

print(level1([0, 1, 2, 3, 4]))
