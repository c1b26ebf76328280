package se.stratlas.indicators;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * SCB tables that are fetched again on the refresh schedule
 * ({@code stratlas.indicators.refresh-cron}, as Kolada subscriptions): the table id and
 * the selection as the user gave it. PxWeb v2 selection expressions such as
 * {@code FROM(2015)} or {@code TOP(5)} for Tid bring new years with them. Every refresh
 * is a logged import run; unchanged values stay unchanged, revised ones keep their
 * history.
 */
@Component
public class ScbSubscriptions {

	private static final Logger log = LoggerFactory.getLogger(ScbSubscriptions.class);

	private static final TypeReference<LinkedHashMap<String, List<String>>> SELECTION = new TypeReference<>() {
	};

	/** A subscribed table and selection. */
	public record Subscription(long id, long organisationId, String tableId, Map<String, List<String>> selection,
			Instant createdAt, String createdBy) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final IndicatorFileImport files;

	ScbSubscriptions(JdbcClient jdbc, JsonMapper json, IndicatorFileImport files) {
		this.jdbc = jdbc;
		this.json = json;
		this.files = files;
	}

	/**
	 * Starts fetching an SCB table in the background, the selection written as
	 * "Dimension=value,value" lines (one per dimension); subscribes to it first when
	 * asked.
	 * @throws ValidationException when the table id or a selection line is not of that
	 * form
	 */
	public IndicatorFileImport.Started start(long organisationId, String table, String selectionText, boolean subscribe,
			String actor) {
		Map<String, List<String>> parsed = selection(selectionText);
		if (!table.strip().matches("[A-Za-z0-9_]{1,40}")) {
			throw new ValidationException("table", "indicator.scb.table");
		}
		if (parsed.isEmpty()) {
			throw new ValidationException("selection", "indicator.scb.selection");
		}
		if (subscribe) {
			subscribe(organisationId, table.strip(), parsed, actor);
		}
		return this.files.startScb(organisationId, table.strip(), parsed, actor);
	}

	/**
	 * Reads "Dimension=value,value" lines (one per dimension) into a PxWeb selection.
	 * @throws ValidationException naming the line that is not of that form
	 */
	static Map<String, List<String>> selection(String text) {
		Map<String, List<String>> selection = new LinkedHashMap<>();
		if (text == null) {
			return selection;
		}
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			String dimension = equals < 0 ? "" : line.substring(0, equals).strip();
			List<String> values = equals < 0 ? List.of()
					: Arrays.stream(line.substring(equals + 1).split(","))
						.map(String::strip)
						.filter(v -> !v.isEmpty())
						.toList();
			if (!dimension.matches("[A-Za-z0-9_]{1,40}") || values.isEmpty()) {
				throw new ValidationException("selection", "indicator.scb.selectionLine", line.strip());
			}
			selection.put(dimension, values);
		}
		return selection;
	}

	/** Subscribes to a table and selection (once; subscribing again changes nothing). */
	public void subscribe(long organisationId, String tableId, Map<String, List<String>> selection, String actor) {
		if (tableId == null || !tableId.matches("[A-Za-z0-9_]{1,40}")) {
			throw new ValidationException("table", "indicator.scb.table");
		}
		if (selection == null || selection.isEmpty()) {
			throw new ValidationException("selection", "indicator.scb.selection");
		}
		this.jdbc.sql("""
				insert into indicators_scb_subscription (organisation_id, table_id, selection, created_by)
				values (:org, :table, cast(:selection as jsonb), :actor) on conflict do nothing""")
			.param("org", organisationId)
			.param("table", tableId)
			.param("selection", this.json.writeValueAsString(selection))
			.param("actor", actor)
			.update();
	}

	public List<Subscription> list(long organisationId) {
		return this.jdbc.sql("select * from indicators_scb_subscription where organisation_id = :org order by id")
			.param("org", organisationId)
			.query((rs, row) -> new Subscription(rs.getLong("id"), rs.getLong("organisation_id"),
					rs.getString("table_id"), this.json.readValue(rs.getString("selection"), SELECTION),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	public void unsubscribe(long organisationId, long id) {
		int deleted = this.jdbc.sql("delete from indicators_scb_subscription where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.update();
		if (deleted == 0) {
			throw new NotFoundException("scb subscription", id);
		}
	}

	/** Fetches every subscribed table again; one failure does not stop the others. */
	@Scheduled(cron = "${stratlas.indicators.refresh-cron:0 30 5 * * *}")
	public int refreshAll() {
		List<Subscription> all = this.jdbc.sql("select organisation_id from indicators_scb_subscription group by 1")
			.query(Long.class)
			.list()
			.stream()
			.flatMap(org -> list(org).stream())
			.toList();
		int refreshed = 0;
		for (Subscription subscription : all) {
			try {
				this.files.importScb(subscription.organisationId(), subscription.tableId(), subscription.selection(),
						"schemalagd uppdatering");
				refreshed++;
			}
			catch (RuntimeException ex) {
				log.warn("Refresh of SCB table {} failed: {}", subscription.tableId(), ex.getMessage());
			}
		}
		return refreshed;
	}

}
