/**
 * The run history: every run with its circuit, result and provenance, jobs and their
 * transitions, calibration snapshots and the cost ledger, kept in an H2 database in the data
 * directory. The only package that speaks SQL; everything else sees repository interfaces and
 * records.
 */
package io.qubench.history;
