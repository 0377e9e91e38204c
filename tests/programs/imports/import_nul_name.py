# a module name with a NUL in it is not found (not cut at the NUL)
for n in ['string\x00', 'json\x00.decoder', 'no_such\x00']:
    try:
        __import__(n)
        print('imported', repr(n))
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, repr(e.name))
