/**
 * Reports: the documents a region publishes, built from one model
 * ({@link se.stratlas.reports.ReportDocument}) as HTML, tagged PDF (PDF/UA), Word and
 * Excel; editions frozen and archived with their date; publishing with a public page,
 * open data and a DCAT-AP-SE catalogue, which also describes the data exchange's open
 * datasets (asked through {@link se.stratlas.exchange.OpenDatasets}).
 * <p>
 * API: {@link se.stratlas.reports.Reports}, {@link se.stratlas.reports.Editions} and the
 * records they use.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "strategy", "initiatives", "indicators",
		"areas", "actors", "followup", "exchange" })
package se.stratlas.reports;

import org.springframework.modulith.ApplicationModule;
