import compileall
compileall.compile_dir(".", quiet=1, optimize=1)
