package se.stratlas.learning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import se.stratlas.followup.Cycles;
import se.stratlas.indicators.IndicatorLinks;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.Period;
import se.stratlas.indicators.Target;
import se.stratlas.learning.Proposal;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.ValidationException.Violation;

/**
 * A revision proposal's fields checked for its kind: the texts cleaned and within their
 * lengths, a new element's type and name, a target's indicator (one of the element's),
 * direction, value and deadline; every refusal named at its field.
 */
@Component
public class ProposalDrafts {

	private final Cycles cycles;

	private final IndicatorRegistry indicators;

	private final IndicatorLinks links;

	ProposalDrafts(Cycles cycles, IndicatorRegistry indicators, IndicatorLinks links) {
		this.cycles = cycles;
		this.indicators = indicators;
		this.links = links;
	}

	/** A draft's fields, cleaned and checked for its kind. */
	public record Checked(String title, String name, String description, Long indicatorId, String comparator,
			Double value, String deadline, String motivation) {
	}

	public Checked check(long org, Proposal.Draft draft) {
		List<Violation> errors = new ArrayList<>();
		String title = text(errors, "title", draft.title(), 200, true);
		String motivation = text(errors, "motivation", draft.motivation(), 4000, true);
		String name = text(errors, "nameSv", draft.nameSv(), 500, false);
		String description = text(errors, "descriptionSv", draft.descriptionSv(), 4000, false);
		if (draft.cycleId() != null) {
			this.cycles.get(org, draft.cycleId());
		}
		Long indicatorId = null;
		String comparator = null;
		Double value = null;
		String deadline = null;
		if (draft.kind() == null) {
			errors.add(new Violation("kind", "validation.required"));
		}
		else {
			switch (draft.kind()) {
				case WORDING -> {
					if (name == null && description == null) {
						errors.add(new Violation("nameSv", "learning.proposal.wordingRequired"));
					}
				}
				case ADD_CHILD -> {
					if (draft.childType() == null) {
						errors.add(new Violation("childType", "validation.required"));
					}
					if (name == null) {
						errors.add(new Violation("nameSv", "validation.required"));
					}
				}
				case REMOVE -> {
					name = null;
					description = null;
				}
				case TARGET, RETIRE_INDICATOR -> {
					indicatorId = linkedIndicator(errors, org, draft);
					name = null;
					description = null;
					if (draft.kind() == Proposal.Kind.TARGET) {
						comparator = comparator(errors, draft.targetComparator());
						value = draft.targetValue();
						if (value == null || !Double.isFinite(value) || Math.abs(value) > 1e15) {
							errors.add(new Violation("targetValue",
									value == null ? "validation.required" : "value.range"));
						}
						deadline = deadline(errors, draft.targetDeadline());
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Checked(title, name, description, indicatorId, comparator, value, deadline, motivation);
	}

	private Long linkedIndicator(List<Violation> errors, long org, Proposal.Draft draft) {
		if (draft.indicatorId() == null) {
			errors.add(new Violation("indicatorId", "validation.required"));
			return null;
		}
		try {
			this.indicators.get(org, draft.indicatorId());
		}
		catch (NotFoundException ex) {
			errors.add(new Violation("indicatorId", "learning.proposal.indicatorNotLinked"));
			return null;
		}
		if (!this.links.elementKeys(draft.indicatorId()).contains(draft.elementKey())) {
			errors.add(new Violation("indicatorId", "learning.proposal.indicatorNotLinked"));
		}
		return draft.indicatorId();
	}

	private static String comparator(List<Violation> errors, String text) {
		try {
			return Target.Comparator.valueOf(Objects.requireNonNull(text)).name();
		}
		catch (RuntimeException ex) {
			errors.add(new Violation("targetComparator", "validation.required"));
			return null;
		}
	}

	private static String deadline(List<Violation> errors, String text) {
		try {
			return Period.parse(text).code();
		}
		catch (RuntimeException ex) {
			errors.add(new Violation("targetDeadline", "period.invalid", String.valueOf(text)));
			return null;
		}
	}

	private static String text(List<Violation> errors, String field, String value, int max, boolean required) {
		try {
			return required ? Texts.required(field, value, max) : Texts.optional(field, value, max);
		}
		catch (ValidationException ex) {
			errors.addAll(ex.violations());
			return null;
		}
	}

}
