package org.forumledger.registry.forum.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.forumledger.events.LedgerCalendar;

/**
 * A date or year of a request must lie in the {@link LedgerCalendar}; null is left to
 * {@code @NotNull}. The refusal names the field in the contract's words ({@link
 * WireFieldValidator}).
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = {InLedgerCalendar.DateCheck.class, InLedgerCalendar.YearCheck.class})
public @interface InLedgerCalendar {

  String message() default "outside the ledger's calendar";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class DateCheck implements ConstraintValidator<InLedgerCalendar, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || LedgerCalendar.accepts(value);
    }
  }

  class YearCheck implements ConstraintValidator<InLedgerCalendar, Integer> {
    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      return value == null || LedgerCalendar.accepts(value);
    }
  }
}
