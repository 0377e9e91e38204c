# with + exceptions: errors in __enter__, in __exit__, replacing exceptions, missing protocol
class FailEnter:
    def __enter__(self):
        raise OSError("cannot open")
    def __exit__(self, *a):
        print("never called")
try:
    with FailEnter():
        print("not reached")
except OSError as e:
    print("enter failed:", e)
class FailExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("exit failed while handling %s" % (et.__name__ if et else None))
try:
    with FailExit():
        raise ValueError("original")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__))
try:
    with FailExit():
        pass
except RuntimeError as e:
    print(e, "| context:", e.__context__)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back after", et.__name__)
        else:
            print("committed")
        return False
db = {"x": 1}
with Transaction(db) as t:
    t["y"] = 2
print(db)
try:
    with Transaction(db) as t:
        t["z"] = 3
        t["x"] = 100
        raise ValueError("abort")
except ValueError:
    pass
print(db)
