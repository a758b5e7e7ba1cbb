package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void isTheStandardDigestOfTheUtf8Bytes() {
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Sha256.hex("Göteborg")).isNotEqualTo(Sha256.hex("Goteborg")).hasSize(64);
  }
}
