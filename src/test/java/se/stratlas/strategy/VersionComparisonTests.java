package se.stratlas.strategy;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.stratlas.strategy.VersionComparison.ChangeKind;
import se.stratlas.strategy.VersionComparison.Difference;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stratlas.strategy.StrategyFixtures.element;
import static se.stratlas.strategy.StrategyFixtures.key;

class VersionComparisonTests {

	private final List<StrategyElement> remiss = List.of(
			element(1, null, "/1/", ElementType.GOAL, null, "En nytänkande och smart region", 0, key(1)),
			element(2, null, "/2/", ElementType.FOCUS_AREA, "1", "Digitala infrastrukturer", 1, key(2)),
			element(3, null, "/3/", ElementType.FOCUS_AREA, "5", "Digital transformation", 2, key(3)),
			element(4, 3L, "/3/4/", ElementType.ACTION, "5.1", "Insatser för omställning", 0, key(4)),
			element(5, null, "/5/", ElementType.FOCUS_AREA, "6", "Digital innovation", 3, key(5)));

	private final List<StrategyElement> adopted = List.of(
			element(11, null, "/11/", ElementType.GOAL, null, "Digital transformation inom alla sektorer och branscher",
					0, key(1)),
			element(12, null, "/12/", ElementType.FOCUS_AREA, "1", "Digital infrastruktur", 1, key(2)),
			element(14, 11L, "/11/14/", ElementType.ACTION, "5.1", "Insatser för omställning", 0, key(4)),
			element(15, null, "/15/", ElementType.FOCUS_AREA, "6", "Digital innovation", 2, key(5)),
			element(16, null, "/16/", ElementType.FOCUS_AREA, "7", "Digital säkerhet", 3, key(6)));

	@Test
	void findsAddedRemovedRenamedAndMovedElements() {
		List<Difference> differences = VersionComparison.compare(this.remiss, this.adopted);

		assertThat(kindsOf(differences, key(1))).containsExactly(ChangeKind.RENAMED);
		assertThat(kindsOf(differences, key(2))).containsExactly(ChangeKind.RENAMED);
		assertThat(kindsOf(differences, key(3))).containsExactly(ChangeKind.REMOVED);
		assertThat(kindsOf(differences, key(4))).containsExactly(ChangeKind.MOVED);
		assertThat(kindsOf(differences, key(6))).containsExactly(ChangeKind.ADDED);
		assertThat(differences).extracting(Difference::key).doesNotContain(key(5));
	}

	@Test
	void movedElementNamesItsOldAndNewParent() {
		Difference moved = VersionComparison.compare(this.remiss, this.adopted)
			.stream()
			.filter(d -> d.key().equals(key(4)))
			.findFirst()
			.orElseThrow();
		assertThat(moved.parentBefore()).isEqualTo("5 Digital transformation");
		assertThat(moved.parentAfter()).isEqualTo("Digital transformation inom alla sektorer och branscher");
	}

	@Test
	void identicalVersionsHaveNoDifferences() {
		assertThat(VersionComparison.compare(this.remiss, this.remiss)).isEmpty();
	}

	@Test
	void reorderingSiblingsIsAMove() {
		List<StrategyElement> reordered = List.of(
				element(1, null, "/1/", ElementType.GOAL, null, "En nytänkande och smart region", 0, key(1)),
				element(2, null, "/2/", ElementType.FOCUS_AREA, "1", "Digitala infrastrukturer", 3, key(2)),
				element(3, null, "/3/", ElementType.FOCUS_AREA, "5", "Digital transformation", 1, key(3)),
				element(4, 3L, "/3/4/", ElementType.ACTION, "5.1", "Insatser för omställning", 0, key(4)),
				element(5, null, "/5/", ElementType.FOCUS_AREA, "6", "Digital innovation", 2, key(5)));
		assertThat(kindsOf(VersionComparison.compare(this.remiss, reordered), key(2))).contains(ChangeKind.MOVED);
	}

	private static List<ChangeKind> kindsOf(List<Difference> differences, java.util.UUID key) {
		return differences.stream().filter(d -> d.key().equals(key)).flatMap(d -> d.kinds().stream()).toList();
	}

}
