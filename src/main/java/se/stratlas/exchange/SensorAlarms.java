package se.stratlas.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.SensorAlarmRepository;
import se.stratlas.exchange.internal.SensorRepository;
import se.stratlas.indicators.IndicatorKinds;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.Period;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * The alarms of live sensor streams. A channel's rule trips when its readings have broken
 * it for the rule's minutes (a value above or below the threshold, a pump running), or
 * when it has sent nothing for that long; the alarm is opened once (one open alarm per
 * channel, held by the database), the organisation's strategists are told in the alarm
 * inbox and a line is logged, each telling recorded with recipient, channel and time. A
 * user acknowledges it; it closes when a reading keeps the rule again. Every change is
 * audited, and a channel that feeds an indicator writes its values through the indicators
 * module.
 */
@Service
public class SensorAlarms {

	static final String TYPE = "exchange_sensor_alarm";

	/** Who the audit names for what the stream itself did. */
	static final String SENSOR = "sensor";

	private static final Logger log = LoggerFactory.getLogger(SensorAlarms.class);

	private final SensorRepository sensors;

	private final SensorAlarmRepository alarmRows;

	private final DatasetRepository exchange;

	private final UserAccounts users;

	private final AuditTrail audit;

	private final IndicatorValues values;

	private final Clock clock;

	SensorAlarms(SensorRepository sensors, SensorAlarmRepository alarmRows, DatasetRepository exchange,
			UserAccounts users, AuditTrail audit, IndicatorValues values, Optional<Clock> clock) {
		this.sensors = sensors;
		this.alarmRows = alarmRows;
		this.exchange = exchange;
		this.users = users;
		this.audit = audit;
		this.values = values;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The alarms of the organisation's streams, newest first. */
	public List<SensorAlarm> inbox(StratlasPrincipal user) {
		return this.alarmRows.alarmsOfOrganisation(user.organisationId(), 200);
	}

	/**
	 * Checks a channel's rule after new readings from a time on: replays them in time
	 * order, so that a fault that came and went within one batch still opens (and closes)
	 * its alarm. A run of readings that break the rule opens the alarm once it has lasted
	 * the rule's minutes; the first reading that keeps the rule closes it.
	 */
	@Transactional
	public void check(Dataset dataset, SensorDevice device, SensorDevice.Channel channel, Instant from) {
		SensorDevice.Rule rule = channel.rule();
		if (channel.feed() != null && channel.feed().aggregation() != SensorDevice.Feed.Aggregation.ALARMS) {
			feed(dataset, channel.feed(), from);
		}
		if (rule == null) {
			return;
		}
		List<SensorRepository.Point> points = this.sensors.series(channel.id(), from);
		if (rule.kind() == SensorDevice.Rule.Kind.SILENT) {
			if (!points.isEmpty()) {
				close(dataset, device, channel, points.getLast());
			}
			return;
		}
		Instant since = this.sensors.breakStartBefore(channel.id(), rule, from).orElse(null);
		for (SensorRepository.Point point : points) {
			if (!rule.broken(point.v())) {
				since = null;
				close(dataset, device, channel, point);
				continue;
			}
			since = since == null ? point.t() : since;
			if (Duration.between(since, point.t()).toMinutes() >= minutes(rule)) {
				open(dataset, device, channel, point.t(), point.v());
			}
		}
	}

	private void close(Dataset dataset, SensorDevice device, SensorDevice.Channel channel,
			SensorRepository.Point point) {
		this.alarmRows.closeAlarm(channel.id(), point.t())
			.ifPresent(id -> changed(dataset, id, SENSOR, "CLOSED",
					device.code() + "/" + channel.name() + " = " + point.v() + " " + channel.unit()));
	}

	/**
	 * Opens a silence alarm for every channel that has sent nothing for its rule's
	 * minutes; returns how many were opened. Run every minute, and by tests with a time.
	 */
	@Transactional
	public int checkSilence(Instant now) {
		int opened = 0;
		for (SensorAlarmRepository.Silence silence : this.alarmRows.silences()) {
			if (Duration.between(silence.lastAt(), now).toMinutes() < silence.minutes()) {
				continue;
			}
			Dataset dataset = this.exchange.dataset(silence.datasetId()).orElseThrow();
			for (SensorDevice device : this.sensors.devices(dataset.id())) {
				for (SensorDevice.Channel channel : device.channels()) {
					if (channel.id() == silence.channelId() && open(dataset, device, channel, now, null)) {
						opened++;
					}
				}
			}
		}
		return opened;
	}

	/** Opens a silence alarm check with the application's clock. */
	public int checkSilence() {
		return checkSilence(this.clock.instant());
	}

	private boolean open(Dataset dataset, SensorDevice device, SensorDevice.Channel channel, Instant at, Double value) {
		Optional<Long> opened = this.alarmRows.openAlarm(channel.id(), channel.rule(), at, value);
		if (opened.isEmpty()) {
			return false;
		}
		long id = opened.get();
		String what = dataset.title() + ": " + device.name() + " (" + device.code() + "), " + channel.name()
				+ (value == null ? " tyst" : " = " + value + " " + channel.unit());
		changed(dataset, id, SENSOR, "OPENED", what);
		Instant now = this.clock.instant();
		for (UserAccount user : this.users.list(dataset.organisationId())) {
			if (user.enabled()
					&& (user.roles().contains(Role.STRATEGIST) || user.roles().contains(Role.ADMINISTRATOR))) {
				this.alarmRows.notify(id, user.username(), SensorAlarm.Notification.Channel.INBOX, now);
			}
		}
		log.warn("Sensor alarm {} opened: {}", id, what);
		this.alarmRows.notify(id, "log", SensorAlarm.Notification.Channel.LOG, now);
		if (channel.feed() != null && channel.feed().aggregation() == SensorDevice.Feed.Aggregation.ALARMS) {
			feed(dataset, channel.feed(), at);
		}
		return true;
	}

	/** A user acknowledges an alarm of the organisation's streams: who and when. */
	@Transactional
	public SensorAlarm acknowledge(StratlasPrincipal user, long id) {
		if (!this.alarmRows.alarmOrganisation(id).filter(org -> org == user.organisationId()).isPresent()) {
			throw new NotFoundException(TYPE, id);
		}
		if (this.alarmRows.acknowledge(id, user.username(), this.clock.instant()) == 0) {
			throw new ValidationException("alarm", "exchange.alarm.alreadyAcknowledged");
		}
		SensorAlarm alarm = this.alarmRows.alarm(id).orElseThrow();
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "ACKNOWLEDGED",
				alarm.datasetTitle() + ": " + alarm.deviceName() + ", " + alarm.channel(), Map.of());
		return alarm;
	}

