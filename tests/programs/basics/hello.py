# The smallest program: a string constant and print.
print("hello, world")
print("second line")
print()
print("after an empty line")
