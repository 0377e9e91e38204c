# AttributeError: a method that str does not have.
s = "hello"
print(s.upper())
print(s.push("x"))
