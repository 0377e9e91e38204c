# Ctrl-C stops a loop inside a called function; the traceback goes through the call.
def spin(n):
    i = 0
    print("ready", flush=True)
    while i < n:
        i += 1
    return i

def outer():
    return spin(10 ** 15) + 1

outer()
print("not reached")
