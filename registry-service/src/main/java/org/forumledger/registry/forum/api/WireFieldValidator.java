package org.forumledger.registry.forum.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import org.forumledger.events.LedgerCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Bean validation of request bodies that names each field as it is on the wire: a field of an
 * {@code @JsonUnwrapped} part (the {@link ForumRequests.Provenance} of every write) is {@code
 * reason}, not {@code provenance.reason}, and a date or year outside the ledger's calendar is
 * refused with the contract's sentence.
 */
final class WireFieldValidator implements SmartValidator {

  private final ObjectProvider<jakarta.validation.Validator> beanValidator;
  private volatile SpringValidatorAdapter adapter;

  WireFieldValidator(ObjectProvider<jakarta.validation.Validator> beanValidator) {
    this.beanValidator = beanValidator;
  }

  @Override
  public boolean supports(Class<?> type) {
    return adapter().supports(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    validate(target, errors, new Object[0]);
  }

  @Override
  public void validate(Object target, Errors errors, Object... validationHints) {
    if (!(errors instanceof BindingResult result)) {
      adapter().validate(target, errors, validationHints);
      return;
    }
    BindingResult found = new BeanPropertyBindingResult(target, errors.getObjectName());
    adapter().validate(target, found, validationHints);
    found.getGlobalErrors().forEach(result::addError);
    for (FieldError error : found.getFieldErrors()) {
      String field = wireName(target.getClass(), error.getField());
      result.addError(
          new FieldError(
              error.getObjectName(),
              field,
              error.getRejectedValue(),
              error.isBindingFailure(),
              error.getCodes(),
              error.getArguments(),
              message(field, error)));
    }
  }

  @Override
  public void validateValue(
      Class<?> targetType, String fieldName, Object value, Errors errors, Object... hints) {
    adapter().validateValue(targetType, fieldName, value, errors, hints);
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return adapter().unwrap(type);
  }

  /** The field's name without the component it is unwrapped from. */
  static String wireName(Class<?> type, String field) {
    int dot = field.indexOf('.');
    if (dot < 0 || !type.isRecord()) {
      return field;
    }
    String head = field.substring(0, dot);
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(head)
          && component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
        return wireName(component.getType(), field.substring(dot + 1));
      }
    }
    return field;
  }

  private static String message(String field, FieldError error) {
    if (!InLedgerCalendar.class.getSimpleName().equals(error.getCode())) {
      return error.getDefaultMessage();
    }
    return error.getRejectedValue() instanceof LocalDate
        ? LedgerCalendar.dateRule(field)
        : LedgerCalendar.yearRule(field);
  }

  private SpringValidatorAdapter adapter() {
    SpringValidatorAdapter current = adapter;
    if (current == null) {
      current = new SpringValidatorAdapter(beanValidator.getObject());
      adapter = current;
    }
    return current;
  }
}
