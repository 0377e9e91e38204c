# inventory and order system: dataclass-like records via a field descriptor, validation, order workflow
class Field:
    def __init__(self, kind, default=None, check=None):
        self.kind, self.default, self.check = kind, default, check
    def __set_name__(self, owner, name):
        self.name = name
        owner._fields = getattr(owner, "_fields", ()) + (name,)
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s.%s must be %s, not %s" % (type(obj).__name__, self.name, self.kind.__name__, type(value).__name__))
        if self.check and not self.check(value):
            raise ValueError("%s.%s: invalid value %r" % (type(obj).__name__, self.name, value))
        obj.__dict__[self.name] = value
class Record:
    _fields = ()
    def __init__(self, *args, **kw):
        for name, v in zip(self._fields, args):
            setattr(self, name, v)
        for name, v in kw.items():
            if name not in self._fields:
                raise TypeError("unexpected field " + name)
            setattr(self, name, v)
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in self._fields))
    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, f) == getattr(other, f) for f in self._fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self._fields))
class Product(Record):
    sku = Field(str, check=lambda s: len(s) == 6 and s[:2].isalpha())
    name = Field(str)
    price = Field(int, check=lambda p: p > 0)
    weight = Field(int, 0)
class Line(Record):
    sku = Field(str)
    qty = Field(int, check=lambda q: q > 0)
class OrderError(Exception):
    pass
class OutOfStock(OrderError):
    def __init__(self, sku, want, have):
        super().__init__("%s: want %d, only %d in stock" % (sku, want, have))
        self.sku = sku
class Warehouse:
    def __init__(self):
        self.products = {}
        self.stock = {}
        self.reserved = {}
    def add(self, product, qty):
        self.products[product.sku] = product
        self.stock[product.sku] = self.stock.get(product.sku, 0) + qty
    def available(self, sku):
        return self.stock.get(sku, 0) - self.reserved.get(sku, 0)
    def reserve(self, lines):
        for ln in lines:
            if ln.sku not in self.products:
                raise OrderError("unknown sku " + ln.sku)
            if self.available(ln.sku) < ln.qty:
                raise OutOfStock(ln.sku, ln.qty, self.available(ln.sku))
        for ln in lines:
            self.reserved[ln.sku] = self.reserved.get(ln.sku, 0) + ln.qty
    def release(self, lines):
        for ln in lines:
            self.reserved[ln.sku] -= ln.qty
    def ship(self, lines):
        for ln in lines:
            self.reserved[ln.sku] -= ln.qty
            self.stock[ln.sku] -= ln.qty
class Order:
    STATES = {"new": ("reserved", "cancelled"), "reserved": ("shipped", "cancelled"), "shipped": (), "cancelled": ()}
    counter = 0
    def __init__(self, customer, lines):
        Order.counter += 1
        self.id = "ORD-%03d" % Order.counter
        self.customer = customer
        self.lines = lines
        self.state = "new"
    def move(self, new):
        if new not in self.STATES[self.state]:
            raise OrderError("%s: cannot go from %s to %s" % (self.id, self.state, new))
        self.state = new
    def total(self, wh):
        subtotal = sum(wh.products[l.sku].price * l.qty for l in self.lines)
        weight = sum(wh.products[l.sku].weight * l.qty for l in self.lines)
        shipping = 0 if subtotal >= 10000 else 500 + weight // 100 * 25
        return subtotal, shipping
wh = Warehouse()
catalog = [Product("AB1234", "Anvil", 4999, 20000), Product("CD5678", "Rope", 799, 500),
           Product("EF9012", "Lamp", 2450, 1200), Product(sku="GH3456", name="Map", price=150)]
for p, q in zip(catalog, [2, 30, 5, 100]):
    wh.add(p, q)
print(catalog[3], catalog[0] == Product("AB1234", "Anvil", 4999, 20000), len(set(catalog + catalog)))
for bad in [lambda: Product("X1", "bad sku", 1), lambda: Product("ZZ0000", "free", 0), lambda: Product("ZZ0000", 5, 1),
            lambda: Line("AB1234", -1), lambda: Product("ZZ0000", "n", 1, colour="red")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
orders = [
    Order("ann", [Line("AB1234", 1), Line("CD5678", 10)]),
    Order("bob", [Line("AB1234", 2)]),
    Order("cid", [Line("GH3456", 3), Line("EF9012", 1)]),
    Order("dee", [Line("ZZ9999", 1)]),
    Order("eve", [Line("CD5678", 20), Line("GH3456", 97)]),
]
for o in orders:
    try:
        wh.reserve(o.lines)
        o.move("reserved")
        sub, ship = o.total(wh)
        print("%s %-4s reserved: subtotal %d.%02d shipping %d.%02d" % (o.id, o.customer, sub // 100, sub % 100, ship // 100, ship % 100))
    except OutOfStock as e:
        o.move("cancelled")
        print("%s %-4s cancelled (stock): %s" % (o.id, o.customer, e))
    except OrderError as e:
        o.move("cancelled")
        print("%s %-4s cancelled: %s" % (o.id, o.customer, e))
for o in orders:
    try:
        if o.customer in ("ann", "eve"):
            wh.ship(o.lines)
            o.move("shipped")
        elif o.customer == "cid":
            wh.release(o.lines)
            o.move("cancelled")
        else:
            o.move("shipped")
    except OrderError as e:
        print("workflow error:", e)
print([(o.id, o.state) for o in orders])
for sku in sorted(wh.products):
    print("%s %-6s stock=%3d reserved=%2d available=%3d" % (sku, wh.products[sku].name, wh.stock[sku], wh.reserved.get(sku, 0), wh.available(sku)))
print(Product._fields, Line._fields, type(Product.__dict__["price"]).__name__)
