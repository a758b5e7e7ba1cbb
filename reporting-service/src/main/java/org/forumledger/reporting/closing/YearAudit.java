package org.forumledger.reporting.closing;

import java.util.List;
import org.forumledger.reporting.api.AuditController;

/**
 * A closed year as an auditor reviews it: the signed closing, the totals now, what differs, and
 * every fact recorded after the closing that may change the year, with who, when and why.
 */
public record YearAudit(
    int year,
    ClosedYear closing,
    ClosedYear.Figures totalsNow,
    long positionNow,
    List<String> differencesSinceClosing,
    List<AuditController.Entry> changesAfterClosing) {}
