# Syntax errors of every kind, caught: type, message, and every location
# attribute python3.11 sets (line, column, text, end line, end column).
cases = [
    ("missing colon", "if True\n    pass\n"),
    ("unclosed paren at EOF", "print(1,\n"),
    ("unmatched", "x = 1)\n"),
    ("mismatched", "x = (1]\n"),
    ("invalid syntax", "x = = 1\n"),
    ("unexpected indent", "x = 1\n    y = 2\n"),
    ("expected indent", "def f():\nreturn 1\n"),
    ("unindent mismatch", "if 1:\n        a = 1\n    b = 2\n"),
    ("tab error", "if 1:\n\ta = 1\n        b = 2\n"),
    ("unterminated string", "s = 'abc\n"),
    ("unterminated triple", 's = """abc\n\nmore\n'),
    ("bad f-string", "f'{'\n"),
    ("f-string empty", "f'{}'\n"),
    ("f-string backslash", "f'{\"\\n\".join(x)}'\n"),
    ("return outside", "return 1\n"),
    ("yield outside", "yield 1\n"),
    ("await outside", "await x\n"),
    ("break outside", "break\n"),
    ("continue outside", "continue\n"),
    ("nonlocal at module", "nonlocal x\n"),
    ("assign to literal", "1 = x\n"),
    ("assign to call", "f() = 1\n"),
    ("keyword as name", "class = 1\n"),
    ("print statement", 'print "hello"\n'),
    ("invalid character", "x = 1 \u20ac 2\n"),
    ("invalid decimal", "x = 1_000_\n"),
    ("leading zeros", "x = 012\n"),
    ("lambda default", "lambda x=1, y: 0\n"),
    ("duplicate argument", "def f(a, a): pass\n"),
    ("star expression", "*a\n"),
    ("EOF in def", "def f(\n"),
    ("EOF after colon", "while True:\n"),
    ("EOF in string continuation", "x = 'a' \\\n"),
    ("unexpected EOF in brackets", "x = [1,\n2,\n"),
    ("global after use", "def f():\n    x = 1\n    global x\n"),
    ("non-default after default", "def f(a=1, b): pass\n"),
    ("too many nested", "\n".join(" " * i + "if 1:" for i in range(25)) + "\n" + " " * 25 + "pass\n"),
    ("non-UTF-8 bytes", b"x = '\xff'\n"),
    ("bad coding", b"# coding: nonsense\nx = 1\n"),
    ("null byte", "x = 1\0\n"),
]
for name, source in cases:
    try:
        compile(source, "case.py", "exec")
        print(name, "-> compiled")
    except SyntaxError as e:
        print(name, "->", type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset,
              repr(e.text), e.end_lineno, e.end_offset)
        print("   str:", str(e))
        print("   args:", e.args)
    except ValueError as e:
        print(name, "-> ValueError", e)

# SyntaxError objects made by hand.
e = SyntaxError("hand made", ("/some/dir/file.py", 3, 4, "text line\n", 3, 6))
print(str(e), e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
e = SyntaxError("only msg")
print(str(e), e.filename, e.lineno, e.offset, e.text, e.print_file_and_line)
e = SyntaxError()
print(repr(str(e)), e.msg, e.args)
e = SyntaxError("m", ("f", None, None, None))
print(str(e))
e = IndentationError("indent", ("g.py", 2, 1, "x", 2, 3))
print(str(e), isinstance(e, SyntaxError), e.end_offset)
e.lineno = 9
e.msg = "changed"
print(str(e))
