"""compile_service.py -- the Python half of pvm's compile service.

pvm has no compiler of its own.  When a program needs source compiled
(compile(), exec()/eval() of a string, `pvm -c`, a .py file without
up-to-date cached bytecode, the interactive prompt), pvm starts this
program once, in a co-process of python3.11 run isolated (-I -S: no site,
no user site, PYTHON* variables ignored), and asks it over a pair of pipes.
It only compiles: nothing it receives is ever run.  It ends when its stdin
reaches end of file, i.e. when pvm ends.  loader/compile.c is the other
half and explains the protocol; in short (integers are little-endian):

  request  u32 n, then n fields, each a u32 length and that many bytes:
             op        b"compile"; b"script" (a program python3.11 would read
                       from a file or stdin: see script_error); or
                       b"interactive" (the lines typed at the prompt)
             mode      b"exec", b"eval" or b"single"
             flags     compile()'s flags, in decimal, __future__ bits merged;
                       then, unless they are the defaults, ":FEATURE:DIGITS":
                       compile()'s _feature_version (-1 for none) and pvm's
                       sys.get_int_max_str_digits()
             optimize  0, 1 or 2, in decimal
             filename  UTF-8
             kind      b"str" (compile the text: a coding cookie is ignored),
                       b"bytes" (compile the bytes: the cookie counts) or
                       b"ast" (source is an AST in plain form, marshalled:
                       see plain_tree)
             source    the source, UTF-8 for kind str
             pyc       the header wanted: b"" (any), b"timestamp MTIME SIZE",
                       or b"hash CHECKED" (CHECKED 0 or 1; PEP 552)
             error     b"" or b"CATEGORY\nLINENO\nMESSAGE": that warning is
                       an error this time (see below)
             For op b"tokenize" (_tokenize.TokenizerIter), mode is
             b"extra" for extra_tokens, filename the encoding of a bytes
             source (empty for a str), and the reply is
             ("tokens", tokens, error, warnings): the tokens' tuples and
             what ended them early (an "error" tuple, or None).
  reply    u32 length, then marshal.dumps of one tuple:
             ("code", pyc, warnings)    pyc: a complete .pyc image -- exactly
                                        what importlib would write for it
             ("ast", tree, warnings)    flags had ast.PyCF_ONLY_AST: the
                                        tree in plain form (plain_tree)
             ("incomplete", warnings)   op interactive: the input needs more
                                        lines (codeop's verdict)
             ("error", type name, args, location, warnings)
                                        what compile() raised: its class
                                        name and args; for a SyntaxError the
                                        location is (msg, filename, lineno,
                                        offset, text, end_lineno, end_offset)
                                        (the attributes, which CPython does
                                        not always put in args), else None
           warnings is a tuple of the warnings the compiler issued, in
           order, each (category name, message, filename, lineno): they are
           all recorded here, whatever python3.11's filters would say, and
           pvm sends each through its own filters (-W, warnings.filters), as
           CPython's compiler sends them through the running program's.
           When a filter makes one an error, CPython's compiler stops and
           raises a SyntaxError in its place; pvm then asks again with that
           warning in the error field, and the reply is that SyntaxError.

Before the first request it sends, unasked, ("hello", magic) with the
magic number of the .pyc files it writes, so pvm can check the version.

Run with -c (__name__ "__main__") it serves its stdin and stdout.  Loaded
under another name it only defines its functions: tools/python314's compile
server (CPython 3.14 in node, which has no pipes to read from and starts in
seconds) runs it that way, once for many pvm processes, and asks
hello_frame() and serve_request() for each connection's frames.
"""
import builtins
import marshal
import os
import sys
import warnings
from importlib import _bootstrap_external as external    # frozen: no cost
import _imp


def read_exact(n):
    """n bytes from stdin, or None at end of file."""
    data = bytearray()
    while len(data) < n:
        chunk = os.read(0, n - len(data))
        if not chunk:
            return None
        data += chunk
    return bytes(data)


def read_request():
    """The fields of one request, or None when pvm has gone."""
    head = read_exact(4)
    if head is None:
        return None
    fields = []
    for _ in range(int.from_bytes(head, "little")):
        size = read_exact(4)
        field = read_exact(int.from_bytes(size, "little")) if size else None
        if field is None:
            return None
        fields.append(field)
    return fields


def request_fields(data):
    """The fields of one request received whole (as serve_request is given it)."""
    count, at, fields = int.from_bytes(data[:4], "little"), 4, []
    for _ in range(count):
        size = int.from_bytes(data[at:at + 4], "little")
        fields.append(data[at + 4:at + 4 + size])
        at += 4 + size
    return fields


def frame(reply):
    """A reply as it is sent: its length, then its marshal data."""
    data = marshal.dumps(reply)
    return len(data).to_bytes(4, "little") + data


def send(reply):
    view = memoryview(frame(reply))
    while view:
        view = view[os.write(1, view):]


