# the module type: type(sys)(name, doc), its repr and __dict__; the __main__ module's name
import sys
M = type(sys)
m = M('x')
print(m, m.__dict__)
m2 = M('y', 'doc')
print(m2.__doc__, m2)
import __main__
print(__main__.__name__)
