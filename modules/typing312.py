"""_typing for a Python 3.12 process (modules/typing312.c runs this file).

CPython 3.12 writes these classes in C (its Objects/typevarobject.c) and
3.12's Lib/typing.py imports them from _typing; pvm writes them in Python.
Like CPython's, they hand the typing-specific work (type checks,
substitution, Generic's subscription) back to typing.py's helpers, and the
PEP 695 syntax (def f[T], class C[T], type X = ...) builds them through
vm/intrinsics.c with the _make_* functions at the end, which evaluate a
bound, constraints or an alias's value only when first asked, as 3.12 does.
"""

import sys as _sys


def _typing():
    import typing
    return typing


def _caller_module(depth=3):
    try:
        return _sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return None


def _type_check(arg, msg):
    return None if arg is None else _typing()._type_check(arg, msg)


class _Lazy:
    """A value computed by a function the first time it is read."""

    def __init__(self, compute):
        self.compute = compute


def _get(owner, attr):
    value = owner.__dict__[attr]
    if isinstance(value, _Lazy):
        value = value.compute()
        owner.__dict__[attr] = value
    return value


class _NoDefaultType:
    """The type of the NoDefault singleton (3.13, PEP 696)."""

    __module__ = "typing"
    __slots__ = ()

    def __new__(cls):
        return NoDefault

    def __repr__(self):
        return "typing.NoDefault"

    def __reduce__(self):
        return "NoDefault"


_NoDefaultType.__name__ = _NoDefaultType.__qualname__ = "NoDefaultType"
NoDefault = object.__new__(_NoDefaultType)


class _Variable:
    """What TypeVar, ParamSpec and TypeVarTuple share."""

    __module__ = "typing"

    def _set_default(self, default):
        self.__dict__["__default__"] = (
            default if default is NoDefault or default is None or isinstance(default, _Lazy)
            else _type_check(default, "Default must be a type."))

    __default__ = property(lambda self: _get(self, "__default__")
                           if "__default__" in self.__dict__ else NoDefault)

    def has_default(self):
        return self.__dict__.get("__default__", NoDefault) is not NoDefault

    def _name_and_module(self, name):
        if not isinstance(name, str):
            raise TypeError("TypeVar name must be a string" if type(self) is TypeVar
                            else "%s() argument 'name' must be str, not %s"
                            % (type(self).__name__, type(name).__name__))
        self.__name__ = name
        module = _caller_module()
        if module is not None:
            self.__module__ = module

    def __or__(self, right):
        return _typing().Union[self, right]

    def __ror__(self, left):
        return _typing().Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of %s" % type(self).__name__)

    def _variance(self, covariant, contravariant, infer_variance):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)

    def __repr__(self):
        if self.__infer_variance__:
            return self.__name__
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class TypeVar(_Variable):
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=NoDefault):
        self._name_and_module(name)
        self._set_default(default)
        self._variance(covariant, contravariant, infer_variance)
        if bound is not None and constraints:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__dict__["__bound__"] = _type_check(bound, "Bound must be a type.")
        self.__dict__["__constraints__"] = tuple(_type_check(c, msg) for c in constraints)

    __bound__ = property(lambda self: _get(self, "__bound__"))
    __constraints__ = property(lambda self: _get(self, "__constraints__"))

    def __typing_subst__(self, arg):
        return _typing()._typevar_subst(self, arg)

    if _sys.version_info >= (3, 13):
        def __typing_prepare_subst__(self, alias, args):
            i = alias.__parameters__.index(self)
            if i < len(args):
                return args
            if i == len(args) and self.has_default():
                return (*args, self.__default__)
            raise TypeError("Too few arguments for %s; actual %d, expected at least %d"
                            % (alias, len(args), i + 1))


class ParamSpecArgs:
    """The args for a ParamSpec object."""

    __module__ = "typing"

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % self.__origin__.__name__

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecArgs")


