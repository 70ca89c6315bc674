/**
 * Wording shared by every part that talks to users about their files: {@link
 * dev.pullproof.harness.text.Suggestions} ("did you mean") for misspelt keys and names, and {@link
 * dev.pullproof.harness.text.SecretMask} so that no report, finding or log line shows a credential.
 *
 * <p>This package depends on nothing else of the harness.
 */
package dev.pullproof.harness.text;
