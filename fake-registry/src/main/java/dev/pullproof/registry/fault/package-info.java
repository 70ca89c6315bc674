/**
 * Injected faults: what goes wrong ({@link dev.pullproof.registry.fault.Fault}), on which requests
 * and when ({@link dev.pullproof.registry.fault.FaultRule}), and the rules of one registry ({@link
 * dev.pullproof.registry.fault.Faults}), which is also the fault step of its handler chain.
 */
package dev.pullproof.registry.fault;
