# exit, quit, copyright, credits, license and help as site.py makes them: their reprs and types; exit(3) ends with status 3
import sys
print(repr(exit))
print(repr(quit))
print(exit.name, exit.eof, quit.name)
print(type(exit).__name__, type(exit).__module__, type(copyright).__name__, type(help).__name__)
print(repr(copyright) == sys.copyright)
print(repr(credits))
print(repr(license))
print(repr(help))
print(callable(exit), callable(license), callable(help))
try:
    quit(0)
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    exit()
except SystemExit as e:
    print('SystemExit', e.code, e.args)
try:
    exit('bye')
except SystemExit as e:
    print('SystemExit', repr(e.code))
exit(3)
print('not reached')
