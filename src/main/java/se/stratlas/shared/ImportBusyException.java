package se.stratlas.shared;

/**
 * A heavy import (a file, a fetch from Kolada or SCB) was not started: the user already
 * has one running, or the instance runs as many as it may at once. Nothing was read; try
 * again when the other one is done. Answered with 429 and Retry-After.
 */
public class ImportBusyException extends RuntimeException {

	/** Whose imports are in the way. */
	public enum Reason {

		/** The user's own import is still running. */
		YOURS,
		/** The instance runs its maximum of imports at once. */
		INSTANCE

	}

	private final Reason reason;

	private final int limit;

	public ImportBusyException(Reason reason, int limit) {
		super(reason == Reason.YOURS
				? "You already have such a job running (an import, or an edition of the same report); wait until it is done"
				: "Stratlas runs " + limit
						+ " heavy jobs (imports, report editions) at once, its limit; try again in a minute");
		this.reason = reason;
		this.limit = limit;
	}

	public Reason reason() {
		return this.reason;
	}

	public int limit() {
		return this.limit;
	}

}
