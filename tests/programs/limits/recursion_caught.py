# RecursionError caught and reported; the program carries on and recursion works again
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))
def measured(n):
    try:
        return measured(n + 1)
    except RecursionError:
        return n
d = measured(0)
print("depth reached is plausible:", 500 < d < 1000)
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(500))
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
head = None
for i in range(300):
    head = Node(head)
print(head.length())
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError as e:
    print("mutual:", e)
print("still running:", sum_to(100))
