# Ctrl-C while input() waits for a line (stdin is a pipe nobody writes to):
# KeyboardInterrupt at once, not EOFError or a hang.
print("ready", flush=True)
line = input()
print("not reached", line)
