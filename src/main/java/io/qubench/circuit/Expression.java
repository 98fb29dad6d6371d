package io.qubench.circuit;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A gate parameter: a number, {@code pi}, a named symbol ({@code theta}) or an arithmetic
 * expression of them with the functions of OpenQASM ({@code sin cos tan exp ln sqrt}, and
 * {@code asin acos atan} of OpenQASM 3). Immutable; printed back as OpenQASM text.
 */
public sealed interface Expression {

    Expression PI = new Pi();
    Expression ZERO = new Constant(0);

    static Expression of(double value) {
        return new Constant(value);
    }

    static Expression symbol(String name) {
        return new Symbol(name);
    }

    /** Parses expression text such as {@code -2*theta + pi/4}. */
    static Expression parse(String text) {
        return ExpressionParser.parse(text);
    }

    /** The value, with {@code bindings} giving each symbol; an unbound symbol is an error. */
    double evaluate(Map<String, Double> bindings);

    default double evaluate() {
        return evaluate(Map.of());
    }

    /** Replaces symbols by expressions (used to expand user-defined gates). */
    Expression substitute(Map<String, Expression> replacements);

    /** OpenQASM text; parenthesised as needed for the given surrounding precedence. */
    String toQasm(int outerPrecedence);

    default String toQasm() {
        return toQasm(0);
    }

    default Set<String> symbols() {
        Set<String> out = new LinkedHashSet<>();
        collectSymbols(out);
        return out;
    }

    void collectSymbols(Set<String> out);

    default boolean isConstant() {
        return symbols().isEmpty();
    }

    /** Precedences used when printing: additive 1, multiplicative 2, unary 3, power 4, atoms 5. */
    int ADDITIVE = 1;
    int MULTIPLICATIVE = 2;
    int UNARY = 3;
    int POWER = 4;
    int ATOM = 5;

    record Constant(double value) implements Expression {
        @Override
        public double evaluate(Map<String, Double> bindings) {
            return value;
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return this;
        }

        @Override
        public String toQasm(int outerPrecedence) {
            String text = formatNumber(value);
            return value < 0 && outerPrecedence > ADDITIVE ? "(" + text + ")" : text;
        }

        @Override
        public void collectSymbols(Set<String> out) {
        }

        /** Shortest text that reads back to the same double; integers without a fraction. */
        static String formatNumber(double v) {
            if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
                return "-0";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v).replace("E", "e");
        }
    }

    record Pi() implements Expression {
        @Override
        public double evaluate(Map<String, Double> bindings) {
            return Math.PI;
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return this;
        }

        @Override
        public String toQasm(int outerPrecedence) {
            return "pi";
        }

        @Override
        public void collectSymbols(Set<String> out) {
        }
    }

    record Symbol(String name) implements Expression {
        @Override
        public double evaluate(Map<String, Double> bindings) {
            Double v = bindings.get(name);
            if (v == null) {
                throw new CircuitException("parameter '" + name + "' has no value");
            }
            return v;
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return replacements.getOrDefault(name, this);
        }

        @Override
        public String toQasm(int outerPrecedence) {
            return name;
        }

        @Override
        public void collectSymbols(Set<String> out) {
            out.add(name);
        }
    }

    record Negation(Expression operand) implements Expression {
        @Override
        public double evaluate(Map<String, Double> bindings) {
            return -operand.evaluate(bindings);
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return new Negation(operand.substitute(replacements));
        }

        @Override
        public String toQasm(int outerPrecedence) {
            String text = "-" + operand.toQasm(UNARY);
            return outerPrecedence > UNARY ? "(" + text + ")" : text;
        }

        @Override
        public void collectSymbols(Set<String> out) {
            operand.collectSymbols(out);
        }
    }

    record Binary(char operator, Expression left, Expression right) implements Expression {
        public Binary {
            if ("+-*/^".indexOf(operator) < 0) {
                throw new IllegalArgumentException("operator " + operator);
            }
        }

        @Override
        public double evaluate(Map<String, Double> bindings) {
            double a = left.evaluate(bindings);
            double b = right.evaluate(bindings);
            return switch (operator) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> a / b;
                default -> Math.pow(a, b);
            };
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return new Binary(operator, left.substitute(replacements), right.substitute(replacements));
        }

        private int precedence() {
            return switch (operator) {
                case '+', '-' -> ADDITIVE;
                case '*', '/' -> MULTIPLICATIVE;
                default -> POWER;
            };
        }

        @Override
        public String toQasm(int outerPrecedence) {
            int p = precedence();
            // Left-associative + - * /: the right operand needs brackets at equal precedence;
            // ^ is right-associative: the left one does.
            String l = left.toQasm(operator == '^' ? p + 1 : p);
            String r = right.toQasm(operator == '^' ? p : p + 1);
            String sep = p == ADDITIVE ? " " + operator + " " : String.valueOf(operator);
            String text = l + sep + r;
            return outerPrecedence > p ? "(" + text + ")" : text;
        }

        @Override
        public void collectSymbols(Set<String> out) {
            left.collectSymbols(out);
            right.collectSymbols(out);
        }
    }

    record Call(String function, Expression argument) implements Expression {
        public static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "exp", "ln", "sqrt", "asin", "acos", "atan");

        public Call {
            if (!FUNCTIONS.contains(function)) {
                throw new CircuitException("unknown function '" + function + "'");
            }
        }

        @Override
        public double evaluate(Map<String, Double> bindings) {
            double x = argument.evaluate(bindings);
            return switch (function) {
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "exp" -> Math.exp(x);
                case "ln" -> Math.log(x);
                case "sqrt" -> Math.sqrt(x);
                case "asin" -> Math.asin(x);
                case "acos" -> Math.acos(x);
                default -> Math.atan(x);
            };
        }

        @Override
        public Expression substitute(Map<String, Expression> replacements) {
            return new Call(function, argument.substitute(replacements));
        }

        @Override
        public String toQasm(int outerPrecedence) {
            return function + "(" + argument.toQasm(0) + ")";
        }

        @Override
        public void collectSymbols(Set<String> out) {
            argument.collectSymbols(out);
        }
    }
}
