# A small bank-account application: classes, exceptions, class methods, properties
class InsufficientFunds(Exception):
    pass

class Account:
    _next_id = 1
    interest = 0.0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: balance {self._balance}, wanted {amount}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def add_interest(self):
        self._balance = round(self._balance * (1 + self.interest), 2)
    @classmethod
    def open_many(cls, *owners):
        return [cls(o) for o in owners]
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner}: {self._balance})"
    def __lt__(self, other):
        return self._balance < other._balance

class Savings(Account):
    interest = 0.05
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise InsufficientFunds("too many withdrawals")
        super().withdraw(amount)

accounts = Account.open_many("ann", "bob") + [Savings("cy", 100)]
accounts[0].deposit(50)
accounts[1].deposit(20)
for a in accounts:
    try:
        a.withdraw(30)
        a.withdraw(10)
        a.withdraw(5)
    except InsufficientFunds as e:
        print("refused:", e)
for a in accounts:
    a.add_interest()
print(accounts)
print(sorted(accounts), max(accounts))
print([a.history for a in accounts])
try:
    accounts[0].deposit(-1)
except ValueError as e:
    print(e)
try:
    accounts[0].balance = 5
except AttributeError as e:
    print(e)
