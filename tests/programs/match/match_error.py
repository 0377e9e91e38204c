# A class pattern naming something that is not a type, uncaught.
def check(v):
    match v:
        case print():
            return "printed?"
print(check(1))
