# ValueError from int() of a non-numeric string.
for s in ["12", "-3", " 7 "]:
    print(int(s) * 2)
print(int("x"))
