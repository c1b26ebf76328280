package se.stratlas.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.stratlas.exchange.SensorAlarm;
import se.stratlas.exchange.SensorDevice;

/**
 * The SQL of the live streams' alarms: opened once per channel (a partial unique index
 * holds it), acknowledged, closed, and every notification.
 */
@Repository
public class SensorAlarmRepository {

	private static final String ALARMS = """
			select a.*, c.name channel_name, c.unit, d.code device_code, d.name device_name, d.dataset_id,
			  ds.title dataset_title
			from exchange_sensor_alarm a join exchange_sensor_channel c on c.id = a.channel_id
			join exchange_sensor_device d on d.id = c.device_id join exchange_dataset ds on ds.id = d.dataset_id
			""";

	private final JdbcClient jdbc;

	SensorAlarmRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A channel with a silence rule: its stream, its organisation and its last reading.
	 */
	public record Silence(long channelId, long datasetId, long organisationId, int minutes, Instant lastAt) {
	}

	/** Opens an alarm unless one is already open on the channel; its id if opened. */
	public Optional<Long> openAlarm(long channelId, SensorDevice.Rule rule, Instant at, Double value) {
		return this.jdbc.sql("""
				insert into exchange_sensor_alarm (channel_id, rule_kind, threshold, minutes, opened_at, value)
				values (:channel, :kind, :threshold, :minutes, :at, :value)
				on conflict (channel_id) where closed_at is null do nothing returning id""")
			.param("channel", channelId)
			.param("kind", rule.kind().name())
			.param("threshold", rule.threshold())
			.param("minutes", rule.minutes() == null ? 0 : rule.minutes())
			.param("at", Timestamp.from(at))
			.param("value", value)
			.query(Long.class)
			.optional();
	}

	/** Closes the channel's open alarm; its id if there was one. */
	public Optional<Long> closeAlarm(long channelId, Instant at) {
		return this.jdbc.sql("""
				update exchange_sensor_alarm set closed_at = greatest(:at, opened_at)
				where channel_id = :channel and closed_at is null returning id""")
			.param("channel", channelId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	public int acknowledge(long alarmId, String user, Instant at) {
		return this.jdbc.sql("""
				update exchange_sensor_alarm set acknowledged_at = :at, acknowledged_by = :user
				where id = :id and acknowledged_at is null""")
			.param("id", alarmId)
			.param("user", user)
			.param("at", Timestamp.from(at))
			.update();
	}

	public void notify(long alarmId, String recipient, SensorAlarm.Notification.Channel channel, Instant at) {
		this.jdbc.sql("""
				insert into exchange_sensor_notification (alarm_id, recipient, channel, sent_at)
				values (:alarm, :recipient, :channel, :at)""")
			.param("alarm", alarmId)
			.param("recipient", recipient)
			.param("channel", channel.name())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The alarms of an organisation's streams, newest first. */
	public List<SensorAlarm> alarmsOfOrganisation(long organisationId, int limit) {
		return alarms("where ds.organisation_id = :key order by a.opened_at desc, a.id desc limit " + limit,
				organisationId);
	}

	/** The alarms of one stream, newest first. */
	public List<SensorAlarm> alarmsOfStream(long datasetId, int limit) {
		return alarms("where d.dataset_id = :key order by a.opened_at desc, a.id desc limit " + limit, datasetId);
	}

	public Optional<SensorAlarm> alarm(long id) {
		return alarms("where a.id = :key", id).stream().findFirst();
	}

	private List<SensorAlarm> alarms(String where, long key) {
		Map<Long, List<SensorAlarm.Notification>> told = new LinkedHashMap<>();
		List<SensorAlarm> alarms = this.jdbc.sql(ALARMS + where)
			.param("key", key)
			.query((rs, row) -> alarm(rs, told))
			.list();
		if (alarms.isEmpty()) {
			return alarms;
		}
		this.jdbc.sql("select * from exchange_sensor_notification where alarm_id = any(:ids) order by id")
			.param("ids", alarms.stream().map(SensorAlarm::id).toArray(Long[]::new))
			.query((ResultSet rs) -> {
				told.computeIfAbsent(rs.getLong("alarm_id"), id -> new ArrayList<>())
					.add(new SensorAlarm.Notification(rs.getString("recipient"),
							SensorAlarm.Notification.Channel.valueOf(rs.getString("channel")),
							rs.getTimestamp("sent_at").toInstant()));
			});
		return alarms.stream()
			.map(a -> new SensorAlarm(a.id(), a.datasetId(), a.datasetTitle(), a.device(), a.deviceName(), a.channel(),
					a.unit(), a.rule(), a.openedAt(), a.value(), a.acknowledgedAt(), a.acknowledgedBy(), a.closedAt(),
					told.getOrDefault(a.id(), List.of())))
			.toList();
	}

	private static SensorAlarm alarm(ResultSet rs, Map<Long, List<SensorAlarm.Notification>> told) throws SQLException {
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new SensorAlarm(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("dataset_title"),
				rs.getString("device_code"), rs.getString("device_name"), rs.getString("channel_name"),
				rs.getString("unit"),
				new SensorDevice.Rule(SensorDevice.Rule.Kind.valueOf(rs.getString("rule_kind")),
						rs.getObject("threshold", Double.class), rs.getInt("minutes")),
				rs.getTimestamp("opened_at").toInstant(), rs.getObject("value", Double.class),
				acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledged_by"),
				closed == null ? null : closed.toInstant(), List.of());
	}

	/** The silence rules of every stream, with each channel's last reading. */
	public List<Silence> silences() {
		return this.jdbc.sql("""
				select c.id, d.dataset_id, ds.organisation_id, c.minutes,
				  coalesce((select max(r.measured_at) from exchange_sensor_reading r where r.channel_id = c.id),
				    d.created_at) last_at
				from exchange_sensor_channel c join exchange_sensor_device d on d.id = c.device_id
				join exchange_dataset ds on ds.id = d.dataset_id where c.rule_kind = 'SILENT'""")
			.query((rs, row) -> new Silence(rs.getLong("id"), rs.getLong("dataset_id"), rs.getLong("organisation_id"),
					rs.getInt("minutes"), rs.getTimestamp("last_at").toInstant()))
			.list();
	}

	/** The organisation that holds an alarm's stream. */
	public Optional<Long> alarmOrganisation(long alarmId) {
		return this.jdbc
			.sql("""
					select ds.organisation_id from exchange_sensor_alarm a
					join exchange_sensor_channel c on c.id = a.channel_id join exchange_sensor_device d on d.id = c.device_id
					join exchange_dataset ds on ds.id = d.dataset_id where a.id = :id""")
			.param("id", alarmId)
			.query(Long.class)
			.optional();
	}

}
