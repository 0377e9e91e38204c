# generators as methods: __iter__ implemented with yield, tree traversal orders
class Node:
    def __init__(self, v, left=None, right=None):
        self.v, self.left, self.right = v, left, right
    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.v
        if self.right:
            yield from self.right.inorder()
    def preorder(self):
        yield self.v
        for c in (self.left, self.right):
            if c:
                yield from c.preorder()
    def __iter__(self):
        return self.inorder()
def insert(root, v):
    if root is None:
        return Node(v)
    if v < root.v:
        root.left = insert(root.left, v)
    else:
        root.right = insert(root.right, v)
    return root
root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)
print(list(root))
print(list(root.preorder()))
print(sum(root), max(root), 35 in root, 36 in root)
def bfs(root):
    queue = [root]
    while queue:
        n = queue.pop(0)
        yield n.v
        queue.extend(c for c in (n.left, n.right) if c)
print(list(bfs(root)))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __iter__(self):
        for r in self.rows:
            yield from r
    def columns(self):
        for j in range(len(self.rows[0])):
            yield [r[j] for r in self.rows]
m = Matrix([[1, 2, 3], [4, 5, 6]])
print(list(m), list(m.columns()), sorted(m, reverse=True))
