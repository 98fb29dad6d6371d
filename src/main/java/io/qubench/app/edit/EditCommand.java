package io.qubench.app.edit;

/**
 * One undoable edit (Scene Builder's Job): {@link #execute()} does it the first time,
 * {@link #undo()} takes it back, {@link #redo()} does it again after an undo.
 */
public interface EditCommand {

    /**
     * Does the edit. A command that cannot be done throws a
     * {@link io.qubench.circuit.UserInputException} and changes nothing.
     */
    void execute();

    void undo();

    default void redo() {
        execute();
    }

    /** What the edit did, for "Undo Add h" menu items. */
    String description();
}