	private void changed(Dataset dataset, long id, String actor, String action, String summary) {
		this.audit.record(dataset.organisationId(), actor, TYPE, id, action, summary, Map.of());
	}

	private static int minutes(SensorDevice.Rule rule) {
		return rule.minutes() == null ? 0 : rule.minutes();
	}

	/**
	 * Writes what the stream gives an indicator (alarms counted, or the mean or greatest
	 * value, per area and period) for the periods from a time on, through the indicators
	 * module; unchanged values stay.
	 */
	private void feed(Dataset dataset, SensorDevice.Feed feed, Instant from) {
		List<IndicatorValue.Incoming> incoming = this.sensors
			.aggregate(dataset.id(), feed.indicatorId(), feed.aggregation(), feed.per(), from)
			.stream()
			.map(a -> new IndicatorValue.Incoming(feed.indicatorId(), a.areaCode(),
					feed.per() == SensorDevice.Feed.Per.MONTH
							? Period.month(a.periodStart().getYear(), a.periodStart().getMonthValue())
							: Period.year(a.periodStart().getYear()),
					IndicatorKinds.Sex.T, a.value(), null, IndicatorKinds.ValueStatus.PRELIMINAR))
			.toList();
		this.values.store(incoming, "Databörsen: " + dataset.title(), null);
	}

}
