# Ctrl-C while sorted() calls a Python key function: the key's RESUME
# checks the eval breaker.
def key(x):
    return -x

print("ready", flush=True)
while True:
    sorted(range(10 ** 6), key=key)
