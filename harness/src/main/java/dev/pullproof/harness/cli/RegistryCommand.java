package dev.pullproof.harness.cli;

import picocli.CommandLine.Command;

/** {@code pullproof registry}: the fake registry's commands, {@code serve} for now. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Run the fake OCI registry, alone or as a scenario file's world.",
    subcommands = RegistryServeCommand.class)
final class RegistryCommand {}
