# A checked hash pyc whose source changed: the SipHash no longer matches.
# A module with no pyc at all is caught first and reported the same way.
try:
    import nopyc
except ImportError as e:
    print(str(e).replace(__file__[:-7], "DIR/"))
import changed
