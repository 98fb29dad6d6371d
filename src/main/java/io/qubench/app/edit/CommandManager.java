package io.qubench.app.edit;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs every edit and keeps the undo and redo stacks (Scene Builder's JobManager). The
 * revision goes up on every execute, undo and redo, so views can redraw on one property.
 */
public final class CommandManager {

    /** Older edits are forgotten past this many, so that a long session does not grow without end. */
    public static final int MAX_UNDO = 500;

    private final Deque<EditCommand> undoStack = new ArrayDeque<>();
    private final Deque<EditCommand> redoStack = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");

    /** Executes {@code command}; if it throws, nothing is recorded and the exception goes to the caller. */
    public void execute(EditCommand command) {
        command.execute();
        undoStack.push(command);
        if (undoStack.size() > MAX_UNDO) {
            undoStack.removeLast();
        }
        redoStack.clear();
        changed();
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        EditCommand command = undoStack.pop();
        command.undo();
        redoStack.push(command);
        changed();
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        EditCommand command = redoStack.pop();
        command.redo();
        undoStack.push(command);
        changed();
    }

    /** Forgets all history, e.g. when another document is opened. */
    public void clear() {
        undoStack.clear();
        redoStack.clear();
        changed();
    }

    private void changed() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().description());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().description());
        revision.set(revision.get() + 1);
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The description of the edit {@link #undo()} would take back, or empty. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }
}
