# A checked hash pyc whose source changed: the SipHash no longer matches, so
# the source is compiled again; a module with no pyc at all is compiled too.
import nopyc
print(nopyc.__name__, nopyc.__file__.replace(__file__[:-7], "DIR/"))
import changed
print(changed.value)
