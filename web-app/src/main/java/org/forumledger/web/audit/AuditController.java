package org.forumledger.web.audit;

import java.util.Comparator;
import java.util.List;
import org.forumledger.web.forums.Forum;
import org.forumledger.web.forums.ForumReads;
import org.forumledger.web.page.TimeSlice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The audit history with filters, newest first, and whether the hash chain is intact. */
@Controller
class AuditController {

  static final int SHOWN = 300;

  private final AuditReads audit;
  private final ForumReads forums;

  AuditController(AuditReads audit, ForumReads forums) {
    this.audit = audit;
    this.forums = forums;
  }

  @GetMapping("/audit")
  Mono<Rendering> history(
      @RequestParam(required = false) String forumId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    AuditReads.AuditFilter filter = new AuditReads.AuditFilter(forumId, actor, from, to);
    return Mono.zip(audit.find(filter), audit.verify(), forums.all(new TimeSlice(null, null)))
        .map(
            found -> {
              List<AuditEntry> newestFirst =
                  found.getT1().stream()
                      .sorted(Comparator.comparingLong(AuditEntry::seq).reversed())
                      .toList();
              List<Forum> byName =
                  found.getT3().forums().stream()
                      .sorted(Comparator.comparing(Forum::name, String.CASE_INSENSITIVE_ORDER))
                      .toList();
              return Rendering.view("audit")
                  .modelAttribute("page", "audit")
                  .modelAttribute("filter", filter)
                  .modelAttribute("entries", newestFirst.stream().limit(SHOWN).toList())
                  .modelAttribute("matching", newestFirst.size())
                  .modelAttribute("verification", found.getT2())
                  .modelAttribute("forums", byName)
                  .modelAttribute(
                      "forumNames",
                      found.getT3().forums().stream()
                          .collect(
                              java.util.stream.Collectors.toMap(
                                  Forum::forumId, Forum::name, (a, b) -> a)))
                  .build();
            });
  }
}
