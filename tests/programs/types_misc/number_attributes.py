# int/float/complex/bool attributes are read-only (AttributeError messages on set and delete); real/imag/numerator/denominator
for obj, attr in ((5, 'real'), (5, 'x'), (2.5, 'imag'), (1j, 'real'), (True, 'numerator')):
    try:
        setattr(obj, attr, 1)
    except AttributeError as e:
        print(e)
    try:
        delattr(obj, attr)
    except AttributeError as e:
        print(e)
print(int.real, float.imag, (3).bit_length(), (2.5).real, (1+2j).imag)
print(True.real, type(True.real), False.denominator, (-7).numerator, (10**40).real == 10**40)
print(hasattr(5, 'real'), getattr(5, 'imag'), 'real' in dir(5))
