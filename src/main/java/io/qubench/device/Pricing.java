package io.qubench.device;

/**
 * What one task on a backend costs, in US dollars: a fee per task, per shot, per second of
 * device time (with a billed minimum), per one- and two-qubit gate-shot, and a minimum charge
 * per task. Unused parts are 0. {@code source} says where the figures come from.
 */
public record Pricing(double perTask, double perShot, double perSecond, double minimumSeconds, double perOneQubitGateShot,
        double perTwoQubitGateShot, double minimumPerTask, String source) {

    public static final Pricing FREE = new Pricing(0, 0, 0, 0, 0, 0, 0, "runs on this machine");

    public Pricing {
        check(perTask, "perTask");
        check(perShot, "perShot");
        check(perSecond, "perSecond");
        check(minimumSeconds, "minimumSeconds");
        check(perOneQubitGateShot, "perOneQubitGateShot");
        check(perTwoQubitGateShot, "perTwoQubitGateShot");
        check(minimumPerTask, "minimumPerTask");
        source = source == null ? "" : source;
    }

    /** A fee per task plus one per shot, as Braket charges its QPUs. */
    public static Pricing perTaskAndShot(double perTask, double perShot, String source) {
        return new Pricing(perTask, perShot, 0, 0, 0, 0, 0, source);
    }

    /** Device time only, billed for at least {@code minimumSeconds} per task. */
    public static Pricing perSecond(double perSecond, double minimumSeconds, String source) {
        return new Pricing(0, 0, perSecond, minimumSeconds, 0, 0, 0, source);
    }

    /** The charge for one task with this usage. */
    public double cost(PricingUsage usage) {
        double seconds = usage.seconds() > 0 || perSecond > 0 ? Math.max(usage.seconds(), minimumSeconds) : 0;
        double gateShots = perOneQubitGateShot * usage.oneQubitGates() * (double) usage.shots()
                + perTwoQubitGateShot * usage.twoQubitGates() * (double) usage.shots();
        double variable = perShot * usage.shots() + perSecond * seconds + gateShots;
        return perTask + Math.max(variable, minimumPerTask);
    }

    public boolean free() {
        return perTask == 0 && perShot == 0 && perSecond == 0 && perOneQubitGateShot == 0 && perTwoQubitGateShot == 0
                && minimumPerTask == 0;
    }

    /** Whether the price depends on how long the device runs, so an estimate needs a time estimate. */
    public boolean chargesTime() {
        return perSecond > 0;
    }

    /** A short line such as {@code $0.30/task + $0.08/shot}, or {@code free}. */
    public String summary() {
        if (free()) {
            return "free";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (perTask > 0) {
            parts.add(money(perTask) + "/task");
        }
        if (perShot > 0) {
            parts.add(money(perShot) + "/shot");
        }
        if (perSecond > 0) {
            parts.add(money(perSecond) + "/s" + (minimumSeconds > 0 ? " (min " + trim(minimumSeconds) + " s)" : ""));
        }
        if (perOneQubitGateShot > 0) {
            parts.add(money(perOneQubitGateShot) + "/1q-gate-shot");
        }
        if (perTwoQubitGateShot > 0) {
            parts.add(money(perTwoQubitGateShot) + "/2q-gate-shot");
        }
        String s = String.join(" + ", parts);
        return minimumPerTask > 0 ? s + ", min " + money(minimumPerTask) : s;
    }

    private static String money(double v) {
        return "$" + trim(v);
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void check(double value, String field) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("price " + field + " must be a finite amount of 0 or more, not " + value);
        }
    }
}
