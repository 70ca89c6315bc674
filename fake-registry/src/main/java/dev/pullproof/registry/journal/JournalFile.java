package dev.pullproof.registry.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A journal written as it is recorded: the JSON array of {@link JournalJson}, one object per line
 * in the order requests completed, closed with {@code ]} by {@link #close}. It holds every request
 * however few the journal keeps in memory. A write that fails stops the writing; {@link #close}
 * then reports it, so a journal is never silently short.
 */
public final class JournalFile implements AutoCloseable {
  private final Path path;
  private final Writer out;
  private boolean first = true;
  private boolean closed;
  private IOException failure;

  private JournalFile(Path path, Writer out) {
    this.path = path;
    this.out = out;
  }

  /** Creates (or replaces) {@code path} and writes the array's opening. */
  public static JournalFile create(Path path) {
    try {
      Writer out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
      out.write("[");
      return new JournalFile(path, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal to " + path + ": " + e, e);
    }
  }

  public Path path() {
    return path;
  }

  synchronized void write(JournalEntry entry) {
    if (closed || failure != null) {
      return;
    }
    try {
      out.write(first ? "\n" : ",\n");
      out.write(JournalJson.node(entry).toString());
      first = false;
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Ends the array and closes the file; throws if any write failed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (failure == null) {
        out.write("\n]\n");
      }
      out.close();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw new UncheckedIOException(
          "the journal file " + path + " is incomplete: a write failed: " + failure, failure);
    }
  }
}
