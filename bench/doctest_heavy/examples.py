"""examples.py -- a module tested the way ~45% of real stdlib-only programs
test themselves: doctest.testmod() over docstrings, here with 150
examples (all passing), so that compiling every example (pvm: through its
compile service) is most of the work.  bench/doctest_heavy/measure.py times
it; `pvm examples.py` and `python3.11 examples.py` print the same line.

>>> import math
>>> round(math.pi, 4)
3.1416
>>> sorted({"b": 1, "a": 2})
['a', 'b']
>>> [n for n in range(10) if n % 3 == 0]
[0, 3, 6, 9]
"""
import collections
import doctest
import functools
import itertools


def words(text):
    """Split text into lowercase words.

    >>> words("Hello, World")
    ['hello', 'world']
    >>> words("")
    []
    >>> words("one  two\\tthree")
    ['one', 'two', 'three']
    >>> len(words("a b c d e f"))
    6
    >>> words("Don't stop")
    ["don't", 'stop']
    """
    return [w.strip(",.!?").lower() for w in text.split()]


def word_counts(text):
    """
    >>> word_counts("a b a c b a").most_common(2)
    [('a', 3), ('b', 2)]
    >>> word_counts("")
    Counter()
    >>> sum(word_counts("x y z x").values())
    4
    >>> word_counts("The the THE")["the"]
    3
    >>> sorted(word_counts("q r s"))
    ['q', 'r', 's']
    """
    return collections.Counter(words(text))


def caesar(text, shift):
    """
    >>> caesar("abc", 1)
    'bcd'
    >>> caesar("xyz", 3)
    'abc'
    >>> caesar("Hello, World!", 13)
    'Uryyb, Jbeyq!'
    >>> caesar(caesar("round trip", 7), -7)
    'round trip'
    >>> caesar("", 5)
    ''
    """
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def is_palindrome(s):
    """
    >>> is_palindrome("racecar")
    True
    >>> is_palindrome("A man, a plan, a canal: Panama")
    True
    >>> is_palindrome("python")
    False
    >>> is_palindrome("")
    True
    >>> [w for w in ["noon", "moon", "level"] if is_palindrome(w)]
    ['noon', 'level']
    """
    letters = [c.lower() for c in s if c.isalnum()]
    return letters == letters[::-1]


def fib(n):
    """
    >>> fib(0)
    0
    >>> fib(1)
    1
    >>> fib(10)
    55
    >>> [fib(i) for i in range(8)]
    [0, 1, 1, 2, 3, 5, 8, 13]
    >>> fib(90)
    2880067194370816120
    """
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def primes(limit):
    """
    >>> primes(10)
    [2, 3, 5, 7]
    >>> primes(2)
    []
    >>> len(primes(1000))
    168
    >>> primes(30)[-1]
    29
    >>> sum(primes(100))
    1060
    """
    sieve = [True] * limit
    found = []
    for n in range(2, limit):
        if sieve[n]:
            found.append(n)
            for m in range(n * n, limit, n):
                sieve[m] = False
    return found


def gcd(a, b):
    """
    >>> gcd(12, 18)
    6
    >>> gcd(17, 5)
    1
    >>> gcd(0, 9)
    9
    >>> gcd(2**40, 2**35 * 3)
    34359738368
    >>> functools.reduce(gcd, [24, 36, 60])
    12
    """
    while b:
        a, b = b, a % b
    return a


def flatten(items):
    """
    >>> flatten([1, [2, [3, 4]], 5])
    [1, 2, 3, 4, 5]
    >>> flatten([])
    []
    >>> flatten([[[]]])
    []
    >>> flatten([(1, 2), [3]])
    [(1, 2), 3]
    >>> flatten([["a"], "bc"])
    ['a', 'bc']
    """
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def chunks(seq, size):
    """
    >>> chunks([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4], [5]]
    >>> chunks("abcdef", 3)
    ['abc', 'def']
    >>> chunks([], 4)
    []
    >>> len(chunks(range(100), 7))
    15
    >>> chunks((1, 2, 3), 5)
    [(1, 2, 3)]
    """
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def run_length(s):
    """
    >>> run_length("aaabcc")
    [('a', 3), ('b', 1), ('c', 2)]
    >>> run_length("")
    []
    >>> "".join(c * n for c, n in run_length("xxyyyz"))
    'xxyyyz'
    >>> run_length("abc")[1]
    ('b', 1)
    >>> max(run_length("abbbbbc"), key=lambda p: p[1])
    ('b', 5)
    """
    return [(k, len(list(g))) for k, g in itertools.groupby(s)]


