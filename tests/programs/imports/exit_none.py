# sys.exit(None) and sys.exit() exit 0; try/finally still runs.
import sys
try:
    sys.exit(None)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
finally:
    print("finally runs")
