package org.forumledger.registry.forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.forumledger.registry.forum.api.ForumRequests.ChangeStatusRequest;
import org.forumledger.registry.forum.api.ForumRequests.Range;
import org.forumledger.registry.forum.api.ForumRequests.RegisterForumRequest;
import org.junit.jupiter.api.Test;

class WireFieldValidatorTest {

  @Test
  void aFieldOfAnUnwrappedPartIsNamedAsOnTheWire() {
    assertThat(WireFieldValidator.wireName(ChangeStatusRequest.class, "provenance.reason"))
        .isEqualTo("reason");
  }

  @Test
  void aFieldOfANestedObjectKeepsItsPath() {
    assertThat(WireFieldValidator.wireName(RegisterForumRequest.class, "meetingsPerYear.min"))
        .isEqualTo("meetingsPerYear.min");
    assertThat(WireFieldValidator.wireName(Range.class, "min")).isEqualTo("min");
  }
}
