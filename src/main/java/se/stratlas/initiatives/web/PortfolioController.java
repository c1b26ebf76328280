package se.stratlas.initiatives.web;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.stratlas.shared.tables.Downloads;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.initiatives.Portfolio;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;

/** The portfolio views and their export to XLSX and CSV. */
@Controller
class PortfolioController {

	private final Portfolio portfolio;

	private final StrategyChoices choices;

	private final MessageSource messages;

	PortfolioController(Portfolio portfolio, StrategyChoices choices, MessageSource messages) {
		this.portfolio = portfolio;
		this.choices = choices;
		this.messages = messages;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "initiatives";
	}

	@GetMapping("/portfolio")
	@PreAuthorize("hasRole('READER')")
	String view(@AuthenticationPrincipal StratlasPrincipal user, @RequestParam(required = false) Long strategy,
			@ModelAttribute InitiativeController.FilterForm filter, Model model) {
		Strategy chosen = this.choices.assessing(user.organisationId(), strategy);
		if (chosen == null) {
			if (strategy != null) {
				throw new NotFoundException("strategy", strategy);
			}
			// No strategy yet: the page says what to do first.
			return "initiatives/portfolio-empty";
		}
		model.addAttribute("view", this.portfolio.view(user.organisationId(), chosen.id(), filter.filter()));
		model.addAttribute("filter", filter);
		model.addAttribute("strategies", this.choices.own(user.organisationId()));
		this.choices.filters(user.organisationId(), model);
		return "initiatives/portfolio";
	}

	@GetMapping("/portfolio/export")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> exportAll(@AuthenticationPrincipal StratlasPrincipal user,
			@RequestParam(required = false) Long strategy, @ModelAttribute InitiativeController.FilterForm filter,
			Locale locale) {
		List<Table> tables = tables(user, strategy, filter, locale);
		return Downloads.file(TableFiles.xlsx(tables), Downloads.XLSX, "portfolj.xlsx");
	}

	@GetMapping("/portfolio/export/{view}")
	@PreAuthorize("hasRole('READER')")
	ResponseEntity<byte[]> exportOne(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable String view,
			@RequestParam(required = false) Long strategy, @RequestParam(defaultValue = "csv") String format,
			@ModelAttribute InitiativeController.FilterForm filter, Locale locale) {
		List<Table> tables = tables(user, strategy, filter, locale);
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

	List<Table> tables(StratlasPrincipal user, Long strategy, InitiativeController.FilterForm filter, Locale locale) {
		Strategy chosen = this.choices.assessing(user.organisationId(), strategy);
		if (chosen == null) {
			throw new NotFoundException("strategy", strategy);
		}
		Portfolio.View view = this.portfolio.view(user.organisationId(), chosen.id(), filter.filter());
		List<String> priorityHeaders = new ArrayList<>(
				List.of(m("portfolio.priority", locale), m("portfolio.initiatives", locale)));
		for (Direction direction : view.directions()) {
			String name = direction.element().nameSv();
			priorityHeaders.addAll(List.of(name + " – " + m("portfolio.positive", locale),
					name + " – " + m("portfolio.neutral", locale), name + " – " + m("portfolio.negative", locale),
					name + " – " + m("portfolio.unassessed", locale)));
		}
		List<List<Object>> priorityRows = view.priorities().stream().map(row -> {
			List<Object> values = new ArrayList<>(List.of(row.priority().label(Locale.ROOT), row.initiatives()));
			for (Direction direction : view.directions()) {
				Portfolio.Cell cell = row.byDirection().get(direction.element().key());
				values.addAll(List.of(cell.positive(), cell.neutral(), cell.negative(), cell.unassessed()));
			}
			return values;
		}).toList();
		Table priorities = new Table(m("portfolio.priorities", locale), priorityHeaders, priorityRows);
		Table sdg = new Table(m("portfolio.sdg", locale),
				List.of(m("portfolio.goal", locale), m("portfolio.positiveDirect", locale),
						m("portfolio.positiveIndirect", locale), m("portfolio.negativeDirect", locale),
						m("portfolio.negativeIndirect", locale)),
				view.sdgs()
					.stream()
					.map(r -> List.<Object>of(r.goal() + " " + r.name(), r.positiveDirect(), r.positiveIndirect(),
							r.negativeDirect(), r.negativeIndirect()))
					.toList());
		Table conflicts = new Table(m("portfolio.conflicts", locale),
				List.of(m("initiative.name", locale), m("portfolio.goal", locale), m("portfolio.conflict", locale)),
				view.conflicts()
					.stream()
					.map(c -> List.<Object>of(c.initiative(), c.sdgCode(), c.conflict() == null ? "" : c.conflict()))
					.toList());
		List<String> moneyHeaders = new ArrayList<>(List.of(m("funding.source", locale)));
		view.years().forEach(y -> moneyHeaders.add(String.valueOf(y)));
		moneyHeaders.add(m("portfolio.total", locale));
		List<List<Object>> moneyRows = new ArrayList<>(view.money().stream().map(r -> {
			List<Object> values = new ArrayList<>(List.of(m(r.source().messageKey(), locale)));
			view.years().forEach(y -> values.add(r.byYear().getOrDefault(y, BigDecimal.ZERO)));
			values.add(r.total());
			return values;
		}).toList());
		List<Object> totals = new ArrayList<>(List.of(m("portfolio.total", locale)));
		view.years().forEach(y -> totals.add(view.moneyByYear().getOrDefault(y, BigDecimal.ZERO)));
		totals.add(view.totalFunding());
		moneyRows.add(totals);
		Table money = new Table(m("portfolio.money", locale), moneyHeaders, moneyRows);
		Table municipalities = new Table(m("portfolio.municipalities", locale),
				List.of(m("portfolio.municipality", locale), m("portfolio.initiatives", locale),
						m("portfolio.fundingShare", locale)),
				view.municipalities()
					.stream()
					.map(a -> List.<Object>of(a.name(), a.initiatives(), a.funding()))
					.toList());
		return List.of(priorities, sdg, conflicts, money, municipalities);
	}

	private String m(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
