# maze generation with a hand-written LCG (recursive backtracker, iterative) and BFS / A* solvers
class LCG:
    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF
    def next(self):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return self.state
    def below(self, n):
        return self.next() % n
    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]
        return items
class Maze:
    def __init__(self, w, h, seed):
        self.w, self.h = w, h
        self.grid = [["#"] * (2 * w + 1) for _ in range(2 * h + 1)]
        self.rng = LCG(seed)
        self.carve()
    def carve(self):
        start = (0, 0)
        seen = {start}
        stack = [start]
        self.open(start)
        while stack:
            x, y = stack[-1]
            options = [(dx, dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                       if 0 <= x + dx < self.w and 0 <= y + dy < self.h and (x + dx, y + dy) not in seen]
            if not options:
                stack.pop()
                continue
            dx, dy = options[self.rng.below(len(options))]
            nx, ny = x + dx, y + dy
            self.grid[2 * y + 1 + dy][2 * x + 1 + dx] = " "
            self.open((nx, ny))
            seen.add((nx, ny))
            stack.append((nx, ny))
    def open(self, cell):
        x, y = cell
        self.grid[2 * y + 1][2 * x + 1] = " "
    def neighbours(self, p):
        r, c = p
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(self.grid) and 0 <= nc < len(self.grid[0]) and self.grid[nr][nc] != "#":
                yield (nr, nc)
    def render(self, path=()):
        rows = [row[:] for row in self.grid]
        for r, c in path:
            rows[r][c] = "."
        if path:
            (r0, c0), (r1, c1) = path[0], path[-1]
            rows[r0][c0], rows[r1][c1] = "S", "E"
        return "\n".join("".join(r) for r in rows)
def bfs(maze, start, goal):
    prev = {start: None}
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        for n in maze.neighbours(cur):
            if n not in prev:
                prev[n] = cur
                queue.append(n)
    if goal not in prev:
        return None, head
    path = []
    node = goal
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1], head
class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i and a[(i - 1) // 2] > a[i]:
            a[(i - 1) // 2], a[i] = a[i], a[(i - 1) // 2]
            i = (i - 1) // 2
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < len(a) and a[l] < a[m]:
                    m = l
                if r < len(a) and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
def astar(maze, start, goal):
    h = lambda p: abs(p[0] - goal[0]) + abs(p[1] - goal[1])
    heap = MinHeap()
    heap.push((h(start), 0, start))
    g = {start: 0}
    prev = {start: None}
    expanded = 0
    while heap:
        f, cost, cur = heap.pop()
        if cost > g[cur]:
            continue
        expanded += 1
        if cur == goal:
            break
        for n in maze.neighbours(cur):
            nc = cost + 1
            if nc < g.get(n, 10 ** 9):
                g[n] = nc
                prev[n] = cur
                heap.push((nc + h(n), nc, n))
    path, node = [], goal
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1], expanded
for seed, (w, h) in [(42, (8, 5)), (7, (12, 6)), (2024, (15, 8))]:
    m = Maze(w, h, seed)
    start, goal = (1, 1), (2 * h - 1, 2 * w - 1)
    p1, visited = bfs(m, start, goal)
    p2, expanded = astar(m, start, goal)
    print("seed %d, %dx%d: bfs path %d (visited %d), A* path %d (expanded %d), same=%s"
          % (seed, w, h, len(p1), visited, len(p2), expanded, p1 == p2))
    print(m.render(p1))
rng = LCG(1)
print([rng.below(100) for _ in range(10)], rng.shuffle(list(range(10))))
heap = MinHeap()
for v in LCG(99).shuffle(list(range(20))):
    heap.push(v)
print([heap.pop() for _ in range(len(heap))])
m = Maze(3, 3, 5)
m.grid[5][5] = "#"
m.grid[4][5] = "#"
m.grid[5][4] = "#"
print(m.render(), bfs(m, (1, 1), (5, 5)))
