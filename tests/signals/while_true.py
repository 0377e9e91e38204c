# Ctrl-C stops `while True:` (its back edge is JUMP_BACKWARD).
i = 0
print("ready", flush=True)
while True:
    i += 1
