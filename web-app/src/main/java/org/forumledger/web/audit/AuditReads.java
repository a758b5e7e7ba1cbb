package org.forumledger.web.audit;

import java.util.List;
import org.forumledger.web.LedgerClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** The reporting service's audit history and chain check; the service lets only auditors read. */
@Component
public class AuditReads {

  private static final ParameterizedTypeReference<List<AuditEntry>> ENTRIES =
      new ParameterizedTypeReference<>() {};

  private final LedgerClients clients;

  public AuditReads(LedgerClients clients) {
    this.clients = clients;
  }

  public Mono<List<AuditEntry>> find(AuditFilter filter) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
    param(uri, "forumId", filter.forumId());
    param(uri, "actor", filter.actor());
    param(uri, "from", filter.from());
    param(uri, "to", filter.to());
    uri.queryParam("limit", 10000);
    return clients
        .reporting()
        .get()
        .uri(uri.build().encode().toUriString())
        .retrieve()
        .bodyToMono(ENTRIES);
  }

  public Mono<Verification> verify() {
    return clients.reporting().get().uri("/audit/verify").retrieve().bodyToMono(Verification.class);
  }

  private static void param(UriComponentsBuilder uri, String name, String value) {
    if (value != null && !value.isBlank()) {
      uri.queryParam(name, value.strip());
    }
  }

  /** What the history is filtered by; blank means any. Dates are whole days. */
  public record AuditFilter(String forumId, String actor, String from, String to) {
    public static AuditFilter forum(String forumId) {
      return new AuditFilter(forumId, null, null, null);
    }
  }

  /**
   * Whether every entry's hash still chains to the one before it, and how many entries carry the
   * registry's signature, following its chain up to {@code registryHead}.
   */
  public record Verification(
      boolean intact,
      long entryCount,
      String headHash,
      long sealedEntries,
      RegistryHead registryHead,
      Object firstBroken) {}

  public record RegistryHead(long chainSequence, String hash) {}
}
