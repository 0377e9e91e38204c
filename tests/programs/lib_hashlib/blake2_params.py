# hashlib.blake2b/blake2s (_blake2): keys, salt, person, digest sizes, tree parameters, copies, and CPython's errors
import hashlib, _blake2

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

for cls in (hashlib.blake2b, hashlib.blake2s):
    print(cls.__name__, cls.SALT_SIZE, cls.PERSON_SIZE, cls.MAX_KEY_SIZE, cls.MAX_DIGEST_SIZE)
    print(cls(b'abc').hexdigest())
    print(cls(b'abc', digest_size=20).hexdigest())
    print(cls(b'abc', key=b'secret key').hexdigest())
    print(cls(b'abc', key=b'k' * cls.MAX_KEY_SIZE, digest_size=7).hexdigest())
    print(cls(b'abc', salt=b'salty', person=b'me').hexdigest())
    print(cls(b'abc', key=b'k', salt=b's', person=b'p', fanout=2, depth=3, leaf_size=5,
              node_offset=7, node_depth=1, inner_size=16, last_node=True,
              digest_size=20).hexdigest())
    print(cls(leaf_size=2**32 - 1, node_offset=2**48 - 1, fanout=0, depth=255).hexdigest())
    h = cls(key=b'key')
    h.update(b'hello ')
    c = h.copy()
    h.update(bytearray(b'world'))
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest(), len(c.digest()))
    print(type(h).__name__, type(h).__module__, hashlib.new(cls.__name__, b'abc').digest() == cls(b'abc').digest())
print(hashlib.blake2b(node_offset=2**64 - 1).hexdigest()[:16], hashlib.blake2b(b'x' * 300).hexdigest()[:16])
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE, _blake2.BLAKE2B_PERSON_SIZE)

for f in [lambda: hashlib.blake2b(data=b'x'),
          lambda: hashlib.blake2b(b'x', b'y'),
          lambda: hashlib.blake2b('x'),
          lambda: hashlib.blake2b(1),
          lambda: hashlib.blake2b(digest_size=0),
          lambda: hashlib.blake2b(digest_size=65),
          lambda: hashlib.blake2s(salt=b'x' * 9),
          lambda: hashlib.blake2s(person=b'x' * 9),
          lambda: hashlib.blake2s(key=b'x' * 33),
          lambda: hashlib.blake2s(fanout=256),
          lambda: hashlib.blake2s(depth=0),
          lambda: hashlib.blake2s(leaf_size=-1),
          lambda: hashlib.blake2s(leaf_size=2**32),
          lambda: hashlib.blake2s(node_offset=2**48),
          lambda: hashlib.blake2b(node_offset=-1),
          lambda: hashlib.blake2s(node_depth=256),
          lambda: hashlib.blake2s(inner_size=33),
          lambda: hashlib.blake2s(foo=1),
          lambda: hashlib.blake2s(key='x'),
          lambda: hashlib.blake2s(digest_size='x'),
          lambda: hashlib.blake2s().update(),
          lambda: hashlib.blake2s().update('x'),
          lambda: hashlib.blake2s().digest(1)]:
    print(attempt(f))
class Sub(hashlib.blake2b):
    pass
