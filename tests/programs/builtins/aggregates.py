# min, max, sum, any, all, len with various arguments.
nums = [3, -1, 4, 1, -5, 9, 2, 6]
print(len(nums), sum(nums), min(nums), max(nums), sum(nums, 100), sum([0.5, 0.25]))
print(min(3, 1, 2), max("apple", "pear", "fig"), max(nums, key=abs), min(nums, key=lambda v: (v % 3, v)))
print(max([], default="empty"), min([5], default=0), max("hello"), min((4, 2, 8)))
print(any([0, 0, 1]), any([]), all([1, 2, 3]), all([]), all([1, 0]), any("abc"))
print(any([x > 8 for x in nums]), all([x > -10 for x in nums]))
print(len("abc"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 3}), len(range(3, 10)), len(""))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(range(1, 101)), sum([x * x for x in range(10)]), sum([True, True, False]))
print(max(1, 2.5, 2), min(-0.0, 0), max([2 ** 70, 3, -(2 ** 80)]))
