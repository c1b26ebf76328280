package se.stratlas.strategy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of element in a strategy tree, and where each may stand. A {@code null}
 * parent means the top level of the tree.
 */
public enum ElementType {

	/** Övergripande mål: "En levande plats". */
	GOAL,
	/** Inriktning: a cross-cutting direction every initiative is assessed against. */
	DIRECTION,
	/** Prioritering. */
	PRIORITY,
	/** Delprioritering, only under a prioritering. */
	SUB_PRIORITY,
	/** Fokusområde (the digitalisation strategy's focus areas). */
	FOCUS_AREA,
	/** Åtgärd (an action of a focus area or priority). */
	ACTION,
	/** Delmål (a target, e.g. an Agenda 2030 target under its goal). */
	TARGET,
	/** Any other kind of element, for strategies with a shape of their own. */
	OTHER;

	/**
	 * Whether an element of this type may stand under {@code parent} (null: at the top).
	 */
	public boolean allowedUnder(ElementType parent) {
		if (parent == OTHER || this == OTHER) {
			return true;
		}
		return allowedParents().contains(parent == null ? Top.TOP : parent);
	}

	/** The parent types this type may have; {@link Top#TOP} stands for the top level. */
	Set<Object> allowedParents() {
		return switch (this) {
			case GOAL -> Set.of(Top.TOP, GOAL);
			case DIRECTION -> Set.of(Top.TOP);
			case PRIORITY -> Set.of(Top.TOP, GOAL);
			case SUB_PRIORITY -> Set.of(PRIORITY);
			case FOCUS_AREA -> Set.of(Top.TOP, GOAL, PRIORITY);
			case ACTION -> Set.of(FOCUS_AREA, PRIORITY, SUB_PRIORITY, GOAL);
			case TARGET -> Set.of(GOAL, PRIORITY, FOCUS_AREA);
			case OTHER -> Set.of(Top.TOP);
		};
	}

	/** The types that may be created directly under an element of type {@code parent}. */
	public static Set<ElementType> allowedChildren(ElementType parent) {
		Set<ElementType> children = EnumSet.noneOf(ElementType.class);
		for (ElementType type : values()) {
			if (type.allowedUnder(parent)) {
				children.add(type);
			}
		}
		return children;
	}

	public String messageKey() {
		return "element.type." + name().toLowerCase(Locale.ROOT);
	}

	enum Top {

		TOP

	}

}
