# mandelbrot.py — a text Mandelbrot set: for each point of a grid, iterate
# z = z*z + c on separate real and imaginary floats until it escapes. Measures
# float arithmetic and comparisons in a tight while loop (no lists), then string
# building for the picture's rows.
N = 310  # small: 28

def mandel(size, max_iter):
    rows = []
    inside = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = []
        for x in range(size):
            cr = 2.5 * x / size - 2.0
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            if i == max_iter:
                inside += 1
            row.append(" .:-=+*#%@"[i % 10])
        rows.append("".join(row))
    return rows, inside

rows, inside = mandel(N, 200)
print(inside)
for r in rows[::N // 10]:
    print(r[::2])
