# A linked list class with iteration, len, indexing, equality and repr
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self._len = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self._len += 1
    def __len__(self):
        return self._len
    def __iter__(self):
        node = self.head
        out = []
        while node:
            out.append(node.value)
            node = node.next
        return iter(out)
    def __getitem__(self, i):
        if i < 0:
            i += self._len
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __eq__(self, other):
        return list(self) == list(other)
    def __repr__(self):
        return "LinkedList(" + " -> ".join([str(v) for v in self]) + ")"
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
        return self

ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], 2 in ll, 7 in ll)
print(ll.reverse(), ll == LinkedList([3, 2, 1, 0]), ll != LinkedList())
print(list(ll), sorted(ll), bool(LinkedList()), bool(ll))
try:
    ll[10]
except IndexError as e:
    print(e)
