# sys.argv as given on the command line; sys.path[0] is the script's folder.
import sys
print(sys.argv)
print(sys.path[0] + "/main.py" == __file__, __file__.endswith("/argv/main.py"))
print(__name__, __package__, __spec__, __cached__)
