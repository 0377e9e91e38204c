# itertools combinatorics: product (with repeat), permutations, combinations, combinations_with_replacement; ValueError messages
import itertools

print(list(itertools.product('ab', range(3))))
print(list(itertools.product([0, 1], repeat=3)))
print(list(itertools.product('ab', 'xy', repeat=2))[:5], len(list(itertools.product('ab', 'xy', repeat=2))))
print(list(itertools.product()), list(itertools.product('ab', [])))
print(list(itertools.permutations('ABC')))
print(list(itertools.permutations(range(4), 2)))
print(list(itertools.permutations('AB', 3)), list(itertools.permutations([], 0)), list(itertools.permutations('abc', 0)))
print(list(itertools.combinations('ABCD', 2)))
print(list(itertools.combinations(range(5), 3)))
print(list(itertools.combinations('AB', 3)), list(itertools.combinations('AB', 0)))
print(list(itertools.combinations_with_replacement('ABC', 2)))
print(list(itertools.combinations_with_replacement([], 2)), list(itertools.combinations_with_replacement('ab', 0)))
print(len(list(itertools.permutations(range(6)))), len(list(itertools.combinations(range(10), 4))))
print(len(list(itertools.combinations_with_replacement(range(6), 3))))
try:
    itertools.islice(range(5), -1)
except ValueError as e:
    print(e)
try:
    itertools.islice(range(5), 0, 5, 0)
except ValueError as e:
    print(e)
try:
    itertools.combinations('abc', -1)
except ValueError as e:
    print(e)
try:
    list(itertools.product('ab', repeat=-1))
except ValueError as e:
    print(e)
