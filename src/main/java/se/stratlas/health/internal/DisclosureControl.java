package se.stratlas.health.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What of a result table may leave a research project: small counts are suppressed
 * (primary suppression: 1 to {@code threshold}, default 7, as OpenSAFELY does), the rest
 * rounded to a multiple of {@code rounding} (default 5), and further cells suppressed
 * (secondary suppression) until no suppressed small count can be worked out, neither from
 * the table's own margins nor together with what the project released before.
 * <p>
 * A cell counts a set of <em>atoms</em>, the finest cells of the project's extract (one
 * group in one period, say); a margin counts the atoms of its row. What an attacker knows
 * of a count is what every released cell says about its atoms: a rounded value {@code s}
 * means a count in {@code [s - rounding/2, s + (rounding-1)/2]}, counts are not negative.
 * The tightest interval this leaves a suppressed small count is found by linear
 * programming (minimise and maximise its atoms' sum under those constraints); the cell is
 * protected when the interval is at least {@code threshold} wide, so it says no more than
 * "small" does. Suppressing more only removes constraints, so a cell once protected stays
 * so, and the check needs one pass. Which suppressed cells are small and which were
 * suppressed to protect them is kept for the output checker and never released.
 * <p>
 * Zeros are shown: a count of no one discloses no one's data (a structural zero).
 */
public final class DisclosureControl {

	/**
	 * The rules of a dataset: counts from 1 to {@code threshold} are suppressed, the rest
	 * rounded to a multiple of {@code rounding} (1: not rounded).
	 */
	public record Rules(int threshold, int rounding) {

		/** OpenSAFELY's rules: counts of 7 or fewer suppressed, the rest rounded to 5. */
		public static final Rules DEFAULT = new Rules(7, 5);

		public Rules {
			if (threshold < 0 || rounding < 1) {
				throw new IllegalArgumentException("threshold >= 0 and rounding >= 1");
			}
		}

		boolean small(long count) {
			return count >= 1 && count <= this.threshold;
		}

		long round(long count) {
			return (count + this.rounding / 2) / this.rounding * this.rounding;
		}

	}

	/** A cell to release: its key, the atoms it counts and its true count. */
	public record Cell(String key, Set<String> atoms, long count) {

		public Cell {
			atoms = Set.copyOf(atoms);
			if (atoms.isEmpty() || count < 0) {
				throw new IllegalArgumentException("a cell counts some atoms, not a negative number");
			}
		}

	}

	/** A result table: its name and cells (interior cells and margins alike). */
	public record Table(String name, List<Cell> cells) {

		public Table {
			cells = List.copyOf(cells);
		}

		/**
		 * A two-way table of counts (rows by columns) with its row, column and grand
		 * totals; the interior cells are the atoms, keyed {@code row|column}, totals with
		 * {@code Σ}.
		 */
		public static Table twoWay(String name, List<String> rows, List<String> columns, long[][] counts) {
			List<Cell> cells = new ArrayList<>();
			Map<String, Set<String>> columnAtoms = new LinkedHashMap<>();
			long[] columnTotals = new long[columns.size()];
			Set<String> all = new LinkedHashSet<>();
			long grand = 0;
			for (int r = 0; r < rows.size(); r++) {
				Set<String> rowAtoms = new LinkedHashSet<>();
				long rowTotal = 0;
				for (int c = 0; c < columns.size(); c++) {
					String atom = rows.get(r) + "|" + columns.get(c);
					cells.add(new Cell(atom, Set.of(atom), counts[r][c]));
					rowAtoms.add(atom);
					columnAtoms.computeIfAbsent(columns.get(c), k -> new LinkedHashSet<>()).add(atom);
					rowTotal += counts[r][c];
					columnTotals[c] += counts[r][c];
				}
				cells.add(new Cell(rows.get(r) + "|" + TOTAL, rowAtoms, rowTotal));
				all.addAll(rowAtoms);
				grand += rowTotal;
			}
			for (int c = 0; c < columns.size(); c++) {
				cells.add(new Cell(TOTAL + "|" + columns.get(c), columnAtoms.get(columns.get(c)), columnTotals[c]));
			}
			cells.add(new Cell(TOTAL + "|" + TOTAL, all, grand));
			return new Table(name, cells);
		}

	}

	/** The key part of a total in {@link Table#twoWay}. */
	public static final String TOTAL = "Σ";

	/** Why a cell is shown or not (for the output checker only). */
	public enum Outcome {

		/** Shown, rounded. */
		SHOWN,
		/** A small count, suppressed. */
		SMALL,
		/** Suppressed so that no small count can be worked out. */
		SECONDARY

	}

	/**
	 * A checked cell: its true count (stays in the project) and what is released
	 * ({@code shown} null: suppressed).
	 */
	public record Checked(String key, Set<String> atoms, long count, Long shown, Outcome outcome) {

		public boolean suppressed() {
			return this.shown == null;
		}

	}

	/** A checked table, as released and with the reasons behind it. */
	public record Result(String name, Rules rules, List<Checked> cells) {

		public Result {
			cells = List.copyOf(cells);
		}

		/** What leaves: each cell's shown value, null where suppressed. */
		public Map<String, Long> released() {
			Map<String, Long> out = new LinkedHashMap<>();
			this.cells.forEach(c -> out.put(c.key(), c.shown()));
			return out;
		}

		public long suppressedCount() {
			return this.cells.stream().filter(Checked::suppressed).count();
		}

	}

	/**
	 * What an attacker can know of a suppressed small count: its lowest and highest
	 * possible value ({@code high} is infinite when nothing bounds it).
	 */
	public record Exposure(String release, String key, long count, double low, double high) {

		public double width() {
			return this.high - this.low;
		}

	}

	private static final double EPSILON = 1e-6;

	private final Rules rules;

	public DisclosureControl(Rules rules) {
		this.rules = rules;
	}

	/**
	 * Checks a table before release, together with what the project released before
	 * (whose small counts must stay protected too).
	 */
	public Result check(Table table, Collection<Result> earlier) {
		Map<String, Checked> cells = new LinkedHashMap<>();
		for (Cell cell : table.cells()) {
			boolean small = this.rules.small(cell.count());
			cells.put(cell.key(), new Checked(cell.key(), cell.atoms(), cell.count(),
					small ? null : this.rules.round(cell.count()), small ? Outcome.SMALL : Outcome.SHOWN));
		}
		List<Target> targets = new ArrayList<>();
		for (Result before : earlier) {
			before.cells()
				.stream()
				.filter(c -> c.outcome() == Outcome.SMALL)
				.forEach(c -> targets.add(new Target(before.name(), c)));
		}
		cells.values()
			.stream()
			.filter(c -> c.outcome() == Outcome.SMALL)
			.forEach(c -> targets.add(new Target(table.name(), c)));
		for (Target target : targets) {
			while (true) {
				List<Released> released = released(earlier, cells.values());
				if (exposure(target, released).width() + EPSILON >= this.rules.threshold()) {
					break;
				}
				Optional<Checked> next = partner(target.cell(), cells.values(), released);
				if (next.isEmpty()) {
					break;
				}
				Checked chosen = next.get();
				cells.put(chosen.key(),
						new Checked(chosen.key(), chosen.atoms(), chosen.count(), null, Outcome.SECONDARY));
			}
		}
		return new Result(table.name(), this.rules, new ArrayList<>(cells.values()));
	}

	/**
	 * What an attacker holding every release can know of each suppressed small count in
	 * them, tightest first.
	 */
	public List<Exposure> audit(Collection<Result> releases) {
		List<Released> shown = released(releases, List.of());
		List<Exposure> exposures = new ArrayList<>();
		for (Result release : releases) {
			for (Checked cell : release.cells()) {
				if (cell.outcome() == Outcome.SMALL) {
					exposures.add(exposure(new Target(release.name(), cell), shown));
				}
			}
		}
		exposures.sort(Comparator.comparingDouble(Exposure::width));
		return exposures;
	}

	/** Whether every suppressed small count in the releases is protected. */
	public boolean protects(Collection<Result> releases) {
		return audit(releases).stream().allMatch(e -> e.width() + EPSILON >= this.rules.threshold());
	}

	private record Target(String release, Checked cell) {
	}

	/** A released cell as a constraint: its atoms' sum lies in [low, high]. */
	private record Released(Set<String> atoms, long low, long high) {
	}

	/** The constraints of everything released before and of the table's shown cells. */
	private List<Released> released(Collection<Result> earlier, Collection<Checked> current) {
		List<Released> out = new ArrayList<>();
		for (Result result : earlier) {
			result.cells().stream().filter(c -> !c.suppressed()).forEach(c -> out.add(constraint(c, result.rules())));
		}
		current.stream().filter(c -> !c.suppressed()).forEach(c -> out.add(constraint(c, this.rules)));
		return out;
	}

	private static Released constraint(Checked cell, Rules rules) {
		int r = rules.rounding();
		return new Released(cell.atoms(), cell.shown() - r / 2, cell.shown() + (r - 1) / 2);
	}

	/**
	 * The cell to suppress next to protect a small count: a shown cell of the table that
	 * a released total (of this table or an earlier release) links to it, the smallest
	 * and finest first; when every such cell is suppressed already, one linked to those
	 * (the chain of suppressed cells through which the count could still be worked out),
	 * and so on; failing all, the smallest shown total of the table that contains it.
	 */
	private static Optional<Checked> partner(Checked target, Collection<Checked> cells, List<Released> released) {
		List<Checked> shown = cells.stream().filter(c -> !c.suppressed()).toList();
		List<Set<String>> hidden = cells.stream().filter(Checked::suppressed).map(Checked::atoms).toList();
		Comparator<Checked> smallest = Comparator.<Checked>comparingInt(c -> c.atoms().size())
			.thenComparingLong(Checked::count)
			.thenComparing(Checked::key);
		Set<Set<String>> reached = new HashSet<>(List.of(target.atoms()));
		List<Set<String>> level = List.of(target.atoms());
		while (!level.isEmpty()) {
			List<Set<String>> current = level;
			List<Set<String>> totals = released.stream()
				.map(Released::atoms)
				.filter(atoms -> current.stream().anyMatch(atoms::containsAll))
				.toList();
			Optional<Checked> linked = shown.stream()
				.filter(c -> disjoint(c.atoms(), target.atoms()))
				.filter(c -> totals.stream().anyMatch(t -> t.containsAll(c.atoms())))
				.min(smallest);
			if (linked.isPresent()) {
				return linked;
			}
			level = hidden.stream()
				.filter(h -> totals.stream().anyMatch(t -> t.containsAll(h)))
				.filter(reached::add)
				.toList();
		}
		return shown.stream().filter(c -> c.atoms().containsAll(target.atoms())).min(smallest);
	}

	private static boolean disjoint(Set<String> a, Set<String> b) {
		return a.stream().noneMatch(b::contains);
	}

	private Exposure exposure(Target target, List<Released> constraints) {
		Checked cell = target.cell();
		List<String> atoms = new ArrayList<>(cell.atoms());
		Set<String> seen = new HashSet<>(atoms);
		for (Released c : constraints) {
			for (String atom : c.atoms()) {
				if (seen.add(atom)) {
					atoms.add(atom);
				}
			}
		}
		Map<String, Integer> index = new LinkedHashMap<>();
		atoms.forEach(a -> index.put(a, index.size()));
		List<LinearConstraint> linear = new ArrayList<>();
		for (Released c : constraints) {
			double[] row = vector(c.atoms(), index);
			linear.add(new LinearConstraint(row, Relationship.GEQ, Math.max(0, c.low())));
			linear.add(new LinearConstraint(row, Relationship.LEQ, c.high()));
		}
		double[] objective = vector(cell.atoms(), index);
		double low = optimise(objective, linear, GoalType.MINIMIZE);
		double high = optimise(objective, linear, GoalType.MAXIMIZE);
		return new Exposure(target.release(), cell.key(), cell.count(), low, high);
	}

	private static double[] vector(Set<String> atoms, Map<String, Integer> index) {
		double[] row = new double[index.size()];
		atoms.forEach(a -> row[index.get(a)] = 1);
		return row;
	}

	private static double optimise(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
		if (constraints.isEmpty()) {
			return goal == GoalType.MINIMIZE ? 0 : Double.POSITIVE_INFINITY;
		}
		try {
			return new SimplexSolver()
				.optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
						new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true))
				.getValue();
		}
		catch (UnboundedSolutionException ex) {
			return Double.POSITIVE_INFINITY;
		}
	}

}
