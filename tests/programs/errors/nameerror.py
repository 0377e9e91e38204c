# NameError for an undefined global inside a function.
def show():
    print("defined", defined)
    print("undefined", undefined_name)

defined = 1
show()
