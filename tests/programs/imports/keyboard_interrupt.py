# An uncaught KeyboardInterrupt: traceback and exit status 130.
def work():
    print("working")
    raise KeyboardInterrupt
work()
