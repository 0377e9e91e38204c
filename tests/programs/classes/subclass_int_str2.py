# Subclassing int and str (needs rt_alloc_instance in int/str constructors)
class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"
m = Meters(5)
print(m, m + 1, repr(m), isinstance(m, int), m * 2)

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n == "bob", type(n).__name__)

