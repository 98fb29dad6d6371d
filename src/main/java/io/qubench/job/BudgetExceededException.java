package io.qubench.job;

import io.qubench.circuit.UserInputException;

/** A submission would go over a budget or quota; it was not sent. Resubmitting with an explicit override sends it. */
public final class BudgetExceededException extends UserInputException {

    public BudgetExceededException(String message) {
        super(message);
    }
}
