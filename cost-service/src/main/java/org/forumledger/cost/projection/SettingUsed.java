package org.forumledger.cost.projection;

import java.math.BigDecimal;

/** A configured value a rule used, e.g. {@code population.2027 = 612000}. */
public record SettingUsed(String key, BigDecimal value) {}
