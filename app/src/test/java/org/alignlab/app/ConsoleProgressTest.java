package org.alignlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.alignlab.core.Progress;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void silentForShortWorkABarForLongWork() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try (Progress quick = p.start("quick", 10)) {
            quick.advance(10);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing drawn in the first second");
        try (Progress outer = p.start("reproduce", 4); Progress inner = p.start("exp.a", 100)) {
            outer.advance(1);
            Thread.sleep(1_100);
            inner.advance(50);
            String line = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(line.contains("reproduce 1/4 | exp.a [###############               ] 50%"), line);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r"), "the line is wiped when work ends");
    }
}
