package io.qubench.qasm;

import java.util.Arrays;

/**
 * Splits OpenQASM 2 and 3 text into tokens held in parallel arrays (a 3 MB file has about a
 * million tokens: no object per token). Positions are 1-based lines and columns.
 */
final class Lexer {

    private static final String TWO_CHAR_SYMBOLS = "-> == != <= >= ** && ||";

    private final String text;
    private final String source;
    private Token[] kinds = new Token[1024];
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int[] lines = new int[1024];
    private int[] columns = new int[1024];
    private int count;

    private Lexer(String text, String source) {
        this.text = text;
        this.source = source;
    }

    static Lexer tokenize(String text, String source) {
        Lexer lexer = new Lexer(text, source);
        lexer.run();
        return lexer;
    }

    int size() {
        return count;
    }

    Token kind(int i) {
        return kinds[i];
    }

    String text(int i) {
        return text.substring(starts[i], ends[i]);
    }

    boolean is(int i, String s) {
        int len = ends[i] - starts[i];
        return len == s.length() && text.startsWith(s, starts[i]) && kinds[i] != Token.STRING;
    }

    int line(int i) {
        return lines[i];
    }

    int column(int i) {
        return columns[i];
    }

    /** The column just after token {@code i}. */
    int endColumn(int i) {
        return columns[i] + (ends[i] - starts[i]);
    }

    private void run() {
        int pos = 0;
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\ufeff') {
                pos++;
                continue;
            }
            int column = pos - lineStart + 1;
            if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '/') {
                while (pos < n && text.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw new QasmException(source, line, column, "unterminated block comment");
                }
                for (int k = pos; k < close; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                pos = close + 2;
                continue;
            }
            int start = pos;
            Token kind;
            if (Character.isLetter(c) || c == '_') {
                while (pos < n && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                kind = Token.IDENTIFIER;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(text.charAt(pos + 1)))) {
                boolean real = false;
                while (pos < n && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos < n && text.charAt(pos) == '.') {
                    real = true;
                    pos++;
                    while (pos < n && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                }
                if (pos < n && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < n && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < n && Character.isDigit(text.charAt(pos))) {
                        real = true;
                        while (pos < n && Character.isDigit(text.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                kind = real ? Token.REAL : Token.INTEGER;
            } else if (c == '"') {
                pos++;
                while (pos < n && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
                    pos++;
                }
                if (pos >= n || text.charAt(pos) != '"') {
                    throw new QasmException(source, line, column, "unterminated string");
                }
                pos++;
                kind = Token.STRING;
            } else if (c == '$' && pos + 1 < n && Character.isDigit(text.charAt(pos + 1))) {
                pos++;
                while (pos < n && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                kind = Token.HARDWARE_QUBIT;
            } else if (c == 'π' || c == 'θ' || c == 'φ' || c == 'λ' || c == 'γ') {
                pos++;
                kind = Token.IDENTIFIER;
            } else if ("; , ( ) [ ] { } - + * / ^ @ = < > ! & | % ~ :".indexOf(c) >= 0) {
                pos++;
                if (pos < n && TWO_CHAR_SYMBOLS.contains(text.substring(start, pos + 1)) && text.charAt(pos) != ' ') {
                    pos++;
                }
                kind = Token.SYMBOL;
            } else {
                String shown = c < ' ' || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
                throw new QasmException(source, line, column, "unexpected character '" + shown + "'");
            }
            add(kind, start, pos, line, column);
        }
        add(Token.END, n, n, line, n - lineStart + 1);
    }

    private void add(Token kind, int start, int end, int line, int column) {
        if (count == kinds.length) {
            int size = count * 2;
            kinds = Arrays.copyOf(kinds, size);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            lines = Arrays.copyOf(lines, size);
            columns = Arrays.copyOf(columns, size);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        lines[count] = line;
        columns[count] = column;
        count++;
    }
}
