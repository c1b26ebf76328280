package se.stratlas.shared.web;

import java.util.List;

/**
 * One option of a checklist (the searchable multi-select of the forms): the value sent,
 * the label shown and how deep it stands in a tree (0 at the top).
 */
public record Choice(String value, String label, int depth) {

	/** A labelled group of choices (a strategy's elements, a county's municipalities). */
	public record Group(String label, List<Choice> choices) {

		public Group {
			choices = List.copyOf(choices);
		}

	}

}
