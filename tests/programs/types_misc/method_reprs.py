# The reprs and types of slot wrappers, method-wrappers, method and classmethod descriptors, builtin methods and functions.
def masked(obj):
    # Bound objects print their self's address, which differs per run: mask it.
    text = repr(obj)
    at = text.find(" at 0x")
    return text if at < 0 else text[:at] + " at 0x...>"

# slot wrappers: a builtin type's slot seen as a method, owned by the type that defines it
for w in (int.__add__, int.__radd__, int.__neg__, int.__abs__, int.__bool__, int.__hash__,
          int.__index__, int.__int__, int.__float__, int.__divmod__, int.__rpow__, int.__lt__,
          float.__radd__, float.__int__, float.__floordiv__, float.__rdivmod__,
          complex.__mul__, complex.__abs__, complex.__lt__, complex.__pos__,
          bool.__and__, bool.__rxor__, bool.__repr__, bool.__neg__, bool.__hash__, bool.__eq__,
          bool.__index__, object.__init__, object.__eq__, str.__add__, str.__rmul__,
          list.__iadd__, list.__len__, dict.__or__, dict.__ior__, set.__rsub__):
    print(w)
print(int.__dict__["__add__"], type(int.__add__).__name__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)

# method-wrappers: a slot wrapper bound to an instance
for b in ((5).__add__, (1.5).__mul__, True.__and__, (1j).__neg__, [].__len__):
    print(masked(b), type(b).__name__)
print((5).__add__.__self__, (5).__add__.__name__, True.__and__.__self__)

# method descriptors and builtin methods
print(list.append, str.upper, int.bit_length, float.hex, complex.conjugate, int.__round__,
      int.__trunc__, float.__ceil__, int.__format__, complex.__complex__)
print(masked([].append), masked("x".upper), masked((5).bit_length))
print(type([].append).__name__, [].append.__name__, [].append.__self__)

# builtin functions
print(len, abs, divmod, pow, type(len).__name__)

# classmethod descriptors, and the bound methods they give
for name, owner in (("fromkeys", dict), ("from_bytes", int), ("fromhex", float),
                    ("fromhex", bytes), ("fromhex", bytearray), ("__getformat__", float),
                    ("__class_getitem__", list)):
    d = owner.__dict__[name]
    print(d, type(d).__name__, masked(getattr(owner, name)))
print(masked({}.fromkeys), masked((3).from_bytes))
