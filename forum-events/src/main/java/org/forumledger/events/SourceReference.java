package org.forumledger.events;

import java.util.Objects;

/**
 * Where a registered fact comes from: the document and the phrase in it that states the fact, so a
 * reader can find it (e.g. the 2023 inventory's "Kompetensförsörjningen är ett av
 * kommunfullmäktiges budgetmål").
 *
 * @param document the document's name or case number
 * @param phrase the words quoted from it
 */
public record SourceReference(String document, String phrase) {

  public SourceReference {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(phrase, "phrase");
  }
}
