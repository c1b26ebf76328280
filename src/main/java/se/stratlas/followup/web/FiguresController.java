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
import se.stratlas.followup.UnitFigurePages;
import se.stratlas.shared.Edit;
import se.stratlas.shared.FieldErrors;

/**
 * Finance and staffing per unit and period: the table with deviations against budget and
 * last year, and the grid to enter them. Files are {@link FigureFileController}'s.
 */
@Controller
class FiguresController {

	/** The grid's columns, in order. */
	static final List<String> GRID_FIELDS = List.of("budget", "outcome", "forecast", "previousYear", "savingsTarget",
			"employees", "employeesChange", "permanentEmployees", "sickLeavePct", "workedHours");

	private final UnitFigurePages pages;

	private final MessageSource messages;

	FiguresController(UnitFigurePages pages, MessageSource messages) {
		this.pages = pages;
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
		UnitFigurePages.Table table = this.pages.table(user.organisationId(), period);
		model.addAttribute("period", table.period());
		model.addAttribute("periods", table.periods());
		model.addAttribute("rows", table.rows());
		model.addAttribute("totals", table.totals());
		model.addAttribute("canEdit", user.can(Role.REPORTER));
		return "followup/figures";
	}

	@GetMapping("/followup/figures/edit")
	@PreAuthorize("hasRole('REPORTER')")
	String grid(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) String period,
			Model model) {
		UnitFigurePages.Grid grid = this.pages.grid(user, period);
		GridForm form = new GridForm();
		grid.rows().forEach(r -> form.getRows().add(RowForm.of(r.unit().id(), r.figures())));
		return grid(grid, form, model);
	}

	private String grid(UnitFigurePages.Grid grid, GridForm form, Model model) {
		model.addAttribute("period", grid.period());
		model.addAttribute("rows", grid.rows());
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
			return grid(this.pages.grid(user, period), form, model);
		}
		Edit<UnitFigurePages.Grid, Integer> edit = this.pages.save(user, period,
				form.getRows().stream().map(RowForm::draft).toList());
		if (edit.done()) {
			redirect.addFlashAttribute("flash", "figures.saved");
			redirect.addFlashAttribute("savedCount", edit.saved());
			return "redirect:/followup/figures?period=" + period;
		}
		model.addAttribute("errors", edit.invalid() != null ? FieldErrors.of(edit.invalid(), this.messages, locale)
				: Map.of("", this.messages.getMessage("conflict.reload", null, locale)));
		return grid(edit.page(), form, model);
	}

}
