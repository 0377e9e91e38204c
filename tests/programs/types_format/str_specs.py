# format() of str: width, alignment, fill characters, precision (truncation), non-ASCII text, nested fields in f-strings; the specs str refuses
for spec in ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "8.3", "é>4", "^"]:
    print(repr(spec), repr(format("abc", spec)), repr(format("héllo", spec)))
for bad in ["d", "=5", "+", ",", "#"]:
    try:
        format("x", bad)
    except ValueError as e:
        print(e)
print(f"{'x':>{3}}|{'y':{'^'}5}|{3.14159:.{2}f}|{'%'}|{{}}")
