package se.stratlas.followup;

import java.util.List;

import se.stratlas.shared.EditConflictException;

/**
 * A save that lost a race: someone else saved the contribution after the writer opened
 * it. Carries both versions and a proposed merge; the writer's text is also kept in the
 * history as a conflict copy, so nothing is lost.
 */
public class ContributionConflictException extends EditConflictException {

	private final transient Contribution theirs;

	private final String mine;

	private final TextDiff.Merge merge;

	public ContributionConflictException(Contribution theirs, String mine, TextDiff.Merge merge) {
		super(Contributions.ENTITY, theirs.id(), theirs);
		this.theirs = theirs;
		this.mine = mine;
		this.merge = merge;
	}

	public Contribution theirs() {
		return this.theirs;
	}

	public String mine() {
		return this.mine;
	}

	public TextDiff.Merge merge() {
		return this.merge;
	}

	/** The word differences from the saved text to the writer's. */
	public List<TextDiff.Segment> diff() {
		return TextDiff.words(this.theirs.body(), this.mine);
	}

}
