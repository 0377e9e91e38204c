# An uncaught re.error: the traceback's last line names it "re.error" and
# carries the line/column form for a multi-line pattern.
import re

print(re.findall(r"\w+", "still fine"))
re.compile("""(?x)
    (?P<word> \\w+ )
    (?P<bad  # a group name that never ends
""")
