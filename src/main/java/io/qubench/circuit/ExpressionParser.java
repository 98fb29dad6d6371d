package io.qubench.circuit;

/**
 * Recursive-descent parser for parameter expressions typed by a user (an angle field in the
 * editor, a CLI option). The QASM reader builds the same {@link Expression} trees from its own
 * tokens so that it can report line and column.
 */
final class ExpressionParser {

    private final String text;
    private int pos;

    private ExpressionParser(String text) {
        this.text = text;
    }

    static Expression parse(String text) {
        ExpressionParser p = new ExpressionParser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new CircuitException("empty expression");
        }
        Expression e = p.additive();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (true) {
            skipSpace();
            if (accept('+')) {
                left = new Expression.Binary('+', left, multiplicative());
            } else if (accept('-')) {
                left = new Expression.Binary('-', left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            skipSpace();
            if (accept('*')) {
                left = new Expression.Binary('*', left, unary());
            } else if (accept('/')) {
                left = new Expression.Binary('/', left, unary());
            } else {
                return left;
            }
        }
    }

    private static final int MAX_DEPTH = 256;
    private int depth;

    private Expression unary() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        try {
            return unaryAtDepth();
        } finally {
            depth--;
        }
    }

    private Expression unaryAtDepth() {
        skipSpace();
        if (accept('-')) {
            return new Expression.Negation(unary());
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    private Expression power() {
        Expression base = atom();
        skipSpace();
        if (accept('^') || acceptWord("**")) {
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression atom() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expression ends too early");
        }
        char c = text.charAt(pos);
        if (accept('(')) {
            Expression inner = additive();
            skipSpace();
            if (!accept(')')) {
                throw error("missing ')'");
            }
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_' || c == 'π' || c == 'θ') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.equals("pi") || word.equals("π")) {
                return Expression.PI;
            }
            skipSpace();
            if (Expression.Call.FUNCTIONS.contains(word) && accept('(')) {
                Expression arg = additive();
                skipSpace();
                if (!accept(')')) {
                    throw error("missing ')' after argument of " + word);
                }
                return new Expression.Call(word, arg);
            }
            return Expression.symbol(word);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expression number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String s = text.substring(start, pos);
        try {
            return Expression.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw error("'" + s + "' is not a number");
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String w) {
        if (text.startsWith(w, pos)) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private CircuitException error(String message) {
        return new CircuitException("in expression '" + text + "' at column " + (pos + 1) + ": " + message);
    }
}
