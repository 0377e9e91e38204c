# Deliberately ends in an uncaught re.error: the last traceback line names
# it re.error, with the position of an unterminated subpattern.
import re

print(re.findall(r"\w+", "still fine"))
re.compile("(abc")
