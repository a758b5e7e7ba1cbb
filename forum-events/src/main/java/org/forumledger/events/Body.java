package org.forumledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The organisational unit a fact is about, named by its code: a committee (nämnd), an
 * administration or a municipal company, registered by {@link UnitRegistered}. On the wire it is
 * the bare code, as it has been since the 2023 inventory, whose two bodies, the city executive
 * board (kommunstyrelsen, {@link #KS}) and its executive office (stadsledningskontoret, {@link
 * #SLK}), keep their codes as units: an event recorded before units existed reads unchanged, and
 * its {@code "KS"} names the unit KS (the reading rule; no stored event is rewritten).
 */
public record Body(String code) {

  /** Upper-case letters, digits and hyphens, 2 to 16 long, starting with a letter. */
  public static final Pattern CODE = Pattern.compile("[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{1,15}");

  public static final Body KS = new Body("KS");
  public static final Body SLK = new Body("SLK");

  public Body {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "a unit code is 2 to 16 upper-case letters, digits or hyphens, starting with a letter: "
              + code);
    }
  }

  /** The unit of a code, as read from the wire, a path or a form. */
  @JsonCreator
  public static Body of(String code) {
    return new Body(code);
  }

  /** Spring's conversion of a path variable or request parameter. */
  public static Body valueOf(String code) {
    return of(code);
  }

  /** The two bodies of the 2023 inventory, known to the ledger before any unit was registered. */
  public boolean ofTheInventory2023() {
    return equals(KS) || equals(SLK);
  }

  @JsonValue
  @Override
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
