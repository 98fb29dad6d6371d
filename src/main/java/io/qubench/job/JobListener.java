package io.qubench.job;

/** Told of every state change of every job, after it is stored. Called on the thread that made the change. */
@FunctionalInterface
public interface JobListener {

    void onTransition(JobRecord job, Transition transition);
}
