#!/usr/bin/env python3.11
"""signatures_gen.py — writes runtime/signatures.h: the __text_signature__
and the __doc__ that python3.11 gives builtin types, functions, methods and
slot wrappers, which inspect.signature, help() and doctest read.

CPython keeps a builtin's signature at the top of its docstring
("list(iterable=(), /)\\n--\\n\\n..."); pvm's C code keeps neither, so both
come from python3.11 itself:

  slot_signatures   slot wrapper name -> (text signature, doc), as
                    Objects/typeobject.c's slotdefs give them to every type
  type_signatures   builtin type name (tp_name) -> (its text signature, its
                    doc), sorted for bsearch
  builtin_signatures  "module.function" or "type.method" -> (the text
                    signature, the doc) of a builtin function or method
                    descriptor ("builtins.len": "($module, obj, /)"),
                    sorted for bsearch

Run: python3.11 runtime/signatures_gen.py > runtime/signatures.h
"""
import builtins, importlib, itertools, types

MODULES = ["builtins", "types", "itertools", "_io", "_queue", "_bz2", "_collections",
           "_functools", "_operator", "_struct", "_thread", "_sre", "_random", "_pickle"]
FUNCTION_MODULES = ["builtins", "math", "_operator", "_functools", "_struct", "_bisect",
                    "_heapq", "sys", "time", "_io", "_collections", "itertools", "_thread",
                    "_random", "_codecs", "_string", "_weakref", "_warnings", "gc", "marshal",
                    "atexit", "errno", "_abc", "_json", "_sre", "_stat", "binascii", "zlib",
                    "_signal", "select", "posix", "cmath", "unicodedata", "_contextvars", "_pickle"]


def c_string(s):
    if s is None:
        return "NULL"
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    kinds = set()
    typelist = []
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, type) and value not in typelist:
                typelist.append(value)
    slots = {}
    for t in typelist:
        for key, value in vars(t).items():
            if type(value).__name__ == "wrapper_descriptor" and value.__text_signature__:
                slots.setdefault(key, (value.__text_signature__, value.__doc__))
    print("/* signatures.h — made by runtime/signatures_gen.py from python3.11: do not edit. */")
    print("static const struct { const char *name, *signature, *doc; } slot_signatures[] = {")
    for key in sorted(slots):
        signature, doc = slots[key]
        print("    {%s, %s, %s}," % (c_string(key), c_string(signature), c_string(doc)))
    print("};")
    print()
    print("static const struct { const char *name, *signature, *doc; } type_signatures[] = {")
    types = {}
    for t in typelist:
        signature = t.__text_signature__
        if signature is not None and "\n" in signature:
            signature = None
        doc = t.__doc__ if isinstance(t.__doc__, str) else None
        name = t.__name__ if t.__module__ == "builtins" else t.__module__ + "." + t.__name__
        if signature or doc:
            types.setdefault(name, (signature, doc))
    for name in sorted(types):
        print("    {%s, %s, %s}," % (c_string(name), c_string(types[name][0]),
                                   c_string(types[name][1])))
    print("};")
    print()
    functions = {}
    for name in FUNCTION_MODULES:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            if type(value).__name__ == "builtin_function_or_method" and (
                    value.__text_signature__ or value.__doc__):
                functions["%s.%s" % (name, key)] = (value.__text_signature__, value.__doc__)
    for t in typelist:
        prefix = t.__name__ if t.__module__ == "builtins" else t.__module__ + "." + t.__name__
        for key, value in vars(t).items():
            kind = type(value).__name__
            if kind == "staticmethod":
                value = value.__func__
            if kind in ("method_descriptor", "classmethod_descriptor", "staticmethod",
                        "builtin_function_or_method") and (
                            getattr(value, "__text_signature__", None) or value.__doc__):
                functions.setdefault("%s.%s" % (prefix, key),
                                     (getattr(value, "__text_signature__", None), value.__doc__))
    print("static const struct { const char *name, *signature, *doc; } builtin_signatures[] = {")
    for key in sorted(functions):
        print("    {%s, %s, %s}," % (c_string(key), c_string(functions[key][0]),
                                   c_string(functions[key][1])))
    print("};")


main()
