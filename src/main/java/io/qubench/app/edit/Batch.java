package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.List;

/** Several edits done and undone as one (a paste, a delete of many gates). */
public final class Batch implements EditCommand {

    private final String description;
    private final List<EditCommand> commands;

    public Batch(String description, List<? extends EditCommand> commands) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one command");
        }
        this.description = description;
        this.commands = List.copyOf(commands);
    }

    /** Executes in order; if one fails, those already done are undone and the failure is rethrown. */
    @Override
    public void execute() {
        List<EditCommand> done = new ArrayList<>();
        try {
            for (EditCommand c : commands) {
                c.execute();
                done.add(c);
            }
        } catch (RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                done.get(i).undo();
            }
            throw e;
        }
    }

    @Override
    public void undo() {
        for (int i = commands.size() - 1; i >= 0; i--) {
            commands.get(i).undo();
        }
    }

    @Override
    public void redo() {
        for (EditCommand c : commands) {
            c.redo();
        }
    }

    @Override
    public String description() {
        return description;
    }
}
