# records.py — a JSON-like data transform, the bread and butter of scripts and
# web back ends: generate order records (nested dicts and lists of strings and
# numbers), validate and normalise them, join them with a customer table, group
# and aggregate (per region, per month, per product), build a pivot table,
# rank, render a formatted text report, and serialise the summary with a
# hand-written JSON encoder (checked against json.loads). Measures dict
# creation, lookup and update with string keys, dict/list comprehensions,
# str methods and formatting (f-strings with format specs, %, join),
# isinstance dispatch, and sorting with key functions.
import json

N = 9000  # small: 120

REGIONS = ("north", "south", "east", "west", "central")
PRODUCTS = ("widget", "gadget", "doohickey", "gizmo", "sprocket", "flange",
            "grommet", "bracket", "hinge", "valve")
STATUSES = ("paid", "paid", "paid", "shipped", "refunded", "pending")


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


def make_customers(rng, count):
    customers = {}
    for i in range(count):
        cid = "C%05d" % i
        customers[cid] = {
            "id": cid,
            "name": "%s %s" % (rng.pick(("Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus")),
                               rng.pick(("Smith", "Jones", "Ng", "Okafor", "Silva", "Kim"))),
            "region": rng.pick(REGIONS),
            "tier": rng.pick(("basic", "basic", "gold", "platinum")),
            "tags": [t for t in ("b2b", "new", "vip", "eu") if rng.below(3) == 0],
        }
    return customers


def make_orders(rng, count, customers):
    ids = sorted(customers)
    orders = []
    for i in range(count):
        lines = []
        for _ in range(1 + rng.below(4)):
            lines.append({
                "sku": rng.pick(PRODUCTS).upper() + "-" + str(rng.below(50)),
                "qty": 1 + rng.below(9),
                "unit_cents": 199 + rng.below(20000),
            })
        orders.append({
            "order_id": "O%06d" % i,
            "customer": rng.pick(ids),
            "date": "2023-%02d-%02d" % (1 + rng.below(12), 1 + rng.below(28)),
            "status": rng.pick(STATUSES),
            "lines": lines,
            "note": rng.pick(("", "", "gift", "  rush order ", "Leave at door", "")),
        })
    return orders


def normalise(order, customers):
    cust = customers.get(order["customer"])
    if cust is None or order["status"] == "pending":
        return None
    total = 0
    products = []
    for line in order["lines"]:
        product, _, variant = line["sku"].partition("-")
        amount = line["qty"] * line["unit_cents"]
        total += amount
        products.append({"product": product.lower(), "variant": int(variant),
                         "qty": line["qty"], "amount": amount})
    if cust["tier"] == "gold":
        total = total * 95 // 100
    elif cust["tier"] == "platinum":
        total = total * 90 // 100
    year, month, day = order["date"].split("-")
    return {
        "id": order["order_id"],
        "customer": cust["name"],
        "region": cust["region"],
        "month": int(month),
        "refund": order["status"] == "refunded",
        "total": -total if order["status"] == "refunded" else total,
        "products": products,
        "note": order["note"].strip().lower(),
        "vip": "vip" in cust["tags"],
    }


def group_by(rows, key):
    groups = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def summarise(rows):
    by_region = {}
    for region, group in group_by(rows, "region").items():
        totals = [r["total"] for r in group]
        by_region[region] = {
            "orders": len(group),
            "revenue": sum(totals),
            "refunds": sum(1 for r in group if r["refund"]),
            "largest": max(totals),
            "vip_share": round(sum(1 for r in group if r["vip"]) / len(group), 4),
        }
    pivot = {p: [0] * 12 for p in PRODUCTS}
    for r in rows:
        for p in r["products"]:
            pivot[p["product"]][r["month"] - 1] += p["qty"]
    spend = {}
    for r in rows:
        spend[r["customer"]] = spend.get(r["customer"], 0) + r["total"]
    top = sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    notes = {}
    for r in rows:
        if r["note"]:
            notes[r["note"]] = notes.get(r["note"], 0) + 1
    return {"regions": by_region, "pivot": pivot, "top": top, "notes": notes}


def encode(value):
    """A small JSON encoder: dicts, lists, tuples, str, int, float, bool, None."""
    if isinstance(value, dict):
        return "{" + ", ".join(encode_str(str(k)) + ": " + encode(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(encode(v) for v in value) + "]"
    if isinstance(value, str):
        return encode_str(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return repr(value)


def encode_str(s):
    out = ['"']
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch < " ":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def report(summary):
    lines = [f"{'region':<10}{'orders':>8}{'revenue':>14}{'refunds':>9}{'vip':>8}"]
    for region in sorted(summary["regions"]):
        s = summary["regions"][region]
        lines.append(f"{region:<10}{s['orders']:>8}{s['revenue'] / 100:>14,.2f}"
                     f"{s['refunds']:>9}{s['vip_share']:>8.1%}")
    for product, months in sorted(summary["pivot"].items()):
        cells = " ".join("%4d" % m for m in months)
        lines.append("%-10s %s | %6d" % (product, cells, sum(months)))
    for name, cents in summary["top"]:
        lines.append("top  %-12s %12s" % (name, "{:,}".format(cents)))
    return "\n".join(lines)


def run(seed, count):
    rng = Lcg(seed)
    customers = make_customers(rng, count // 10 + 5)
    orders = make_orders(rng, count, customers)
    rows = [r for r in (normalise(o, customers) for o in orders) if r is not None]
    by_month = {m: sum(r["total"] for r in rs) for m, rs in sorted(group_by(rows, "month").items())}
    summary = summarise(rows)
    summary["by_month"] = by_month
    text = encode(summary)
    assert json.loads(text) == json.loads(json.dumps(summary)), "encoder disagrees with json"
    dump = encode(rows)
    checksum = 0
    for ch in dump[::7]:
        checksum = (checksum * 131 + ord(ch)) % 1000000007
    return report(summary), len(text), len(dump), checksum


for seed in (3, 4):
    text, summary_len, dump_len, checksum = run(seed, N)
    print(text)
    print("seed", seed, "summary", summary_len, "dump", dump_len, "checksum", checksum)
