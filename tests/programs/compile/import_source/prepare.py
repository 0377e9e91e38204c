# Nothing is compiled beforehand: every module is imported from its source.
# The two modules with syntax errors are written here, so that no tool that
# compiles every test program (tests/run_dis.sh) meets them.
with open("broken.py", "w") as f:
    f.write('x = 1\nprint("this never runs"\ny = 2\n')
with open("badindent.py", "w") as f:
    f.write("def f():\n    return 1\n  x = 2\n")
