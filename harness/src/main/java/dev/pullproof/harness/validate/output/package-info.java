/** A validation written for people (text) and for CI (JSON, JUnit XML), secrets masked. */
package dev.pullproof.harness.validate.output;
