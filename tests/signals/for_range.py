# Ctrl-C stops a `for` loop over a range (FOR_ITER ... JUMP_BACKWARD).
total = 0
print("ready", flush=True)
for i in range(10 ** 15):
    total += i
print("not reached")
