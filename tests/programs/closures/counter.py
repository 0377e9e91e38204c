# Closures with nonlocal state: counters and accumulators.
def make_counter(start=0, step=1):
    count = start
    def next_value():
        nonlocal count
        count += step
        return count
    return next_value

c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c1(), c2(), c2(), c1())

def make_account(balance):
    history = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("dep", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("refused", amount))
            return balance
        balance -= amount
        history.append(("wd", amount))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report

dep, wd, rep = make_account(50)
print(dep(25), wd(100), wd(30), dep(5))
print(rep())

def averager():
    total = 0
    n = 0
    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return add

avg = averager()
for v in [10, 20, 30, 45]:
    print(avg(v))
