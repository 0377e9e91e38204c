# exceptions as control flow in loops: retry counters, early exit, except/continue/break
attempts = {"a": 2, "b": 0, "c": 5}
def flaky(name):
    if attempts[name] > 0:
        attempts[name] -= 1
        raise ConnectionError("%s not ready" % name)
    return name.upper()
for name in "abc":
    for tryno in range(3):
        try:
            r = flaky(name)
        except ConnectionError as e:
            print("attempt", tryno, e)
            continue
        print("success", r)
        break
    else:
        print("gave up on", name)
def first_int(items):
    for it in items:
        try:
            return int(it)
        except (ValueError, TypeError):
            pass
    return None
print(first_int(["x", None, "7", "8"]), first_int([]))
total = 0
data = [1, "2", "x", 3.5, None, [4]]
for d in data:
    try:
        total += int(d)
    except ValueError as e:
        print("skip value:", e)
    except TypeError as e:
        print("skip type:", e)
print("total", total)
i = 0
while True:
    try:
        i += 1
        if i > 3:
            raise StopIteration
    except StopIteration:
        print("stopped at", i)
        break
