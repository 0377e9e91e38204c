# sorted/list.sort with key and reverse; stability.
people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25), ("eve", 30)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = "banana Apple cherry apple Date fig elderberry".split()
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda n: n % 3)
print(nums)
print(sorted([3.5, 1, 2.25, -1, 0]), sorted([]), sorted("hello"), sorted((3, 1, 2), reverse=True))
data = list(range(20))
data.sort(key=lambda n: n % 4)
print(data)
nested = [[3, 1], [1, 2], [3, 0], [1, 1], [2]]
print(sorted(nested), max(nested), min(nested))
big = [(i * 7919) % 101 for i in range(50)]
print(sorted(big)[:10], sorted(big)[-5:], sorted(big, reverse=True)[:5])
