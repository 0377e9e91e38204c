# sys.setrecursionlimit() refuses a limit not above the depth already reached (RecursionError "the limit is too low"; 3.11 counts the call itself), and the lowest it accepts leaves the frames it was counted for
import sys

old = sys.getrecursionlimit()


def lowest(k):
    if k:
        return lowest(k - 1)
    messages = []
    n = 1
    while True:
        try:
            sys.setrecursionlimit(n)
            break
        except RecursionError as e:
            messages.append(str(e))
            n += 1
    sys.setrecursionlimit(old)
    return n, messages


for k in (0, 3):
    n, messages = lowest(k)
    print(k, n, len(messages))
    print(messages[-1])
try:
    sys.setrecursionlimit(1)
except RecursionError as e:
    print(e)
print(sys.getrecursionlimit() == old)
