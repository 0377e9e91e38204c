# A circular import reads an attribute its partner has not set yet: "partially initialized module" (ends in that AttributeError)
import sys
try:
    import ring_a
except AttributeError as e:
    print("caught:", e)
print(sorted(m for m in sys.modules if m.startswith("ring_")))
import ring_c
print(ring_c.ready, getattr(ring_c, "missing", "default"))
try:
    ring_c.missing
except AttributeError as e:
    print("after its body:", e)
import ring_a
