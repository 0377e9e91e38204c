# str.format with positional, keyword, index and format specs.
print("{} and {}".format("spam", "eggs"))
print("{1} and {0}".format("spam", "eggs"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0}{1}{0}".format("ab", "cd"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^15}".format(" mid "), "{:08.3f}".format(-3.14159), "{:+d}".format(5))
print("{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}".format(255, 255, 8, 5, 255, 8, 5))
print("{:,} {:_} {:e}".format(1234567, 7654321, 0.000123))
print("{!r} {!s}".format("q", "q"), "{{literal}}".format())
print("{0[0]} {0[1]}".format(["x", "y"]), "{d[k]}".format(d={"k": "v"}))
print("{:5d}|{:<5d}|{:^5d}|{:05d}".format(42, 42, 42, 42))
print("{:.2%}".format(0.4567), "{:g}".format(1e-10), "{:10.4}".format("truncate"))
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
for name, qty, price in table:
    print("{:<10}{:>5}{:>8.2f}{:>9.2f}".format(name, qty, price, qty * price))
