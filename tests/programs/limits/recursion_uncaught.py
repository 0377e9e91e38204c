# unbounded recursion left uncaught: last line is "RecursionError: maximum recursion depth exceeded"
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print("bounded recursion is fine:", fact(30))
def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)
print(countdown(400))
def depth(n):
    return depth(n + 1) + 1
print("starting unbounded recursion")
depth(0)
