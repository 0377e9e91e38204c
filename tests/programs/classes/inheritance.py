# Single and multiple inheritance, method overriding, isinstance/issubclass
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, an " + super().kind()

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return Dog.speak(self) + f" (age {self.age})"

class Cat(Animal):
    sound = "meow"

for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(a.speak(), "|", a.kind())

p = Puppy("x", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, (Cat, Animal)))
print(isinstance(p, (int, Cat)), isinstance(3, (str, int)))
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__base__)
print([c.__name__ for c in Puppy.mro()])
print(issubclass(bool, int), issubclass(Dog, object))
