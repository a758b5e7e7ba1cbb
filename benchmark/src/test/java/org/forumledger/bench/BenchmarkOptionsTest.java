package org.forumledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  @Test
  void theDefaultsAreTheFullRunOfTheIssue() {
    BenchmarkOptions options = BenchmarkOptions.parse(new String[0], Map.of());

    assertThat(options.events()).isEqualTo(1_000_000);
    assertThat(options.forums()).isEqualTo(10_000);
    assertThat(options.useRunning()).isFalse();
    assertThat(options.out()).isEqualTo(Path.of("bench/results.json"));
    assertThat(options.markdown()).isEqualTo(Path.of("bench/RESULTS.md"));
    assertThat(options.phases()).containsExactlyInAnyOrderElementsOf(BenchmarkOptions.PHASES);
    assertThat(options.stackJavaOptions()).containsExactly("-Xmx384m", "-XX:+UseSerialGC");
  }

  @Test
  void quickChangesOnlyTheDefaultsAndNeverOverwritesTheRealResults() {
    BenchmarkOptions quick =
        BenchmarkOptions.parse(new String[] {"--quick", "--events", "30000"}, Map.of());

    assertThat(quick.events()).isEqualTo(30_000);
    assertThat(quick.forums()).isEqualTo(500);
    assertThat(quick.commandWindow()).isEqualTo(Duration.ofSeconds(5));
    assertThat(quick.out()).isNotEqualTo(Path.of("bench/results.json"));
    assertThat(quick.markdown()).isNotEqualTo(Path.of("bench/RESULTS.md"));
  }

  @Test
  void theStacksJvmOptionsComeFromTheCommandLineOrTheEnvironment() {
    assertThat(
            BenchmarkOptions.parse(
                    new String[0], Map.of("BENCH_STACK_JAVA_OPTS", " -Xmx512m  -Xss512k"))
                .stackJavaOptions())
        .containsExactly("-Xmx512m", "-Xss512k");
    assertThat(
            BenchmarkOptions.parse(
                    new String[] {"--stack-java-opts", "-Xmx1g"},
                    Map.of("BENCH_STACK_JAVA_OPTS", "-Xmx512m"))
                .stackJavaOptions())
        .isEqualTo(List.of("-Xmx1g"));
  }

  @Test
  void anUnknownOptionOrPhaseIsRefused() {
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--evnets", "5"}, Map.of()))
        .hasMessageContaining("--evnets");
    assertThatThrownBy(
            () -> BenchmarkOptions.parse(new String[] {"--phases", "reads,write"}, Map.of()))
        .hasMessageContaining("write");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--events"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRecordedSettingsHoldNoPassword() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(new String[] {"--db-password", "secret"}, Map.of());

    assertThat(options.describe().toString()).doesNotContain("secret");
  }
}
