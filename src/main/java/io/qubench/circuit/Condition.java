package io.qubench.circuit;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A classical condition on an operation: the whole {@code register} equals {@code value}
 * ({@code if (c==5)}, bit 0 of the value is bit 0 of the register), or with {@code bit ≥ 0} a
 * single bit of it equals the value ({@code if (c[1]==1)}, OpenQASM 3).
 */
public record Condition(ClassicalRegister register, int bit, long value) {

    public static final int WHOLE_REGISTER = -1;

    public Condition {
        if (bit != WHOLE_REGISTER) {
            register.clbit(bit);
            if (value != 0 && value != 1) {
                throw new CircuitException("a condition on bit " + register.name() + "[" + bit + "] compares with 0 or 1, not " + value);
            }
        } else if (value < 0 || (register.size() < 63 && value >= (1L << register.size()))) {
            throw new CircuitException("value " + value + " does not fit in register " + register.name() + "[" + register.size() + "]");
        }
    }

    public static Condition onRegister(ClassicalRegister register, long value) {
        return new Condition(register, WHOLE_REGISTER, value);
    }

    /** The circuit-wide classical bits read, least significant first. */
    public List<Integer> clbits() {
        if (bit != WHOLE_REGISTER) {
            return List.of(register.clbit(bit));
        }
        return IntStream.range(0, register.size()).mapToObj(register::clbit).toList();
    }

    /** Whether the condition holds for classical memory {@code bits} (bit k of the array index = clbit k). */
    public boolean holds(boolean[] bits) {
        if (bit != WHOLE_REGISTER) {
            return (bits[register.clbit(bit)] ? 1 : 0) == value;
        }
        long v = 0;
        for (int i = 0; i < register.size(); i++) {
            if (bits[register.offset() + i]) {
                v |= 1L << i;
            }
        }
        return v == value;
    }

    /** The OpenQASM text inside {@code if ( … )}. */
    public String toQasm() {
        return bit == WHOLE_REGISTER ? register.name() + "==" + value : register.name() + "[" + bit + "]==" + value;
    }
}
