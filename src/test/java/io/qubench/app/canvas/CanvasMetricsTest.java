package io.qubench.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanvasMetricsTest {

    @Test
    void pixelsAndCellsConvertBothWaysAtAnyZoom() {
        for (double zoom : new double[] {0.4, 1.0, 2.5}) {
            CanvasMetrics m = new CanvasMetrics(zoom);
            assertThat(m.columnAt(m.columnCentre(7))).isEqualTo(7);
            assertThat(m.rowAt(m.rowCentre(4))).isEqualTo(4);
            assertThat(m.columnAt(m.labelWidth() / 2)).isNegative();
        }
    }

    @Test
    void zoomOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new CanvasMetrics(10)).hasMessageContaining("zoom 10.0");
    }
}
