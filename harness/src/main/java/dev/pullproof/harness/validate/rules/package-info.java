/**
 * One class per static rule ({@link dev.pullproof.harness.validate.rules.Rule}), listed in {@link
 * dev.pullproof.harness.validate.rules.Rules}; each finding names its file and line, the versions
 * it holds on and a fix.
 */
package dev.pullproof.harness.validate.rules;
