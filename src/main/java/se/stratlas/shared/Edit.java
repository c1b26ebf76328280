package se.stratlas.shared;

/**
 * What became of a change made on a screen, answered by a module's API in one call: done
 * ({@code page} null, {@code saved} what was saved), or the page to show again with the
 * validation failure ({@code invalid}) or, after a conflict, the current state
 * ({@code theirs}).
 *
 * @param <P> the page shown again
 * @param <T> what is saved
 */
public record Edit<P, T>(T saved, P page, ValidationException invalid, T theirs) {

	/** Saved. */
	public static <P, T> Edit<P, T> done(T saved) {
		return new Edit<>(saved, null, null, null);
	}

	/** Refused as invalid: the page again. */
	public static <P, T> Edit<P, T> invalid(P page, ValidationException invalid) {
		return new Edit<>(null, page, invalid, null);
	}

	/** Someone else saved first: the page again with the current state. */
	public static <P, T> Edit<P, T> conflict(P page, T theirs) {
		return new Edit<>(null, page, null, theirs);
	}

	public boolean done() {
		return this.page == null;
	}

}
