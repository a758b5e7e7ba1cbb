package org.forumledger.registry.forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forumledger.events.EventJson;

class CanonicalJsonTest {

  private static final Object NULL = new Object();
  private static final String SPACE = " \t\n\r";

  @Example
  void sortsKeysDropsWhitespaceAndStripsTrailingZeros() {
    assertThat(CanonicalJson.of("{ \"b\" : 1.50,\n \"a\": [100.00, \"x y\", null, true] }"))
        .isEqualTo("{\"a\":[1E+2,\"x y\",null,true],\"b\":1.5}");
  }

  @Example
  void zeroHasOneForm() {
    assertThat(CanonicalJson.of("[0, 0.000, -0.0, 0E+3]")).isEqualTo("[0,0,0,0]");
  }

  @Example
  void aHugeExponentStaysShort() {
    assertThat(CanonicalJson.of("1e999999999")).isEqualTo("1E+999999999");
  }

  @Property
  void theSameValueWrittenAnotherWayHasTheSameCanonicalForm(
      @ForAll("json") Object value, @ForAll long seed) {
    String plain = render(value, null);
    String messy = render(value, new Random(seed));

    assertThat(CanonicalJson.of(messy)).isEqualTo(CanonicalJson.of(plain));
  }

  @Property
  void theCanonicalFormIsItsOwnCanonicalForm(@ForAll("json") Object value) {
    String canonical = CanonicalJson.of(render(value, null));

    assertThat(CanonicalJson.of(canonical)).isEqualTo(canonical);
  }

  @Property
  void twoNumbersShareACanonicalFormExactlyWhenTheirValuesAreEqual(
      @ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
    boolean same = CanonicalJson.of(a.toPlainString()).equals(CanonicalJson.of(b.toPlainString()));

    assertThat(same).isEqualTo(a.compareTo(b) == 0);
  }

  @Property
  void aChangedStringChangesTheCanonicalForm(
      @ForAll("json") Object value, @ForAll("texts") String a, @ForAll("texts") String b) {
    String withA = CanonicalJson.of(render(List.of(value, a), null));
    String withB = CanonicalJson.of(render(List.of(value, b), null));

    assertThat(withA.equals(withB)).isEqualTo(a.equals(b));
  }

  @Provide
  Arbitrary<BigDecimal> numbers() {
    return Combinators.combine(
            Arbitraries.longs().between(-2_000, 2_000), Arbitraries.integers().between(-3, 4))
        .as(BigDecimal::valueOf);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().ofMaxLength(6);
  }

  @Provide
  Arbitrary<Object> json() {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
            texts().map(s -> s),
            numbers().map(n -> n),
            Arbitraries.of(Boolean.TRUE, Boolean.FALSE, NULL).map(o -> o));
    return Arbitraries.recursive(
        () -> leaf,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(4), inner)
                    .ofMaxSize(4)
                    .map(m -> m)),
        0,
        3);
  }

  /** Compact and in order when {@code messy} is null; otherwise shuffled, spaced and re-spelt. */
  private static String render(Object value, Random messy) {
    StringBuilder out = new StringBuilder();
    render(value, messy, out);
    return out.toString();
  }

  private static void render(Object value, Random messy, StringBuilder out) {
    space(messy, out);
    if (value == NULL) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      if (messy != null) {
        Collections.shuffle(entries, messy);
      }
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        out.append(i == 0 ? "" : ",");
        space(messy, out);
        out.append(text((String) entries.get(i).getKey(), messy));
        space(messy, out);
        out.append(':');
        render(entries.get(i).getValue(), messy, out);
      }
      space(messy, out);
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        render(list.get(i), messy, out);
      }
      space(messy, out);
      out.append(']');
    } else if (value instanceof BigDecimal number) {
      out.append(number(number, messy));
    } else if (value instanceof String string) {
      out.append(text(string, messy));
    } else {
      out.append(value);
    }
    space(messy, out);
  }

  private static String number(BigDecimal number, Random messy) {
    if (messy == null) {
      return number.toPlainString();
    }
    return switch (messy.nextInt(4)) {
      case 0 -> number.setScale(Math.max(number.scale(), 0) + messy.nextInt(3)).toPlainString();
      case 1 -> number.toString();
      case 2 -> number.toEngineeringString();
      default -> number.unscaledValue() + "e" + (-number.scale());
    };
  }

  private static String text(String text, Random messy) {
    if (messy == null || text.isEmpty() || messy.nextBoolean()) {
      try {
        return EventJson.mapper().writeValueAsString(text);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder escaped = new StringBuilder("\"");
    text.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
    return escaped.append('"').toString();
  }

  private static void space(Random messy, StringBuilder out) {
    if (messy != null) {
      for (int n = messy.nextInt(3); n > 0; n--) {
        out.append(SPACE.charAt(messy.nextInt(SPACE.length())));
      }
    }
  }
}
