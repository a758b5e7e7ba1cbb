package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.Test;

class ChangesTest {

  private static final String T = "2024-02-26T09:00:00Z";

  @Test
  void joinedLeftFeesAndAppointmentsBetweenTwoDates() {
    EventStream e = new EventStream(1);
    List<EventEnvelope> log =
        List.of(
            e.envelope(registered("stays", "2.1.1", "Stays", "A"), T, "2019-01-01"),
            e.envelope(registered("leaves", "2.1.2", "Leaves", "A"), T, "2019-01-01"),
            e.envelope(registered("joins", "2.1.3", "Joins", "A"), T, "2024-02-01"),
            e.envelope(forum("stays").fee(2022).amount("1000"), T, null),
            e.envelope(forum("stays").fee(2024).amount("1500"), T, null),
            e.envelope(forum("leaves").fee(2022).amount("700"), T, null),
            e.envelope(forum("leaves").status(ForumStatus.ENDED).from("2023-06-30"), T, null),
            e.envelope(
                forum("stays")
                    .appointed("old")
                    .person("Olle")
                    .of(Body.KS)
                    .valid("2019-01-01", "2022-12-31"),
                T,
                null),
            e.envelope(
                forum("stays")
                    .appointed("new")
                    .person("Nina")
                    .of(Body.KS)
                    .valid("2023-01-01", null),
                T,
                null),
            e.envelope(
                forum("stays")
                    .appointed("short")
                    .person("Sam")
                    .of(Body.SLK)
                    .valid("2023-02-01", null),
                T,
                null),
            e.envelope(forum("stays").appointmentEnded("short").on("2023-09-30"), T, null));
    LocalDate from = LocalDate.parse("2022-12-31");
    LocalDate to = LocalDate.parse("2024-12-31");

    Changes changes =
        Changes.between(
            from,
            to,
            ForumFold.fold(log, new TimeSlice(from, null)),
            ForumFold.fold(log, new TimeSlice(to, null)));

    assertThat(changes.joined()).extracting(Changes.ForumRef::forumId).containsExactly("joins");
    assertThat(changes.left()).extracting(Changes.ForumRef::forumId).containsExactly("leaves");
    Changes.FeeChange stays = changes.feesChanged().get(0);
    assertThat(stays.forum().forumId()).isEqualTo("stays");
    assertThat(stays.before().amountSek()).isEqualByComparingTo("1000");
    assertThat(stays.after().amountSek()).isEqualByComparingTo("1500");
    assertThat(stays.after().status()).isEqualTo(CostStatus.AMOUNT);
    assertThat(changes.appointed())
        .extracting(Changes.AppointmentChange::appointmentId)
        .containsExactly("new", "short");
    assertThat(changes.ended())
        .extracting(Changes.AppointmentChange::appointmentId)
        .containsExactly("old", "short");
  }

  @Test
  void aForumThatJoinedAndLeftInBetweenAndAReopenedForumAreListed() {
    EventStream e = new EventStream(1);
    List<EventEnvelope> log =
        List.of(
            e.envelope(registered("brief", "2.1.1", "Brief", "A"), T, "2023-05-01"),
            e.envelope(forum("brief").status(ForumStatus.ENDED).from("2024-06-30"), T, null),
            e.envelope(registered("reopened", "2.1.2", "Reopened", "A"), T, "2019-01-01"));
    LocalDate from = LocalDate.parse("2022-12-31");
    LocalDate to = LocalDate.parse("2026-12-31");
    Instant t = Instant.parse(T);
    Changes.StatusStep end =
        new Changes.StatusStep(
            "reopened", ForumStatus.ENDED, LocalDate.parse("2024-01-01"), t, "r", "left", "KS 1");
    Changes.StatusStep reopening =
        new Changes.StatusStep(
            "reopened",
            ForumStatus.ACTIVE,
            LocalDate.parse("2024-01-01"),
            t,
            "r",
            "mistake",
            "KS 2");
    Changes.StatusStep earlier =
        new Changes.StatusStep(
            "reopened", ForumStatus.ACTIVE, LocalDate.parse("2020-01-01"), t, "r", "old", "KS 0");

    Changes changes =
        Changes.between(
            from,
            to,
            ForumFold.fold(log, new TimeSlice(from, null)),
            ForumFold.fold(log, new TimeSlice(to, null)),
            List.of(
                new Changes.StatusStep(
                    "reopened", ForumStatus.ENDED, LocalDate.parse("2019-06-01"), t, "r", "", "KS"),
                earlier,
                end,
                reopening));

    assertThat(changes.joinedAndLeft())
        .extracting(Changes.ForumRef::forumId)
        .containsExactly("brief");
    assertThat(changes.joined()).isEmpty();
    assertThat(changes.left()).isEmpty();
    assertThat(changes.reopened()).hasSize(1);
    assertThat(changes.reopened().get(0).ended()).isEqualTo(end);
    assertThat(changes.reopened().get(0).reopening()).isEqualTo(reopening);
  }
}
