package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CountsTableTest {

    /** What the table printed with printf before, in a locale that writes a decimal point. */
    private static String printed(String key, int width, long count, long shots) {
        double p = shots == 0 ? 0 : (double) count / shots;
        return String.format(Locale.ROOT, "%-" + width + "s %8d  %6.4f  %s%n", key, count, p, "#".repeat((int) Math.round(p * 40)));
    }

    @Property
    void aRowReadsAsThePrintfRowDid(@ForAll @IntRange(min = 1, max = 30) int keyLength, @ForAll @IntRange(min = 0, max = 8) int wider,
            @ForAll @LongRange(min = 1, max = 10_000_000) long shots, @ForAll @LongRange(min = 0, max = 10_000_000) long count) {
        long c = count % (shots + 1);
        String key = "01".repeat(keyLength).substring(0, keyLength);
        assertThat(CountsTable.row(key, keyLength + wider, c, shots)).isEqualTo(printed(key, keyLength + wider, c, shots));
    }

    @Test
    void frequenciesOnAHalfRoundUpAsFormatterRoundsThem() {
        // 1/20000 = 0.00005 and 3/80000 = 0.0000375: the fifth decimal decides.
        for (long[] cs : new long[][] {{1, 20_000}, {3, 80_000}, {1, 3}, {2, 3}, {1, 1}, {0, 0}, {12_345, 1_000_000}}) {
            assertThat(CountsTable.row("00", 2, cs[0], cs[1])).isEqualTo(printed("00", 2, cs[0], cs[1]));
        }
        assertThat(CountsTable.row("00", 2, 1, 20_000)).contains(" 0.0001 ");
    }

    @Test
    void aCountWiderThanItsColumnPushesTheRestRightInsteadOfBeingCut() {
        assertThat(CountsTable.row("1", 1, 123_456_789, 123_456_789)).isEqualTo("1 123456789  1.0000  " + "#".repeat(40) + System.lineSeparator());
    }
}
