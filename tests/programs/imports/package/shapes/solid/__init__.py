from .. import flat
from ..flat import area
print("solid init sees", area(5), flat.__name__)
