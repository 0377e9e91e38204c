# oosim.py — an object-oriented ecosystem simulation: plants, grazers and hunters
# on a wrapping grid, written the way application code is written. A five-level
# class hierarchy (Entity > Organism > Animal > Herbivore/Carnivore > species),
# properties with setters that validate, super().__init__ chains, methods
# overridden at several levels and reached through a base-class method,
# class attributes shadowed by subclasses, isinstance tests, and many
# short-lived objects (births and deaths). Measures LOAD_ATTR/STORE_ATTR on
# instances, inherited method and class-attribute lookup through a deep MRO,
# property calls, and instantiation with chained __init__.
N = 160  # small: 3


class Rng:
    """A linear congruential generator (deterministic, shared by the world)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


class Entity:
    kind = "entity"
    next_id = 0

    def __init__(self, world, x, y):
        self.world = world
        self.x = x
        self.y = y
        Entity.next_id += 1
        self.ident = Entity.next_id

    @property
    def position(self):
        return (self.x, self.y)

    def describe(self):
        return "%s#%d@%d,%d" % (self.kind, self.ident, self.x, self.y)


class Organism(Entity):
    kind = "organism"
    max_energy = 100

    def __init__(self, world, x, y, energy):
        super().__init__(world, x, y)
        self._energy = 0
        self.energy = energy
        self.age = 0

    @property
    def energy(self):
        return self._energy

    @energy.setter
    def energy(self, value):
        if value > self.max_energy:
            value = self.max_energy
        self._energy = value

    @property
    def alive(self):
        return self._energy > 0 and self.age <= self.lifespan()

    def lifespan(self):
        return 50

    def metabolism(self):
        return 1

    def tick(self):
        self.age += 1
        self.energy = self.energy - self.metabolism()
        if self.alive:
            self.act()

    def act(self):
        pass


class Plant(Organism):
    kind = "plant"
    max_energy = 30

    def lifespan(self):
        return 40

    def metabolism(self):
        return 0

    def act(self):
        self.energy = self.energy + 2
        if self.energy >= 24 and self.world.rng.next(6) == 0:
            self.energy = self.energy - 12
            self.world.spawn_near(Plant, self, 8)


class Animal(Organism):
    kind = "animal"
    speed = 1
    litter_energy = 60

    def __init__(self, world, x, y, energy):
        super().__init__(world, x, y, energy)
        self.eaten = 0

    def metabolism(self):
        return 1 + self.speed

    def act(self):
        prey = self.find_food()
        if prey is not None:
            self.eat(prey)
        else:
            self.wander()
        if self.energy >= self.litter_energy:
            self.reproduce()

    def wander(self):
        world = self.world
        step = self.speed
        self.x = (self.x + world.rng.next(2 * step + 1) - step) % world.width
        self.y = (self.y + world.rng.next(2 * step + 1) - step) % world.height

    def eat(self, prey):
        gained = prey.energy // 2 + 5
        prey.energy = 0
        self.energy = self.energy + gained
        self.eaten += 1
        self.x, self.y = prey.x, prey.y

    def reproduce(self):
        self.energy = self.energy // 2
        self.world.spawn_near(type(self), self, self.energy)

    def find_food(self):
        best = None
        best_energy = -1
        for other in self.world.neighbours(self):
            if other is not self and self.can_eat(other) and other.alive:
                if other.energy > best_energy:
                    best = other
                    best_energy = other.energy
        return best

    def can_eat(self, other):
        return False


class Herbivore(Animal):
    kind = "herbivore"

    def can_eat(self, other):
        return isinstance(other, Plant)


class Carnivore(Animal):
    kind = "carnivore"
    litter_energy = 90
    max_energy = 140

    def can_eat(self, other):
        return isinstance(other, Herbivore) and other.speed <= self.speed + 1


class Rabbit(Herbivore):
    kind = "rabbit"
    max_energy = 80
    litter_energy = 50

    def lifespan(self):
        return 30


class Deer(Herbivore):
    kind = "deer"
    speed = 2
    max_energy = 120
    litter_energy = 100


class Fox(Carnivore):
    kind = "fox"

    def lifespan(self):
        return 45


class Wolf(Carnivore):
    kind = "wolf"
    speed = 2

    def metabolism(self):
        return super().metabolism() + 1


class World:
    def __init__(self, width, height, seed):
        self.width = width
        self.height = height
        self.rng = Rng(seed)
        self.entities = []
        self.born = []
        self.cells = {}
        self.births = 0
        self.deaths = 0

    def add(self, cls, x, y, energy):
        e = cls(self, x % self.width, y % self.height, energy)
        self.born.append(e)
        self.births += 1
        return e

    def spawn_near(self, cls, parent, energy):
        r = self.rng
        return self.add(cls, parent.x + r.next(3) - 1, parent.y + r.next(3) - 1, energy)

    def index(self):
        cells = {}
        for e in self.entities:
            key = e.position
            bucket = cells.get(key)
            if bucket is None:
                cells[key] = [e]
            else:
                bucket.append(e)
        self.cells = cells

    def neighbours(self, e):
        cells = self.cells
        found = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                bucket = cells.get(((e.x + dx) % self.width, (e.y + dy) % self.height))
                if bucket is not None:
                    found.extend(bucket)
        return found

    def step(self):
        r = self.rng
        for _ in range(12):                 # seeds blown in from outside
            self.add(Plant, r.next(self.width), r.next(self.height), 10)
        self.index()
        for e in self.entities:
            if e.alive:
                e.tick()
        survivors = []
        for e in self.entities:
            if e.alive:
                survivors.append(e)
            else:
                self.deaths += 1
        survivors.extend(self.born)
        self.born = []
        if len(survivors) > 1400:           # the world's carrying capacity
            self.deaths += len(survivors) - 1400
            survivors = survivors[:1400]
        self.entities = survivors

    def census(self):
        counts = {}
        for e in self.entities:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        return counts


def run(seed, steps):
    Entity.next_id = 0
    world = World(40, 30, seed)
    r = world.rng
    for cls, count, energy in ((Plant, 300, 20), (Rabbit, 60, 40), (Deer, 25, 60),
                               (Fox, 10, 80), (Wolf, 6, 90)):
        for _ in range(count):
            world.add(cls, r.next(world.width), r.next(world.height), energy)
    world.entities, world.born = world.born, []
    checksum = 0
    for t in range(steps):
        world.step()
        if not any(isinstance(e, Animal) for e in world.entities):
            for _ in range(20):
                world.add(Rabbit, r.next(world.width), r.next(world.height), 40)
            world.add(Fox, r.next(world.width), r.next(world.height), 80)
        for e in world.entities:
            checksum = (checksum * 31 + e.ident * 7 + e.x * 3 + e.y + e.energy) % 1000000007
    eaten = sum(e.eaten for e in world.entities if isinstance(e, Animal))
    census = world.census()
    last = max(world.entities, key=lambda e: e.ident).describe() if world.entities else "-"
    return checksum, world.births, world.deaths, eaten, census, last


for seed in (1, 2):
    checksum, births, deaths, eaten, census, last = run(seed, N)
    print("seed", seed, "births", births, "deaths", deaths, "eaten", eaten)
    print("  census", sorted(census.items()), "last", last)
    print("  checksum", checksum)
