package se.stratlas.strategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small element lists for tests without a database. */
final class StrategyFixtures {

	private StrategyFixtures() {
	}

	static StrategyElement element(long id, Long parentId, String path, ElementType type, String code, String name,
			int sort, UUID key, String... aliases) {
		return new StrategyElement(id, 1, key, parentId, path, type, code, name, null, null, null, List.of(aliases),
				sort, 0, Instant.EPOCH, "test");
	}

	static UUID key(int n) {
		return new UUID(0, n);
	}

}
