# sys.displayhook of a repr sys.stdout's encoding cannot encode: the characters escaped (backslashreplace), through stdout.buffer or, without one, written again as text
import builtins, io, sys

text = "a=\xe9 b=\udc80 c=\U00010000 d=\U0010ffff"
for encoding in ("ascii", "latin-1", "utf-8"):
    sys.stdout.flush()
    sys.stdout.reconfigure(encoding=encoding)
    sys.displayhook(text)
    sys.displayhook(None)
    print(builtins._ == text)
sys.stdout.flush()
sys.stdout.reconfigure(encoding="utf-8")


class NoBuffer(io.StringIO):
    encoding = "ascii"

    def write(self, s):
        s.encode(self.encoding)         # strict, as a text stream would
        return super().write(s)


saved, sys.stdout = sys.stdout, NoBuffer()
sys.displayhook(text)
got, sys.stdout = sys.stdout.getvalue(), saved
print(got, end="")
sys.stdout = None
try:
    sys.displayhook(1)
except RuntimeError as e:
    print("RuntimeError", e, file=sys.stderr)
