package dev.stowage.domain.routing;

/** The 64-bit hashing prefix-aware routing and prompt blocks share: stable across JVMs, hosts and releases. */
final class Hashes {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashes() {}

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 code units of {@code text[from, to)}, continuing from {@code seed}. */
    static long fnv(long seed, CharSequence text, int from, int to) {
        long hash = seed;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * FNV_PRIME;
            hash = (hash ^ (c >>> 8)) * FNV_PRIME;
        }
        return hash;
    }

    static long of(String text) {
        return mix(fnv(FNV_OFFSET, text, 0, text.length()));
    }

    static long offset() {
        return FNV_OFFSET;
    }
}