class Matrix:
    """A small matrix.

    >>> m = Matrix([[1, 2], [3, 4]])
    >>> m.rows
    2
    >>> m.transpose().data
    [[1, 3], [2, 4]]
    >>> (m * m).data
    [[7, 10], [15, 22]]
    >>> m.trace()
    5
    >>> Matrix.identity(3).data
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    >>> m == Matrix([[1, 2], [3, 4]])
    True
    >>> repr(m)
    'Matrix([[1, 2], [3, 4]])'
    """

    def __init__(self, data):
        self.data = data
        self.rows = len(data)
        self.cols = len(data[0]) if data else 0

    @classmethod
    def identity(cls, n):
        """
        >>> Matrix.identity(1).data
        [[1]]
        >>> Matrix.identity(2).trace()
        2
        """
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    def transpose(self):
        return Matrix([list(col) for col in zip(*self.data)])

    def trace(self):
        return sum(self.data[i][i] for i in range(min(self.rows, self.cols)))

    def __mul__(self, other):
        cols = other.transpose().data
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols]
                       for row in self.data])

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.data == other.data

    def __repr__(self):
        return "Matrix(%r)" % (self.data,)


class Account:
    """
    >>> acct = Account("ann", 100)
    >>> acct.deposit(50)
    150
    >>> acct.withdraw(30)
    120
    >>> acct.history
    [('deposit', 50), ('withdraw', 30)]
    >>> acct.withdraw(1000)
    Traceback (most recent call last):
    ...
    ValueError: insufficient funds
    >>> acct.balance
    120
    >>> str(acct)
    'ann: 120'
    """

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def __str__(self):
        return "%s: %d" % (self.owner, self.balance)


def roman(n):
    """
    >>> roman(1)
    'I'
    >>> roman(4)
    'IV'
    >>> roman(1994)
    'MCMXCIV'
    >>> [roman(i) for i in range(1, 6)]
    ['I', 'II', 'III', 'IV', 'V']
    >>> roman(3999)
    'MMMCMXCIX'
    """
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in table:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def transpose_dict(d):
    """
    >>> transpose_dict({"a": 1, "b": 2})
    {1: 'a', 2: 'b'}
    >>> transpose_dict({})
    {}
    >>> transpose_dict({"x": "y"})["y"]
    'x'
    >>> len(transpose_dict(dict.fromkeys("abc", 0)))
    1
    >>> sorted(transpose_dict({i: i * i for i in range(4)}).items())
    [(0, 0), (1, 1), (4, 2), (9, 3)]
    """
    return {v: k for k, v in d.items()}


def histogram(values, width=10):
    """
    >>> print(histogram([1, 2, 2, 3, 3, 3]))
    1 #
    2 ##
    3 ###
    >>> histogram([])
    ''
    >>> print(histogram([5, 5], width=4))
    5 ##
    >>> histogram([1]).count("#")
    1
    >>> len(histogram(list(range(5))).splitlines())
    5
    """
    counts = collections.Counter(values)
    return "\n".join("%s %s" % (k, "#" * min(counts[k], width)) for k in sorted(counts))


def merge_sorted(a, b):
    """
    >>> merge_sorted([1, 3, 5], [2, 4, 6])
    [1, 2, 3, 4, 5, 6]
    >>> merge_sorted([], [1])
    [1]
    >>> merge_sorted([1, 1], [1])
    [1, 1, 1]
    >>> merge_sorted("ace", "bdf")
    ['a', 'b', 'c', 'd', 'e', 'f']
    >>> merge_sorted(range(0, 10, 2), range(1, 10, 2)) == list(range(10))
    True
    """
    a, b = list(a), list(b)
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]


