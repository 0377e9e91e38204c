# A context manager that records events, with exception info in __exit__
class Recorder:
    events = []
    def __enter__(self):
        Recorder.events.append("enter")
        return self
    def __exit__(self, *exc):
        Recorder.events.append(("exit", exc[0] is not None))
        return True
for i in range(3):
    with Recorder():
        if i == 1:
            raise RuntimeError
print(Recorder.events)
