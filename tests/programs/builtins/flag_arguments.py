# Flag parameters as each version reads them: 3.11 takes an int only (sorted/list.sort reverse, splitlines keepends, compile dont_inherit, open/FileIO closefd, TextIOWrapper line_buffering/write_through, IncrementalNewlineDecoder translate and decode's final, codecs' final: "'X' object cannot be interpreted as an integer", OverflowError past a C int), 3.12 on any object's truth; TextIOWrapper.reconfigure takes a C long in every version
import codecs
import io


def try_it(label, f):
    try:
        r = f()
        print(label, "ok", r if isinstance(r, (list, str, bytes, bool, tuple)) else type(r).__name__)
    except (TypeError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)


class Index:
    def __index__(self):
        return 1


def opened(**kw):
    f = open("/dev/null", "rb", **kw)
    f.close()
    return f.closed


for v in (None, 0, 1, True, 1.5, "x", "", [1], Index(), 2 ** 70, -1):
    print("--", repr(v) if not isinstance(v, Index) else "Index()")
    try_it("sorted", lambda: sorted([2, 1, 3], reverse=v))
    try_it("sort", lambda: [2, 1, 3].sort(reverse=v))
    try_it("str.splitlines", lambda: "a\nb\r\nc".splitlines(v))
    try_it("keepends=", lambda: "a\nb".splitlines(keepends=v))
    try_it("bytes.splitlines", lambda: b"a\nb".splitlines(v))
    try_it("bytearray.splitlines", lambda: bytearray(b"a\nb").splitlines(keepends=v))
    try_it("compile", lambda: compile("1", "<f>", "eval", dont_inherit=v).co_name)
    try_it("open closefd", lambda: opened(closefd=v))
    try_it("FileIO closefd", lambda: io.FileIO("/dev/null", closefd=v).closefd)
    try_it("TextIOWrapper", lambda: io.TextIOWrapper(io.BytesIO(), line_buffering=v).line_buffering)
    try_it("write_through", lambda: io.TextIOWrapper(io.BytesIO(), write_through=v).write_through)
    try_it("reconfigure", lambda: io.TextIOWrapper(io.BytesIO()).reconfigure(line_buffering=v))
    try_it("newline decoder", lambda: io.IncrementalNewlineDecoder(None, translate=v).decode("a\r\n"))
    try_it("decode final", lambda: io.IncrementalNewlineDecoder(None, True).decode("a\r", final=v))
    try_it("utf_8_decode", lambda: codecs.utf_8_decode(b"a\xc3", "strict", v))
