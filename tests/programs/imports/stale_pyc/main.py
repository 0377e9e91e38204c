# A module whose source changed after it was compiled: python3.11 would
# recompile it; pvm cannot, and says which file and how to fix it.
print("before import")
import stale
print("not reached", stale.value)
