/**
 * Image pulls the kubelet's way: a kubelet {@code CredentialProviderConfig} matched against the
 * image, the exec plugin run with a {@code CredentialProviderRequest} on stdin, and its response
 * cached as the kubelet caches it; the only package that knows the fake helper.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/tasks/administer-cluster/kubelet-credential-provider/">kubelet
 *     credential providers</a>
 */
package dev.pullproof.harness.kubelet;