class ParamSpecKwargs:
    """The kwargs for a ParamSpec object."""

    __module__ = "typing"

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.kwargs" % self.__origin__.__name__

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecKwargs")


class ParamSpec(_Variable):
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=NoDefault):
        self._name_and_module(name)
        self._set_default(default)
        self._variance(covariant, contravariant, infer_variance)
        self.__bound__ = _type_check(bound, "Bound must be a type.")

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __typing_subst__(self, arg):
        return _typing()._paramspec_subst(self, arg)

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._paramspec_prepare_subst(self, alias, args)


class TypeVarTuple(_Variable):
    """Type variable tuple."""

    def __init__(self, name, *, default=NoDefault):
        self._name_and_module(name)
        self._set_default(default)
        self._variance(False, False, False)

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield _typing().Unpack[self]

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._typevartuple_prepare_subst(self, alias, args)


class TypeAliasType:
    """Type alias (the `type X = ...` statement)."""

    __module__ = "typing"

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("TypeAliasType() argument 'name' must be str, not %s"
                            % type(name).__name__)
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        self.__dict__["__name__"] = name
        self.__dict__["__value__"] = value
        self.__dict__["__type_params__"] = type_params
        self.__dict__["__module__"] = _caller_module(2)

    __value__ = property(lambda self: _get(self, "__value__"))
    __name__ = property(lambda self: self.__dict__["__name__"])
    __type_params__ = property(lambda self: self.__dict__["__type_params__"])

    @property
    def __parameters__(self):
        params = []
        for p in self.__type_params__:
            params.extend(p if isinstance(p, TypeVarTuple) else (p,))
        return tuple(params)

    def __setattr__(self, name, value):
        if name in ("__name__", "__value__", "__type_params__", "__parameters__", "__module__"):
            raise AttributeError("readonly attribute")
        raise AttributeError("'typing.TypeAliasType' object has no attribute '%s'" % name)

    def __getitem__(self, args):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        import types
        return types.GenericAlias(self, args if isinstance(args, tuple) else (args,))

    def __repr__(self):
        return self.__name__

    def __reduce__(self):
        return self.__name__

    def __or__(self, right):
        return _typing().Union[self, right]

    def __ror__(self, left):
        return _typing().Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeAliasType")


class Generic:
    """Abstract base class for generic types."""

    __module__ = "typing"
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        return _typing()._generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        return _typing()._generic_init_subclass(cls, *args, **kwargs)


# ---- what the PEP 695 syntax calls (vm/intrinsics.c) ----

def _make_typevar(name, bound_fn=None, constraints_fn=None):
    tv = TypeVar(name, infer_variance=True)
    tv.__module__ = _caller_module(2)
    if bound_fn is not None:
        tv.__dict__["__bound__"] = _Lazy(bound_fn)
    if constraints_fn is not None:
        tv.__dict__["__constraints__"] = _Lazy(constraints_fn)
    return tv


def _make_paramspec(name):
    ps = ParamSpec(name, infer_variance=True)
    ps.__module__ = _caller_module(2)
    return ps


def _make_typevartuple(name):
    tvt = TypeVarTuple(name)
    tvt.__module__ = _caller_module(2)
    return tvt


def _set_typeparam_default(param, default_fn):
    param.__dict__["__default__"] = _Lazy(default_fn)
    return param


def _subscript_generic(params):
    params = tuple(_typing().Unpack[p] if isinstance(p, TypeVarTuple) else p for p in params)
    return _typing()._GenericAlias(Generic, params)


def _make_typealias(name, type_params, compute_value):
    alias = TypeAliasType(name, None, type_params=type_params or ())
    alias.__dict__["__value__"] = _Lazy(compute_value)
    alias.__dict__["__module__"] = _caller_module(2)
    return alias


def _set_type_params(func, params):
    func.__type_params__ = params
    return func


if _sys.version_info >= (3, 14):
    Union = type(int | str)     # 3.14: typing.Union is the type of `int | str`
