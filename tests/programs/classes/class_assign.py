# __class__ assignment, instance attribute mutation, isinstance after switch
class Cat:
    def speak(self):
        return "meow"
class Dog:
    def speak(self):
        return "woof"
pet = Cat()
print(pet.speak())
pet.__class__ = Dog
print(pet.speak(), isinstance(pet, Dog), type(pet).__name__)
try:
    pet.__class__ = int
except TypeError as e:
    print(e)
try:
    pet.__class__ = 5
except TypeError as e:
    print(e)
class Slotted:
    __slots__ = ("a",)
try:
    pet.__class__ = Slotted
except TypeError as e:
    print(e)
print(pet.__class__.__name__)
