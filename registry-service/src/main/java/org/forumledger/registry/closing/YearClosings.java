package org.forumledger.registry.closing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SignedStatement;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.registry.chain.PublishedLink;
import org.forumledger.registry.chain.PublishedLinks;
import org.forumledger.registry.publication.RegistryKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes years: signs an auditor's statement of a year's totals at a link of the chain, once. */
@Service
public class YearClosings {

  private static final String COLUMNS =
      "year, chain_sequence, head_hash, global_position, closed_at, closed_by, statement, hash,"
          + " key_id, signature";

  private final PublishedLinks links;
  private final RegistryKeys keys;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public YearClosings(PublishedLinks links, RegistryKeys keys, JdbcTemplate jdbc, Clock clock) {
    this.links = links;
    this.keys = keys;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @throws ProblemException 422 when nothing was published at {@code chainSequence}, 409 when the
   *     year is closed already
   */
  @Transactional
  public YearClosing close(int year, long chainSequence, YearClosing.Totals totals, String by) {
    PublishedLink at =
        links
            .at(chainSequence)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.RULE_BROKEN,
                        "A year is closed at a published link; the registry has published nothing"
                            + " at chain sequence "
                            + chainSequence));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ObjectNode statement = EventJson.mapper().createObjectNode();
    statement.put("kind", YearClosing.KIND);
    statement.put("year", year);
    statement.put("chainSequence", at.chainSequence());
    statement.put("headHash", at.hash());
    statement.put("globalPosition", at.globalPosition());
    statement.put("closedAt", now.toString());
    statement.put("closedBy", by);
    ObjectNode figures = statement.putObject("totals");
    figures.put("forumCount", totals.forumCount());
    figures.put("annualFeeTotal", totals.annualFeeTotal());
    figures.put("otherCostTotal", totals.otherCostTotal());
    figures.put("notCalculatedCount", totals.notCalculatedCount());
    SignedStatement signed = SignedStatement.sign(statement, keys.active());
    String canonical = new String(Seals.canonicalBytes(statement), StandardCharsets.UTF_8);
    try {
      jdbc.update(
          "insert into year_closing (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          year,
          at.chainSequence(),
          at.hash(),
          at.globalPosition(),
          Timestamp.from(now),
          by,
          canonical,
          signed.hash(),
          signed.keyId(),
          signed.signature());
    } catch (DuplicateKeyException closedBefore) {
      throw new ProblemException(
          ProblemType.YEAR_CLOSED,
          year + " was closed before; a closed year stays as it was closed");
    }
    return new YearClosing(
        year,
        at.chainSequence(),
        at.hash(),
        at.globalPosition(),
        now,
        by,
        totals,
        canonical,
        signed.hash(),
        signed.keyId(),
        signed.signature());
  }

  public Optional<YearClosing> find(int year) {
    return jdbc.query("select " + COLUMNS + " from year_closing where year = ?", ROW, year).stream()
        .findFirst();
  }

  public List<YearClosing> all() {
    return jdbc.query("select " + COLUMNS + " from year_closing order by year", ROW);
  }

  private static final RowMapper<YearClosing> ROW =
      (rs, n) -> {
        String statement = rs.getString("statement");
        JsonNode totals = tree(statement).path("totals");
        return new YearClosing(
            rs.getInt("year"),
            rs.getLong("chain_sequence"),
            rs.getString("head_hash"),
            rs.getLong("global_position"),
            rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
            rs.getString("closed_by"),
            new YearClosing.Totals(
                totals.path("forumCount").asInt(),
                totals.path("annualFeeTotal").decimalValue(),
                totals.path("otherCostTotal").decimalValue(),
                totals.path("notCalculatedCount").asInt()),
            statement,
            rs.getString("hash"),
            rs.getString("key_id"),
            rs.getString("signature"));
      };

  private static JsonNode tree(String json) {
    try {
      return EventJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
