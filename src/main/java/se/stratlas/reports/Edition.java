package se.stratlas.reports;

import java.time.Instant;

/** A frozen, archived edition of a report product (without its files). */
public record Edition(long id, long organisationId, long cycleId, long productId, int number, String title,
		String status, String phase, int stepsDone, int stepsTotal, String error, boolean draft, Instant createdAt,
		String createdBy, Instant finishedAt, Instant publishedAt, String slug) {

	public boolean running() {
		return "RUNNING".equals(this.status);
	}

	public boolean ready() {
		return "READY".equals(this.status);
	}

	public boolean published() {
		return this.publishedAt != null;
	}

	/** How far the generation has come, 0–100. */
	public int percent() {
		return this.stepsTotal == 0 ? (running() ? 0 : 100) : Math.min(100, this.stepsDone * 100 / this.stepsTotal);
	}

}
