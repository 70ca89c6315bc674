/**
 * The one way the harness reads TOML: {@link dev.pullproof.harness.toml.TomlFile} parses a file
 * once (tomlj underneath) and turns unreadable files and syntax errors into {@link
 * dev.pullproof.harness.toml.Problem}s with lines; {@link dev.pullproof.harness.toml.TomlReader}
 * reads a table strictly (typed getters, unknown keys with a suggestion) and names every place as
 * file, line and dotted key. Scenario and world files are read with it; validate reads the user's
 * config.toml and hosts.toml through the same parsing and key naming, and its findings carry the
 * same {@link dev.pullproof.harness.toml.Problem}.
 *
 * <p>This package depends on nothing else of the harness except {@code text} (suggestions).
 *
 * @see <a href="https://toml.io/en/v1.0.0">TOML 1.0</a>
 */
package dev.pullproof.harness.toml;
