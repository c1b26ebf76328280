package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DonorRepository;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * What the Data Governance Act asks of a recognised data-altruism organisation (art. 17
 * to 20): the facts of its entry in the public register (name, contact, the purposes of
 * general interest it collects data for, the datasets donated to) and its annual activity
 * report (donors, consents given and withdrawn, datasets, deals, and the money that went
 * to donors and to their fund).
 */
@Service
public class AltruismRegister {

	static final String TYPE = "exchange_altruism";

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private final DonorRepository donors;

	private final AuditTrail audit;

	AltruismRegister(DonorRepository donors, AuditTrail audit) {
		this.donors = donors;
		this.audit = audit;
	}

	/** The register entry's facts as the steward states them. */
	public record EntryForm(@Nullable String name, @Nullable String contact, @Nullable String purposes) {
	}

	/**
	 * The register entry: the facts, or null before they are stated, and the datasets.
	 */
	public record RegisterEntry(@Nullable String name, @Nullable String contact, @Nullable String purposes,
			@Nullable Instant updatedAt, List<String> datasets) {

		public RegisterEntry {
			datasets = List.copyOf(datasets);
		}

	}

	/** The annual activity report for a calendar year. */
	public record AltruismReport(int year, String organisation, long donors, long consentsGiven, long consentsWithdrawn,
			long datasets, long deals, BigDecimal toDonors, BigDecimal toFund) {

		/** The report as CSV: a header line and one line of figures. */
		public String csv() {
			return "year;organisation;donors;consents_given;consents_withdrawn;datasets;deals;to_donors_sek;to_fund_sek\n"
					+ String.join(";", String.valueOf(this.year), "\"" + this.organisation.replace("\"", "\"\"") + "\"",
							String.valueOf(this.donors), String.valueOf(this.consentsGiven),
							String.valueOf(this.consentsWithdrawn), String.valueOf(this.datasets),
							String.valueOf(this.deals), this.toDonors.toPlainString(), this.toFund.toPlainString())
					+ "\n";
		}

	}

	/** The register's page: the entry and the report for a year. */
	public record Page(RegisterEntry entry, AltruismReport report) {
	}

	public Page page(StratlasPrincipal user, @Nullable Integer year) {
		return new Page(entry(user), report(user, year));
	}

	/** The organisation's register entry. */
	public RegisterEntry entry(StratlasPrincipal user) {
		List<String> datasets = this.donors.donatedDatasets(user.organisationId());
		return this.donors.altruism(user.organisationId())
			.map(r -> new RegisterEntry(r.name(), r.contact(), r.purposes(), r.updatedAt(), datasets))
			.orElse(new RegisterEntry(null, null, null, null, datasets));
	}

	@Transactional
	public RegisterEntry save(StratlasPrincipal user, EntryForm form) {
		String name = Texts.required("name", form.name(), 200);
		String contact = Texts.required("contact", form.contact(), 400);
		String purposes = Texts.required("purposes", form.purposes(), 2000);
		RegisterEntry before = entry(user);
		this.donors.saveAltruism(user.organisationId(), name, contact, purposes, user.username());
		this.audit.record(user.organisationId(), user.username(), TYPE, user.organisationId(),
				before.name() == null ? "CREATED" : "UPDATED", name,
				Map.of("contact", new FieldChange(before.contact(), contact), "purposes",
						new FieldChange(before.purposes(), purposes)));
		return entry(user);
	}

	/** The annual activity report for the year (Swedish calendar year). */
	public AltruismReport report(StratlasPrincipal user, @Nullable Integer year) {
		int y = year == null ? LocalDate.now(SWEDEN).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new ValidationException("year", "exchange.altruism.yearInvalid");
		}
		Instant from = LocalDate.of(y, 1, 1).atStartOfDay(SWEDEN).toInstant();
		Instant to = LocalDate.of(y + 1, 1, 1).atStartOfDay(SWEDEN).toInstant();
		DonorRepository.Figures f = this.donors.figures(user.organisationId(), from, to);
		String name = this.donors.altruism(user.organisationId()).map(DonorRepository.AltruismRow::name).orElse("");
		return new AltruismReport(y, name, f.donors(), f.consentsGiven(), f.consentsWithdrawn(), f.datasets(),
				f.deals(), f.toDonors(), f.toFund());
	}

}
