# raise with several arguments: the message is the repr of the tuple.
def fail():
    print("failing now")
    raise KeyError("a", 1)

fail()
