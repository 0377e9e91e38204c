# raytrace.py — a small recursive ray tracer written around a Vector class: spheres
# and a checkered plane, point lights with shadows, Phong highlights and mirror
# reflection, rendering a tiny image whose pixels are summed. Measures float
# arithmetic inside methods, operator overloading (__add__, __sub__, __mul__,
# __rmul__, __neg__), many short-lived Vector objects (instantiation with a
# three-attribute __init__), virtual calls through a shape hierarchy, and
# math.sqrt.
import math

N = 200  # small: 20

EPSILON = 1e-6


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vector(self.y * o.z - self.z * o.y,
                      self.z * o.x - self.x * o.z,
                      self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Color(Vector):
    def mix(self, o):
        return Color(self.x * o.x, self.y * o.y, self.z * o.z)

    def __add__(self, o):
        return Color(self.x + o.x, self.y + o.y, self.z + o.z)

    def __mul__(self, k):
        return Color(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def clamped(self):
        return Color(min(1.0, self.x), min(1.0, self.y), min(1.0, self.z))


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.9, specular=0.4, shininess=30, reflect=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, color, other, size, **kw):
        super().__init__(color, **kw)
        self.other = other
        self.size = size

    def color_at(self, point):
        n = int(math.floor(point.x / self.size) + math.floor(point.z / self.size))
        return self.color if n % 2 == 0 else self.other


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, material):
        super().__init__(material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane(Shape):
    def __init__(self, point, normal, material):
        super().__init__(material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.shapes = []
        self.lights = []
        self.ambient = Color(0.08, 0.08, 0.1)
        self.rays = 0

    def nearest(self, ray):
        self.rays += 1
        best_t = None
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = shape
        return best, best_t

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        shape, t = self.nearest(Ray(point, to_light))
        return shape is not None and t < distance

    def trace(self, ray, depth):
        shape, t = self.nearest(ray)
        if shape is None:
            return BLACK
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = -normal
        material = shape.material
        base = material.color_at(point)
        color = base.mix(self.ambient)
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                color = color + base.mix(light.color) * (material.diffuse * lambert)
                half = (to_light - ray.direction).normalized()
                spec = normal.dot(half)
                if spec > 0:
                    color = color + light.color * (material.specular * spec ** material.shininess)
        if material.reflect > 0 and depth > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            color = color + self.trace(bounce, depth - 1) * material.reflect
        return color.clamped()


class Camera:
    def __init__(self, eye, target, up, width, height, fov):
        self.eye = eye
        self.width = width
        self.height = height
        forward = (target - eye).normalized()
        right = forward.cross(up).normalized()
        self.up = right.cross(forward)
        self.right = right
        self.forward = forward
        self.scale = math.tan(fov * math.pi / 360.0)

    def ray(self, px, py):
        aspect = self.width / self.height
        sx = (2.0 * (px + 0.5) / self.width - 1.0) * aspect * self.scale
        sy = (1.0 - 2.0 * (py + 0.5) / self.height) * self.scale
        direction = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, direction)


def build_scene():
    scene = Scene()
    shiny = Material(Color(0.9, 0.2, 0.2), reflect=0.4)
    matte = Material(Color(0.2, 0.7, 0.3), specular=0.1, shininess=5)
    mirror = Material(Color(0.8, 0.8, 0.9), diffuse=0.3, specular=0.9, shininess=80, reflect=0.7)
    floor = Checker(Color(0.9, 0.9, 0.9), Color(0.1, 0.1, 0.15), 1.5, reflect=0.2)
    scene.shapes.append(Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor))
    scene.shapes.append(Sphere(Vector(0.0, 1.0, 3.0), 1.0, shiny))
    scene.shapes.append(Sphere(Vector(-2.2, 0.7, 4.0), 0.7, matte))
    scene.shapes.append(Sphere(Vector(2.0, 1.3, 4.5), 1.3, mirror))
    for i in range(5):
        scene.shapes.append(Sphere(Vector(-3.0 + 1.5 * i, 0.3, 1.2), 0.3,
                                   matte if i % 2 else shiny))
    scene.lights.append(Light(Vector(-4.0, 6.0, -2.0), Color(0.9, 0.9, 0.8)))
    scene.lights.append(Light(Vector(5.0, 4.0, 0.0), Color(0.3, 0.3, 0.45)))
    return scene


def render(width, height):
    scene = build_scene()
    camera = Camera(Vector(0.0, 2.0, -4.0), Vector(0.0, 1.0, 3.0), Vector(0.0, 1.0, 0.0),
                    width, height, 60.0)
    total = 0
    rows = []
    shades = " .:-=+*#%@"
    for py in range(height):
        row = []
        for px in range(width):
            c = scene.trace(camera.ray(px, py), 3)
            r, g, b = int(c.x * 255), int(c.y * 255), int(c.z * 255)
            total = (total * 7 + r * 65536 + g * 256 + b) % 1000000007
            row.append(shades[min(9, (r + g + b) * 10 // 766)])
        rows.append("".join(row))
    return total, scene.rays, rows


total, rays, rows = render(N, N * 3 // 4)
for i in range(0, len(rows), max(1, len(rows) // 6)):
    print(rows[i][::4])
print("rays", rays, "checksum", total)
