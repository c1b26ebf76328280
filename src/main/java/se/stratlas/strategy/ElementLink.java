package se.stratlas.strategy;

import java.util.UUID;

/**
 * A link between two elements, seen from one of them: the relation, whether this element
 * is the link's origin, and the element at the other end (in the latest version of its
 * strategy).
 */
public record ElementLink(long id, RelationType relation, boolean outgoing, UUID otherKey, long otherStrategyId,
		String otherStrategyCode, Long otherElementId, String otherLabel, String note) {
}
