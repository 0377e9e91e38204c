# io: close() of a buffered or text layer calls flush() (a reader's too), closes the inner stream even when flush failed, chains the flush error as the close error's __context__, and returns what the inner close returned
import io


class Raw(io.BytesIO):
    def __init__(self, data=b"", fail=None):
        super().__init__(data)
        self.fail = fail

    def close(self):
        if self.fail:
            raise OSError(self.fail)
        super().close()
        return "inner result"


def bad_flush():
    raise OSError("flush")


def show(make, flush_fails, close_fails):
    raw = Raw(b"data", "close" if close_fails else None)
    s = make(raw)
    if flush_fails:
        s.flush = bad_flush
    try:
        print(" ", "returned", s.close())
    except OSError as e:
        ctx = e.__context__
        print(" ", "OSError", e.args, "context", ctx.args if ctx is not None else None)
    print(" ", "closed", s.closed, raw.closed)
    raw.fail = None
    s.flush = lambda: None


for name, make in [("BufferedReader", io.BufferedReader), ("BufferedWriter", io.BufferedWriter),
                   ("BufferedRandom", io.BufferedRandom),
                   ("TextIOWrapper", lambda r: io.TextIOWrapper(r, encoding="ascii"))]:
    print(name)
    for flush_fails in (False, True):
        for close_fails in (False, True):
            show(make, flush_fails, close_fails)

w, r = Raw(fail="writer"), Raw(b"x", fail="reader")
pair = io.BufferedRWPair(r, w)
try:
    pair.close()
except OSError as e:
    print("pair", e.args, e.__context__.args)
w.fail = r.fail = None
print("pair", io.BufferedRWPair(Raw(b"x"), Raw()).close())
