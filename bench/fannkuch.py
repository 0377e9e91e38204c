# fannkuch.py — the Benchmarks Game fannkuch-redux: for every permutation of
# 1..N, count the pancake flips until 1 is in front. Measures list slicing and
# slice assignment (the reversals), list item get/set, while loops, and
# swap-by-tuple (BUILD_TUPLE/UNPACK_SEQUENCE or SWAP).
N = 9  # small: 7

def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1

# two rounds, to bring the run time into the suite's range
for _ in range(2):
    print("Pfannkuchen(%d) = %r" % (N, fannkuch(N)))
