# A module whose source changed after it was compiled: its pyc is stale, so
# python3.11 compiles the source again, and so does pvm (with python3.11's
# compiler, through its compile service).
print("before import")
import stale
print("imported", stale.value)
