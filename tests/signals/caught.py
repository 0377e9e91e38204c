# A KeyboardInterrupt from a loop's back edge is an ordinary exception: except
# catches it, finally runs, and the program goes on to exit normally.
def spin():
    i = 0
    try:
        print("ready", flush=True)
        while i >= 0:
            i += 1
    finally:
        print("finally ran")

try:
    spin()
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, repr(e.args))
print("after the loop")
