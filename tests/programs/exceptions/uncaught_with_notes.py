# an uncaught exception with a multi-word message raised inside finally-protected code
log = []
def process(items):
    total = 0
    try:
        for i in items:
            total += 100 // i
            log.append(total)
    finally:
        print("processed so far:", log)
    return total
print(process([1, 2, 5]))
log.clear()
print(process([4, 0, 2]))
