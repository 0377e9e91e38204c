# python -m tool: runs tool.py as __main__ with sys.argv[0] its full path.
import sys, os_free_helpers
print(__name__, repr(__package__), sys.argv[1:])
print(sys.argv[0] == sys.path[0] + "/tool.py", __file__ == sys.argv[0])
print(os_free_helpers.where())
if __name__ == "__main__":
    print("main guard taken")
