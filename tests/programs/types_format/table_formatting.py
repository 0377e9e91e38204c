# building a text table with str methods and format specs (ljust/rjust/center, widths computed)
rows = [("Widget", 4, 3.5), ("Gadget-XL", 12, 19.99), ("Nut", 1000, 0.015), ("Spring", 0, 2.0)]
headers = ("Item", "Qty", "Price", "Total")
table = [headers] + [(n, str(q), "%.2f" % p, "{:,.2f}".format(q * p)) for n, q, p in rows]
widths = [max(len(r[i]) for r in table) for i in range(4)]
sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(sep)
for i, r in enumerate(table):
    cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
    print("| " + " | ".join(cells) + " |")
    if i == 0:
        print(sep.replace("-", "="))
print(sep)
total = sum(q * p for _, q, p in rows)
print("TOTAL".center(sum(widths) + 9, "."), "{:>10,.3f}".format(total))
for n, q, p in rows:
    bar = "#" * int(q * p // 20)
    print(f"{n:<10}{q:>6d} {p:>8.3f} {bar or '-'}")
print("%-10s|%6s|%8s" % headers[:3])
print("{:^30}".format(" centered title "), "{:=^30}".format(""))
