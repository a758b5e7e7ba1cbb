package org.forumledger.events.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Signing and checking run on Bouncy Castle's RFC 8032 code while the keys are the JDK's: every
 * signature must be the one the JDK's EdDSA makes, so chains sealed before and after the switch,
 * and verifiers on either, agree.
 */
class SigningKeyTest {

  static final SigningKey KEY = SigningKey.generate();
  static final SigningKey OTHER = SigningKey.generate();

  @Property(tries = 50)
  void signaturesAreTheJdksAndOnlyTheRightKeyAndBytesVerify(@ForAll @Size(max = 200) byte[] message)
      throws Exception {
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(KEY.privateKey());
    jdk.update(message);
    byte[] expected = jdk.sign();

    byte[] signature = KEY.sign(message);

    assertThat(signature).isEqualTo(expected);
    assertThat(SigningKey.verify(KEY.publicKey(), message, signature)).isTrue();
    assertThat(SigningKey.verify(OTHER.publicKey(), message, signature)).isFalse();
    byte[] changed = message.clone();
    if (changed.length > 0) {
      changed[0] ^= 1;
      assertThat(SigningKey.verify(KEY.publicKey(), changed, signature)).isFalse();
    }
  }

  @Property(tries = 50)
  void aSignatureOfTheJdkVerifies(@ForAll @Size(max = 200) byte[] message) throws Exception {
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(OTHER.privateKey());
    jdk.update(message);

    assertThat(SigningKey.verify(OTHER.publicKey(), message, jdk.sign())).isTrue();
  }

  @Property(tries = 20)
  void aSignatureOfTheWrongLengthOrAlteredDoesNotVerify(@ForAll int flippedBit) {
    byte[] message = "chain sequence 7".getBytes(StandardCharsets.UTF_8);
    byte[] signature = KEY.sign(message);
    byte[] altered = signature.clone();
    int bit = Math.floorMod(flippedBit, altered.length * 8);
    altered[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThat(SigningKey.verify(KEY.publicKey(), message, altered)).isFalse();
    assertThat(SigningKey.verify(KEY.publicKey(), message, new byte[63])).isFalse();
    assertThat(SigningKey.verify(KEY.publicKey(), message, new byte[0])).isFalse();
  }
}
