/**
 * Who may do what: no auth, Basic auth against {@link dev.pullproof.registry.auth.Users}, or bearer
 * tokens from a {@link dev.pullproof.registry.auth.TokenService} and its token endpoint, authorized
 * by {@link dev.pullproof.registry.auth.Grants}. The authenticators and the endpoint are
 * package-private; {@link dev.pullproof.registry.auth.Auth} hands them to the registry.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 *     authentication</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/oauth/">OAuth2 token
 *     requests</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/scope/">token scope</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7235">RFC 7235, HTTP authentication</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750">RFC 6750, bearer tokens</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617">RFC 7617, Basic</a>
 */
package dev.pullproof.registry.auth;
