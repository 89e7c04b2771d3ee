package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link NativeHeap}: on Linux with glibc the engine start-up applies the allocator options. */
class NativeHeapTest {
    interface Glibc extends Library {
        String gnu_get_libc_version();
    }

    @Test
    void engineStartTunesTheGlibcHeap() {
        Assumptions.assumeTrue(Platform.isLinux() && isGlibc(), "glibc only");
        Neural.engine();
        assertTrue(NativeHeap.tuned(), "mallopt was not applied at engine start-up");
    }

    private static boolean isGlibc() {
        try {
            return Native.load("c", Glibc.class).gnu_get_libc_version() != null;
        } catch (LinkageError ex) {
            return false;
        }
    }
}
