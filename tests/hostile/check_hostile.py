"""check_hostile.py -- hand-crafted hostile .pyc files, each built to break a
naive VM in one way, run by pvm.

Usage (normally through tests/run_hostile.sh):
    python3.11 tests/hostile/check_hostile.py PVM [FILTER]

Each case below is a code object built with python3.11's own compiler and
code.replace (nothing is assembled by hand that python3.11 could produce
itself), marshalled with python3.11's marshal into
build/hostile/<name>.pyc at test time.  Two kinds:

  REJECT  the loader or the bytecode verifier must refuse the file: exit
          status 1, nothing on stdout, exactly one line on stderr, which
          contains the rule (the text after the instruction, e.g.
          "constant index 135 out of range").  One case per rule of
          vm/verify.c, and a few of the loader's.
  RAISE   the file verifies (its bytecode is well formed) but hands an
          instruction a value of the wrong type, which the loop checks at
          run time: exit status 1 and the traceback's last line.

python3.11 itself segfaults on most of them.  Prints one FAIL line per
case that does not behave, then `hostile: N passed, M failed`.  Exit
status 0 when all passed, 1 when some failed, 2 when the suite could not
run.
"""
import dis
import importlib.util
import marshal
import opcode
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "hostile")

OP = dis.opmap
CACHES = opcode._inline_cache_entries


# ---- building code objects -------------------------------------------------------------

def asm(*instrs):
    """Code units from (name, arg) pairs or bare names; each opcode is
    followed by its inline cache units, as python3.11 lays them out.  A
    number instead of a name is a raw opcode byte (no caches)."""
    out = bytearray()
    for ins in instrs:
        name, arg = (ins, 0) if not isinstance(ins, tuple) else ins
        if isinstance(name, int):
            out += bytes([name, arg])
            continue
        out += bytes([OP[name], arg])
        out += b"\0\0" * CACHES[OP[name]]
    return bytes(out)


def varint(value, first):
    """The exception table's number: 6-bit groups, most significant first,
    0x40 = more follows, 0x80 on an entry's first byte."""
    groups = [value & 63]
    value >>= 6
    while value:
        groups.append(value & 63)
        value >>= 6
    groups.reverse()
    data = [g | 64 for g in groups[:-1]] + [groups[-1]]
    if first:
        data[0] |= 128
    return bytes(data)


def table(*entries):
    """co_exceptiontable from (start, end, target, depth, lasti) in code units."""
    out = bytearray()
    for start, end, target, depth, lasti in entries:
        out += varint(start, True) + varint(end - start, False)
        out += varint(target, False) + varint(depth * 2 + lasti, False)
    return bytes(out)


def module(**fields):
    """A module code object (`pass` compiled by python3.11) with fields
    replaced: co_code, co_consts, co_names, co_stacksize..."""
    return compile("pass\n", "hostile.py", "exec").replace(**fields)


def function(source, name, **fields):
    """Function `name` of source, compiled by python3.11, with fields
    replaced; returned inside a module that only holds it as a constant
    (the loader verifies every code object it reads)."""
    co = compile(source, "hostile.py", "exec")
    for c in co.co_consts:
        if hasattr(c, "co_code") and c.co_name == name:
            inner = c.replace(**fields)
            consts = tuple(inner if x is c else x for x in co.co_consts)
            return co.replace(co_consts=consts)
    raise LookupError(name)


def nested(source, outer, inner, **fields):
    """Code object `inner`, defined in function `outer`, with fields replaced."""
    co = compile(source, "hostile.py", "exec")
    for c in co.co_consts:
        if hasattr(c, "co_code") and c.co_name == outer:
            for d in c.co_consts:
                if hasattr(d, "co_code") and d.co_name == inner:
                    new_outer = c.replace(co_consts=tuple(
                        d.replace(**fields) if x is d else x for x in c.co_consts))
                    return co.replace(co_consts=tuple(
                        new_outer if x is c else x for x in co.co_consts))
    raise LookupError(inner)


def pyc(code):
    return importlib.util.MAGIC_NUMBER + b"\0" * 12 + marshal.dumps(code)


