# unit conversions: quantities with properties, operator overloading, dimension checks, a conversion table
class DimensionError(TypeError):
    pass
class Unit:
    registry = {}
    def __init__(self, symbol, dim, factor, offset=0.0):
        self.symbol, self.dim, self.factor, self.offset = symbol, dim, factor, offset
        Unit.registry[symbol] = self
    def __repr__(self):
        return "Unit(%s)" % self.symbol
    def to_base(self, v):
        return (v + self.offset) * self.factor
    def from_base(self, v):
        return v / self.factor - self.offset
LENGTH, MASS, TIME, TEMP = (1, 0, 0), (0, 1, 0), (0, 0, 1), "temp"
for sym, dim, f in [("m", LENGTH, 1.0), ("km", LENGTH, 1000.0), ("cm", LENGTH, 0.01), ("mm", LENGTH, 0.001),
                    ("in", LENGTH, 0.0254), ("ft", LENGTH, 0.3048), ("mi", LENGTH, 1609.344),
                    ("kg", MASS, 1.0), ("g", MASS, 0.001), ("lb", MASS, 0.45359237), ("oz", MASS, 0.028349523125),
                    ("s", TIME, 1.0), ("min", TIME, 60.0), ("h", TIME, 3600.0)]:
    Unit(sym, dim, f)
Unit("K", TEMP, 1.0)
Unit("C", TEMP, 1.0, 273.15)
Unit("F", TEMP, 5 / 9, 459.67)
def dim_mul(a, b, sign=1):
    return tuple(x + sign * y for x, y in zip(a, b))
class Quantity:
    __slots__ = ("_base", "dim", "unit")
    def __init__(self, value, unit):
        u = Unit.registry[unit] if isinstance(unit, str) else unit
        self.unit = u
        self.dim = u.dim
        self._base = u.to_base(value)
    @classmethod
    def from_base(cls, base, dim, unit=None):
        q = cls.__new__(cls)
        q._base, q.dim, q.unit = base, dim, unit
        return q
    @property
    def value(self):
        return self.unit.from_base(self._base) if self.unit else self._base
    @value.setter
    def value(self, v):
        self._base = self.unit.to_base(v)
    def to(self, unit):
        u = Unit.registry[unit]
        if u.dim != self.dim:
            raise DimensionError("cannot convert %s to %s" % (self.describe_dim(), unit))
        return Quantity.from_base(self._base, self.dim, u)
    def describe_dim(self):
        if self.dim == TEMP:
            return "temperature"
        names = ("m", "kg", "s")
        parts = [n + ("^%d" % p if p != 1 else "") for n, p in zip(names, self.dim) if p]
        return "*".join(parts) or "dimensionless"
    def _check(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        if other.dim != self.dim:
            raise DimensionError("incompatible dimensions: %s and %s" % (self.describe_dim(), other.describe_dim()))
        if self.dim == TEMP:
            raise DimensionError("cannot add temperatures")
        return None
    def __add__(self, other):
        r = self._check(other)
        if r is NotImplemented:
            return r
        return Quantity.from_base(self._base + other._base, self.dim, self.unit)
    def __sub__(self, other):
        r = self._check(other)
        if r is NotImplemented:
            return r
        return Quantity.from_base(self._base - other._base, self.dim, self.unit)
    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Quantity.from_base(self._base * other, self.dim, self.unit)
        if isinstance(other, Quantity):
            return Quantity.from_base(self._base * other._base, dim_mul(self.dim, other.dim))
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, other):
        if isinstance(other, (int, float)):
            return Quantity.from_base(self._base / other, self.dim, self.unit)
        if isinstance(other, Quantity):
            return Quantity.from_base(self._base / other._base, dim_mul(self.dim, other.dim, -1))
        return NotImplemented
    def __eq__(self, other):
        return isinstance(other, Quantity) and self.dim == other.dim and abs(self._base - other._base) < 1e-9
    def __lt__(self, other):
        self._check(other)
        return self._base < other._base
    def __format__(self, spec):
        sym = self.unit.symbol if self.unit else self.describe_dim()
        return format(self.value, spec or ".4g") + " " + sym
    def __repr__(self):
        return "Quantity(%s)" % format(self, "")
print("%-14s %-6s %s" % ("value", "to", "result"))
for v, frm, to in [(1, "mi", "km"), (5, "ft", "cm"), (12, "in", "ft"), (100, "C", "F"), (-40, "F", "C"),
                   (0, "K", "C"), (98.6, "F", "K"), (3, "lb", "kg"), (1, "kg", "oz"), (90, "min", "h"), (2.5, "h", "s")]:
    q = Quantity(v, frm)
    print("%-14s %-6s %s" % (format(q, "g"), to, format(q.to(to), ".3f")))
run = Quantity(10, "km")
time = Quantity(50, "min")
speed = run / time
print("speed:", format(speed, ".4f"), "| dims", speed.dim)
print("distance sum:", format(Quantity(1, "mi") + Quantity(400, "m"), ".5f"), format((Quantity(1, "mi") + Quantity(400, "m")).to("m"), ".1f"))
area = Quantity(3, "m") * Quantity(4, "ft")
print("area:", format(area, ".4f"), area.describe_dim())
print(sorted([Quantity(1, "ft"), Quantity(1, "m"), Quantity(30, "cm"), Quantity(2, "in")], key=lambda q: q._base))
print(Quantity(100, "cm") == Quantity(1, "m"), Quantity(1, "kg") == Quantity(1000, "g"), Quantity(1, "s") == Quantity(1, "m"))
t = Quantity(20, "C")
t.value = 25
print(format(t, ".2f"), format(t.to("F"), ".2f"), format(t.to("K"), ".2f"))
half = Quantity(3, "h") * 0.5
double = 2 * Quantity(3, "h")
print(format(half, ".1f"), format(double.to("min"), ".0f"))
for bad in [lambda: Quantity(1, "m").to("kg"), lambda: Quantity(1, "m") + Quantity(1, "s"), lambda: Quantity(1, "C") + Quantity(1, "C"),
            lambda: Quantity(1, "m") + 5, lambda: Quantity(1, "m") < Quantity(1, "kg"), lambda: Quantity(1, "parsec")]:
    try:
        bad()
    except DimensionError as e:
        print("DimensionError:", e)
    except TypeError as e:
        print("TypeError:", e)
    except KeyError as e:
        print("KeyError:", e)
try:
    Quantity(1, "m").extra = 1
except AttributeError as e:
    print("AttributeError:", e)
print(len(Unit.registry), sorted(u for u in Unit.registry if Unit.registry[u].dim == LENGTH))
