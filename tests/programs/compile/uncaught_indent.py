# An IndentationError from compile(), uncaught inside a function.
def build():
    return compile("if True:\nprint('no indent')\n", "built.py", "exec")
build()
