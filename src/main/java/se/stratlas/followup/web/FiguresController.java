package se.stratlas.followup.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.UnitFigureBook;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.FieldErrors;
import se.stratlas.shared.ValidationException;

/**
 * Finance and staffing per unit and period: the table with deviations against budget and
 * last year, and the grid to enter them. Files are {@link FigureFileController}'s.
 */
@Controller
class FiguresController {

	/** The grid's columns, in order. */
	static final List<String> GRID_FIELDS = List.of("budget", "outcome", "forecast", "previousYear", "savingsTarget",
			"employees", "employeesChange", "permanentEmployees", "sickLeavePct", "workedHours");

	private final UnitFigureBook book;

	private final MessageSource messages;

	FiguresController(UnitFigureBook book, MessageSource messages) {
		this.book = book;
		this.messages = messages;
	}

	/**
	 * Numbers as Swedes write them: decimal comma, spaces between thousands, a real minus
	 * sign.
	 */
	@InitBinder("gridForm")
	void numbers(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
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
		String code = this.book.periodOrLatest(user.organisationId(), period);
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
		String code = this.book.periodOrLatest(user.organisationId(), period);
		List<UnitFigureBook.Row> rows = this.book.editableRows(user, code);
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
			@ModelAttribute GridForm form, BindingResult binding, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (binding.hasFieldErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			binding.getFieldErrors()
				.forEach(e -> errors.put(e.getField(), this.messages.getMessage("figures.number", null, locale)));
			model.addAttribute("errors", errors);
			return grid(period, this.book.editableRows(user, period), form, model);
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
			model.addAttribute("errors", Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		}
		return grid(period, this.book.editableRows(user, period), form, model);
	}

}
