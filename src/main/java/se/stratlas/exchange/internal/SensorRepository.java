package se.stratlas.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.exchange.SensorDevice;
import se.stratlas.exchange.StreamPage;

/**
 * The SQL of the exchange's live sensor streams: devices and channels, readings, alarms
 * with their notifications, and rejected payloads.
 */
@Repository
public class SensorRepository {

	private final JdbcClient jdbc;

	SensorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A reading's time and value. */
	public record Point(Instant t, double v) {
	}

	/**
	 * A value computed for an indicator: the area, the first day of the period, the
	 * value.
	 */
	public record Aggregate(String areaCode, LocalDate periodStart, double value) {
	}

	// Devices and channels

	public long saveDevice(long datasetId, SensorDevice.Draft draft, String owner, String user) {
		return this.jdbc.sql("""
				insert into exchange_sensor_device (dataset_id, code, name, area_code, owner, created_by)
				values (:dataset, :code, :name, :area, :owner, :user)
				on conflict (dataset_id, code) do update set name = excluded.name, area_code = excluded.area_code,
				  owner = excluded.owner
				returning id""")
			.param("dataset", datasetId)
			.param("code", draft.code())
			.param("name", draft.name())
			.param("area", draft.areaCode())
			.param("owner", owner)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public void saveChannel(long deviceId, SensorDevice.Channel channel) {
		SensorDevice.Rule rule = channel.rule();
		SensorDevice.Feed feed = channel.feed();
		this.jdbc.sql("""
				insert into exchange_sensor_channel (device_id, name, unit, rule_kind, threshold, minutes,
				  indicator_id, aggregation, per)
				values (:device, :name, :unit, :kind, :threshold, :minutes, :indicator, :aggregation, :per)
				on conflict (device_id, name) do update set unit = excluded.unit, rule_kind = excluded.rule_kind,
				  threshold = excluded.threshold, minutes = excluded.minutes, indicator_id = excluded.indicator_id,
				  aggregation = excluded.aggregation, per = excluded.per""")
			.param("device", deviceId)
			.param("name", channel.name())
			.param("unit", channel.unit())
			.param("kind", rule == null ? null : rule.kind().name())
			.param("threshold", rule == null ? null : rule.threshold())
			.param("minutes", rule == null ? null : rule.minutes())
			.param("indicator", feed == null ? null : feed.indicatorId())
			.param("aggregation", feed == null ? null : feed.aggregation().name())
			.param("per", feed == null ? null : feed.per().name())
			.update();
	}

	/** The stream's devices with their channels, by code. */
	public List<SensorDevice> devices(long datasetId) {
		Map<Long, List<SensorDevice.Channel>> channels = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.* from exchange_sensor_channel c join exchange_sensor_device d on d.id = c.device_id
				where d.dataset_id = :dataset order by c.device_id, c.name""")
			.param("dataset", datasetId)
			.query((ResultSet rs) -> {
				channels.computeIfAbsent(rs.getLong("device_id"), id -> new ArrayList<>()).add(channel(rs));
			});
		return this.jdbc.sql("select * from exchange_sensor_device where dataset_id = :dataset order by code")
			.param("dataset", datasetId)
			.query((rs, row) -> new SensorDevice(rs.getLong("id"), datasetId, rs.getString("code"),
					rs.getString("name"), rs.getString("area_code"), rs.getString("owner"),
					channels.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private static SensorDevice.Channel channel(ResultSet rs) throws SQLException {
		String kind = rs.getString("rule_kind");
		SensorDevice.Rule rule = kind == null ? null : new SensorDevice.Rule(SensorDevice.Rule.Kind.valueOf(kind),
				rs.getObject("threshold", Double.class), rs.getObject("minutes", Integer.class));
		String aggregation = rs.getString("aggregation");
		SensorDevice.Feed feed = aggregation == null ? null : new SensorDevice.Feed(rs.getLong("indicator_id"),
				SensorDevice.Feed.Aggregation.valueOf(aggregation), SensorDevice.Feed.Per.valueOf(rs.getString("per")));
		return new SensorDevice.Channel(rs.getLong("id"), rs.getString("name"), rs.getString("unit"), rule, feed);
	}

	// Readings

	/** Stores a reading; 0 when the channel already has one at that time. */
	public int insertReading(long channelId, Instant t, double v) {
		return this.jdbc.sql("""
				insert into exchange_sensor_reading (channel_id, measured_at, value) values (:channel, :t, :v)
				on conflict (channel_id, measured_at) do nothing""")
			.param("channel", channelId)
			.param("t", Timestamp.from(t))
			.param("v", v)
			.update();
	}

	public Optional<Point> latest(long channelId) {
		return this.jdbc
			.sql("select measured_at t, value v from exchange_sensor_reading where channel_id = :channel "
					+ "order by measured_at desc limit 1")
			.param("channel", channelId)
			.query((rs, row) -> new Point(rs.getTimestamp("t").toInstant(), rs.getDouble("v")))
			.optional();
	}

	/** The channel's readings from a time on, oldest first. */
	public List<Point> series(long channelId, Instant from) {
		return this.jdbc.sql("""
				select measured_at t, value v from exchange_sensor_reading
				where channel_id = :channel and measured_at >= :from order by measured_at""")
			.param("channel", channelId)
			.param("from", Timestamp.from(from))
			.query((rs, row) -> new Point(rs.getTimestamp("t").toInstant(), rs.getDouble("v")))
			.list();
	}

	/**
	 * When the run of readings that break the rule and ends with the last reading before
	 * a time began (the first reading after the last one that kept the rule); empty when
	 * that reading kept the rule or there is none.
	 */
	public Optional<Instant> breakStartBefore(long channelId, SensorDevice.Rule rule, Instant before) {
		String kept = switch (rule.kind()) {
			case ABOVE -> "value <= :threshold";
			case BELOW -> "value >= :threshold";
			case RUNNING_LONGER, SILENT -> "value < 0.5";
		};
		Timestamp start = this.jdbc.sql("""
				select case when (select %1$s from exchange_sensor_reading where channel_id = :channel
				    and measured_at < :before order by measured_at desc limit 1) then null else
				  (select min(measured_at) from exchange_sensor_reading where channel_id = :channel
				    and measured_at < :before and measured_at > coalesce((select max(measured_at)
				      from exchange_sensor_reading where channel_id = :channel and measured_at < :before
				      and (%1$s)), '-infinity'::timestamptz)) end""".formatted(kept))
			.param("channel", channelId)
			.param("threshold", rule.threshold())
			.param("before", Timestamp.from(before))
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return Optional.ofNullable(start).map(Timestamp::toInstant);
	}

	/**
	 * What the stream's channels that feed an indicator give it, per area and period
	 * (Swedish time) from the period that holds a time on: the number of alarms, or the
	 * mean or greatest reading.
	 */
	public List<Aggregate> aggregate(long datasetId, long indicatorId, SensorDevice.Feed.Aggregation aggregation,
			SensorDevice.Feed.Per per, Instant from) {
		String unit = per == SensorDevice.Feed.Per.MONTH ? "month" : "year";
		String sql = switch (aggregation) {
			case ALARMS -> """
					select d.area_code, date_trunc('%1$s', a.opened_at at time zone 'Europe/Stockholm')::date start,
					  count(*)::double precision value
					from exchange_sensor_alarm a join exchange_sensor_channel c on c.id = a.channel_id
					join exchange_sensor_device d on d.id = c.device_id
					where a.opened_at >= (date_trunc('%1$s', cast(:from as timestamptz) at time zone 'Europe/Stockholm')
					  at time zone 'Europe/Stockholm')""";
			case MEAN, MAX -> """
					select d.area_code, date_trunc('%1$s', r.measured_at at time zone 'Europe/Stockholm')::date start,
					  """ + (aggregation == SensorDevice.Feed.Aggregation.MEAN ? "avg" : "max")
					+ """
							(r.value) value
							from exchange_sensor_reading r join exchange_sensor_channel c on c.id = r.channel_id
							join exchange_sensor_device d on d.id = c.device_id
							where r.measured_at >= (date_trunc('%1$s', cast(:from as timestamptz) at time zone 'Europe/Stockholm')
							  at time zone 'Europe/Stockholm')""";
		};
		return this.jdbc
			.sql(sql.formatted(unit)
					+ " and d.dataset_id = :dataset and c.indicator_id = :indicator group by 1, 2 order by 1, 2")
			.param("dataset", datasetId)
			.param("from", Timestamp.from(from))
			.param("indicator", indicatorId)
			.query((rs, row) -> new Aggregate(rs.getString("area_code"), rs.getObject("start", LocalDate.class),
					rs.getDouble("value")))
			.list();
	}

	// Rejected payloads

	public void reject(long datasetId, String device, String reason, Instant at) {
		this.jdbc.sql("""
				insert into exchange_sensor_rejection (dataset_id, device, count, last_reason, last_at)
				values (:dataset, :device, 1, :reason, :at)
				on conflict (dataset_id, device) do update set count = exchange_sensor_rejection.count + 1,
				  last_reason = excluded.last_reason, last_at = excluded.last_at""")
			.param("dataset", datasetId)
			.param("device", device.length() > 40 ? device.substring(0, 40) : device)
			.param("reason", reason.length() > 200 ? reason.substring(0, 200) : reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	public List<StreamPage.Rejection> rejections(long datasetId) {
		return this.jdbc.sql("select * from exchange_sensor_rejection where dataset_id = :dataset order by device")
			.param("dataset", datasetId)
			.query((rs, row) -> new StreamPage.Rejection(rs.getString("device"), rs.getLong("count"),
					rs.getString("last_reason"), rs.getTimestamp("last_at").toInstant()))
			.list();
	}

}
