package se.stratlas.initiatives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.tables.Table;
import se.stratlas.strategy.Direction;
import se.stratlas.strategy.Strategy;

/** The portfolio views as tables for download, headed in the reader's language. */
@Component
@Transactional(readOnly = true)
public class PortfolioExport {

	private final Portfolio portfolio;

	private final InitiativeChoices choices;

	private final MessageSource messages;

	PortfolioExport(Portfolio portfolio, InitiativeChoices choices, MessageSource messages) {
		this.portfolio = portfolio;
		this.choices = choices;
		this.messages = messages;
	}

	/**
	 * The five portfolio views of the strategy asked for (else the one
	 * {@link InitiativeChoices#assessing} picks) as tables: priorities × directions, SDG
	 * goals, goal conflicts, money by source and year, municipalities.
	 */
	public List<Table> tables(long organisationId, Long strategy, InitiativeFilter filter, Locale locale) {
		Strategy chosen = this.choices.assessing(organisationId, strategy);
		if (chosen == null) {
			throw new NotFoundException("strategy", strategy);
		}
		Portfolio.View view = this.portfolio.view(organisationId, chosen.id(), filter);
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
