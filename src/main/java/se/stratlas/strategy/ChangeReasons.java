package se.stratlas.strategy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why elements changed in a version, for the version comparison: a module that makes
 * changes for a reason (the learning module's decided revision proposals) implements
 * this, so the strategy module shows the reason without depending on that module.
 */
public interface ChangeReasons {

	/** A reason for a change: what it was, and where it is read. */
	record Reason(String label, String detail, String href) {
	}

	/** The reasons for the changes in a version, by element key. */
	Map<UUID, List<Reason>> reasons(long organisationId, long versionId);

}
