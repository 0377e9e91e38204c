# a text adventure driven by a scripted list of commands: rooms, items, doors, a parser, scoring
class GameError(Exception):
    pass
class Room:
    def __init__(self, key, title, desc):
        self.key, self.title, self.desc = key, title, desc
        self.exits = {}
        self.items = []
        self.locked = {}
    def describe(self):
        lines = ["== %s ==" % self.title, self.desc]
        if self.items:
            lines.append("You see: " + ", ".join(sorted(self.items)))
        ex = sorted(self.exits)
        lines.append("Exits: " + (", ".join(d + (" (locked)" if d in self.locked else "") for d in ex) or "none"))
        return "\n".join(lines)
class Player:
    def __init__(self, room):
        self.room = room
        self.inventory = []
        self.score = 0
        self.moves = 0
    @property
    def carrying(self):
        return len(self.inventory)
class World:
    DIRS = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}
    def __init__(self):
        self.rooms = {}
        self.finished = False
    def add(self, key, title, desc, items=()):
        r = Room(key, title, desc)
        r.items.extend(items)
        self.rooms[key] = r
        return r
    def link(self, a, direction, b, back, key_item=None):
        self.rooms[a].exits[direction] = b
        self.rooms[b].exits[back] = a
        if key_item:
            self.rooms[a].locked[direction] = key_item
def build():
    w = World()
    w.add("hall", "Great Hall", "A dusty hall with portraits.", ["lamp"])
    w.add("kitchen", "Kitchen", "Pots hang from hooks.", ["knife", "bread"])
    w.add("cellar", "Cellar", "It is dark and damp.", ["key"])
    w.add("library", "Library", "Shelves of crumbling books.", ["book"])
    w.add("vault", "Vault", "Gold glitters everywhere.", ["gold"])
    w.link("hall", "east", "kitchen", "west")
    w.link("kitchen", "down", "cellar", "up")
    w.link("hall", "north", "library", "south")
    w.link("library", "east", "vault", "west", key_item="key")
    return w
VALUES = {"gold": 50, "book": 10, "key": 5}
def handle(world, player, line):
    words = line.lower().split()
    if not words:
        raise GameError("Say something.")
    verb, args = words[0], words[1:]
    verb = World.DIRS.get(verb, verb)
    room = player.room
    if verb in ("north", "south", "east", "west", "up", "down"):
        args, verb = [verb], "go"
    if verb == "look":
        return room.describe()
    if verb == "go":
        if not args:
            raise GameError("Go where?")
        d = World.DIRS.get(args[0], args[0])
        if d not in room.exits:
            raise GameError("You can't go %s." % d)
        if d in room.locked:
            need = room.locked[d]
            if need not in player.inventory:
                raise GameError("The way %s is locked." % d)
            del room.locked[d]
            print("You unlock the door with the %s." % need)
        player.room = world.rooms[room.exits[d]]
        player.moves += 1
        if player.room.key == "cellar" and "lamp" not in player.inventory:
            raise GameError("It is too dark to see. You stumble back up.")
        return player.room.describe()
    if verb in ("take", "get"):
        if not args:
            raise GameError("Take what?")
        item = args[0]
        if item == "all":
            taken = sorted(room.items)
            if not taken:
                raise GameError("There is nothing here.")
            for it in taken:
                handle(world, player, "take " + it)
            return "Took everything."
        if item not in room.items:
            raise GameError("There is no %s here." % item)
        if player.carrying >= 4:
            raise GameError("Your hands are full.")
        room.items.remove(item)
        player.inventory.append(item)
        player.score += VALUES.get(item, 1)
        return "Taken: %s." % item
    if verb == "drop":
        item = args[0] if args else ""
        if item not in player.inventory:
            raise GameError("You don't have %r." % item)
        player.inventory.remove(item)
        room.items.append(item)
        return "Dropped %s." % item
    if verb in ("i", "inventory"):
        return "You carry: " + (", ".join(player.inventory) or "nothing")
    if verb == "read":
        if "book" not in player.inventory:
            raise GameError("You have nothing to read.")
        return "The book says: the key lies below the kitchen."
    if verb == "eat":
        if "bread" in player.inventory:
            player.inventory.remove("bread")
            player.score += 3
            return "Delicious."
        raise GameError("You have no food.")
    if verb == "quit":
        world.finished = True
        return "Goodbye."
    raise GameError("I don't understand %r." % verb)
SCRIPT = ["look", "take lamp", "e", "take all", "eat", "i", "d", "take key", "u", "w",
          "n", "read", "take book", "e", "take gold", "drop knife", "take gold", "i",
          "w", "s", "dance", "go", "go sideways", "", "quit", "look"]
world = build()
player = Player(world.rooms["hall"])
for cmd in SCRIPT:
    if world.finished:
        print("(game over, ignoring %r)" % cmd)
        continue
    print("> " + cmd)
    try:
        print(handle(world, player, cmd))
    except GameError as e:
        print("!! " + str(e))
print("Final score: %d in %d moves; carrying %s" % (player.score, player.moves, sorted(player.inventory)))
for key in sorted(world.rooms):
    print("%-8s items=%s" % (key, sorted(world.rooms[key].items)))
