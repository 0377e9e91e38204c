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

Later versions (3.12, 3.13, 3.14) word some of these differently or add
some: each python runs this script (--json OUT) and the entries where it
differs from python3.11 (or has one python3.11 lacks, or lacks one) become
that version's delta tables, *_signatures_<minor>, which the lookups
(runtime/slots.c) consult first.

Run: python3.11 runtime/signatures_gen.py PY312 PY313 PY314 > runtime/signatures.h
(PY314: tools/python314/python3.14, pyodide in node)
"""
import importlib, json, os, subprocess, sys, tempfile

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


def collect():
    """(slots, types, functions): name -> (text signature, doc) of this python."""
    typelist = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and value not in typelist:
                typelist.append(value)
    slots = {}
    for t in typelist:
        for key, value in vars(t).items():
            if type(value).__name__ == "wrapper_descriptor" and value.__text_signature__:
                slots.setdefault(key, (value.__text_signature__, value.__doc__))
    types = {}
    for t in typelist:
        signature = t.__text_signature__
        if signature is not None and "\n" in signature:
            signature = None
        doc = t.__doc__ if isinstance(t.__doc__, str) else None
        name = t.__name__ if t.__module__ == "builtins" else t.__module__ + "." + t.__name__
        if signature or doc:
            types.setdefault(name, (signature, doc))
    functions = {}
    for name in FUNCTION_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
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
    return slots, types, functions


def emit(table, entries, end=False):
    """entries sorted by name (for bsearch); end: a last {NULL} (never empty)."""
    print("static const SignatureEntry %s[] = {" % table)
    for key in sorted(entries):
        signature, doc = entries[key]
        print("    {%s, %s, %s}," % (c_string(key), c_string(signature), c_string(doc)))
    if end:
        print("    {NULL, NULL, NULL},")
    print("};")


def delta(mine, theirs):
    """Their entries that are not mine; (None, None) for one they lack."""
    out = {k: tuple(v) for k, v in theirs.items() if tuple(v) != mine.get(k)}
    out.update({k: (None, None) for k in mine if k not in theirs})
    return out


def answered_json(collect):
    """Whether this run was a later python's `--json OUT`, which writes what
    collect() gives to OUT; otherwise (python3.11's run) false."""
    if sys.argv[1:2] != ["--json"]:
        assert sys.version_info[:2] == (3, 11), "run with python3.11"
        return False
    with open(sys.argv[2], "w") as f:
        json.dump(collect(), f)
    return True


def theirs(pythons, script):
    """(minor version, what its collect() gives) of each python, which runs
    script --json."""
    with tempfile.TemporaryDirectory() as tmp:
        for python in pythons:
            out = os.path.join(tmp, "out.json")
            version = subprocess.run([python, "-c", "import sys; print(sys.version_info[1])"],
                                     check=True, capture_output=True, text=True).stdout.strip()
            subprocess.run([python, os.path.abspath(script), "--json", out], check=True)
            with open(out) as f:
                yield version, json.load(f)


def main():
    if answered_json(collect):
        return
    tables = ("slot_signatures", "type_signatures", "builtin_signatures")
    mine = collect()
    print("/* signatures.h — made by runtime/signatures_gen.py from python3.11 (and the deltas of")
    print(" * later versions): do not edit. */")
    print("typedef struct SignatureEntry { const char *name, *signature, *doc; } SignatureEntry;")
    for table, entries in zip(tables, mine):
        emit(table, entries)
        print()
    counts = []
    for version, their_tables in theirs(sys.argv[1:], __file__):
        counts.append([])
        for table, m, t in zip(tables, mine, their_tables):
            d = delta(m, t)
            emit("%s_%s" % (table, version), d, end=True)
            counts[-1].append(("%s_%s" % (table, version), len(d)))
        print()
    print("/* Each later version's deltas, by minor version from 12. */")
    print("typedef struct SignatureDelta { const SignatureEntry *entries; size_t n; } SignatureDelta;")
    for i, table in enumerate(tables):
        print("static const SignatureDelta %s_delta[] = {" % table)
        for version in counts:
            print("    {%s, %d}," % version[i])
        print("};")


if __name__ == "__main__":
    main()
