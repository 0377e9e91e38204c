# assert with a computed message, uncaught.
def check(xs):
    assert len(xs) < 3, f"too many items: {len(xs)}"
    return xs
print(check([1, 2]))
check([1, 2, 3])
