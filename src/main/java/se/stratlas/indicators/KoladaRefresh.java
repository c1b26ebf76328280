package se.stratlas.indicators;

import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.stratlas.shared.ValidationException;

import se.stratlas.shared.NotFoundException;

/**
 * Refreshes the Kolada indicators that subscribe to it, on the schedule
 * {@code stratlas.indicators.refresh-cron} (daily at 05:30 by default; "-" turns it off).
 * Each indicator is fetched for the areas it already has values for, from its first year
 * to last year; every refresh is a logged import run, and unchanged values stay
 * unchanged.
 */
@Component
public class KoladaRefresh {

	private static final Logger log = LoggerFactory.getLogger(KoladaRefresh.class);

	private final JdbcClient jdbc;

	private final KoladaImport kolada;

	KoladaRefresh(JdbcClient jdbc, KoladaImport kolada) {
		this.jdbc = jdbc;
		this.kolada = kolada;
	}

	/** Turns the subscription on or off. */
	public void subscribe(long organisationId, long indicatorId, boolean on) {
		int updated = this.jdbc.sql("""
				update indicators_definition set auto_refresh = :on
				where id = :id and organisation_id = :org and source = 'KOLADA'""")
			.param("on", on)
			.param("id", indicatorId)
			.param("org", organisationId)
			.update();
		if (updated == 0) {
			boolean own = this.jdbc
				.sql("select exists (select 1 from indicators_definition where id = :id and organisation_id = :org)")
				.param("id", indicatorId)
				.param("org", organisationId)
				.query(Boolean.class)
				.single();
			if (!own) {
				throw new NotFoundException("indicator", indicatorId);
			}
			throw new ValidationException("autoRefresh", "indicator.refresh.koladaOnly");
		}
	}

	public boolean subscribed(long indicatorId) {
		return this.jdbc.sql("select auto_refresh from indicators_definition where id = :id")
			.param("id", indicatorId)
			.query(Boolean.class)
			.single();
	}

	@Scheduled(cron = "${stratlas.indicators.refresh-cron:0 30 5 * * *}")
	public void refreshAll() {
		record Subscription(long organisationId, String code, long id) {
		}
		List<Subscription> subscriptions = this.jdbc
			.sql("select organisation_id, code, id from indicators_definition where auto_refresh and source = 'KOLADA'")
			.query(Subscription.class)
			.list();
		for (Subscription subscription : subscriptions) {
			try {
				refresh(subscription.organisationId(), subscription.id(), subscription.code());
			}
			catch (RuntimeException ex) {
				log.warn("Refresh of {} failed: {}", subscription.code(), ex.getMessage());
			}
		}
	}

	/** Refreshes one indicator now. */
	public KoladaImport.Result refresh(long organisationId, long indicatorId, String code) {
		List<String> areas = this.jdbc
			.sql("select distinct area_code from indicators_value where indicator_id = :id order by area_code")
			.param("id", indicatorId)
			.query(String.class)
			.list();
		Integer first = this.jdbc
			.sql("select min(extract(year from period_start))::int from indicators_value where indicator_id = :id")
			.param("id", indicatorId)
			.query(Integer.class)
			.single();
		int last = Year.now().getValue() - 1;
		List<Integer> years = IntStream.rangeClosed(first == null ? last - 9 : Math.min(first, last), last)
			.boxed()
			.toList();
		return this.kolada.importKpi(organisationId, code, areas.isEmpty() ? List.of("0000") : areas, years,
				"schemalagd uppdatering");
	}

}
