package se.stratlas.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report product as its screen shows it: the texts it uses, section by section, each
 * rendered with its live references as of the cycle's period, and the product's
 * structure.
 */
@Component
@Transactional(readOnly = true)
public class ProductPages {

	/**
	 * The product screen.
	 *
	 * @param html each shown text as HTML, by contribution id
	 */
	public record Page(Cycle cycle, Product product, ReportLayouts.Layout layout, List<Products.Part> parts,
			Map<Long, String> html) {
	}

	private final Products products;

	private final ReportLayouts layouts;

	private final Cycles cycles;

	private final LiveReferences references;

	ProductPages(Products products, ReportLayouts layouts, Cycles cycles, LiveReferences references) {
		this.products = products;
		this.layouts = layouts;
		this.cycles = cycles;
		this.references = references;
	}

	/**
	 * The product form: the product, the cycle's sections to choose from and the chosen
	 * ones in the product's order.
	 */
	public record Form(Cycle cycle, Product product, List<Section> sections, List<Section> ordered) {
	}

	/** What the product form shows. */
	public Form form(long organisationId, long cycleId, long productId) {
		return new Form(this.cycles.get(organisationId, cycleId), this.products.get(organisationId, cycleId, productId),
				this.cycles.sections(organisationId, cycleId),
				this.products.orderedSections(organisationId, cycleId, productId));
	}

	/** What the product screen shows. */
	public Page page(long organisationId, long cycleId, long productId, Locale locale) {
		Product product = this.products.get(organisationId, cycleId, productId);
		List<Products.Part> parts = this.products.content(organisationId, cycleId, productId);
		Cycle cycle = this.cycles.get(organisationId, cycleId);
		Map<Long, String> html = new HashMap<>();
		parts.forEach(p -> p.entries()
			.stream()
			.filter(e -> e.text() != null)
			.forEach(e -> html.put(e.contribution().id(),
					this.references.html(organisationId, e.text(), locale, cycle.periodCode()))));
		return new Page(cycle, product, this.layouts.layout(organisationId, cycleId, productId), parts, html);
	}

}
