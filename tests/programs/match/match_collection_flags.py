# Which subjects `case [...]` and `case {...}` take: the builtin sequences and
# mappings, classes derived from or registered with collections.abc.Sequence
# and Mapping (before or after their subclasses were made), and, with two
# such bases, the first along the MRO.
import array
import collections
import collections.abc
import types


def kind(subject):
    match subject:
        case [*_]:
            return "seq"
        case {}:
            return "map"
    return None


for subject in ([1], (1,), range(2), memoryview(b"ab"), array.array("b", b"ab"),
                collections.deque([1]), {1: 2}, types.MappingProxyType({}),
                collections.OrderedDict(), collections.defaultdict(int),
                collections.UserDict(), collections.UserList(), "ab", b"ab",
                bytearray(b"ab"), {1}, 12, None):
    print(type(subject).__name__, kind(subject))

match array.array("b", b"abc"):
    case (x, y, z):
        print("array items", x, y, z)


class Seq(collections.abc.Sequence):
    __getitem__ = None

    def __len__(self):
        return 0


match Seq():
    case []:
        print("empty Seq matched []")


class Parent:
    pass


class ChildPre(Parent):
    pass


collections.abc.Mapping.register(Parent)


class ChildPost(Parent):
    pass


print([kind(c()) for c in (Parent, ChildPre, ChildPost)])


class Both(list, Parent):
    pass


class Other(Parent, list):
    pass


print(kind(Both()), kind(Other()))
print(bool(Seq.__flags__ & (1 << 5)), bool(Parent.__flags__ & (1 << 6)),
      bool(list.__flags__ & (1 << 5)), bool(dict.__flags__ & (1 << 6)))

# A builtin type registered later keeps its own answer.  (Not set or another
# type other programs ask about: the 3.14 oracle runs every program in one
# process, where a registration outlives the program.)
collections.abc.Sequence.register(types.SimpleNamespace)
print(kind(types.SimpleNamespace(a=1)))
