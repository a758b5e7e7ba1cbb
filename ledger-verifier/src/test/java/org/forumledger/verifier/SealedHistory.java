package org.forumledger.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.events.testing.ChainSealer;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.TestKeys;

/**
 * A history sealed in one chain as the registry seals it, kept as the export's lines so that a test
 * can change, drop, swap or re-sign any of them before writing the file.
 */
final class SealedHistory {

  final EventStream stream = new EventStream();
  final ChainSealer sealer;
  private final List<String> lines = new ArrayList<>();
  private final List<byte[]> unsealed = new ArrayList<>();
  private final List<ChainLink> linkBefore = new ArrayList<>();

  SealedHistory() {
    this(TestKeys.REGISTRY);
  }

  SealedHistory(SigningKey key) {
    sealer = new ChainSealer(key);
  }

  /** Appends the event as the next line; its 1-based line number. */
  int add(EventBuilder<?, ?> event) {
    return addValue(EventJson.write(stream.append(event)));
  }

  int add(EventEnvelope envelope) {
    return addValue(EventJson.write(envelope));
  }

  int addValue(byte[] value) {
    linkBefore.add(sealer.head());
    unsealed.add(value);
    lines.add(new String(sealer.seal(value).value(), StandardCharsets.UTF_8));
    return lines.size();
  }

  int size() {
    return lines.size();
  }

  String line(int number) {
    return lines.get(number - 1);
  }

  void replace(int number, String line) {
    lines.set(number - 1, line);
  }

  void remove(int number) {
    lines.remove(number - 1);
    unsealed.remove(number - 1);
    linkBefore.remove(number - 1);
  }

  void swap(int first, int second) {
    Collections.swap(lines, first - 1, second - 1);
  }

  /** The same event in the same place of the chain, sealed with another key. */
  void resign(int number, SigningKey key) {
    reseal(number, linkBefore.get(number - 1), key);
  }

  /** The same event sealed by the registry's key as the link after {@code previous}. */
  void sealAfter(int number, ChainLink previous) {
    reseal(number, previous, TestKeys.REGISTRY);
  }

  private void reseal(int number, ChainLink previous, SigningKey key) {
    replace(
        number,
        new String(
            Seals.seal(unsealed.get(number - 1), previous, key).value(), StandardCharsets.UTF_8));
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  Path write(Path dir) throws IOException {
    return write(dir, "\n");
  }

  Path write(Path dir, String lineBreak) throws IOException {
    Path file = Files.createTempFile(dir, "history", ".jsonl");
    Files.writeString(file, String.join(lineBreak, lines) + lineBreak, StandardCharsets.UTF_8);
    return file;
  }
}
