# method-wrappers compare equal when bound to the same object and slot, and hash alike
l = []
print(l.__add__ == l.__add__, l.__add__ != l.__add__, l.__add__ == [].__add__, l.__add__ == l.__mul__)
print(hash(l.__add__) == hash(l.__add__), (1).__add__ == (1).__add__, l.__add__ == 5)
print(len({l.__len__, l.__len__}))
