package org.forumledger.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarkDatabaseTest {

  @Test
  void theBaselineDatabaseIsOnTheStacksServerWithItsOptions() {
    assertThat(BenchmarkDatabase.urlNextTo("jdbc:postgresql://localhost:5433/postgres"))
        .isEqualTo("jdbc:postgresql://localhost:5433/bench_baseline");
    assertThat(BenchmarkDatabase.urlNextTo("jdbc:postgresql://db:5432/ledger?sslmode=disable&x=1"))
        .isEqualTo("jdbc:postgresql://db:5432/bench_baseline?sslmode=disable&x=1");
  }

  @Test
  void onlyBackendsOfTheBaselineDatabaseAreTheBenchmarks() {
    assertThat(
            BenchmarkDatabase.serves(
                backend("postgres: postgres bench_baseline 127.0.0.1(51234) idle")))
        .isTrue();
    assertThat(
            BenchmarkDatabase.serves(backend("postgres: postgres postgres 127.0.0.1(51235) idle")))
        .isFalse();
    assertThat(BenchmarkDatabase.serves(backend("postgres: checkpointer"))).isFalse();
    assertThat(BenchmarkDatabase.serves(backend("java -jar bench_baseline.jar"))).isFalse();
  }

  private static ProcStatus backend(String title) {
    return new ProcStatus(42, "postgres", 25_000, 26_000, 5_000L, 10, title);
  }
}