def binary_search(items, target):
    """
    >>> binary_search([1, 3, 5, 7], 5)
    2
    >>> binary_search([1, 3, 5, 7], 4)
    -1
    >>> binary_search([], 1)
    -1
    >>> binary_search(list(range(1000)), 999)
    999
    >>> all(binary_search(list(range(50)), i) == i for i in range(50))
    True
    """
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def format_table(rows):
    """
    >>> print(format_table([("name", "qty"), ("apple", 3), ("kiwi", 12)]))
    name  qty
    apple 3
    kiwi  12
    >>> format_table([])
    ''
    >>> format_table([("a",)])
    'a'
    >>> len(format_table([("x", "y")] * 3).splitlines())
    3
    >>> format_table([(1, 2), (333, 4)]).splitlines()[0]
    '1   2'
    """
    if not rows:
        return ""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [str(c).ljust(w) for c, w in zip(row, widths)]
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines)


def parse_kv(text):
    """
    >>> parse_kv("a=1; b=2")
    {'a': '1', 'b': '2'}
    >>> parse_kv("")
    {}
    >>> parse_kv("key = value with spaces ")
    {'key': 'value with spaces'}
    >>> parse_kv("x=1;x=2")
    {'x': '2'}
    >>> list(parse_kv("z=0; y=1; x=2"))
    ['z', 'y', 'x']
    """
    out = {}
    for part in text.split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def pairs():
    """Examples with flags and shapes doctest users write.

    >>> list(itertools.combinations("abc", 2))
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    >>> list(range(100))  # doctest: +ELLIPSIS
    [0, 1, 2, ..., 98, 99]
    >>> print("a  b   c")  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> {"k": [1, 2, {"n": None}]}
    {'k': [1, 2, {'n': None}]}
    >>> x = [i * i for i in range(5)]
    >>> x
    [0, 1, 4, 9, 16]
    >>> for i in range(3):
    ...     print(i, i * 2)
    0 0
    1 2
    2 4
    >>> print()
    <BLANKLINE>
    >>> def inner(a, *args, **kwargs):
    ...     return a, args, kwargs
    >>> inner(1, 2, z=3)
    (1, (2,), {'z': 3})
    >>> 0.1 + 0.2
    0.30000000000000004
    >>> 2 ** 100
    1267650600228229401496703205376
    >>> divmod(-7, 2)
    (-4, 1)
    >>> "%5.2f|%-4s|%x" % (3.14159, "ab", 255)
    ' 3.14|ab  |ff'
    >>> f"{12345:,} {0.5:.0%} {'x':>3}"
    '12,345 50%   x'
    >>> int("ff", 16), bin(10), oct(8)
    (255, '0b1010', '0o10')
    """


def strings():
    r"""str methods, one example each.

    >>> "Hello".upper()
    'HELLO'
    >>> "Hello".lower()
    'hello'
    >>> "hello world".title()
    'Hello World'
    >>> "  pad  ".strip()
    'pad'
    >>> "a,b,,c".split(",")
    ['a', 'b', '', 'c']
    >>> "-".join("abc")
    'a-b-c'
    >>> "banana".count("an")
    2
    >>> "banana".find("nan")
    2
    >>> "banana".replace("a", "o", 2)
    'bonona'
    >>> "abc".center(7, "*")
    '**abc**'
    >>> "42".zfill(5)
    '00042'
    >>> "tab\there".expandtabs(4)
    'tab here'
    >>> "Mixed Case".swapcase()
    'mIXED cASE'
    >>> "prefix_name".removeprefix("prefix_")
    'name'
    >>> "x.tar.gz".rpartition(".")
    ('x.tar', '.', 'gz')
    >>> "line1\nline2".splitlines()
    ['line1', 'line2']
    >>> "abc".startswith(("x", "a"))
    True
    >>> "12".isdigit(), "ab".isalpha(), " ".isspace()
    (True, True, True)
    >>> "{0}-{1}-{0}".format("a", "b")
    'a-b-a'
    >>> "{name:>6}".format(name="bob")
    '   bob'
    >>> "caf\u00e9".encode("utf-8")
    b'caf\xc3\xa9'
    >>> b"caf\xc3\xa9".decode("utf-8")
    'café'
    >>> ord("A"), chr(97)
    (65, 'a')
    >>> "abc"[::-1]
    'cba'
    >>> sorted("hello")
    ['e', 'h', 'l', 'l', 'o']
    >>> "a" * 3 + "b"
    'aaab'
    >>> "ab" in "cabd"
    True
    >>> str(12.5), repr("q")
    ('12.5', "'q'")
    """


if __name__ == "__main__":
    print(doctest.testmod())
