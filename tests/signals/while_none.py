# Ctrl-C stops `while x is None:` and `while x is not None:` (their back edges
# are POP_JUMP_BACKWARD_IF_NONE and POP_JUMP_BACKWARD_IF_NOT_NONE).
def until_set():
    x = None
    i = 0
    print("ready", flush=True)
    while x is None:
        i += 1
    return i

def while_set():
    x = 0
    print("ready", flush=True)
    while x is not None:
        x += 1

try:
    until_set()
except KeyboardInterrupt:
    print("first loop interrupted")
while_set()
