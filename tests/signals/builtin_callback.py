# Ctrl-C stops a builtin's loop (sum over map) that calls a Python function:
# the function's RESUME checks the eval breaker.
def square(x):
    return x * x

print("ready", flush=True)
print(sum(map(square, range(10 ** 15))))
