# Wrong calls to C functions get CPython's message for each way a function takes arguments.
def attempt(label, f):
    try:
        f()
        print(label, "no error")
    except TypeError as e:
        print(label, e)

# METH_NOARGS: "takes no arguments (N given)"
attempt("list.copy", lambda: [].copy(1))
attempt("int.bit_length", lambda: (5).bit_length(3))
attempt("float.is_integer", lambda: (1.5).is_integer(2))
attempt("float.hex", lambda: (1.5).hex(1))
attempt("complex.conjugate", lambda: (1j).conjugate(1))
attempt("type.mro", lambda: type.mro(int, 1))
attempt("str.upper", lambda: "a".upper(1))
# METH_O: "takes exactly one argument (N given)"
attempt("len", lambda: len())
attempt("len 2", lambda: len([], []))
attempt("list.append", lambda: [].append())
attempt("list.append 2", lambda: [].append(1, 2))
attempt("property.getter", lambda: property().getter())
attempt("with_traceback", lambda: ValueError().with_traceback())
attempt("object.__format__", lambda: object().__format__())
attempt("str.join", lambda: "".join())
# no keywords
attempt("len kw", lambda: len(obj=[]))
attempt("list.append kw", lambda: [].append(x=1))
attempt("dict.get kw", lambda: {}.get(key=1))
# positional-only Argument Clinic: "expected N arguments, got M"
attempt("isinstance", lambda: isinstance(1))
attempt("iter", lambda: iter())
attempt("getattr", lambda: getattr(1, "a", 2, 3))
attempt("int.__round__", lambda: (1).__round__(1, 2))
attempt("float.__round__", lambda: (1.5).__round__(1, 2))
attempt("gen.throw", lambda: (i for i in []).throw())
attempt("str.center", lambda: "a".center())
# Argument Clinic with keywords
attempt("round missing", lambda: round())
attempt("round bad kw", lambda: round(1, digits=2))
attempt("sorted extra", lambda: sorted([], 1))
attempt("to_bytes", lambda: (1).to_bytes(1, "big", True))
attempt("to_bytes kw", lambda: (1).to_bytes(foo=1))
attempt("from_bytes", lambda: int.from_bytes())
attempt("str.split", lambda: "a b".split(sep=" ", maxsplit=1, other=2))
