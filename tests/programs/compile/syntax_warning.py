# A SyntaxWarning from compiling a string: python3.11 writes it to stderr
# at compile time ("<string>:2: SyntaxWarning: ..."); the code still runs.
x = 1
exec("y = 1\nif x is 1:\n    print('compiled with a warning')\n")
print("after")
