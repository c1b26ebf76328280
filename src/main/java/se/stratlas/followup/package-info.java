/**
 * Follow-up cycles (uppföljningscykler): a cycle's template of sections, the units that
 * answer them, their contributions (inrapportering) with states, comments and full text
 * history, the report products that reuse one contribution in several reports, reminders
 * before deadlines, and finance and staffing figures per unit and period.
 * <p>
 * API: {@link se.stratlas.followup.Cycles} and
 * {@link se.stratlas.followup.CycleSections}; {@link se.stratlas.followup.Contributions},
 * {@link se.stratlas.followup.ContributionReviews} and
 * {@link se.stratlas.followup.ContributionPages}; {@link se.stratlas.followup.TaskList};
 * {@link se.stratlas.followup.Products}; {@link se.stratlas.followup.UnitFigureBook} and
 * {@link se.stratlas.followup.UnitFigureImports}; and the records they use. The SQL and
 * the parts only these use are in {@code internal}.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "strategy", "initiatives", "indicators",
		"areas", "foresight" })
package se.stratlas.followup;

import org.springframework.modulith.ApplicationModule;
