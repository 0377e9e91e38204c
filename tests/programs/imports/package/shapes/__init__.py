print("shapes package init", __name__)
from .flat import area as _area
