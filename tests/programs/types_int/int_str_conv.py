# int to text: str/repr of big and negative ints, f-string and format() specs, printf-style % conversions
print(str(10 ** 50), repr(-10 ** 20), str(0), str(-0))
print(f"{2**64:,}", f"{-1234567:_}", f"{255:#x}", f"{255:08b}", f"{-42:+d}", f"{42: d}")
print(format(1234, "e"), format(1234, ".2f"), format(10**20, "g"), format(65, "c"))
print("%d %i %x %X %o %5d|%-5d|%05d" % (10, -3, 255, 255, 8, 42, 42, 42))
