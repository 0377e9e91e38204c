# bare raise inside an except re-raises the active exception; uncaught at top level
count = 0
def risky(n):
    global count
    count += 1
    if n > 2:
        raise OverflowError("n too big: %d" % n)
    return n * 10
for n in range(5):
    try:
        print(risky(n))
    except OverflowError as e:
        print("caught", e, "count", count)
        if n == 4:
            print("giving up")
            raise
