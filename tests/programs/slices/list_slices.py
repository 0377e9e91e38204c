# Reading list slices with every combination of start/stop/step.
lst = list(range(10))
print(lst[2:7], lst[:4], lst[6:], lst[-4:], lst[:-6], lst[-7:-2], lst[3:3], lst[8:2])
print(lst[::3], lst[1::3], lst[::-1], lst[::-3], lst[7:1:-2], lst[-1:-5:-1], lst[5::-1], lst[:5:-1])
print(lst[100:], lst[-100:2], lst[2:100], lst[::100], lst[::-100])
for start in [None, 0, 3, -3]:
    for stop in [None, 5, -1]:
        for step in [None, 2, -1]:
            print(start, stop, step, lst[start:stop:step])
print(lst[1:8:3], "abcdefghij"[1:8:3], tuple(lst)[1:8:3])
