# reads ring_a while ring_a is still running its body
import ring_a
print("ring_b sees", getattr(ring_a, "VALUE", "nothing yet"))
print(ring_a.VALUE)
