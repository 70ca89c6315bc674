/**
 * Temporary files and directories named after the process that owns them, so that a later run
 * removes what a killed one left behind (blob stores here; the harness's node and world files too).
 */
package dev.pullproof.registry.temp;
