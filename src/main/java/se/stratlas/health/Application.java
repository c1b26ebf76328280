package se.stratlas.health;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import se.stratlas.exchange.DatasetDraft;

/**
 * An application for access to chosen variables of health datasets held by one
 * organisation: purpose, the ethics approval's diary number, the legal basis, how long
 * the data is kept, who will work with it and the output checker (never the applicant);
 * the steward's checklist, questions and answers, and the decision with its motivation
 * and, when approved, the day access ends.
 */
public record Application(long id, long organisationId, long applicantOrg, String applicant, String title,
		String purpose, String ethicsDnr, DatasetDraft.LegalBasis legalBasis, DatasetDraft.SpecialBasis specialBasis,
		int retentionMonths, String team, String outputChecker, Status status, List<Check> checklist,
		@Nullable String motivation, @Nullable LocalDate accessUntil, Instant appliedAt, @Nullable Instant decidedAt,
		@Nullable String decidedBy, @Nullable String demoNote, int version, List<Chosen> variables,
		List<Message> messages) {

	public Application {
		checklist = List.copyOf(checklist);
		variables = List.copyOf(variables);
		messages = List.copyOf(messages);
	}

	/** The state stored; an approved application past its end date has expired. */
	public Status status(LocalDate today) {
		return this.status == Status.APPROVED && this.accessUntil != null && today.isAfter(this.accessUntil)
				? Status.EXPIRED : this.status;
	}

	/** Days from application to decision, if decided. */
	public @Nullable Long turnaroundDays() {
		return this.decidedAt == null ? null : Duration.between(this.appliedAt, this.decidedAt).toDays();
	}

	/** Where an application stands. */
	public enum Status {

		SUBMITTED, QUESTIONED, APPROVED, REFUSED, EXPIRED;

		public String messageKey() {
			return "health.status." + name().toLowerCase(Locale.ROOT);
		}

		public boolean open() {
			return this == SUBMITTED || this == QUESTIONED;
		}

	}

	/** What the steward checks before approving. */
	public enum Check {

		ETHICS_APPROVAL, LEGAL_BASIS, MINIMAL_VARIABLES, RETENTION, TEAM, OUTPUT_CHECKER;

		public String messageKey() {
			return "health.check." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One variable of one dataset applied for. */
	public record Chosen(long datasetId, String variable) {
	}

	/** A question from the steward or an answer from the applicant. */
	public record Message(Kind kind, String author, String body, Instant writtenAt) {

		/** Who wrote it. */
		public enum Kind {

			QUESTION, ANSWER;

			public String messageKey() {
				return "health.message." + name().toLowerCase(Locale.ROOT);
			}

		}

	}

	/** What an applicant writes. */
	public record Draft(String title, String purpose, String ethicsDnr, DatasetDraft.LegalBasis legalBasis,
			DatasetDraft.SpecialBasis specialBasis, Integer retentionMonths, String team, String outputChecker,
			List<Chosen> variables) {
	}

	/** The steward's decision. */
	public record Decision(Integer version, Boolean approve, List<Check> checklist, String motivation,
			@Nullable LocalDate accessUntil) {
	}

	/** A question or an answer with the version of the application seen. */
	public record Note(Integer version, String text) {
	}

	/** Access granted by an approved application that has not expired. */
	public record Grant(Long applicationId, List<Chosen> variables, LocalDate accessUntil) {
	}

}
