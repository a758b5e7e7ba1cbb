package org.forumledger.reporting.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of the forums' states in forum-id order, each written with the contract's JSON mapping
 * (record component order, exact decimals), so two read models agree exactly when their checksums
 * do.
 */
public final class StateChecksum {

  private static final ObjectMapper MAPPER = StateJson.mapper();

  /**
   * States written at a time on the common fork-join pool beside the calling thread, then digested
   * in order: a replay computes two checksums of every forum after reading the topic, one state
   * after the other a tenth of a 200 000-event replay.
   */
  private static final int WRITTEN_TOGETHER = 256;

  private StateChecksum() {}

  public static String of(Collection<ForumState> forums) {
    List<ForumState> sorted =
        forums.stream().sorted(Comparator.comparing(ForumState::forumId)).toList();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (int from = 0; from < sorted.size(); from += WRITTEN_TOGETHER) {
        List<ForumState> some =
            sorted.subList(from, Math.min(sorted.size(), from + WRITTEN_TOGETHER));
        for (byte[] written : some.parallelStream().map(StateChecksum::write).toList()) {
          digest.update(written);
          digest.update((byte) '\n');
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot compute a checksum", e);
    }
  }

  private static byte[] write(ForumState forum) {
    try {
      return MAPPER.writeValueAsBytes(forum);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot compute a checksum of " + forum.forumId(), e);
    }
  }
}
