package io.qubench.app.livestate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import io.qubench.app.BackgroundRunner;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.sim.PauliString;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The ideal state of the circuit being edited, recomputed in the background after every valid
 * edit while the panel is active; a newer edit cancels the run still going for an older one.
 */
public final class LiveStateViewModel {

    public static final int DEFAULT_TOP_K = 32;

    private final BackgroundRunner runner;
    private final ObservableValue<Circuit> circuit;
    private final LiveStateComputer computer = new LiveStateComputer();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", DEFAULT_TOP_K);
    private final ReadOnlyObjectWrapper<LiveState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "No circuit yet");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    /** Pauli strings typed by the user, separated by commas or spaces ("ZZ, XIX"). */
    private final StringProperty observables = new SimpleStringProperty(this, "observables", "");
    /** Why some of {@link #observables} cannot be evaluated, or "" when all can. */
    private final ReadOnlyStringWrapper observablesError = new ReadOnlyStringWrapper(this, "observablesError", "");

    private BackgroundRunner.Cancellable pending = BackgroundRunner.Cancellable.DONE;
    /** Identifies the newest request: results of older ones are dropped even if they finish. */
    private long generation;
    /** The circuit of the newest request, computed or still running: the same circuit again needs no new run. */
    private Circuit requested;

    /** {@code circuit} changes to a new value on every valid edit (see WorkbenchViewModel#circuitProperty). */
    public LiveStateViewModel(BackgroundRunner runner, ObservableValue<Circuit> circuit) {
        this.runner = runner;
        this.circuit = circuit;
        circuit.addListener((obs, old, c) -> recompute());
        active.addListener((obs, was, on) -> recompute());
        topK.addListener((obs, old, k) -> {
            requested = null;
            recompute();
        });
        observables.addListener((obs, old, text) -> {
            requested = null;
            recompute();
        });
    }

    /**
     * The strings of {@link #observables} that fit an n-qubit circuit; the others are named in
     * {@link #observablesError}, which a typo (a letter that is no Pauli) also sets.
     */
    private List<PauliString> observablesFor(int n) {
        List<PauliString> fitting = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String text : observables.get().strip().split("[,\\s]+")) {
            if (text.isEmpty()) {
                continue;
            }
            try {
                fitting.add(PauliString.parse(text).requireFits(n));
            } catch (UserInputException e) {
                problems.add(e.getMessage());
            }
        }
        observablesError.set(String.join("; ", problems));
        return fitting;
    }

    private void recompute() {
        Circuit c = circuit.getValue();
        if (!active.get() || (c == requested && c != null)) {
            return;
        }
        pending.cancel();
        long mine = ++generation;
        requested = c;
        if (c == null) {
            finish(mine, null, "No circuit yet");
            return;
        }
        if (c.numQubits() > LiveStateComputer.MAX_QUBITS) {
            finish(mine, null, "Live state is off: this circuit has " + c.numQubits() + " qubits, the live view at most "
                    + LiveStateComputer.MAX_QUBITS + " (2^" + c.numQubits() + " amplitudes are too many to recompute on every edit). "
                    + "Simulate (F5) for its counts.");
            return;
        }
        computing.set(true);
        int k = Math.max(1, topK.get());
        List<PauliString> paulis = observablesFor(c.numQubits());
        pending = runner.run("Live state", () -> computer.compute(c, k, paulis), s -> finish(mine, s, s.note()), failure -> {
            if (!(failure instanceof CancellationException)) {
                finish(mine, null, "Live state unavailable: "
                        + Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName()));
            }
        });
    }

    private void finish(long request, LiveState s, String text) {
        if (request != generation) {
            return;
        }
        computing.set(false);
        state.set(s);
        message.set(text);
    }

    /** True while the panel is shown: work is done only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** How many of the most probable basis states the chart shows. */
    public IntegerProperty topKProperty() {
        return topK;
    }

    /** The newest computed state; null when there is none (no circuit, too large, an error). */
    public ReadOnlyObjectProperty<LiveState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the panel shows: what the state is, or why there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty observablesProperty() {
        return observables;
    }

    public ReadOnlyStringProperty observablesErrorProperty() {
        return observablesError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }
}
