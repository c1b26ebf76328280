package se.stratlas.followup.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.followup.UnitFigures;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.ImportProblem;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;

/**
 * Finance and staffing per unit and period: the table with deviations against budget and
 * last year, the grid to enter them, and the import of the finance system's export.
 */
@Controller
class FiguresController {

	/** The grid, bound as a JavaBean so that its rows bind by index. */
	public static class GridForm {

		private List<RowForm> rows = new ArrayList<>();

		public List<RowForm> getRows() {
			return this.rows;
		}

		public void setRows(List<RowForm> rows) {
			this.rows = rows;
		}

	}

	/** One row of the grid. */
	public static class RowForm {

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
			return new UnitFigures.Draft(this.unitId == null ? 0 : this.unitId, this.budget, this.outcome,
					this.forecast, this.previousYear, this.savingsTarget, this.employees, this.employeesChange,
					this.permanentEmployees, this.sickLeavePct, this.workedHours, this.version);
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

	/** The grid's columns, in order. */
	static final List<String> GRID_FIELDS = List.of("budget", "outcome", "forecast", "previousYear", "savingsTarget",
			"employees", "employeesChange", "permanentEmployees", "sickLeavePct", "workedHours");

	private final UnitFigureBook book;

	private final MessageSource messages;

	FiguresController(UnitFigureBook book, MessageSource messages) {
		this.book = book;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "followup";
	}

	private String period(long organisationId, String period) {
		if (period != null && !period.isBlank()) {
			return period.strip();
		}
		List<String> periods = this.book.periods(organisationId);
		return periods.isEmpty() ? String.valueOf(java.time.LocalDate.now().getYear()) : periods.getFirst();
	}

	/**
	 * Numbers as Swedes write them: decimal comma, spaces between thousands, a real minus
	 * sign.
	 */
	@org.springframework.web.bind.annotation.InitBinder("gridForm")
	void numbers(org.springframework.web.bind.WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new java.beans.PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				String clean = text == null ? ""
						: text.strip().replace('\u2212', '-').replace(" ", "").replace("\u00a0", "").replace(',', '.');
				setValue(clean.isEmpty() ? null : new BigDecimal(clean));
			}
		});
	}

	@GetMapping("/followup/figures")
	@PreAuthorize("hasRole('READER')")
	String show(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String period,
			Model model) {
		String code = period(user.organisationId(), period);
		List<UnitFigureBook.Row> rows = this.book.rows(user.organisationId(), code, false);
		model.addAttribute("period", code);
		model.addAttribute("periods", this.book.periods(user.organisationId()));
		model.addAttribute("rows", rows);
		model.addAttribute("totals", UnitFigureBook.totals(rows));
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "followup/figures";
	}

	@GetMapping("/followup/figures/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String grid(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String period,
			Model model) {
		String code = period(user.organisationId(), period);
		List<UnitFigureBook.Row> rows = editableRows(user, code);
		GridForm form = new GridForm();
		rows.forEach(r -> form.getRows().add(RowForm.of(r.unit().id(), r.figures())));
		return grid(code, rows, form, model);
	}

	private String grid(String period, List<UnitFigureBook.Row> rows, GridForm form, Model model) {
		model.addAttribute("period", period);
		model.addAttribute("rows", rows);
		model.addAttribute("form", form);
		model.addAttribute("fields", GRID_FIELDS);
		return "followup/figures-edit";
	}

	@PostMapping("/followup/figures")
	@PreAuthorize("hasRole('REPORTER')")
	String save(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam String period,
			@ModelAttribute GridForm form, org.springframework.validation.BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (binding.hasFieldErrors()) {
			java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
			binding.getFieldErrors()
				.forEach(e -> errors.put(e.getField(), this.messages.getMessage("figures.number", null, locale)));
			model.addAttribute("errors", errors);
			return grid(period, editableRows(user, period), form, model);
		}
		try {
			int saved = this.book.saveGrid(user, period, form.getRows().stream().map(RowForm::draft).toList());
			redirect.addFlashAttribute("flash", "figures.saved");
			redirect.addFlashAttribute("savedCount", saved);
			return "redirect:/followup/figures?period=" + period;
		}
		catch (ValidationException ex) {
			model.addAttribute("errors", FieldErrors.of(ex, this.messages, locale));
		}
		catch (EditConflictException ex) {
			model.addAttribute("errors",
					java.util.Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return grid(period, editableRows(user, period), form, model);
	}

	private List<UnitFigureBook.Row> editableRows(StratlasPrincipal user, String period) {
		return this.book.rows(user.organisationId(), period, true)
			.stream()
			.filter(r -> this.book.mayEdit(user, r.unit().id()))
			.toList();
	}

	@GetMapping("/followup/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	String importForm(Model model) {
		model.addAttribute("columns", UnitFigureBook.COLUMNS);
		return "followup/figures-import";
	}

	@PostMapping("/followup/figures/import")
	@PreAuthorize("hasRole('REPORTER')")
	String importFile(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam("file") MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		model.addAttribute("columns", UnitFigureBook.COLUMNS);
		if (file.isEmpty()) {
			model.addAttribute("problems", List.of(new ImportProblem(1, "", "Välj en fil.")));
			return "followup/figures-import";
		}
		try {
			UnitFigureBook.ImportResult result = this.book.importFile(user, file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("flash", "figures.imported");
			redirect.addFlashAttribute("importResult", result);
			return "redirect:/followup/figures";
		}
		catch (ImportRefusedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("filename", file.getOriginalFilename());
			return "followup/figures-import";
		}
	}

	@GetMapping("/followup/figures/template")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(defaultValue = "xlsx") String format) {
		return Downloads.table(this.book.template(user.organisationId()), format, "ekonomi-personal-mall");
	}

	@GetMapping("/followup/figures/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "xlsx") String format) {
		String code = period(user.organisationId(), period);
		List<List<Object>> rows = new ArrayList<>();
		for (UnitFigureBook.Row r : this.book.rows(user.organisationId(), code, false)) {
			UnitFigures f = r.figures();
			rows.add(java.util.Arrays.asList(r.unit().name(), code, f.budget(), f.outcome(), nz(f.forecast()),
					nz(f.previousYear()), nz(f.savingsTarget()), nz(f.employees()), nz(f.employeesChange()),
					nz(f.permanentEmployees()), nz(f.sickLeavePct()), nz(f.workedHours())));
		}
		return Downloads.table(new Table("ekonomi och personal " + code, UnitFigureBook.COLUMNS, rows), format,
				"ekonomi-personal-" + code);
	}

	private static Object nz(Object value) {
		return value == null ? "" : value;
	}

}
