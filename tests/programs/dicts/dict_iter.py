# Iterating dict views, comprehensions over dicts, inverting and merging.
prices = {"apple": 0.5, "bread": 2.25, "cheese": 7.0, "dates": 3.5}
for item in prices:
    print(item, end=",")
print()
print(sum(prices.values()), max(prices, key=lambda k: prices[k]), min(prices.values()))
inverted = {v: k for k, v in prices.items()}
print(inverted)
cheap = {k: v for k, v in prices.items() if v < 3}
print(cheap)
merged = dict(prices)
merged.update({"apple": 0.6, "eggs": 1.75})
print(merged)
print(merged | {"fig": 4.0})
both = {}
both |= {"x": 1}
both |= {"y": 2, "x": 3}
print(both)
keys = list(prices.keys())
vals = list(prices.values())
print(dict(zip(keys, vals)) == prices)
print(sorted(prices.items(), key=lambda kv: kv[1], reverse=True))
sq = {n: n * n for n in range(8)}
print(sq, sq[7])
print({k: sq[k] for k in reversed(list(sq)) if k % 2})
print(list(reversed(list(prices))), list(enumerate(prices)))
