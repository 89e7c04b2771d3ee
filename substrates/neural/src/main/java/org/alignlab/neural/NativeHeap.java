package org.alignlab.neural;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps libtorch's freed buffers in the C heap between training steps (glibc only).
 *
 * <p>PyTorch's CPU allocator hands each tensor to {@code malloc} and back to {@code free}. With glibc's defaults a
 * buffer of a few megabytes is mapped fresh from the kernel and unmapped again when freed, so every step of a
 * full-batch model touches its activations' pages anew: thousands of page faults per step, which on a virtual
 * machine cost a large share of the step (measured here: a grokking step at p = 113 went from about 240 to 185 ms on
 * one thread). Raising the mmap threshold to glibc's maximum (32 MiB) and the trim threshold lets those buffers be
 * reused from the heap instead. Numbers are unaffected, only where the memory comes from. Disable with
 * {@code -Dalignlab.neural.heapTuning=false}.
 */
final class NativeHeap {
    /** System property that turns the tuning off. */
    static final String PROPERTY = "alignlab.neural.heapTuning";

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static boolean tuned;

    /** The C library's allocator options. */
    interface LibC extends Library {
        int mallopt(int param, int value);
    }

    private NativeHeap() {}

    /** Applies the tuning once, on Linux with glibc; true when it took effect. */
    static synchronized boolean tune() {
        if (tuned || !Platform.isLinux() || "false".equalsIgnoreCase(System.getProperty(PROPERTY))) return tuned;
        try {
            LibC c = Native.load("c", LibC.class);
            tuned = c.mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1
                    & c.mallopt(M_TRIM_THRESHOLD, 256 << 20) == 1
                    & c.mallopt(M_TOP_PAD, 64 << 20) == 1;
        } catch (LinkageError | RuntimeException ex) {
            // Not glibc (no mallopt) or no JNA native for this platform: run with the allocator's defaults.
            tuned = false;
        }
        return tuned;
    }

    /** Whether the tuning is in effect. */
    static synchronized boolean tuned() {
        return tuned;
    }
}
