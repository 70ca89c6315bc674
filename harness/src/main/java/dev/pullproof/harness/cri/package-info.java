/**
 * A CRI client ({@code runtime.v1.ImageService} and {@code RuntimeService} status) over
 * containerd's Unix socket with grpc-java, speaking as the kubelet does, {@code AuthConfig}
 * included.
 *
 * @see <a
 *     href="https://github.com/kubernetes/cri-api/blob/master/pkg/apis/runtime/v1/api.proto">CRI
 *     api.proto</a>
 */
package dev.pullproof.harness.cri;
