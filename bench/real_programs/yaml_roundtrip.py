# PyYAML (Debian's python3-yaml; its pure-Python loader and dumper, as _yaml is C)
# dumping and loading 1,500 records.
import yaml
data = {'items': [{'id': i, 'name': 'item %d' % i, 'tags': ['a', 'b', str(i % 7)], 'price': i * 1.25, 'ok': i % 3 == 0} for i in range(1500)]}
text = yaml.safe_dump(data)
back = yaml.safe_load(text)
print(len(text), back == data)
