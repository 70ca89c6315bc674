/** A JUnit 5 extension and annotation that start a FakeRegistry per test or per class. */
package dev.pullproof.registry.junit;
