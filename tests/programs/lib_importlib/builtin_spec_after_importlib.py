# a built-in module that importlib's own start-up imports (posix, for _bootstrap_external) has its spec and loader when the program imports importlib before os
import importlib
import sys
import posix
print(posix.__spec__, posix.__loader__, repr(posix.__package__))
print(sorted(k for k in vars(posix) if k.startswith('__')))
print(sys.modules['_io'].__spec__.name, sys.modules['marshal'].__spec__.origin)
