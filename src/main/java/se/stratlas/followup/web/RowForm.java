package se.stratlas.followup.web;

import java.math.BigDecimal;

import se.stratlas.followup.UnitFigures;

/** One unit's row of the figures grid ({@link GridForm}). */
public class RowForm {

	private Long unitId;

	private Integer version;

	private BigDecimal budget;

	private BigDecimal outcome;

	private BigDecimal forecast;

	private BigDecimal previousYear;

	private BigDecimal savingsTarget;

	private Integer employees;

	private Integer employeesChange;

	private Integer permanentEmployees;

	private BigDecimal sickLeavePct;

	private BigDecimal workedHours;

	UnitFigures.Draft draft() {
		return new UnitFigures.Draft(this.unitId == null ? 0 : this.unitId, this.budget, this.outcome, this.forecast,
				this.previousYear, this.savingsTarget, this.employees, this.employeesChange, this.permanentEmployees,
				this.sickLeavePct, this.workedHours, this.version);
	}

	static RowForm of(long unitId, UnitFigures f) {
		RowForm row = new RowForm();
		row.unitId = unitId;
		if (f != null) {
			row.version = f.version();
			row.budget = f.budget();
			row.outcome = f.outcome();
			row.forecast = f.forecast();
			row.previousYear = f.previousYear();
			row.savingsTarget = f.savingsTarget();
			row.employees = f.employees();
			row.employeesChange = f.employeesChange();
			row.permanentEmployees = f.permanentEmployees();
			row.sickLeavePct = f.sickLeavePct();
			row.workedHours = f.workedHours();
		}
		return row;
	}

	/** The value of a grid column, by its field name. */
	public Object value(String field) {
		Object value = raw(field);
		return value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString().replace('.', ',')
				: value;
	}

	private Object raw(String field) {
		return switch (field) {
			case "budget" -> this.budget;
			case "outcome" -> this.outcome;
			case "forecast" -> this.forecast;
			case "previousYear" -> this.previousYear;
			case "savingsTarget" -> this.savingsTarget;
			case "employees" -> this.employees;
			case "employeesChange" -> this.employeesChange;
			case "permanentEmployees" -> this.permanentEmployees;
			case "sickLeavePct" -> this.sickLeavePct;
			case "workedHours" -> this.workedHours;
			default -> null;
		};
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public BigDecimal getBudget() {
		return this.budget;
	}

	public void setBudget(BigDecimal budget) {
		this.budget = budget;
	}

	public BigDecimal getOutcome() {
		return this.outcome;
	}

	public void setOutcome(BigDecimal outcome) {
		this.outcome = outcome;
	}

	public BigDecimal getForecast() {
		return this.forecast;
	}

	public void setForecast(BigDecimal forecast) {
		this.forecast = forecast;
	}

	public BigDecimal getPreviousYear() {
		return this.previousYear;
	}

	public void setPreviousYear(BigDecimal previousYear) {
		this.previousYear = previousYear;
	}

	public BigDecimal getSavingsTarget() {
		return this.savingsTarget;
	}

	public void setSavingsTarget(BigDecimal savingsTarget) {
		this.savingsTarget = savingsTarget;
	}

	public Integer getEmployees() {
		return this.employees;
	}

	public void setEmployees(Integer employees) {
		this.employees = employees;
	}

	public Integer getEmployeesChange() {
		return this.employeesChange;
	}

	public void setEmployeesChange(Integer employeesChange) {
		this.employeesChange = employeesChange;
	}

	public Integer getPermanentEmployees() {
		return this.permanentEmployees;
	}

	public void setPermanentEmployees(Integer permanentEmployees) {
		this.permanentEmployees = permanentEmployees;
	}

	public BigDecimal getSickLeavePct() {
		return this.sickLeavePct;
	}

	public void setSickLeavePct(BigDecimal sickLeavePct) {
		this.sickLeavePct = sickLeavePct;
	}

	public BigDecimal getWorkedHours() {
		return this.workedHours;
	}

	public void setWorkedHours(BigDecimal workedHours) {
		this.workedHours = workedHours;
	}

}
