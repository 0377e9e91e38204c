# raise SystemExit(2) directly.
print("raising")
raise SystemExit(2)
