# an uncaught exception raised from deep inside method calls (last traceback line compared)
class Inventory:
    def __init__(self):
        self.stock = {"apple": 3, "pear": 0}
    def take(self, item, n=1):
        if self.stock[item] < n:
            raise ValueError("not enough %s: have %d, want %d" % (item, self.stock[item], n))
        self.stock[item] -= n
        return self.stock[item]
inv = Inventory()
print(inv.take("apple"), inv.take("apple"))
for item in ["apple", "pear"]:
    try:
        inv.take(item, 5)
    except ValueError as e:
        print("ValueError:", e)
print("taking a banana...")
inv.take("banana")
