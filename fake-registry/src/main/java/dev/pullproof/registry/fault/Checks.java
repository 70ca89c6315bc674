package dev.pullproof.registry.fault;

import java.time.Duration;

/** Argument checks whose messages name the field, shared by the fault records. */
final class Checks {
  private Checks() {}

  static void notNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
  }

  static void atLeastOne(long value, String field) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, got " + value);
    }
  }

  static void positive(Duration value, String field) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
    }
  }
}