RET = ("LOAD_CONST", 0), "RETURN_VALUE"       # return None (co_consts[0] is None)
# code.replace turns a specialised opcode back into its base form, so these
# cases are built with a NOP with an unusual oparg that is then replaced
# in the marshalled bytes by the opcode the case is about (PATCHES).
PLACEHOLDER = ("NOP", 0x77)
PATCHES = {"specialised_opcode": bytes([3, 0]), "unknown_opcode": bytes([240, 0])}
START = (("RESUME", 0),)
CLOSURE = "def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n"
LOCALS = "def f(a):\n    b = a\n    return b\n"
GEN = "def g():\n    yield 1\n"
CALL = "print(1)\n"


def calls():
    """`print(1)` compiled, as a list of code units (2-byte strings)."""
    code = compile(CALL, "hostile.py", "exec").co_code
    return [code[i:i + 2] for i in range(0, len(code), 2)]


def with_unit(code, opname, replacement):
    """code (bytes) with the first unit of opname replaced."""
    for i in range(0, len(code), 2):
        if code[i] == OP[opname]:
            return code[:i] + replacement + code[i + 2:]
    raise LookupError(opname)


def call_code():
    return compile(CALL, "hostile.py", "exec")


# ---- the cases: (name, kind, build(), expected) -----------------------------------------

