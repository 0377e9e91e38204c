# A TabError from compile() with bytes source, uncaught.
compile(b"if 1:\n\tx = 1\n        y = 2\n", "tabs.py", "exec")
