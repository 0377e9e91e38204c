# a bank ledger: accounts with classes, custom exception hierarchy, transfers, interest, audit log
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__("account %s: cannot withdraw %s, balance %s" % (account.number, fmt(amount), fmt(account.balance)))
        self.account, self.amount = account, amount
class AccountFrozen(BankError):
    pass
class UnknownAccount(BankError, KeyError):
    def __str__(self):
        return "no such account: %s" % self.args[0]
class InvalidAmount(BankError, ValueError):
    pass
def fmt(cents):
    sign = "-" if cents < 0 else ""
    d, c = divmod(abs(cents), 100)
    return "%s$%s.%02d" % (sign, "{:,}".format(d), c)
class Account:
    kind = "basic"
    overdraft = 0
    def __init__(self, number, owner, balance=0):
        self.number, self.owner = number, owner
        self._balance = balance
        self.frozen = False
        self.history = []
    @property
    def balance(self):
        return self._balance
    def _check(self, amount):
        if not isinstance(amount, int) or amount <= 0:
            raise InvalidAmount("invalid amount: %r" % (amount,))
        if self.frozen:
            raise AccountFrozen("account %s is frozen" % self.number)
    def deposit(self, amount, memo="deposit"):
        self._check(amount)
        self._balance += amount
        self.history.append((memo, amount))
    def withdraw(self, amount, memo="withdrawal"):
        self._check(amount)
        if self._balance - amount < -self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append((memo, -amount))
    def month_end(self):
        pass
    def __repr__(self):
        return "%s(%s, %s, %s)" % (type(self).__name__, self.number, self.owner, fmt(self.balance))
class Savings(Account):
    kind = "savings"
    rate_bp = 150
    def month_end(self):
        interest = self._balance * self.rate_bp // 10000 // 12
        if interest > 0:
            self._balance += interest
            self.history.append(("interest", interest))
class Checking(Account):
    kind = "checking"
    overdraft = 50000
    fee = 1500
    def month_end(self):
        if self._balance < 0:
            self._balance -= self.fee
            self.history.append(("overdraft fee", -self.fee))
class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.audit = []
        self.next_no = 1000
    def open(self, cls, owner, initial=0):
        self.next_no += 1
        acct = cls("A%d" % self.next_no, owner)
        self.accounts[acct.number] = acct
        if initial:
            acct.deposit(initial, "opening")
        self.audit.append("open %s %s" % (acct.number, cls.kind))
        return acct
    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None
    def transfer(self, src, dst, amount):
        a, b = self.get(src), self.get(dst)
        a.withdraw(amount, "transfer to " + dst)
        try:
            b.deposit(amount, "transfer from " + src)
        except BankError:
            a.deposit(amount, "reversal")
            raise
        self.audit.append("transfer %s->%s %s" % (src, dst, fmt(amount)))
    def month_end(self):
        for acct in self.accounts.values():
            acct.month_end()
        self.audit.append("month end")
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank("Python Savings & Loan")
alice = bank.open(Savings, "alice", 1000000)
bob = bank.open(Checking, "bob", 25000)
carol = bank.open(Account, "carol")
OPS = [
    ("transfer", "A1001", "A1002", 50000),
    ("transfer", "A1002", "A1003", 100000),
    ("transfer", "A1002", "A1003", 30000),
    ("withdraw", "A1003", 30001),
    ("deposit", "A1003", -5),
    ("deposit", "A1003", 2.5),
    ("transfer", "A1001", "A9999", 100),
    ("freeze", "A1003"),
    ("transfer", "A1001", "A1003", 100),
    ("unfreeze", "A1003"),
    ("withdraw", "A1002", 40000),
    ("month_end",),
    ("withdraw", "A1002", 20000),
    ("month_end",),
]
for op in OPS:
    name, args = op[0], op[1:]
    try:
        if name == "transfer":
            bank.transfer(*args)
        elif name == "withdraw":
            bank.get(args[0]).withdraw(args[1])
        elif name == "deposit":
            bank.get(args[0]).deposit(args[1])
        elif name == "freeze":
            bank.get(args[0]).frozen = True
        elif name == "unfreeze":
            bank.get(args[0]).frozen = False
        elif name == "month_end":
            bank.month_end()
        print("ok   ", op)
    except InsufficientFunds as e:
        print("FUNDS", op, "->", e, "| short by", fmt(e.amount - e.account.balance))
    except (UnknownAccount, AccountFrozen) as e:
        print("DENY ", op, "->", type(e).__name__, e)
    except ValueError as e:
        print("VALUE", op, "->", e, "| is BankError:", isinstance(e, BankError))
for acct in bank.accounts.values():
    print(acct)
    for memo, amt in acct.history:
        print("    %-22s %12s" % (memo, fmt(amt)))
print("bank total:", fmt(bank.total()))
print("audit:", bank.audit)
print([c.__name__ for c in UnknownAccount.__mro__])
try:
    bank.get("nope")
except KeyError as e:
    print("caught as KeyError:", e, "| context suppressed:", e.__suppress_context__)
