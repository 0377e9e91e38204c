# Ctrl-C stops `while i < n:` (its back edge is POP_JUMP_BACKWARD_IF_TRUE).
i = 0
n = 10 ** 15
print("ready", flush=True)
while i < n:
    i += 1
print("not reached")
