#!/usr/bin/env python3.11
"""structseq_docs_gen.py — writes runtime/structseq_docs.h: the __doc__ of
each named field of the struct sequences CPython makes in C
(os.stat_result.st_mode.__doc__ == 'protection bits'), which pvm's field
descriptors (runtime/structseq.c) give back.

The table maps "type.field", the type named as its tp_name
("os.stat_result", "sys.flags", "asyncgen_hooks"), to the text, sorted for
bsearch.  Later versions add fields (sys.flags.gil in 3.13) but have not
reworded any: each python given runs this script (--json OUT), and its
entries for types python3.11 has join the table; a text that differs from
python3.11's stops the script, as the table has room for one.

Run: python3.11 runtime/structseq_docs_gen.py PY312 PY313 PY314 > runtime/structseq_docs.h
(PY314: tools/python314/python3.14, pyodide in node)
"""
import importlib, sys
from signatures_gen import answered_json, c_string, theirs

MODULES = ["os", "posix", "time", "sys", "pwd", "grp", "resource", "spwd", "_lsprof", "signal"]


def unraisable_hook_args():
    """sys.unraisablehook's argument type, which no module names."""
    got = []
    old, sys.unraisablehook = sys.unraisablehook, got.append

    class Raises:
        def __del__(self):
            raise ValueError

    Raises()
    sys.unraisablehook = old
    return type(got[0])


def collect():
    """'type.field' -> doc of this python's struct-sequence fields."""
    found = [type(sys.get_asyncgen_hooks()), unraisable_hook_args()]
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for value in list(vars(module).values()):
            t = value if isinstance(value, type) else type(value)
            if issubclass(t, tuple) and hasattr(t, "n_fields") and t not in found:
                found.append(t)
    docs = {}
    for t in found:
        name = t.__name__ if t.__module__ == "builtins" else t.__module__ + "." + t.__name__
        for key, value in vars(t).items():
            if type(value).__name__ == "member_descriptor" and value.__doc__:
                docs[name + "." + key] = value.__doc__
    return docs


def main():
    if answered_json(collect):
        return
    docs = collect()
    types = {key.rsplit(".", 1)[0] for key in docs}
    for version, their_docs in theirs(sys.argv[1:], __file__):
        for key, doc in their_docs.items():
            if key.rsplit(".", 1)[0] not in types:
                continue                    # a type pvm does not make (sys._emscripten_info)
            assert docs.setdefault(key, doc) == doc, (version, key, doc, docs[key])
    print("/* structseq_docs.h — made by runtime/structseq_docs_gen.py from python3.11 (and the")
    print(" * fields later versions add): do not edit. */")
    print("typedef struct StructSeqDoc { const char *name, *doc; } StructSeqDoc;")
    print("static const StructSeqDoc structseq_docs[] = {")
    for key in sorted(docs):
        print("    {%s, %s}," % (c_string(key), c_string(docs[key])))
    print("};")


main()
