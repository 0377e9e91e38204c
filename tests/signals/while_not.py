# Ctrl-C stops `while not done:` (its back edge is POP_JUMP_BACKWARD_IF_FALSE).
done = False
i = 0
print("ready", flush=True)
while not done:
    i += 1
    done = i < 0
print("not reached")
