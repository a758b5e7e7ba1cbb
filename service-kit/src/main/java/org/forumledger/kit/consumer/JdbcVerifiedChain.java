package org.forumledger.kit.consumer;

import org.forumledger.events.seal.ChainLink;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chain head in the service's own schema, one row of {@code verified_chain_head (singleton
 * boolean primary key, chain_sequence bigint, hash text)}, which each service's migrations create.
 * Read and written in the caller's transaction.
 */
public final class JdbcVerifiedChain implements VerifiedChain {

  private final JdbcTemplate jdbc;

  public JdbcVerifiedChain(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public ChainLink head() {
    return jdbc
        .query(
            "select chain_sequence, hash from verified_chain_head",
            (rs, n) -> new ChainLink(rs.getLong(1), rs.getString(2)))
        .stream()
        .findFirst()
        .orElse(ChainLink.START);
  }

  @Override
  public void moveTo(ChainLink head) {
    jdbc.update(
        "insert into verified_chain_head (singleton, chain_sequence, hash) values (true, ?, ?)"
            + " on conflict (singleton) do update"
            + " set chain_sequence = excluded.chain_sequence, hash = excluded.hash",
        head.sequence(),
        head.hash());
  }
}
