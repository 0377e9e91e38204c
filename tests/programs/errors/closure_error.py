# An exception raised inside a closure called from a comprehension.
def make_divider(d):
    def divide(n):
        return n // d
    return divide

halve = make_divider(2)
print([halve(n) for n in range(5)])
broken = make_divider(0)
print([broken(n) for n in range(5)])
