name = "alpha"
import beta
print("alpha after beta", beta.seen)
