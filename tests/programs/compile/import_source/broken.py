x = 1
print("this never runs"
y = 2
