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

  private StateChecksum() {}

  public static String of(Collection<ForumState> forums) {
    List<ForumState> sorted =
        forums.stream().sorted(Comparator.comparing(ForumState::forumId)).toList();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (ForumState forum : sorted) {
        digest.update(MAPPER.writeValueAsBytes(forum));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot compute a checksum", e);
    }
  }
}
