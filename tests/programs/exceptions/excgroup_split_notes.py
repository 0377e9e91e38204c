# split() and subgroup() give each part its own list of the group's notes
# (a shallow copy, when __notes__ is a sequence); notes that are not a
# sequence are not copied at all.
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
eg.add_note("note1")
eg.add_note("note2")
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__)
print(match.__notes__ is eg.__notes__, rest.__notes__ is match.__notes__)
match.add_note("match")
rest.add_note("rest")
print(eg.__notes__, match.__notes__, rest.__notes__)

sub = eg.subgroup(ValueError)
print(sub.__notes__, sub.__notes__ is eg.__notes__)

eg.__notes__ = ("a", "b")
match, rest = eg.split(TypeError)
print(type(match.__notes__).__name__, match.__notes__)

for notes in (123, {"k": 1}):
    eg.__notes__ = notes
    match, rest = eg.split(TypeError)
    print(hasattr(match, "__notes__"), hasattr(rest, "__notes__"))
