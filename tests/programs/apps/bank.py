# A bank-account simulation with dicts, lists, closures and a transaction log.
accounts = {}
log = []
next_id = 1000

def open_account(owner, deposit=0):
    global next_id
    next_id += 1
    accounts[next_id] = {"owner": owner, "balance": deposit, "history": []}
    log.append(("open", next_id, deposit))
    return next_id

def deposit(acct, amount):
    if amount <= 0:
        log.append(("reject-deposit", acct, amount))
        return False
    accounts[acct]["balance"] += amount
    accounts[acct]["history"].append(amount)
    log.append(("deposit", acct, amount))
    return True

def withdraw(acct, amount):
    rec = accounts[acct]
    if amount > rec["balance"]:
        log.append(("overdraft", acct, amount))
        return False
    rec["balance"] -= amount
    rec["history"].append(-amount)
    log.append(("withdraw", acct, amount))
    return True

def transfer(src, dst, amount):
    if withdraw(src, amount):
        deposit(dst, amount)
        return True
    return False

def make_interest(rate_percent):
    def apply(acct):
        rec = accounts[acct]
        interest = rec["balance"] * rate_percent // 100
        if interest:
            deposit(acct, interest)
        return interest
    return apply

ann = open_account("Ann", 500)
bob = open_account("Bob")
cid = open_account("Cid", 1200)
print("accounts:", sorted(accounts))
print(deposit(bob, 300), deposit(bob, -5), withdraw(ann, 700), withdraw(ann, 120))
print(transfer(cid, ann, 450), transfer(bob, cid, 1000), transfer(bob, ann, 299))
monthly = make_interest(3)
for month in range(1, 4):
    earned = [monthly(a) for a in sorted(accounts)]
    print(f"month {month}: interest {earned}")
print()
print(f"{'id':<6}{'owner':<8}{'balance':>10}  history")
for acct in sorted(accounts):
    rec = accounts[acct]
    hist = " ".join([f"{h:+d}" for h in rec["history"]])
    print(f"{acct:<6}{rec['owner']:<8}{rec['balance']:>10}  {hist}")
total = sum([rec["balance"] for rec in accounts.values()])
print(f"{'total':<14}{total:>10}")
kinds = {}
for kind, acct, amount in log:
    kinds[kind] = kinds.get(kind, 0) + 1
print(sorted(kinds.items()))
richest = max(accounts, key=lambda a: accounts[a]["balance"])
print("richest:", accounts[richest]["owner"], accounts[richest]["balance"])
rejected = [entry for entry in log if entry[0] in ("overdraft", "reject-deposit")]
print("rejected:", rejected)
print("log length", len(log), "last", log[-1])
