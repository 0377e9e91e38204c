# Slice assignment and deletion, including extended slices.
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[:0] = [-2, -1]
print(lst)
lst[len(lst):] = [100]
print(lst)
lst[1:3] = []
print(lst)
lst[::2] = ["E"] * len(lst[::2])
print(lst)
lst[::-3] = [7, 7, 7, 7]
print(lst)
del lst[0]
print(lst)
del lst[-2:]
print(lst)
del lst[::2]
print(lst)
lst[:] = "xyz"
print(lst)
del lst[:]
print(lst, len(lst))
nums = list(range(20))
del nums[1::3]
print(nums)
nums[2:4] = range(5)
print(nums)
nums[-1:] = (8, 9)
print(nums)
grid = [[0] * 4 for _ in range(3)]
grid[1][1:3] = [5, 6]
print(grid)
