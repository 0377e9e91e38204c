# UnboundLocalError: a local read before assignment.
count = 10

def bump():
    print("bumping")
    count += 1
    return count

bump()