def verifier_cases():
    c = []
    add = lambda name, code, rule: c.append((name, "REJECT", code, rule))
    # Decoding.
    add("cache_as_instruction", module(co_code=asm(*START, "CACHE", *RET)),
        "an inline cache unit reached as an instruction")
    add("specialised_opcode", module(co_code=asm(*START, PLACEHOLDER, *RET)),
        "(opcode 3): not a Python 3.11 opcode")
    add("unknown_opcode", module(co_code=asm(*START, PLACEHOLDER, *RET)),
        "(opcode 240): not a Python 3.11 opcode")
    add("four_extended_args", module(co_code=asm(*START, ("EXTENDED_ARG", 255),
        ("EXTENDED_ARG", 255), ("EXTENDED_ARG", 255), ("EXTENDED_ARG", 255),
        ("LOAD_CONST", 255), "RETURN_VALUE")), "4 EXTENDED_ARG prefixes (at most 3)")
    add("extended_arg_wraps", module(co_code=asm(*START, ("EXTENDED_ARG", 255),
        ("EXTENDED_ARG", 255), ("EXTENDED_ARG", 255), ("LOAD_CONST", 255), "RETURN_VALUE")),
        "make an oparg of 2**31 or more")
    add("extended_arg_at_end", module(co_code=asm(*START, "NOP", ("EXTENDED_ARG", 1))),
        "EXTENDED_ARG at the end of the code")
    add("extended_arg_no_arg", module(co_code=asm(*START, ("EXTENDED_ARG", 1), "NOP", *RET)),
        "EXTENDED_ARG prefix on an opcode without an argument")
    add("truncated_caches", module(co_code=asm(*START, ("LOAD_GLOBAL", 0))[:-4],
                                   co_names=("x",)),
        "inline cache units run past the end of the code")
    # Operands.
    add("load_const_135", module(co_code=asm(*START, ("LOAD_CONST", 135), "RETURN_VALUE")),
        "constant index 135 out of range (1 constants)")
    add("load_name_no_names", module(co_code=asm(*START, ("LOAD_NAME", 0), "RETURN_VALUE")),
        "name index 0 out of range (0 names)")
    add("load_global_index", module(co_code=asm(*START, ("LOAD_GLOBAL", 3), "RETURN_VALUE"),
                                    co_names=("x",), co_stacksize=2),
        "name index 1 (oparg >> 1) out of range (1 names)")
    add("load_method_index", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_METHOD", 7),
                                                 "RETURN_VALUE"), co_stacksize=2),
        "name index 7 out of range (0 names)")
    add("load_fast_index", function(LOCALS, "f", co_code=asm(*START, ("LOAD_FAST", 9),
                                                             "RETURN_VALUE")),
        "local index 9 out of range (2 locals")
    add("store_deref_on_local", function(LOCALS, "f", co_code=asm(
        *START, ("LOAD_FAST", 0), ("STORE_DEREF", 1), *RET)),
        "slot 1 ('b') is not a cell or free variable")
    add("load_fast_on_cell", function(CLOSURE, "outer", co_code=asm(
        ("MAKE_CELL", 0), ("MAKE_CELL", 2), *START, ("LOAD_FAST", 2), "RETURN_VALUE")),
        "slot 2 ('b') is not a plain local variable")
    add("make_cell_on_local", function(LOCALS, "f", co_code=asm(("MAKE_CELL", 1), *START, *RET)),
        "slot 1 ('b') is not a cell variable")
    add("compare_op_99", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                            ("COMPARE_OP", 99), "RETURN_VALUE"),
                                co_stacksize=2), "comparison 99 out of range (0..5)")
    add("binary_op_200", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                            ("BINARY_OP", 200), "RETURN_VALUE"),
                                co_stacksize=2), "oparg 200 out of range (0..25)")
    add("is_op_2", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                      ("IS_OP", 2), "RETURN_VALUE"), co_stacksize=2),
        "oparg 2 out of range (0..1)")
    add("raise_varargs_3", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                              ("LOAD_CONST", 0), ("RAISE_VARARGS", 3)),
                                  co_stacksize=3), "oparg 3 out of range (0..2)")
    add("build_slice_4", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                            ("BUILD_SLICE", 4), "RETURN_VALUE"),
                                co_stacksize=2), "oparg 4 out of range (2..3)")
    add("make_function_16", module(co_code=asm(*START, ("LOAD_CONST", 0),
                                               ("MAKE_FUNCTION", 16), "RETURN_VALUE")),
        "oparg 16 out of range (0..15)")
    add("format_value_8", module(co_code=asm(*START, ("LOAD_CONST", 0),
                                             ("FORMAT_VALUE", 8), "RETURN_VALUE")),
        "oparg 8 out of range (0..7)")
    add("resume_5", module(co_code=asm(("RESUME", 5), *RET)), "oparg 5 out of range (0..3)")
    add("swap_0", module(co_code=asm(*START, ("LOAD_CONST", 0), ("SWAP", 0), "RETURN_VALUE")),
        "oparg 0 out of range (1..2147483647)")
    add("list_append_0", module(co_code=asm(*START, ("BUILD_LIST", 0), ("LOAD_CONST", 0),
                                            ("LIST_APPEND", 0), "RETURN_VALUE"),
                                co_stacksize=2), "oparg 0 out of range (1..2147483647)")
    add("kw_names_not_tuple", module(co_code=asm(*START, "PUSH_NULL", ("LOAD_CONST", 0),
        ("LOAD_CONST", 0), ("KW_NAMES", 0), ("PRECALL", 1), ("CALL", 1), "RETURN_VALUE"),
        co_stacksize=3), "co_consts[0] is a NoneType, not a tuple of str")
    add("kw_names_too_many", module(co_code=asm(*START, "PUSH_NULL", ("LOAD_CONST", 0),
        ("KW_NAMES", 1), ("PRECALL", 0), ("CALL", 0), "RETURN_VALUE"),
        co_consts=(None, ("a", "b")), co_stacksize=2),
        "2 keyword names for a call with 0 arguments")
    # Jumps.
    add("jump_outside", module(co_code=asm(*START, ("JUMP_FORWARD", 100), *RET)),
        "jump target 204 outside the code")
    add("jump_into_caches", module(co_code=asm(*START, ("LOAD_GLOBAL", 0), "POP_TOP",
                                               ("JUMP_BACKWARD", 6), *RET), co_names=("x",)),
        "jump target 6 inside an instruction")
    add("jump_into_prologue", function(GEN, "g", co_code=asm(
        "RETURN_GENERATOR", "POP_TOP", *START, ("JUMP_BACKWARD", 4))),
        "jump target 0 in the prologue")
    add("jump_onto_call", calls_jumping_onto_call(), "a CALL, which only its PRECALL may reach")
    # The stack.
    add("pop_top_at_0", module(co_code=asm(*START, "POP_TOP", *RET)),
        "stack underflow: needs 1 items, has 0")
    add("build_list_127", module(co_code=asm(*START, *(("LOAD_CONST", 0),) * 8,
                                             ("BUILD_LIST", 127), "RETURN_VALUE"),
                                 co_stacksize=8), "stack underflow: needs 127 items, has 8")
    add("pushes_past_stacksize", module(co_code=asm(*START, *(("LOAD_CONST", 0),) * 5000,
                                                    "RETURN_VALUE"), co_stacksize=1),
        "stack overflow: 2 items > co_stacksize 1")
    add("lying_stacksize_0", module(co_code=asm(*START, *RET), co_stacksize=0),
        "stack overflow: 1 items > co_stacksize 0")
    add("depth_mismatch", module(co_code=asm(*START, ("LOAD_CONST", 0),
        ("POP_JUMP_FORWARD_IF_TRUE", 1), ("LOAD_CONST", 0), *RET), co_stacksize=2),
        "stack depth 0 on one path, 1 on another")
    add("falls_off_the_end", module(co_code=asm(*START, "NOP")),
        "execution falls off the end of the code")
    # A call's NULL (PUSH_NULL, LOAD_GLOBAL's low bit, LOAD_METHOD) is an
    # item only the call may take; SWAP and COPY move it anywhere.
    null = "from the top may be a call's NULL"
    add("null_into_binary_op", module(co_code=asm(*START, "PUSH_NULL", ("LOAD_CONST", 0),
                                                  ("BINARY_OP", 0), "RETURN_VALUE"),
                                      co_stacksize=2), "(BINARY_OP 0): stack item 2 " + null)
    add("null_swapped_into_compare", module(co_code=asm(
        *START, "PUSH_NULL", ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("SWAP", 3),
        ("COMPARE_OP", 2), "POP_TOP", *RET), co_stacksize=3),
        "(COMPARE_OP 2): stack item 1 " + null)
    add("null_copied_into_store_fast", function(LOCALS, "f", co_code=asm(
        *START, ("LOAD_GLOBAL", 1), ("COPY", 2), ("STORE_FAST", 1), "POP_TOP", "POP_TOP",
        *RET), co_names=("print",), co_stacksize=3), "(STORE_FAST 1): stack item 1 " + null)
    add("null_returned", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_METHOD", 0),
                                            "POP_TOP", "RETURN_VALUE"),
                                co_names=("x",), co_stacksize=2),
        "(RETURN_VALUE): stack item 1 " + null)
    add("null_on_one_path", module(co_code=asm(
        *START, ("LOAD_CONST", 0), ("LOAD_CONST", 0), ("POP_JUMP_FORWARD_IF_TRUE", 2),
        "POP_TOP", "PUSH_NULL", "RETURN_VALUE"), co_stacksize=2),
        "(RETURN_VALUE): stack item 1 " + null)
    # Deep stacks: more NULL slots than the verifier's first scratch holds
    # (its spread grows, and its list nodes move to the heap).  Two SWAPs
    # over 70 NULLs bring the bottom one back to the top; at a join, the
    # NULL the SWAP brings up comes only from the path that arrives second.
    add("null_swapped_deep", module(co_code=asm(
        *START, *["PUSH_NULL"] * 70, ("SWAP", 70), ("SWAP", 70), "POP_TOP",
        ("LOAD_CONST", 0), ("RERAISE", 0)), co_stacksize=71),
        "(POP_TOP): stack item 1 " + null)
    add("null_joined_deep", module(co_code=asm(
        *START, ("LOAD_CONST", 0), ("POP_JUMP_FORWARD_IF_TRUE", 71),
        "PUSH_NULL", ("LOAD_CONST", 0), *[("LOAD_CONST", 0), "PUSH_NULL"] * 34,
        ("JUMP_FORWARD", 70),
        "PUSH_NULL", "PUSH_NULL", *["PUSH_NULL", ("LOAD_CONST", 0)] * 34,
        ("SWAP", 69), "POP_TOP", ("LOAD_CONST", 0), ("RERAISE", 0)), co_stacksize=70),
        "(POP_TOP): stack item 1 " + null)
    # The exception table.
    base = asm(*START, "NOP", *RET)
    add("handler_outside", module(co_code=base, co_exceptiontable=table((1, 2, 99, 0, 0))),
        "target outside the code")
    add("handler_inside_instruction", module(co_code=asm(*START, ("LOAD_GLOBAL", 0), "POP_TOP",
                                                         *RET), co_names=("x",),
                                             co_exceptiontable=table((7, 8, 2, 0, 0))),
        "target inside an instruction")
    add("range_past_end", module(co_code=base, co_exceptiontable=table((1, 40, 2, 0, 0))),
        "range ends past the end of the code")
    add("handler_too_deep", module(co_code=base, co_exceptiontable=table((1, 2, 2, 5, 1))),
        "handler stack of 7 items > co_stacksize 1")
    add("overlapping_entries", module(co_code=base, co_exceptiontable=table(
        (1, 3, 2, 0, 0), (2, 3, 2, 0, 0))), "overlaps or precedes the entry before it")
    add("truncated_table", module(co_code=base, co_exceptiontable=b"\x81\x41"),
        "truncated, or a number too large")
    add("handler_keeps_more", module(co_code=asm(*START, ("LOAD_CONST", 0), "POP_TOP", *RET),
                                     co_stacksize=2,
                                     co_exceptiontable=table((2, 3, 1, 1, 0))),
        "keeps 1 stack items, but only 0 remain when it raises")
    # Loops: every cycle passes a checked back edge or a yield, else neither
    # Ctrl-C nor anything else could stop it.
    add("loop_without_safe_point", module(co_code=asm(*START, "NOP",
        ("JUMP_BACKWARD_NO_INTERRUPT", 2), *RET)), "a loop that never passes a safe point")
    add("handler_loop", module(co_code=asm(*START, ("JUMP_FORWARD", 1), "POP_TOP",
                                            ("LOAD_NAME", 0), "POP_TOP", *RET),
                               co_names=("x",), co_exceptiontable=table((3, 4, 2, 0, 0))),
        "a loop that never passes a safe point")
    # Calls and the prologue.
    units = calls()
    add("call_without_precall", call_code().replace(co_code=with_unit(
        b"".join(units), "PRECALL", asm("NOP", "NOP")[:2]).replace(
            asm("NOP") + b"\0\0" + bytes([OP["CALL"]]), asm("NOP", "NOP") + bytes([OP["CALL"]]))),
        "not preceded by PRECALL 1")
    add("precall_call_mismatch", call_code().replace(co_code=with_unit(
        b"".join(units), "CALL", bytes([OP["CALL"], 2]))), "not followed by CALL 1")
    add("kw_names_alone", module(co_code=asm(*START, ("KW_NAMES", 1), *RET),
                                 co_consts=(None, ("a",))), "not followed by PRECALL")
    add("return_generator_in_function", module(co_code=asm("RETURN_GENERATOR", "POP_TOP",
                                                           *START, *RET)),
        "outside the prologue at the start of the code")
    add("generator_without_prologue", function(GEN, "g", co_code=asm(*START, *RET)),
        "does not start with RETURN_GENERATOR")
    add("yield_outside_generator", module(co_code=asm(*START, ("LOAD_CONST", 0),
                                                      "YIELD_VALUE", "RETURN_VALUE")),
        "outside generator or coroutine code")
    add("cell_never_made", function(CLOSURE, "outer", co_code=asm(
        ("MAKE_CELL", 0), *START, *RET)), "leaves cell variable slot 2 ('b') without a cell")
    add("free_vars_not_copied", nested(CLOSURE, "outer", "inner", co_code=asm(*START, *RET)),
        "leaves free variable slot 0 ('a') without a cell")
    add("resume_2_alone", module(co_code=asm(("RESUME", 2), *RET)),
        "outside the `yield from` loop")
    add("send_without_yield", module(co_code=asm(*START, ("LOAD_CONST", 0), ("LOAD_CONST", 0),
                                                 ("SEND", 1), "POP_TOP", *RET),
                                     co_stacksize=2), "not the `yield from` loop")
    return c


