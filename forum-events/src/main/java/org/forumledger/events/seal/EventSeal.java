package org.forumledger.events.seal;

/**
 * The registry's vouching for one published event, the {@code seal} field of the record's value
 * next to {@code metadata} and {@code payload}.
 *
 * @param chainSequence place of the event in the registry's publication chain, 1, 2, 3… without a
 *     gap; apart from the global position, because a late gap-filling event of the store is
 *     published after events of higher positions
 * @param previousHash {@link #hash} of the event published before it, 64 zeros for the first
 * @param hash SHA-256 (lower-case hex) of the {@link Seals#canonicalBytes canonical bytes} of chain
 *     sequence, previous hash, metadata and payload
 * @param keyId which of the registry's keys signed it (see {@link SigningKey#idOf})
 * @param signature Ed25519 signature of the 32 bytes of {@link #hash}, base64
 */
public record EventSeal(
    long chainSequence, String previousHash, String hash, String keyId, String signature) {

  /** The chain link this seal makes: what the next event's seal must continue from. */
  public ChainLink link() {
    return new ChainLink(chainSequence, hash);
  }
}
