package org.alignlab.neural;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class NeuralTest {
    @Test
    void engineLoadsOfflineFromTheNativeJar() {
        assertEquals("PyTorch", Neural.engine().getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(Neural.version().startsWith("2.7.1"), Neural.version());
        assertTrue(Neural.cacheDir().toString().endsWith("pytorch"), Neural.cacheDir().toString());
        try (NDManager m = Neural.newManager()) {
            NDArray a = m.create(new float[] {1, 2, 3});
            assertEquals(6f, a.sum().getFloat());
        }
    }
}