def calls_jumping_onto_call():
    """print(1) with a jump over the PRECALL, onto the CALL."""
    co = call_code()
    units = calls()
    i = next(k for k, u in enumerate(units) if u[0] == OP["PRECALL"])
    # LOAD_CONST 1 (the argument) becomes JUMP_FORWARD over it and the PRECALL
    # (and its cache): the stack no longer matters, the target is refused first.
    j = next(k for k, u in enumerate(units) if u[0] == OP["LOAD_CONST"] and k < i)
    units[j] = bytes([OP["JUMP_FORWARD"], i - j + 1])
    return co.replace(co_code=b"".join(units))


def loader_cases():
    c = []
    add = lambda name, data, rule: c.append((name, "REJECT_BYTES", data, rule))
    magic = importlib.util.MAGIC_NUMBER + b"\0" * 12
    # A tuple that contains itself: '(' with FLAG_REF, one item, a reference to slot 0.
    add("self_referencing_tuple", magic + b"\xa9\x01r\x00\x00\x00\x00",
        "reference 0 to an object still being built")
    add("huge_tuple_count", magic + b"(\xff\xff\xff\x7f", "truncated file")
    # A code object whose co_consts holds the code object itself.
    data = bytearray(marshal.dumps(module()))
    data[0] |= 0x80                             # the code object is reference 0
    at = data.index(b")\x01N")                  # co_consts = (None,)
    add("code_in_its_own_consts", magic + bytes(data[:at]) + b")\x01r\x00\x00\x00\x00"
        + bytes(data[at + 3:]), "reference 0 to an object still being built")
    return c


