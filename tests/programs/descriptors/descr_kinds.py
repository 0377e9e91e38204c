# The kinds of descriptor behind builtin methods: method_descriptor, classmethod_descriptor, staticmethod, wrapper_descriptor, method-wrapper, builtin_function_or_method
def masked(obj):
    text = repr(obj)
    at = text.find(" at 0x")
    return text if at < 0 else text[:at] + " at 0x...>"

for d in (list.__dict__['append'], str.__dict__['join'], dict.__dict__['fromkeys'],
          int.__dict__['from_bytes'], bytes.__dict__['fromhex'], str.__dict__['maketrans'],
          bytes.__dict__['maketrans'], int.__dict__['__add__'], object.__dict__['__init__'],
          object.__dict__['__format__'], object.__dict__['__reduce_ex__']):
    print(type(d).__name__, masked(d))

# read through the class and through an instance
for v in (list.append, [].append, dict.fromkeys, {}.fromkeys, str.maketrans, "".maketrans,
          int.__add__, (1).__add__, len, object.__init__, object().__init__):
    print(type(v).__name__, masked(v))

# names, qualnames, owners, selves
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
print([].append.__name__, [].append.__qualname__, [].append.__self__)
print(dict.fromkeys.__qualname__, dict.fromkeys.__self__, dict.__dict__['fromkeys'].__objclass__)
print(str.maketrans.__qualname__, str.maketrans.__self__, str.maketrans('ab', 'xy'))
print(len.__name__, len.__qualname__, len.__module__, len.__self__)
import math
print(math.sqrt.__module__, type(math.sqrt.__self__).__name__, math.sqrt.__self__.__name__, math.sqrt.__qualname__)  # how the oracle built math (in or out of the binary) shows in its repr
print(int.__add__.__objclass__, (3).__add__.__self__, int.__add__.__name__)

# calling unbound descriptors
print(masked(list.append.__get__([1])), list.__dict__["append"].__get__(None, list))
l = [1]
list.append(l, 2); print(l)
print(dict.__dict__['fromkeys'](dict, 'ab'), dict.__dict__['fromkeys'].__get__({})('c'))
for call in (lambda: list.append(), lambda: list.append(1, 2),
             lambda: list.__dict__['append'].__get__(1),
             lambda: dict.__dict__['fromkeys'](), lambda: dict.__dict__['fromkeys'](1, 'a'),
             lambda: str.join(1, [])):
    try:
        call()
    except TypeError as e:
        print(e)

# a builtin method found on a subclass is still the base's descriptor
class L(list): pass
print(L.append is list.append, type(L().append).__name__, L().append.__self__)
print(isinstance(list.append, type(str.upper)), callable(list.__dict__['append']))
