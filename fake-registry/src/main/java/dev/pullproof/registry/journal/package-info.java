/**
 * The request journal: one entry per completed exchange (final status, bytes, fault, error code,
 * principal), patterns to assert on it, and its JSON form.
 */
package dev.pullproof.registry.journal;