def pyc_image(code, header, source):
    """The .pyc importlib writes for this code (py_compile writes the same)."""
    words = header.split()
    if words and words[0] == b"hash":
        # the key importlib passes (_RAW_MAGIC_NUMBER, which 3.14 renamed)
        key = int.from_bytes(external.MAGIC_NUMBER, "little")
        source_hash = _imp.source_hash(key, source)
        return external._code_to_hash_pyc(code, source_hash, words[1] == b"1")
    if words and words[0] == b"timestamp":
        return external._code_to_timestamp_pyc(code, int(words[1]), int(words[2]))
    return external._code_to_timestamp_pyc(code)


def interactive(source, filename, flags):
    """The lines typed at the prompt so far: a code object, or None when
    the statement is not finished -- the verdict of codeop, CPython's own
    rule for this (compile once as it is and once with a newline added;
    "incomplete input" means: ask for more)."""
    import codeop
    compiler = codeop.CommandCompiler()
    compiler.compiler.flags |= flags
    try:
        return compiler(source, filename, "single")
    except SyntaxError:
        # 3.11's codeop reports the error of a compile that still allows
        # incomplete input ("incomplete input"); the REPL reports what the
        # lines typed, each ended by its newline, give (as codeop does
        # from 3.12 on).
        return compile(source + "\n", filename, "single", flags, True)


def script_error(exc, source, filename):
    """python3.11 reads a script, or a program on stdin, with its file
    tokenizer, which reports a few errors unlike compile() does: a source
    that is not UTF-8 and declares no encoding, or declares one that does
    not exist, is one message without a location; an indented block (or
    except/finally) missing at the very end of the file has its column at
    0 -- the end-of-file token's column when reading a file.  This returns
    the error python3.11 would report for `exc`, compile()'s.  (The file
    tokenizer's treatment of a NUL byte is not reproduced.)"""
    encoding = encoding_error(source, filename)
    if encoding is not None:
        return encoding
    if isinstance(exc, SyntaxError) and exc.text is not None and (
            exc.msg.startswith("expected an indented block") or
            exc.msg == "expected 'except' or 'finally' block"):
        rest = source.split(b"\n")[exc.lineno:]
        if exc.offset == len(exc.text.rstrip("\n")) + 1 and not b"".join(rest).strip():
            exc.offset = 0
    return exc


def encoding_error(source, filename):
    """The file tokenizer's own encoding errors (Parser/tokenizer.c), or None."""
    import codecs, re
    bom = source.startswith(b"\xef\xbb\xbf")
    lines = source[3 if bom else 0:].split(b"\n")
    cookie = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
    match = cookie.match(lines[0])
    if match is None and len(lines) > 1 and re.match(rb"^[ \t\f]*(?:[#\r]|$)", lines[0]):
        match = cookie.match(lines[1])
    if match is not None:
        name = normal_encoding_name(match.group(1).decode("latin-1"))
        if bom and name != "utf-8":
            return SyntaxError("encoding problem: %s with BOM" % name)
        try:
            codecs.lookup(name)
        except LookupError:
            return SyntaxError("encoding problem: %s" % name)
        return None
    for number, line in enumerate(lines, 1):
        bad = first_invalid_utf8(line)
        if bad is not None:
            return SyntaxError("Non-UTF-8 code starting with '\\x%.2x' in file %s on line %d, "
                               "but no encoding declared; see https://peps.python.org/pep-0263/ "
                               "for details" % (bad, filename, number))
    return None


def normal_encoding_name(name):
    """get_normal_name() of Parser/tokenizer.c."""
    low = name[:12].lower().replace("_", "-")
    if low == "utf-8" or low.startswith("utf-8-"):
        return "utf-8"
    for latin in ("latin-1", "iso-8859-1", "iso-latin-1"):
        if low == latin or low.startswith(latin + "-"):
            return "iso-8859-1"
    return name


def first_invalid_utf8(line):
    """The first byte the tokenizer's valid_utf8() rejects, or None."""
    i = 0
    while i < len(line):
        byte = line[i]
        if byte < 0x80:
            i += 1
            continue
        need = 1 if 0xC2 <= byte < 0xE0 else 2 if 0xE0 <= byte < 0xF0 else 3 if 0xF0 <= byte < 0xF5 else 0
        tail = line[i + 1:i + 1 + need]
        if need == 0 or len(tail) < need or any(not 0x80 <= b < 0xC0 for b in tail):
            return byte
        # overlong forms, surrogates (ED A0..BF) and code points past U+10FFFF
        second = tail[0]
        if ((byte == 0xE0 and second < 0xA0) or (byte == 0xED and second >= 0xA0) or
                (byte == 0xF0 and second < 0x90) or (byte == 0xF4 and second >= 0x90)):
            return byte
        i += 1 + need
    return None


def plain(value):
    """An exception argument marshal can carry (repr of anything else)."""
    if type(value) is tuple:
        return tuple(plain(item) for item in value)
    if value is None or type(value) in (str, int, bytes, bool, float):
        return value
    return repr(value)


