# Wrong arguments to StringIO's methods in CPython's words: those without arguments say "StringIO.tell() takes no arguments (1 given)" (pvm ignored the extra), a size that is no integer "argument should be integer or None, not 'float'" (readline, read, truncate); BytesIO.truncate's words per version (3.14 reads an index); TextIOWrapper.readline takes no None
import io

calls = ["getvalue(1)", "tell(1)", "close(1)", "readable(1)", "writable(1)", "seekable(1)",
         "readline(1.5)", "readline('1')", "readline(None)", "readline(1)", "read(1.5)",
         "read(None)", "truncate(1.5)", "truncate('x')", "truncate(None)", "truncate(2)",
         "truncate(-1)", "getvalue(x=1)", "seek(0, 0, 0)"]
for call in calls:
    for make in (lambda: io.StringIO("abc\ndef"), lambda: io.BytesIO(b"abc\ndef"),
                 lambda: io.TextIOWrapper(io.BytesIO(b"abc\ndef"), encoding="ascii")):
        f = make()
        name = type(f).__name__
        if name != "StringIO" and call.split("(")[0] in ("getvalue", "tell", "close", "readable",
                                                          "writable", "seekable"):
            continue
        try:
            print(name, call, repr(eval("f." + call)))
        except (TypeError, ValueError, OSError) as e:
            print(name, call, type(e).__name__, e)
s = io.StringIO("x")
s.close()
for call in ("tell()", "tell(1)", "readable()", "getvalue(1)", "close()", "close(1)"):
    try:
        print("closed", call, repr(eval("s." + call)))
    except (TypeError, ValueError) as e:
        print("closed", call, type(e).__name__, e)
