# uncaught RecursionError from a property that reads itself; last stderr line compared
class Account:
    def __init__(self, balance):
        self._balance = balance
    @property
    def balance(self):
        return self._balance
    @property
    def broken(self):
        return self.broken + 1
acct = Account(100)
print("balance", acct.balance)
try:
    acct.broken
except RecursionError:
    print("caught once")
print("now without a handler")
print(acct.broken)
