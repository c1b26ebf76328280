package se.stratlas.testing;

import java.time.Duration;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.reports.Edition;
import se.stratlas.reports.Editions;

/** The demo's report products by name, and editions frozen from them. */
public final class DemoReports {

	private DemoReports() {
	}

	public static Cycle cycle(Cycles cycles, long organisationId, String name) {
		return cycles.list(organisationId).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	public static Product product(Cycles cycles, Products products, long organisationId, String cycleName,
			String productName) {
		return products.list(organisationId, cycle(cycles, organisationId, cycleName).id())
			.stream()
			.filter(p -> p.name().equals(productName))
			.findFirst()
			.orElseThrow();
	}

	/** Freezes the product (gaps confirmed) and waits until the edition is made. */
	public static Edition frozen(Editions editions, StratlasPrincipal strategist, Product product)
			throws InterruptedException {
		Edition edition = editions.start(strategist, product.cycleId(), product.id(), true);
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (editions.get(strategist.organisationId(), edition.id()).running() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return editions.get(strategist.organisationId(), edition.id());
	}

}
