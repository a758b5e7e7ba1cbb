package org.forumledger.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

  private static final String STATUS =
      "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 9000000 kB\n"
          + "VmHWM:\t 1234567 kB\nVmRSS:\t  876543 kB\nThreads:\t88\n";

  @Test
  void readsResidentAndPeakMemoryInKilobytes() {
    assertThat(ProcStatus.kilobytes(STATUS, "VmRSS:")).isEqualTo(876_543L);
    assertThat(ProcStatus.kilobytes(STATUS, "VmHWM:")).isEqualTo(1_234_567L);
    assertThat(ProcStatus.kilobytes(STATUS, "VmSwap:")).isNull();
    assertThat(ProcStatus.field(STATUS, "Name:")).isEqualTo("java");
  }

  @Test
  void cpuIsUserPlusSystemTimeEvenWhenTheNameHoldsSpacesAndParentheses() {
    String stat =
        "4242 (postgres: bg (writer)) S 4200 4242 4242 0 -1 4194560 1205 0 0 0 731 269 0 0 20 0 1 0"
            + " 12345 1000000 500 18446744073709551615";

    assertThat(ProcStatus.cpuTicks(stat)).isEqualTo(731 + 269);
  }

  @Test
  void theBenchmarksOwnProcessCanBeRead() {
    ProcStatus self = ProcStatus.read(ProcessHandle.current().pid()).orElseThrow();

    assertThat(self.rssKb()).isPositive();
    assertThat(self.hwmKb()).isGreaterThanOrEqualTo(self.rssKb());
    assertThat(self.cpuTicks()).isPositive();
  }
}
