# !r, !s conversions inside f-strings and how containers repr their items.
vals = ["s", 'q"', "q'", 1, 1.5, None, True, [1, "a"], ("t",), {"k": [1]}, "", "\n"]
for v in vals:
    print(f"{v!r:>12} | {v!s:<10} | {v}")
words = ["apple", "pie"]
print(f"{words!r}", f"{words[0]!r:^9}", f"{words[1]!s:>5}")
print(f"{repr(3.0)} {str(3.0)} {3.0!r}")
print(f"{'abc'!r:*^9}")
