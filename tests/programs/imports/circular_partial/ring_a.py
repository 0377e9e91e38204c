# imports ring_b, which imports this module back before VALUE is set
import ring_b
VALUE = 1
