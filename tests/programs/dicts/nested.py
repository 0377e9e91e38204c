# Nested dicts and lists: a small in-memory database.
db = {}
def add(name, dept, salary):
    db[name] = {"dept": dept, "salary": salary, "tags": []}

add("ann", "eng", 120)
add("bob", "ops", 90)
add("cid", "eng", 110)
add("dee", "sales", 95)
add("eli", "ops", 85)
db["ann"]["tags"].append("lead")
db["cid"]["tags"] += ["remote", "new"]
by_dept = {}
for name, rec in db.items():
    by_dept.setdefault(rec["dept"], []).append(name)
print(by_dept)
totals = {}
for name, rec in db.items():
    totals[rec["dept"]] = totals.get(rec["dept"], 0) + rec["salary"]
for dept in sorted(totals):
    print(dept, totals[dept], len(by_dept[dept]), totals[dept] / len(by_dept[dept]))
print(db["cid"])
print({k: v["salary"] for k, v in db.items() if v["salary"] > 90})
raised = {k: dict(v, salary=v["salary"] + 10) for k, v in db.items()}
print(raised["eli"], db["eli"]["salary"])
tree = {"a": {"b": {"c": {"d": 1}}}}
node = tree
path = []
while isinstance(node, dict):
    key = list(node)[0]
    path.append(key)
    node = node[key]
print(path, node)
print(len(db), sorted(db, key=lambda n: -db[n]["salary"]))
