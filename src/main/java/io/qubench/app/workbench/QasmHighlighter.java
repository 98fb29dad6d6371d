package io.qubench.app.workbench;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Computes syntax-highlighting style classes for OpenQASM 2 and 3 text. */
final class QasmHighlighter {

    static final String KEYWORD = "keyword";
    static final String GATE = "gate";
    static final String NUMBER = "number";
    static final String COMMENT = "comment";
    static final String STRING = "string";
    static final String ERROR = "error";

    private static final String KEYWORDS = String.join("|", "OPENQASM", "include", "qreg", "creg", "qubit", "bit",
            "gate", "opaque", "measure", "reset", "barrier", "if", "else", "input", "output", "const", "float", "angle",
            "int", "uint", "bool", "ctrl", "negctrl", "inv", "pow", "pi", "gphase");
    private static final String GATES = String.join("|", "U", "CX", "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg",
            "sx", "sxdg", "rx", "ry", "rz", "p", "u1", "u2", "u3", "u", "cx", "cy", "cz", "ch", "cp", "cu1", "crx",
            "cry", "crz", "cu3", "cu", "swap", "iswap", "ecr", "rxx", "ryy", "rzz", "ccx", "cswap", "phase", "cphase");

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>//[^\\n]*|/\\*(?s:.*?)\\*/)"
                    + "|(?<STRING>\"[^\"\\n]*\")"
                    + "|(?<KEYWORD>\\b(?:" + KEYWORDS + ")\\b)"
                    + "|(?<GATE>\\b(?:" + GATES + ")\\b)"
                    + "|(?<NUMBER>\\b\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?\\b|\\$\\d+)");

    private QasmHighlighter() {
    }

    /**
     * Style spans for {@code text}; when {@code errorStart ≥ 0} the characters from there to
     * the end of that token are also marked as an error.
     */
    static StyleSpans<Collection<String>> compute(String text, int errorStart) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int errorEnd = errorStart < 0 ? -1 : tokenEnd(text, errorStart);
        int last = 0;
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            last = addPlain(spans, text, last, m.start(), errorStart, errorEnd);
            String style = m.group("COMMENT") != null ? COMMENT
                    : m.group("STRING") != null ? STRING
                    : m.group("KEYWORD") != null ? KEYWORD
                    : m.group("GATE") != null ? GATE : NUMBER;
            last = addStyled(spans, style, last, m.end(), errorStart, errorEnd);
        }
        addPlain(spans, text, last, text.length(), errorStart, errorEnd);
        return spans.create();
    }

    private static int addPlain(StyleSpansBuilder<Collection<String>> spans, String text, int from, int to, int es, int ee) {
        return addStyled(spans, null, from, to, es, ee);
    }

    /** Adds [from, to) with {@code style}, splitting it where it overlaps the error range. */
    private static int addStyled(StyleSpansBuilder<Collection<String>> spans, String style, int from, int to, int es, int ee) {
        int pos = from;
        while (pos < to) {
            boolean inError = es >= 0 && pos >= es && pos < ee;
            int next = inError ? Math.min(to, ee) : (es >= pos && es < to ? es : to);
            if (next == pos) {
                next = to;
            }
            List<String> classes = style == null
                    ? (inError ? List.of(ERROR) : List.of())
                    : (inError ? List.of(style, ERROR) : List.of(style));
            spans.add(classes, next - pos);
            pos = next;
        }
        return Math.max(pos, from);
    }

    /** End of the token starting at {@code start}: at least one character, up to the next space or ';'. */
    private static int tokenEnd(String text, int start) {
        if (start >= text.length()) {
            return text.length();
        }
        int end = start + 1;
        if (Character.isLetterOrDigit(text.charAt(start)) || text.charAt(start) == '_') {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        return end;
    }

    /** Offset of 1-based {@code line} and {@code column} in {@code text}, clamped to its length. */
    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return text.length();
            }
            offset = nl + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }
}
