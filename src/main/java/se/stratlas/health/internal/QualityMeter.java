package se.stratlas.health.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.stratlas.health.HealthDataset.Variable;

/**
 * Measures a load's quality from its rows alone (the EHDS label's dimensions, see
 * {@link se.stratlas.health.QualityLabel}). Shares are rounded to four decimals.
 */
public final class QualityMeter {

	/**
	 * An ICD-10-SE code: a letter, two digits, optionally a point and one or two more.
	 */
	static final Pattern ICD10SE = Pattern.compile("^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,2})?$");

	/**
	 * A KVÅ code: surgical procedures three letters and two digits (JAH01), other
	 * measures two letters and three digits (AF021, DT001).
	 */
	static final Pattern KVA = Pattern.compile("^([A-Z]{3}[0-9]{2}|[A-Z]{2}[0-9]{3})$");

	/** What was measured. */
	public record Measures(int rows, Map<String, BigDecimal> completeness, @Nullable BigDecimal rowUniqueness,
			@Nullable BigDecimal keyUniqueness, @Nullable BigDecimal validity,
			Map<String, BigDecimal> validityByVariable, @Nullable Long timelinessDays, @Nullable BigDecimal coverage,
			@Nullable BigDecimal consistency) {

		/** The lowest of the shares, or none when nothing was measured. */
		public @Nullable BigDecimal score() {
			List<BigDecimal> shares = new ArrayList<>(this.completeness.values());
			for (BigDecimal share : new BigDecimal[] { this.rowUniqueness, this.keyUniqueness, this.validity,
					this.coverage, this.consistency }) {
				if (share != null) {
					shares.add(share);
				}
			}
			return shares.stream().min(BigDecimal::compareTo).orElse(null);
		}

	}

	private QualityMeter() {
	}

	/**
	 * Measures the rows.
	 * @param municipalities every municipality code of Sweden (validity)
	 * @param countyMunicipalities the codes of the county the dataset should cover
	 */
	public static Measures measure(List<Variable> variables, List<Map<String, String>> rows, Set<String> municipalities,
			Set<String> countyMunicipalities, LocalDate loadedOn) {
		int n = rows.size();
		Map<String, BigDecimal> completeness = new LinkedHashMap<>();
		Map<String, BigDecimal> validityByVariable = new LinkedHashMap<>();
		long checked = 0;
		long valid = 0;
		LocalDate newest = null;
		Set<String> present = new HashSet<>();
		boolean coverable = false;
		for (Variable variable : variables) {
			long filled = 0;
			long varChecked = 0;
			long varValid = 0;
			for (Map<String, String> row : rows) {
				String value = value(row, variable.name());
				if (value == null) {
					continue;
				}
				filled++;
				Boolean ok = valid(variable, value, municipalities);
				if (ok != null) {
					varChecked++;
					varValid += ok ? 1 : 0;
				}
				if (variable.type() == Variable.Type.DATE && Boolean.TRUE.equals(ok)) {
					LocalDate date = LocalDate.parse(value);
					newest = (newest == null || date.isAfter(newest)) ? date : newest;
				}
				if (variable.codeSystem() == Variable.CodeSystem.MUNICIPALITY && countyMunicipalities.contains(value)) {
					present.add(value);
				}
			}
			coverable |= variable.codeSystem() == Variable.CodeSystem.MUNICIPALITY;
			completeness.put(variable.name(), share(filled, n));
			if (varChecked > 0) {
				validityByVariable.put(variable.name(), share(varValid, varChecked));
			}
			checked += varChecked;
			valid += varValid;
		}
		return new Measures(n, completeness, n == 0 ? null : share(distinctRows(variables, rows), n),
				keyUniqueness(variables, rows), checked == 0 ? null : share(valid, checked), validityByVariable,
				newest == null ? null : ChronoUnit.DAYS.between(newest, loadedOn),
				coverable && !countyMunicipalities.isEmpty() ? share(present.size(), countyMunicipalities.size())
						: null,
				consistency(variables, rows));
	}

	/** Whether a value is valid for its variable; null when there is no rule to check. */
	static @Nullable Boolean valid(Variable variable, String value, Set<String> municipalities) {
		switch (variable.codeSystem()) {
			case ICD10SE:
				return ICD10SE.matcher(value).matches();
			case KVA:
				return KVA.matcher(value).matches();
			case MUNICIPALITY:
				return municipalities.contains(value);
			default:
				break;
		}
		return switch (variable.type()) {
			case INTEGER -> value.matches("-?[0-9]{1,18}");
			case DECIMAL -> value.matches("-?[0-9]+([.,][0-9]+)?");
			case DATE -> date(value) != null;
			default -> null;
		};
	}

	private static long distinctRows(List<Variable> variables, List<Map<String, String>> rows) {
		Set<List<String>> seen = new HashSet<>();
		for (Map<String, String> row : rows) {
			seen.add(variables.stream().map(v -> String.valueOf(value(row, v.name()))).toList());
		}
		return seen.size();
	}

	/** Distinct person and first-date keys among the rows that have both. */
	private static @Nullable BigDecimal keyUniqueness(List<Variable> variables, List<Map<String, String>> rows) {
		Variable person = variables.stream().filter(Variable::directIdentifier).findFirst().orElse(null);
		Variable date = variables.stream().filter(v -> v.type() == Variable.Type.DATE).findFirst().orElse(null);
		if (person == null || date == null) {
			return null;
		}
		Set<String> keys = new HashSet<>();
		long keyed = 0;
		for (Map<String, String> row : rows) {
			String p = value(row, person.name());
			String d = value(row, date.name());
			if (p != null && d != null) {
				keyed++;
				keys.add(p + "\u0000" + d);
			}
		}
		return keyed == 0 ? null : share(keys.size(), keyed);
	}

	/**
	 * Rows where a variable does not precede the one it must follow, of those with both.
	 */
	private static @Nullable BigDecimal consistency(List<Variable> variables, List<Map<String, String>> rows) {
		long compared = 0;
		long consistent = 0;
		for (Variable later : variables) {
			if (later.notBefore() == null) {
				continue;
			}
			for (Map<String, String> row : rows) {
				LocalDate end = date(value(row, later.name()));
				LocalDate start = date(value(row, later.notBefore()));
				if (end != null && start != null) {
					compared++;
					consistent += end.isBefore(start) ? 0 : 1;
				}
			}
		}
		return compared == 0 ? null : share(consistent, compared);
	}

	private static @Nullable String value(Map<String, String> row, String name) {
		String value = row.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static BigDecimal share(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(4)
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

}