def runtime_cases():
    """Well-formed bytecode that gives an instruction a value of the wrong
    type: the loop's checks (vm/eval.c) raise SystemError."""
    c = []
    add = lambda name, code, last: c.append((name, "RAISE", code, last))
    add("list_append_onto_none", module(co_code=asm(*START, ("LOAD_CONST", 0),
        ("LOAD_CONST", 0), ("LIST_APPEND", 1), "RETURN_VALUE"), co_stacksize=2),
        "SystemError: LIST_APPEND: expected list, got NoneType")
    add("pop_except_not_exception", module(co_code=asm(*START, ("LOAD_CONST", 1),
        "POP_EXCEPT", *RET), co_consts=(None, 5)),
        "SystemError: POP_EXCEPT: expected an exception or None, got int")
    add("make_function_of_int", module(co_code=asm(*START, ("LOAD_CONST", 1),
        ("MAKE_FUNCTION", 0), "RETURN_VALUE"), co_consts=(None, 5)),
        "SystemError: MAKE_FUNCTION: expected code, got int")
    add("build_string_of_int", module(co_code=asm(*START, ("LOAD_CONST", 1), ("LOAD_CONST", 1),
        ("BUILD_STRING", 2), "RETURN_VALUE"), co_consts=(None, 5), co_stacksize=2),
        "SystemError: BUILD_STRING: expected str, got int")
    add("const_key_map_bad_keys", module(co_code=asm(*START, ("LOAD_CONST", 1),
        ("LOAD_CONST", 1), ("BUILD_CONST_KEY_MAP", 1), "RETURN_VALUE"),
        co_consts=(None, 5), co_stacksize=2),
        "SystemError: bad BUILD_CONST_KEY_MAP keys argument")
    # Code objects made at run time go through the verifier too: code.replace
    # (and types.CodeType) refuse bad bytecode with ValueError.
    add("code_replace_verified", compile(CODE_REPLACE, "hostile.py", "exec"),
        "constant index 135 out of range (2 constants)")
    return c


