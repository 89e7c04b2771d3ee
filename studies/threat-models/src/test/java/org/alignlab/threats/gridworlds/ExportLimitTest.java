package org.alignlab.threats.gridworlds;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignlab.decision.env.EnvException;
import org.alignlab.decision.grid.MdpExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tomato watering draws once per tomato per step: exact export must refuse it promptly, not exhaust memory. */
class ExportLimitTest {
    @Test
    @Timeout(120)
    void tooStochasticToExportIsRefusedWithAClearMessage() {
        var ex = assertThrows(EnvException.class, () -> MdpExport.export(new TomatoWatering(), 0.99));
        assertTrue(ex.getMessage().contains("too stochastic") || ex.getMessage().contains("reachable states"),
                ex.getMessage());
    }
}
