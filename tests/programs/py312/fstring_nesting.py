# PEP 701 f-strings (3.12 syntax): the same quotes nested, backslashes and comments in fields
names = ["ada", "bob"]
print(f"{", ".join(names)}")
print(f"{f"{f"{1 + 1}"}"}")
print(f"{"\n".join(n.upper() for n in names)}")
width = 8
print(f"[{"x":>{width}}]", f"{3.14159:.{2}f}")
print(f"{
    sum(
        [1, 2, 3]  # a comment inside the field
    )
}")
d = {"k": "v"}
print(f"{d["k"]!r} {d['k']=}")
print(f'{'nested' + "quotes"}')
