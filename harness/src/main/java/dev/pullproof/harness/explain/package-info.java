/**
 * {@code pullproof explain}: a customer's evidence (containerd's log in any pasted form, kubelet
 * events, crictl and ctr errors) read line by line in bounded memory ({@link
 * dev.pullproof.harness.explain.Explain}), the request timeline rebuilt from it, and the causes
 * ranked against signatures generated from the catalogue's own runs ({@link
 * dev.pullproof.harness.explain.SignatureGenerator}, {@code docs/explain-signatures.json}); plus a
 * starter scenario. Secrets are masked with {@link dev.pullproof.harness.text.SecretMask}.
 *
 * <p>Reads run results, the scenario model, the shared wording and validate's image-reference
 * parser; knows no containerd, report or CLI (the CLI hands it the reports' redactor as a
 * function).
 */
package dev.pullproof.harness.explain;
