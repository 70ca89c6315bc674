/** TLS for the registry: a per-run certificate authority, issued certificates, PEM files, modes. */
package dev.pullproof.registry.tls;