# RESUME 0; LOAD_CONST 135; RETURN_VALUE, as the code of `lambda: 0`
# (whose co_consts is (None, 0)); the program ends with the rule's text.
CODE_REPLACE = """
f = lambda: 0
try:
    f.__code__.replace(co_code=bytes([%d, 0, %d, 135, %d, 0]))
except ValueError as e:
    raise SystemExit(str(e).split(": ")[-1])
raise SystemExit("code.replace accepted bad bytecode")
""" % (OP["RESUME"], OP["LOAD_CONST"], OP["RETURN_VALUE"])


# ---- running them ----------------------------------------------------------------------

def run(pvm, path):
    try:
        p = subprocess.run([pvm, path], stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=10, cwd=BUILD)
    except subprocess.TimeoutExpired:
        return None
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(kind, expected, result):
    """None when the result is right, else what is wrong."""
    if result is None:
        return "still running after 10 s"
    status, out, err = result
    lines = err.rstrip("\n").split("\n")
    if status != 1:
        return "exit status %d, expected 1 (stderr: %s)" % (status, err.strip()[-300:])
    if kind == "RAISE":
        return None if lines[-1] == expected else "last line %r, expected %r" % (lines[-1],
                                                                                 expected)
    if out:
        return "printed on stdout: %r" % out[:200]
    if len(lines) != 1:
        return "%d lines on stderr, expected 1: %r" % (len(lines), err[:300])
    if expected not in lines[0]:
        return "got %r, expected the rule %r" % (lines[0], expected)
    return None


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    pvm, pattern = os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) == 3 else ""
    if not os.access(pvm, os.X_OK):
        print("hostile: %s is not an executable" % pvm)
        return 2
    os.makedirs(BUILD, exist_ok=True)
    cases = [c for c in verifier_cases() + loader_cases() + runtime_cases() if pattern in c[0]]
    if not cases:
        print("hostile: no case matches %r" % pattern)
        return 2
    failed = 0
    for name, kind, built, expected in cases:
        path = os.path.join(BUILD, name + ".pyc")
        data = built if kind == "REJECT_BYTES" else pyc(built)
        if name in PATCHES:
            data = data.replace(asm(PLACEHOLDER), PATCHES[name])
        with open(path, "wb") as f:
            f.write(data)
        why = check("RAISE" if kind == "RAISE" else "REJECT", expected, run(pvm, path))
        if why:
            failed += 1
            print("FAIL %s: %s" % (name, why))
    print("hostile: %d passed, %d failed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
