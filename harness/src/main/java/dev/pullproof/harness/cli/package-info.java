/**
 * The {@code pullproof} command tree (picocli): thin commands over the rooms below, each with its
 * documented exit codes ({@link dev.pullproof.harness.cli.ExitCode}).
 */
package dev.pullproof.harness.cli;
