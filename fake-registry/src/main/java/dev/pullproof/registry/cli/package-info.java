/** {@code registry serve}: a thin picocli shell that runs a FakeRegistry from the command line. */
package dev.pullproof.registry.cli;
