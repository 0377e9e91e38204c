/*
 * siphash.c — SipHash-1-3 (Aumasson & Bernstein's SipHash with one
 * compression round per 8-byte block and three finalization rounds), as
 * CPython 3.11's Python/pyhash.c computes it: the hash of str and bytes
 * (keyed by the hash secret, str.c) and _imp.source_hash (loader/).
 *
 * The state is four 64-bit words initialised from the key; each message
 * word is XORed into v3, mixed by the rounds, then XORed into v0.  The last
 * block holds the remaining 0..7 bytes with the message length (mod 256) in
 * its top byte.  Bytes are read little-endian whatever the host's order, so
 * the hash — and the pyc header that stores it — is the same everywhere.
 */
#include <string.h>
#include "runtime/siphash.h"

static inline uint64_t rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

/* One SipRound over the state v[0..3]. */
static inline void sip_round(uint64_t v[4])
{
    v[0] += v[1]; v[1] = rotl(v[1], 13) ^ v[0]; v[0] = rotl(v[0], 32);
    v[2] += v[3]; v[3] = rotl(v[3], 16) ^ v[2];
    v[0] += v[3]; v[3] = rotl(v[3], 21) ^ v[0];
    v[2] += v[1]; v[1] = rotl(v[1], 17) ^ v[2]; v[2] = rotl(v[2], 32);
}

/* The last 0..7 bytes as a little-endian word (a switch that falls
 * through, not a loop: most strings hashed are shorter than 8 bytes). */
static inline uint64_t load_le(const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    switch (n) {
    case 7: w |= (uint64_t)p[6] << 48;  /* fall through */
    case 6: w |= (uint64_t)p[5] << 40;  /* fall through */
    case 5: w |= (uint64_t)p[4] << 32;  /* fall through */
    case 4: w |= (uint64_t)p[3] << 24;  /* fall through */
    case 3: w |= (uint64_t)p[2] << 16;  /* fall through */
    case 2: w |= (uint64_t)p[1] << 8;   /* fall through */
    case 1: w |= (uint64_t)p[0];        /* fall through */
    default: break;
    }
    return w;
}

/* A whole 8-byte block: one load where the host is little-endian. */
static inline uint64_t load_block(const unsigned char *p)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
#else
    return load_le(p, 4) | load_le(p + 4, 4) << 32;
#endif
}

/* Absorb one message word: c = 1 compression round. */
static inline void absorb(uint64_t v[4], uint64_t m)
{
    v[3] ^= m;
    sip_round(v);
    v[0] ^= m;
}

uint64_t rt_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t v[4] = {
        k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
        k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL,
    };
    size_t left = n;
    for (; left >= 8; left -= 8, p += 8)
        absorb(v, load_block(p));
    absorb(v, load_le(p, left) | (uint64_t)n << 56);
    /* Finalization: d = 3 rounds. */
    v[2] ^= 0xff;
    sip_round(v);
    sip_round(v);
    sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}
