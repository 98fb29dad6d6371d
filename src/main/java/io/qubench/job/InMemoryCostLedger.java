package io.qubench.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link CostLedger} in memory, for tests; the history database keeps the real one (history.H2CostLedger). */
public final class InMemoryCostLedger implements CostLedger {

    private final Map<String, Charge> byKey = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(Charge charge) {
        return byKey.putIfAbsent(charge.key(), charge) == null;
    }

    @Override
    public synchronized List<Charge> charges() {
        return new ArrayList<>(byKey.values());
    }
}
