# A chain of generators delegating with `yield from` (and nested next()
# calls) deeper than the recursion limit: RecursionError, then the program
# goes on.
def chain(n):
    if n == 0:
        yield "bottom"
    else:
        yield from chain(n - 1)
def nested(n):
    yield next(nested(n + 1))
try:
    print(next(chain(10 ** 5)))
except RecursionError as e:
    print("yield from:", type(e).__name__)
try:
    next(nested(0))
except RecursionError as e:
    print("next:", type(e).__name__)
print(next(chain(200)))
