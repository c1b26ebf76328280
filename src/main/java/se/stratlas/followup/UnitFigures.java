package se.stratlas.followup;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Finance (mnkr) and staffing of one unit for one period: budget, utfall, helårsprognos,
 * föregående år, the unit's savings target; antal anställda, förändring, varav
 * tillsvidare, sjukfrånvaro and arbetad tid.
 */
public record UnitFigures(long id, long unitId, String periodCode, BigDecimal budget, BigDecimal outcome,
		BigDecimal forecast, BigDecimal previousYear, BigDecimal savingsTarget, Integer employees,
		Integer employeesChange, Integer permanentEmployees, BigDecimal sickLeavePct, BigDecimal workedHours,
		String sourceNote, int version, Instant updatedAt, String updatedBy) {

	/** Avvikelse mot budget: utfall − budget (a negative figure is a deficit). */
	public BigDecimal deviation() {
		return this.outcome.subtract(this.budget);
	}

	/** Change against the same period of the previous year, when that is known. */
	public BigDecimal changeFromPreviousYear() {
		return this.previousYear == null ? null : this.outcome.subtract(this.previousYear);
	}

	/** What a user enters, one row of the grid or of an imported file. */
	public record Draft(long unitId, BigDecimal budget, BigDecimal outcome, BigDecimal forecast,
			BigDecimal previousYear, BigDecimal savingsTarget, Integer employees, Integer employeesChange,
			Integer permanentEmployees, BigDecimal sickLeavePct, BigDecimal workedHours, Integer version) {
	}

}
