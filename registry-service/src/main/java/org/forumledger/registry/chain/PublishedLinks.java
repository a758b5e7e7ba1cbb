package org.forumledger.registry.chain;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads the publication chain the publisher writes ({@code publication_seal}). */
@Repository
public class PublishedLinks {

  private static final String COLUMNS =
      "chain_sequence, hash, previous_hash, event_id, global_index";
  private static final RowMapper<PublishedLink> LINK =
      (rs, n) ->
          new PublishedLink(
              rs.getLong("chain_sequence"),
              rs.getString("hash"),
              rs.getString("previous_hash"),
              rs.getString("event_id"),
              rs.getLong("global_index"));

  private final JdbcTemplate jdbc;

  PublishedLinks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public PublishedLink head() {
    return jdbc
        .query(
            "select " + COLUMNS + " from publication_seal order by chain_sequence desc limit 1",
            LINK)
        .stream()
        .findFirst()
        .orElse(PublishedLink.NONE);
  }

  public Optional<PublishedLink> at(long chainSequence) {
    return jdbc
        .query(
            "select " + COLUMNS + " from publication_seal where chain_sequence = ?",
            LINK,
            chainSequence)
        .stream()
        .findFirst();
  }
}
