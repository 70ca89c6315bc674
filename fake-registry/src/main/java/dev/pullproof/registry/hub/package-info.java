/**
 * Docker Hub as configuration: token auth under its service name, anonymous public pulls, and its
 * pull and abuse rate limits as two steps of the handler chain.
 *
 * @see <a href="https://docs.docker.com/docker-hub/usage/pulls/">Docker Hub pull usage and
 *     limits</a>
 */
package dev.pullproof.registry.hub;
