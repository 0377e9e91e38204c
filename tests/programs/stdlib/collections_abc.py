# collections.abc: isinstance and issubclass of builtin and collections types against Iterable, Sequence, Mapping, Set, Callable, Hashable ...
import collections.abc
from collections.abc import Iterable, Iterator, Sequence, MutableSequence, Mapping, MutableMapping, Set, Sized, Callable, Hashable, Container
from collections import deque, OrderedDict, Counter

for v in [[], (), '', {}, set(), frozenset(), range(3), iter([]), 5, len, deque(), b'', Counter()]:
    print(type(v).__name__, isinstance(v, Iterable), isinstance(v, Iterator), isinstance(v, Sequence),
          isinstance(v, MutableSequence), isinstance(v, Mapping), isinstance(v, MutableMapping),
          isinstance(v, Set), isinstance(v, Sized), isinstance(v, Callable), isinstance(v, Hashable),
          isinstance(v, Container))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable), issubclass(OrderedDict, MutableMapping))
