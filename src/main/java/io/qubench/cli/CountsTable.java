package io.qubench.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A row of {@code qubench simulate}'s counts table: the outcome, its count, its frequency and a bar.
 * Built by hand rather than by {@code printf}: a spread-out run prints 1,000 rows at the end of a
 * short-lived process, and Formatter, still interpreted then, took ~75 ms of it.
 */
final class CountsTable {

    private static final int COUNT_WIDTH = 8;
    private static final int BAR_LENGTH = 40;

    private CountsTable() {
    }

    /** {@code printf("%-<width>s %8d  %6.4f  %s%n", ...)} with the frequency written as {@code 0.1234}. */
    static String row(String key, int width, long count, long shots) {
        double p = shots == 0 ? 0 : (double) count / shots;
        StringBuilder row = new StringBuilder(width + 24 + BAR_LENGTH).append(key);
        pad(row, width - key.length());
        String digits = Long.toString(count);
        pad(row.append(' '), COUNT_WIDTH - digits.length());
        row.append(digits).append("  ");
        // Half-up from the shortest decimal form of p, as Formatter rounds.
        row.append(BigDecimal.valueOf(p).setScale(4, RoundingMode.HALF_UP).toPlainString()).append("  ");
        row.repeat('#', (int) Math.round(p * BAR_LENGTH));
        return row.append(System.lineSeparator()).toString();
    }

    private static void pad(StringBuilder row, int spaces) {
        row.repeat(' ', Math.max(0, spaces));
    }
}
