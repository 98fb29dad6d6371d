package io.qubench.app.workbench;

import java.time.Duration;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The OpenQASM text editor: highlighted, with line numbers, and the current error marked at
 * its line and column. Text changes flow into the view model's property after a short pause.
 */
final class QasmEditor {

    private static final Duration VALIDATE_AFTER = Duration.ofMillis(300);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
    private final WorkbenchViewModel viewModel;
    private boolean loading;

    QasmEditor(WorkbenchViewModel viewModel) {
        this.viewModel = viewModel;
        area.setId("qasm-editor");
        area.getStyleClass().add("qasm-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);

        viewModel.textRevisionProperty().addListener((obs, old, rev) -> replaceText(viewModel.qasmTextProperty().get()));
        viewModel.rewriteRevisionProperty().addListener((obs, old, rev) -> rewriteText(viewModel.qasmTextProperty().get()));
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeys);
        area.multiPlainChanges().successionEnds(VALIDATE_AFTER).subscribe(ignore -> {
            // Text the view model wrote itself (a load, a canvas edit, an undo) needs no second check.
            if (!loading && hasUncommittedTyping()) {
                viewModel.qasmTextProperty().set(area.getText());
                viewModel.validate();
            }
        });
        area.plainTextChanges().subscribe(ignore -> highlight());
        viewModel.errorProperty().addListener((obs, old, e) -> highlight());
        replaceText(viewModel.qasmTextProperty().get());
    }

    Node node() {
        return scroll;
    }

    CodeArea area() {
        return area;
    }

    /** Moves the caret to the error's line and column. */
    void showError() {
        WorkbenchViewModel.ErrorLocation e = viewModel.errorProperty().get();
        if (e != null && e.line() > 0) {
            area.moveTo(QasmHighlighter.offsetOf(area.getText(), e.line(), e.column()));
            area.requestFollowCaret();
            area.requestFocus();
        }
    }

    /**
     * Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) go to the workbench's history, shared with the canvas,
     * except while typing that has not been taken in yet, which the text area undoes itself.
     */
    private void undoKeys(KeyEvent e) {
        boolean undo = UNDO.match(e);
        boolean redo = REDO.match(e) || REDO_SHIFT.match(e);
        if ((undo || redo) && !hasUncommittedTyping()) {
            e.consume();
            if (undo) {
                viewModel.undo();
            } else {
                viewModel.redo();
            }
        }
    }

    /** True while the text differs from what the view model last took in (the pause before validation). */
    boolean hasUncommittedTyping() {
        return !area.getText().equals(viewModel.qasmTextProperty().get());
    }

    /** Shows text an edit or undo wrote, keeping the caret and scroll position as near as it can. */
    private void rewriteText(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        int caret = Math.min(area.getCaretPosition(), text.length());
        double scrollY = area.getEstimatedScrollY();
        loading = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory();
            area.moveTo(caret);
            area.scrollYToPixel(scrollY);
        } finally {
            loading = false;
        }
        highlight();
    }

    private void replaceText(String text) {
        loading = true;
        try {
            area.replaceText(text);
            area.getUndoManager().forgetHistory();
            area.moveTo(0);
            area.scrollYToPixel(0);
        } finally {
            loading = false;
        }
        highlight();
    }

    private void highlight() {
        String text = area.getText();
        WorkbenchViewModel.ErrorLocation e = viewModel.errorProperty().get();
        int errorAt = e != null && e.line() > 0 ? QasmHighlighter.offsetOf(text, e.line(), e.column()) : -1;
        if (text.isEmpty()) {
            return;
        }
        area.setStyleSpans(0, QasmHighlighter.compute(text, errorAt));
    }
}