def error_reply(exc):
    location = None
    if isinstance(exc, SyntaxError):
        location = plain((exc.msg, exc.filename, exc.lineno, exc.offset, exc.text,
                          exc.end_lineno, exc.end_offset))
    return ("error", type(exc).__name__, plain(exc.args), location)


def plain_tree(value):
    """An AST as plain data marshal carries (modules/ast.c reads it): a
    node is ("ClassName", its _fields' values..., its _attributes'
    values...), an attribute a node lacks ("<missing>",), a list a list, a
    tuple ("()", items...); anything else stays itself."""
    import _ast
    if isinstance(value, _ast.AST):
        cls = next(c for c in type(value).__mro__ if c.__module__ == "ast")
        names = cls._fields + cls._attributes
        return (cls.__name__,) + tuple(
            plain_tree(getattr(value, n)) if hasattr(value, n) else ("<missing>",)
            for n in names)
    if isinstance(value, list):
        return [plain_tree(item) for item in value]
    if isinstance(value, tuple):
        return ("()",) + tuple(plain_tree(item) for item in value)
    return value


def from_plain_tree(value):
    """The inverse of plain_tree."""
    import _ast
    if isinstance(value, list):
        return [from_plain_tree(item) for item in value]
    if not (isinstance(value, tuple) and value and isinstance(value[0], str)):
        return value
    if value[0] == "()":
        return tuple(from_plain_tree(item) for item in value[1:])
    cls = getattr(_ast, value[0])
    node = cls()
    for name, item in zip(cls._fields + cls._attributes, value[1:]):
        if item != ("<missing>",):
            setattr(node, name, from_plain_tree(item))
    return node


def handle(fields):
    op, mode, flags, optimize, filename, kind, source, header, error = fields
    flags, feature_version, digits = (flags + b":-1:4300").split(b":")[:3]
    sys.set_int_max_str_digits(int(digits))
    filename = filename.decode("utf-8", "surrogatepass")
    if kind == b"ast":
        text = from_plain_tree(marshal.loads(source))
    else:
        text = source.decode("utf-8", "surrogatepass") if kind == b"str" else source
    if op == b"tokenize":
        return tokens(text, mode == b"extra", filename or None)
    if op == b"interactive":
        code = interactive(text, filename, int(flags))
        if code is None:
            return ("incomplete",)
    elif op == b"script":
        try:
            code = compile(source, filename, "exec", int(flags), dont_inherit=True,
                           optimize=int(optimize))
        except (SyntaxError, ValueError) as exc:
            raise script_error(exc, source, filename)
    else:
        code = compile(text, filename, mode.decode(), int(flags),
                       dont_inherit=True, optimize=int(optimize),
                       _feature_version=int(feature_version))
        if int(flags) & 0x400:                  # ast.PyCF_ONLY_AST
            return ("ast", plain_tree(code))
    return ("code", pyc_image(code, header, source))


def tokens(source, extra_tokens, encoding):
    """op tokenize: every token _tokenize.TokenizerIter yields for the whole
    source -- a str, or bytes in `encoding` (3.12 and later) -- and the error
    that ended them early (an "error" reply without warnings), or None."""
    import io, _tokenize
    if sys.version_info < (3, 12):
        it = _tokenize.TokenizerIter(source)
    elif isinstance(source, bytes):
        it = _tokenize.TokenizerIter(io.BytesIO(source).readline, encoding=encoding,
                                     extra_tokens=extra_tokens)
    else:
        it = _tokenize.TokenizerIter(io.StringIO(source).readline, extra_tokens=extra_tokens)
    found = []
    try:
        for token in it:
            found.append(token)
    except Exception as exc:
        return ("tokens", tuple(found), error_reply(exc))
    return ("tokens", tuple(found), None)


def warning_as_error(error):
    """A filter that turns the warning named by the error field, and only
    it, into an exception (the compiler makes it a SyntaxError)."""
    import re                   # only here: it costs the service's start ~15 ms
    category, lineno, message = error.decode("utf-8", "surrogatepass").split("\n", 2)
    warnings.filterwarnings("error", re.escape(message) + r"\Z", getattr(builtins, category),
                            lineno=int(lineno))


def hello():
    return ("hello", int.from_bytes(external.MAGIC_NUMBER[:2], "little"))


def answer(fields):
    """The reply to one request, the compiler's warnings last."""
    with warnings.catch_warnings(record=True) as issued:
        warnings.simplefilter("always")
        try:
            if fields[-1]:
                warning_as_error(fields[-1])
            reply = handle(fields)
        except Exception as exc:        # compile()'s error, or a bad request
            reply = error_reply(exc)
    return reply + (tuple((w.category.__name__, str(w.message), w.filename, w.lineno)
                          for w in issued),)


def hello_frame():
    return frame(hello())


def serve_request(data):
    """One request's bytes (count and fields) -> its reply's frame."""
    return frame(answer(request_fields(bytes(data))))


def main():
    send(hello())
    while True:
        fields = read_request()
        if fields is None:
            return
        send(answer(fields))


if __name__ == "__main__":
    main()
