package se.stratlas.followup.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.followup.Cycle;
import se.stratlas.indicators.Period.PeriodFormatException;
import se.stratlas.indicators.Period;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException.Violation;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyVersion;

/**
 * Checks a cycle's form before {@code Cycles} saves it (name, period, strategy version,
 * milestones in order) and names the fields the audit trail records.
 */
@Component
public class CycleChecks {

	private final StrategyCatalog strategies;

	CycleChecks(StrategyCatalog strategies) {
		this.strategies = strategies;
	}

	public Cycle.Draft validate(long organisationId, Cycle.Draft draft) {
		List<Violation> violations = new ArrayList<>();
		String name = Texts.clean(draft.name());
		if (name == null) {
			violations.add(new Violation("name", "validation.required"));
		}
		if (draft.kind() == null) {
			violations.add(new Violation("kind", "validation.required"));
		}
		String period = Texts.clean(draft.periodCode());
		if (period == null) {
			violations.add(new Violation("periodCode", "validation.required"));
		}
		else {
			try {
				period = Period.parse(period).code();
			}
			catch (PeriodFormatException ex) {
				violations.add(new Violation("periodCode", "cycle.period.invalid", period));
			}
		}
		if (draft.strategyVersionId() != null) {
			try {
				StrategyVersion version = this.strategies.version(organisationId, draft.strategyVersionId());
				if (version == null) {
					violations.add(new Violation("strategyVersionId", "validation.unknown"));
				}
			}
			catch (RuntimeException ex) {
				violations.add(new Violation("strategyVersionId", "validation.unknown"));
			}
		}
		order(violations, draft.opensOn(), draft.dueOn(), "dueOn");
		order(violations, draft.dueOn(), draft.reviewDueOn(), "reviewDueOn");
		order(violations, draft.reviewDueOn(), draft.publishOn(), "publishOn");
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new Cycle.Draft(name, draft.kind(), period, draft.strategyVersionId(), draft.opensOn(), draft.dueOn(),
				draft.reviewDueOn(), draft.publishOn());
	}

	private static void order(List<Violation> violations, LocalDate earlier, LocalDate later, String field) {
		if (earlier != null && later != null && later.isBefore(earlier)) {
			violations.add(new Violation(field, "cycle.milestones.order"));
		}
	}

	public static Map<String, FieldChange> fields(Cycle.Draft before, Cycle.Draft after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("name", new FieldChange(before == null ? null : before.name(), after.name()));
		changes.put("periodCode", new FieldChange(before == null ? null : before.periodCode(), after.periodCode()));
		changes.put("opensOn", new FieldChange(before == null ? null : before.opensOn(), after.opensOn()));
		changes.put("dueOn", new FieldChange(before == null ? null : before.dueOn(), after.dueOn()));
		changes.put("reviewDueOn", new FieldChange(before == null ? null : before.reviewDueOn(), after.reviewDueOn()));
		changes.put("publishOn", new FieldChange(before == null ? null : before.publishOn(), after.publishOn()));
		return changes;
	}

}
