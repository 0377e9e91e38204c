# IndexError from a string and from pop on an empty list.
s = "abc"
print(s[-3], s[2])
stack = [1]
print(stack.pop())
print(stack.pop())
