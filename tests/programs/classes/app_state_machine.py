# A state machine using class-level tables, staticmethods and dispatch by getattr
class TrafficLight:
    transitions = {"red": "green", "green": "yellow", "yellow": "red"}
    durations = {"red": 3, "green": 2, "yellow": 1}
    def __init__(self):
        self.state = "red"
        self.log = []
    def on_red(self):
        self.log.append("stop")
    def on_green(self):
        self.log.append("go")
    def on_yellow(self):
        self.log.append("slow")
    def step(self):
        getattr(self, "on_" + self.state)()
        self.state = self.transitions[self.state]
    @staticmethod
    def total(states):
        return sum([TrafficLight.durations[s] for s in states])
light = TrafficLight()
for _ in range(5):
    light.step()
print(light.state, light.log, TrafficLight.total(["red", "green"]))
handlers = {name: getattr(light, name) for name in dir(light) if name.startswith("on_")}
print(sorted(handlers))
handlers["on_green"]()
print(light.log[-1])
