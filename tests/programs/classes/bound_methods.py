# instance methods, bound methods as values, calling through the class
class Counter:
    def __init__(self, start=0):
        self.n = start

    def inc(self, by=1):
        self.n += by
        return self

    def get(self):
        return self.n

c = Counter()
c.inc().inc().inc(5)
print(c.get())
f = c.inc
f(10)
print(c.n)
print(Counter.get(c))
Counter.inc(c, 100)
print(c.n)
m = c.get
print(m.__self__ is c, m.__func__ is Counter.get)
print(m.__name__, Counter.get.__qualname__)
print(c.inc == c.inc, c.inc is c.inc)
class Greeter:
    greeting = "Hello"
    def greet(self, who):
        return "%s, %s!" % (self.greeting, who)
class Polite(Greeter):
    greeting = "Good day"
g = Greeter()
print(g.greet("world"), Polite().greet("sir"))
methods = [g.greet, Polite().greet]
print([mm("x") for mm in methods])
def outside(self):
    return "outside:" + self.greeting
Greeter.extra = outside
print(g.extra(), Polite().extra())
g.f = lambda: "instance lambda, no self"
print(g.f())
try:
    Counter.get()
except TypeError as e:
    print("TypeError:", e)
try:
    c.get(1)
except TypeError as e:
    print("TypeError:", e)
