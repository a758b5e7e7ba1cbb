package org.forumledger.cost.units;

import org.forumledger.cost.api.Answers;
import org.forumledger.cost.api.YearParam;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.readmodel.FactStore;
import org.forumledger.cost.units.UnitViews.UnitYearView;
import org.forumledger.cost.units.UnitViews.YearUnitsView;
import org.forumledger.events.Body;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.springframework.stereotype.Service;

/**
 * Answers what each unit's participation costs in a year, from the forums' facts and the facts
 * about units read in the same snapshot (see {@link Answers}), by {@link UnitCosts}.
 */
@Service
class UnitCostQueries {

  private final Answers answers;
  private final UnitCosts rules;
  private final FactStore facts;

  UnitCostQueries(Answers answers, ProjectionRules rules, FactStore facts) {
    this.answers = answers;
    this.rules = new UnitCosts(rules);
    this.facts = facts;
  }

  YearUnitsView year(YearParam year) {
    return answers.aboutAllForums(
        "unit-costs",
        (at, forums) ->
            YearUnitsView.of(rules.of(forums, facts.unitFacts(), year.value()), at.position()),
        year.value());
  }

  /** One unit; 404 for a code no unit was registered under and no fact names. */
  UnitYearView unit(YearParam year, Body unit) {
    return answers.aboutAllForums(
        "unit-cost",
        (at, forums) -> {
          UnitCosts.Year split = rules.of(forums, facts.unitFacts(), year.value());
          return UnitYearView.of(
              split, split.known(unit).orElseThrow(() -> new UnknownUnit(unit)), at.position());
        },
        year.value(),
        unit.code());
  }

  /** 404: no unit was registered under the code, and no fact of any forum names it. */
  static final class UnknownUnit extends ProblemException {
    UnknownUnit(Body unit) {
      super(
          Problem.of(
                  ProblemType.NOT_FOUND,
                  "No unit "
                      + unit.code()
                      + " registered or named by a fact in the cost read model")
              .with("unit", unit.code()));
    }
  }
}
