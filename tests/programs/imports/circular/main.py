# Circular imports: the module is in sys.modules before its body runs.
import alpha
print(alpha.name, alpha.beta.name, alpha.beta.seen)
import gamma
