/**
 * What a run's results look like to people and CI: console progress and matrix, JUnit XML, Markdown
 * and a self-contained HTML page with request timelines, and the failure catalogue document. Reads
 * {@code RunResult} and {@code Outcome} only; every text passes the redactor.
 */
package dev.pullproof.harness.report;
