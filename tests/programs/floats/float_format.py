# Formatting floats with format specs in f-strings and str.format.
pi = 3.141592653589793
e = 2.718281828459045
for spec in ["", ".0f", ".2f", ".10f", "e", ".3e", "g", ".3g", ".12g", "%", ".1%", "10.3f", "<10.2f", "^12.4f", "+.2f", "08.3f", ",.2f"]:
    print(repr(spec), f"{pi:{spec}}", f"{-e * 1000:{spec}}")
print("{:.3f} {:>8.2f} {:e}".format(pi, e, 12345.678))
print(f"{1e20:f}", f"{1e-7:f}", f"{1e-7:g}", f"{123456789.0:g}")
print(f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}", f"{2.675:.2f}")
print(f"{float('inf'):.2f}", f"{float('-inf'):e}", f"{float('nan'):10.1f}")
print(f"{1234567.891:,.1f}", f"{-0.0:.1f}", f"{100.0:g}")
