package se.stratlas.health.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.stratlas.health.internal.DisclosureControl.Cell;
import se.stratlas.health.internal.DisclosureControl.Checked;
import se.stratlas.health.internal.DisclosureControl.Exposure;
import se.stratlas.health.internal.DisclosureControl.Outcome;
import se.stratlas.health.internal.DisclosureControl.Result;
import se.stratlas.health.internal.DisclosureControl.Rules;
import se.stratlas.health.internal.DisclosureControl.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Small counts are suppressed, the rest rounded, and no suppressed small count can be
 * worked out from the margins or from two releases together; each rule is shown to matter
 * by the audit finding the count when the rule is left out.
 */
class DisclosureControlTests {

	private static final List<String> MUNICIPALITIES = List.of("Umeå", "Skellefteå", "Lycksele");

	private static final List<String> YEARS = List.of("2024", "2025");

	@Test
	void smallCountsAreSuppressedAndTheRestRoundedToFive() {
		DisclosureControl control = new DisclosureControl(Rules.DEFAULT);
		Result result = control.check(new Table("t",
				List.of(new Cell("a", Set.of("a"), 3), new Cell("b", Set.of("b"), 12), new Cell("c", Set.of("c"), 13),
						new Cell("d", Set.of("d"), 0), new Cell("e", Set.of("e"), 8), new Cell("f", Set.of("f"), 7))),
				List.of());
		Map<String, Long> released = result.released();
		assertThat(released.get("a")).isNull();
		assertThat(released.get("f")).as("7 is small").isNull();
		assertThat(released).containsEntry("b", 10L).containsEntry("c", 15L).containsEntry("e", 10L);
		assertThat(released).as("a zero discloses no one").containsEntry("d", 0L);
	}

	@Test
	void aSmallCellCannotBeWorkedOutFromItsMarginsWithoutRounding() {
		// Exact counts (rounding 1): the classical case where one suppressed cell in a
		// row
		// is the margin minus the others.
		DisclosureControl control = new DisclosureControl(new Rules(7, 1));
		Table table = Table.twoWay("contacts", MUNICIPALITIES, YEARS,
				new long[][] { { 120, 131 }, { 64, 3 }, { 40, 52 } });

		Result naive = primaryOnly(table, new Rules(7, 1));
		Exposure found = control.audit(List.of(naive)).getFirst();
		assertThat(found.key()).isEqualTo("Skellefteå|2025");
		assertThat(found.high() - found.low()).as("primary suppression alone gives the count away").isLessThan(0.5);
		assertThat(found.low()).isCloseTo(3.0, within(1e-6));

		Result checked = control.check(table, List.of());
		assertThat(control.protects(List.of(checked))).isTrue();
		assertThat(outcome(checked, "Skellefteå|2025")).isEqualTo(Outcome.SMALL);
		assertThat(checked.cells().stream().filter(c -> c.outcome() == Outcome.SECONDARY)).isNotEmpty();
		// The row and the column of the small cell each lose another cell (or their
		// total).
		assertThat(suppressedIn(checked, "Skellefteå|")).isGreaterThanOrEqualTo(2);
		assertThat(suppressedIn(checked, "|2025")).isGreaterThanOrEqualTo(2);
		assertThat(checked.released().get("Umeå|2024")).isEqualTo(120L);
	}

	@Test
	void withTheDefaultRulesEverySmallCellIsProtectedInALargerTable() {
		DisclosureControl control = new DisclosureControl(Rules.DEFAULT);
		List<String> groups = List.of("0–17", "18–44", "45–64", "65–79", "80+");
		List<String> years = List.of("2021", "2022", "2023", "2024", "2025");
		long[][] counts = { { 2, 40, 38, 41, 5 }, { 120, 118, 131, 1, 140 }, { 80, 7, 85, 90, 88 },
				{ 60, 62, 0, 66, 70 }, { 3, 4, 6, 2, 9 } };
		Result checked = control.check(Table.twoWay("episodes", groups, years, counts), List.of());
		assertThat(control.protects(List.of(checked))).isTrue();
		assertThat(checked.cells().stream().filter(c -> c.outcome() == Outcome.SMALL)).hasSize(8);
		assertThat(checked.cells().stream().filter(c -> !c.suppressed()).map(Checked::shown)).allMatch(v -> v % 5 == 0);
	}

	@Test
	void aSmallCellCannotBeWorkedOutFromTwoReleasesTogether() {
		DisclosureControl control = new DisclosureControl(new Rules(7, 1));
		// First the yearly totals by municipality: nothing small.
		Result totals = control.check(new Table("per kommun",
				List.of(new Cell("Umeå", Set.of("Umeå|2024", "Umeå|2025"), 251),
						new Cell("Skellefteå", Set.of("Skellefteå|2024", "Skellefteå|2025"), 67),
						new Cell("Lycksele", Set.of("Lycksele|2024", "Lycksele|2025"), 92))),
				List.of());
		assertThat(totals.suppressedCount()).isZero();
		// Then the same by year, without its row totals: the first release supplies them.
		List<Cell> byYear = Table
			.twoWay("per år", MUNICIPALITIES, YEARS, new long[][] { { 120, 131 }, { 64, 3 }, { 40, 52 } })
			.cells()
			.stream()
			.filter(c -> !c.key().endsWith("|" + DisclosureControl.TOTAL))
			.toList();
		Table second = new Table("per år", byYear);

		Result alone = control.check(second, List.of());
		assertThat(control.protects(List.of(alone))).as("protected on its own").isTrue();
		assertThat(control.protects(List.of(totals, alone))).as("but not beside the first release").isFalse();

		Result together = control.check(second, List.of(totals));
		assertThat(control.protects(List.of(totals, together))).isTrue();
		assertThat(together.suppressedCount()).isGreaterThan(alone.suppressedCount());
	}

	@Test
	void anEarlierSmallCountStaysProtectedWhenANewTableWouldGiveItAway() {
		DisclosureControl control = new DisclosureControl(new Rules(7, 1));
		Result first = control.check(
				Table.twoWay("år", List.of("Kvinnor", "Män"), YEARS, new long[][] { { 40, 5 }, { 50, 60 } }),
				List.of());
		assertThat(control.protects(List.of(first))).isTrue();
		// The new table shows the women's 2025 count under another name.
		Result second = control.check(new Table("kvinnor 2025", List.of(new Cell("k", Set.of("Kvinnor|2025"), 5),
				new Cell("alla", Set.of("Kvinnor|2025", "Män|2025"), 65))), List.of(first));
		assertThat(second.released().get("k")).isNull();
		assertThat(control.protects(List.of(first, second))).isTrue();
	}

	private static Result primaryOnly(Table table, Rules rules) {
		return new Result(table.name(), rules,
				table.cells()
					.stream()
					.map(c -> rules.small(c.count()) ? new Checked(c.key(), c.atoms(), c.count(), null, Outcome.SMALL)
							: new Checked(c.key(), c.atoms(), c.count(), rules.round(c.count()), Outcome.SHOWN))
					.toList());
	}

	private static Outcome outcome(Result result, String key) {
		return result.cells().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow().outcome();
	}

	private static long suppressedIn(Result result, String part) {
		return result.cells().stream().filter(c -> c.key().contains(part) && c.suppressed()).count();
	}

}
