package se.stratlas.strategy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stratlas.strategy.StrategyFixtures.element;
import static se.stratlas.strategy.StrategyFixtures.key;

class TreeSearchTests {

	private final List<StrategyElement> rus = List.of(
			element(1, null, "/1/", ElementType.DIRECTION, null, "Jämlik och jämställd inkludering", 0, key(1),
					"Jämställd inkludering"),
			element(2, null, "/2/", ElementType.PRIORITY, "1", "Västerbotten – En nytänkande och smart region", 1,
					key(2)),
			element(3, 2L, "/2/3/", ElementType.SUB_PRIORITY, "1.1", "Utveckla kapaciteten i innovationsekosystemet", 0,
					key(3), "1:1"),
			element(4, 2L, "/2/4/", ElementType.SUB_PRIORITY, "1.2", "Ta tillvara den potential", 1, key(4), "1:2"));

	@Test
	void colonCodeFindsTheDottedCodeAndOpensItsAncestors() {
		StrategyCatalog.TreeSearch search = StrategyCatalog.search(this.rus, "1:1");
		assertThat(search.matches()).containsExactly(3L);
		assertThat(search.expanded()).containsExactly(2L);
	}

	@Test
	void aliasFindsTheCanonicalElement() {
		assertThat(StrategyCatalog.search(this.rus, "jämställd inkludering").matches()).containsExactly(1L);
	}

	@Test
	void nameSearchIsCaseInsensitive() {
		assertThat(StrategyCatalog.search(this.rus, "INNOVATIONSEKOSYSTEMET").matches()).containsExactly(3L);
	}

	@Test
	void emptySearchMatchesNothing() {
		assertThat(StrategyCatalog.search(this.rus, "  ").active()).isFalse();
		assertThat(StrategyCatalog.search(this.rus, "  ").matches()).isEmpty();
	}

	@Test
	void treeKeepsSiblingOrder() {
		List<ElementNode> tree = StrategyCatalog.tree(this.rus);
		assertThat(tree).extracting(n -> n.element().id()).containsExactly(1L, 2L);
		assertThat(tree.get(1).children()).extracting(n -> n.element().code()).containsExactly("1.1", "1.2");
	}

}
