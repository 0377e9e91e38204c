# raise of an exception class without arguments.
def check(x):
    if x < 0:
        raise RuntimeError
    return x

print(check(1))
check(-1)
