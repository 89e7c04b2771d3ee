package org.alignlab.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams derived from one seed. The same (seed, name) always gives the same stream; different
 * names give streams that are statistically independent (a 64-bit hash of the name is mixed into the seed with
 * the SplitMix64 finaliser). The clock is never used.
 */
public final class Seeds {
    private Seeds() {}

    /** A child seed for {@code name}. */
    public static long derive(long seed, String name) {
        return mix(seed ^ mix(fnv1a(name) + 0x9E3779B97F4A7C15L));
    }

    /** The seed of replicate {@code index} of a claim check that starts from {@code base}. */
    public static long replicate(long base, int index) {
        return derive(base, "replicate/" + index);
    }

    public static SplittableRandom stream(long seed, String name) {
        return new SplittableRandom(derive(seed, name));
    }

    // FNV-1a over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's 32 bits.
    static long fnv1a(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    // SplitMix64 finaliser (Steele, Lea, Flood 2014).
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
