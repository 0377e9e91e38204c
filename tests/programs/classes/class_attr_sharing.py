# class attributes shared between instances: mutable class attrs, counters, class vs instance writes
class Team:
    members = []
    size = 0
    def __init__(self, name):
        self.name = name
    def join(self, who):
        self.members.append(who)
        self.size += 1
t1, t2 = Team("a"), Team("b")
t1.join("ann")
t2.join("bob")
print(Team.members, t1.members is t2.members, t1.size, t2.size, Team.size)
class Fixed:
    def __init__(self, name):
        self.name = name
        self.members = []
f1, f2 = Fixed("a"), Fixed("b")
f1.members.append("x")
print(f1.members, f2.members)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
class SubCounter(Counter):
    pass
cs = [Counter(), SubCounter(), Counter()]
print([c.id for c in cs], Counter.instances, SubCounter.instances, "instances" in SubCounter.__dict__)
SubCounter.instances = 100
print(Counter.instances, SubCounter.instances)
class Config:
    defaults = {"color": "red", "size": 1}
    def __init__(self, **over):
        self.settings = {**self.defaults, **over}
print(Config().settings, Config(size=3).settings, Config.defaults)
Config.defaults["color"] = "blue"
print(Config().settings)
