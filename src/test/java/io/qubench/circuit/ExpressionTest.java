package io.qubench.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pi/4                | 0.7853981633974483
            -2*theta            | -1.0
            2^3^2               | 512
            -2^2                | -4
            sin(pi/2)+cos(0)    | 2
            sqrt(4)*exp(0)      | 2
            ln(exp(3))          | 3
            tan(0) - 1.5e-1     | -0.15
            (1+2)*3             | 9
            10/2/5              | 1
            """)
    void evaluatesArithmeticAndFunctions(String text, double expected) {
        assertThat(Expression.parse(text).evaluate(Map.of("theta", 0.5))).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pi/4            | pi/4
            -2*theta        | -2*theta
            (a+b)*c         | (a + b)*c
            a-(b-c)         | a - (b - c)
            2^3^2           | 2^3^2
            (2^3)^2         | (2^3)^2
            -(a+b)          | -(a + b)
            """)
    void printsBackMinimalBrackets(String text, String qasm) {
        assertThat(Expression.parse(text).toQasm()).isEqualTo(qasm);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''       | empty expression
            pi/      | ends too early
            (1+2     | missing ')'
            2 $ 3    | unexpected '$'
            """)
    void reportsWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Expression.parse(text)).isInstanceOf(CircuitException.class).hasMessageContaining(message);
    }

    @Property
    void printedExpressionsReadBackToTheSameValue(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -10, max = 10) double b) {
        Expression e = new Expression.Binary('-', Expression.of(a), new Expression.Negation(
                new Expression.Binary('*', Expression.of(b), Expression.PI)));
        Expression back = Expression.parse(e.toQasm());
        assertThat(back.evaluate()).isEqualTo(e.evaluate());
    }

    @org.junit.jupiter.api.Test
    void unboundSymbolIsAClearError() {
        assertThatThrownBy(() -> Expression.parse("theta/2").evaluate()).hasMessageContaining("parameter 'theta' has no value");
    }
}
