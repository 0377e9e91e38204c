# The sys module's attributes and functions.
import sys
print(sys.maxsize, sys.platform, sys.byteorder, sys.maxunicode)
print(sys.version_info >= (3, 11), sys.version_info < (3, 12), sys.version_info[:2])
print(sys.version_info.major, sys.version_info.minor, sys.version_info.releaselevel)
print(sys.version.startswith("3.11."), type(sys.hexversion).__name__)
print(sys.flags.optimize, sys.flags.dont_write_bytecode == 1, len(sys.flags))
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
s = sys.intern("hello world")
print(s is sys.intern("hello world"))
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
print(sys.exc_info() == (None, None, None))
print("sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(10)
except ValueError as e:
    print("ValueError:", e)
print(sys.modules["sys"] is sys, type(sys.argv).__name__, type(sys.path).__name__)
print(sys.stdout.write("direct\n"))
print("stdout then", end=" ")
sys.stdout.write("write\n")
sys.stdout.flush()
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode)
print(sys.implementation.cache_tag, sys.getdefaultencoding())
sys.stderr.write("to stderr\n")
print(sys.__stdout__ is sys.stdout)
import builtins
print(builtins.len is len, __builtins__ is not None)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
