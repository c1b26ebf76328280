package se.stratlas.health.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.Application;

/**
 * The application form as the browser sends it: each chosen variable as
 * {@code datasetId:variable}.
 */
record ApplicationForm(String title, String purpose, String ethicsDnr, DatasetDraft.LegalBasis legalBasis,
		DatasetDraft.SpecialBasis specialBasis, Integer retentionMonths, String team, String outputChecker,
		List<String> variables) {

	Application.Draft draft() {
		List<Application.Chosen> chosen = new ArrayList<>();
		for (String value : this.variables == null ? List.<String>of() : this.variables) {
			int colon = value.indexOf(':');
			if (colon > 0 && value.substring(0, colon).matches("[0-9]{1,18}")) {
				chosen
					.add(new Application.Chosen(Long.parseLong(value.substring(0, colon)), value.substring(colon + 1)));
			}
		}
		return new Application.Draft(this.title, this.purpose, this.ethicsDnr, this.legalBasis, this.specialBasis,
				this.retentionMonths, this.team, this.outputChecker, chosen);
	}

	static ApplicationForm empty() {
		return new ApplicationForm(null, null, null, DatasetDraft.LegalBasis.PUBLIC_TASK,
				DatasetDraft.SpecialBasis.RESEARCH, 36, null, null, List.of());
	}

	/** The steward's decision as the browser sends it. */
	record DecisionForm(Integer version, Boolean approve, List<Application.Check> checklist, String motivation,
			String accessUntil) {

		Application.Decision decision() {
			LocalDate until = null;
			try {
				until = this.accessUntil == null || this.accessUntil.isBlank() ? null
						: LocalDate.parse(this.accessUntil.strip());
			}
			catch (DateTimeParseException ex) {
				until = null;
			}
			return new Application.Decision(this.version, this.approve, this.checklist, this.motivation, until);
		}

	}

}
