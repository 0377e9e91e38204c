# single inheritance: overriding, extending, attribute resolution, __mro__
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"

class Cat(Animal):
    sound = "meow"
    def __init__(self, name, lives=9):
        Animal.__init__(self, name)
        self.lives = lives

for a in [Animal("thing"), Dog("rex"), Puppy("bit"), Cat("tom")]:
    print(a.speak(), "|", a.kind())
print(Cat("kit", 3).lives)
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__ == (Dog,), Animal.__bases__ == (object,))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy))
print(isinstance(Puppy("x"), Dog), isinstance(Cat("y"), Dog))
print(Dog.__dict__.get("speak"), "speak" in Animal.__dict__)
print([c.__name__ for c in Animal.__subclasses__()])
