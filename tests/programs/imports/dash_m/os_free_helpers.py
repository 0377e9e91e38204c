def where():
    return "helper " + __name__
