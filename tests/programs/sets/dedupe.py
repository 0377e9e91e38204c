# Using sets to deduplicate and to find common elements; output sorted.
text = "the cat sat on the mat and the dog sat on the log"
words = text.split()
unique = set(words)
print(len(words), len(unique), sorted(unique))
seen = set()
ordered = []
for w in words:
    if w not in seen:
        seen.add(w)
        ordered.append(w)
print(ordered)
letters_a = set("abracadabra")
letters_b = set("alacazam")
print(sorted(letters_a), sorted(letters_b))
print(sorted(letters_a & letters_b), sorted(letters_a | letters_b), sorted(letters_a - letters_b), sorted(letters_a ^ letters_b))
primes = {2, 3, 5, 7, 11, 13, 17, 19}
odds = set(range(1, 20, 2))
print(sorted(primes & odds), sorted(odds - primes), len(primes | odds))
pairs = {(i, j) for i in range(3) for j in range(3) if i != j}
print(sorted(pairs), (0, 1) in pairs, (1, 1) in pairs)
print(len(set([1, 1.0, True])), len({0, 0.0, False, -0.0}))
