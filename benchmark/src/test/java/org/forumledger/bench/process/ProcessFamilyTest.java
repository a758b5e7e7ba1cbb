package org.forumledger.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessFamilyTest {

  @Test
  void aRunningStacksDatabaseIsFoundByItsPort() {
    assertThat(ProcessFamily.postgresOnPortOf("jdbc:postgresql://localhost:5433/postgres"))
        .isEqualTo(" -p 5433 ");
    assertThat(ProcessFamily.postgresOnPortOf("not a url")).isNull();
  }

  @Test
  void theFamilyOfAProcessHoldsItAndItsChildren() throws Exception {
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      ProcessFamily family = new ProcessFamily(ProcessHandle.current(), null);

      assertThat(family.members()).contains(ProcessHandle.current(), child.toHandle());
    } finally {
      child.destroy();
    }
  }
}
