# generators.py — generator pipelines: a source generator, filtering and mapping
# stages chained with for-loops, `yield from`, generator expressions consumed by
# sum() and max(), and send(). Measures frame suspension and resumption
# (RETURN_GENERATOR, YIELD_VALUE, SEND, FOR_ITER over generators).
N = 2000000  # small: 20000

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x

def squares(source):
    for x in source:
        yield x * x

def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

def flatten(lists):
    for lst in lists:
        yield from lst

def running_mean():
    total = 0
    count = 0
    mean = None
    while True:
        x = yield mean
        total += x
        count += 1
        mean = total // count

total = 0
for x in squares(evens(numbers(N))):
    total += x % 1000
flat = sum(flatten(chunks(numbers(N), 7)))
biggest = max(x * 7 % 1001 for x in numbers(N) if x % 3)
avg = running_mean()
next(avg)
m = 0
for x in numbers(N // 2):
    m = avg.send(x)
print(total, flat, biggest, m)
