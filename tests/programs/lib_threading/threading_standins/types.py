# Stand-in for Lib/types.py, which queue.py imports for GenericAlias, while
# pvm cannot import the real one (function attributes as descriptors); delete
# it with _weakrefset.py.
GenericAlias = type(list[int])
