package se.stratlas.initiatives.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Portfolio;
import se.stratlas.initiatives.PortfolioExport;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.Downloads;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/** The portfolio views and their export to XLSX and CSV. */
@Controller
class PortfolioController {

	private final Portfolio portfolio;

	private final PortfolioExport export;

	PortfolioController(Portfolio portfolio, PortfolioExport export) {
		this.portfolio = portfolio;
		this.export = export;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/portfolio")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) Long strategy,
			@ModelAttribute FilterForm filter, Model model) {
		Portfolio.PortfolioPage page = this.portfolio.page(user.organisationId(), strategy, filter.filter());
		if (page == null) {
			// No strategy yet: the page says what to do first.
			return "initiatives/portfolio-empty";
		}
		model.addAttribute("view", page.view());
		model.addAttribute("filter", filter);
		model.addAttribute("strategies", page.strategies());
		FilterChoices.filters(page.filters(), model);
		return "initiatives/portfolio";
	}

	@GetMapping("/portfolio/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> exportAll(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Long strategy, @ModelAttribute FilterForm filter, Locale locale) {
		List<Table> tables = this.export.tables(user.organisationId(), strategy, filter.filter(), locale);
		return Downloads.file(TableFiles.xlsx(tables), Downloads.XLSX, "portfolj.xlsx");
	}

	@GetMapping("/portfolio/export/{view}")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> exportOne(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable String view,
			@RequestParam(required = false) Long strategy, @RequestParam(defaultValue = "csv") String format,
			@ModelAttribute FilterForm filter, Locale locale) {
		List<Table> tables = this.export.tables(user.organisationId(), strategy, filter.filter(), locale);
		int index = switch (view) {
			case "priorities" -> 0;
			case "sdg" -> 1;
			case "conflicts" -> 2;
			case "money" -> 3;
			case "municipalities" -> 4;
			default -> throw new NotFoundException("view", view);
		};
		return Downloads.table(tables.get(index), format, "portfolj-" + view);
	}

}
