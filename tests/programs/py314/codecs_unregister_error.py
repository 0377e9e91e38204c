# 3.14's _codecs._unregister_error: True/False for custom handlers, ValueError for the standard ones, its argument errors
import _codecs, codecs
print(_codecs._unregister_error.__doc__)
codecs.register_error('mine', lambda e: ('?', e.end))
for name in ('mine', 'mine', 'nothere', 'strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace', 'surrogateescape', 'surrogatepass'):
    try: print(name, _codecs._unregister_error(name))
    except Exception as e: print(name, type(e).__name__, e)
for bad in ((), (1,), ('a', 'b'), ('a\0b',), ('\udc80',)):
    try: print(bad, _codecs._unregister_error(*bad))
    except Exception as e: print(bad, type(e).__name__, e)
try: _codecs._unregister_error(errors='x')
except Exception as e: print(type(e).__name__, e)
try: codecs.lookup_error('mine')
except LookupError as e: print(e)
