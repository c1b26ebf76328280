package se.stratlas.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.SensorRepository;
import se.stratlas.shared.ValidationException;

/**
 * Live sensor streams: readings of a stream's devices arrive over MQTT (topic
 * {@code <prefix>/<organisation code>/<dataset id>/<device>/<channel>}, payload
 * {@code {"t": "2026-12-03T10:00:00Z", "v": 1.23}} or a plain number, received now) or
 * over HTTP, are stored once per channel and time, and each batch is checked against the
 * channels' alarm rules ({@link SensorAlarms}). A payload that cannot be read is counted
 * against its device and never stops the stream.
 */
@Service
public class SensorStreams {

	/** The most readings one HTTP request may carry. */
	public static final int MAX_READINGS = 5000;

	/** How far ahead of the receiving clock a reading's time may be (clocks drift). */
	private static final Duration AHEAD = Duration.ofMinutes(5);

	private final SensorRepository sensors;

	private final DatasetRepository exchange;

	private final Datasets datasets;

	private final SensorAlarms alarms;

	private final Organisations organisations;

	private final JsonMapper json;

	private final Clock clock;

	private final String prefix;

	SensorStreams(SensorRepository sensors, DatasetRepository exchange, Datasets datasets, SensorAlarms alarms,
			Organisations organisations, JsonMapper json, Optional<Clock> clock,
			@Value("${stratlas.sensors.mqtt.topic-prefix:stratlas}") String prefix) {
		this.sensors = sensors;
		this.exchange = exchange;
		this.datasets = datasets;
		this.alarms = alarms;
		this.organisations = organisations;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
		this.prefix = prefix;
	}

	/** The topic filter that receives every stream's readings. */
	public String topicFilter() {
		return this.prefix + "/+/+/+/+";
	}

	/**
	 * Stores readings sent over HTTP, all or none: a row that names an unknown device or
	 * channel, has no finite value or a time in the future is refused at its index.
	 * Returns how many were new (a reading sent again is stored once).
	 */
	@Transactional
	public int ingest(StratlasPrincipal user, long datasetId, List<SensorReading> readings) {
		Dataset dataset = this.datasets.own(user, datasetId);
		if (readings == null || readings.isEmpty()) {
			throw new ValidationException("readings", "validation.required");
		}
		if (readings.size() > MAX_READINGS) {
			throw new ValidationException("readings", "validation.tooMany", MAX_READINGS);
		}
		Map<String, SensorDevice> devices = devicesByCode(datasetId);
		Instant now = this.clock.instant();
		List<Resolved> resolved = new ArrayList<>();
		for (int i = 0; i < readings.size(); i++) {
			SensorReading row = readings.get(i);
			String field = "readings[" + i + "]";
			if (row == null) {
				throw new ValidationException(field, "validation.required");
			}
			SensorDevice.Channel channel = channel(devices, row.device(), row.channel())
				.orElseThrow(() -> new ValidationException(field, "exchange.sensor.row.unknown", field, row.device(),
						row.channel()));
			if (row.v() == null || !Double.isFinite(row.v())) {
				throw new ValidationException(field, "exchange.sensor.row.value", field);
			}
			Instant t = row.t() == null ? now : row.t();
			if (t.isAfter(now.plus(AHEAD))) {
				throw new ValidationException(field, "exchange.sensor.row.future", field);
			}
			resolved.add(new Resolved(devices.get(row.device()), channel, t, row.v()));
		}
		return store(dataset, resolved);
	}

	/** What became of a message received over MQTT. */
	public enum Received {

		STORED, DUPLICATE, REJECTED, UNKNOWN_TOPIC

	}

	/**
	 * Stores one reading received over MQTT. A topic that names no stream is ignored; a
	 * payload that cannot be read, or an unknown device or channel, is counted against
	 * the device and logged by the caller.
	 */
	@Transactional
	public Received receive(String topic, byte[] payload) {
		String[] parts = topic.split("/", -1);
		if (parts.length != 5 || !parts[0].equals(this.prefix) || !parts[2].matches("\\d{1,18}")) {
			return Received.UNKNOWN_TOPIC;
		}
		long datasetId = Long.parseLong(parts[2]);
		Optional<Dataset> dataset = this.exchange.dataset(datasetId)
			.filter(d -> this.organisations.get(d.organisationId()).code().equals(parts[1]));
		if (dataset.isEmpty()) {
			return Received.UNKNOWN_TOPIC;
		}
		Instant now = this.clock.instant();
		Map<String, SensorDevice> devices = devicesByCode(datasetId);
		Optional<SensorDevice.Channel> channel = channel(devices, parts[3], parts[4]);
		if (channel.isEmpty()) {
			this.sensors.reject(datasetId, parts[3], "okänd enhet eller kanal: " + parts[3] + "/" + parts[4], now);
			return Received.REJECTED;
		}
		SensorRepository.Point point;
		try {
			point = parse(payload, now);
		}
		catch (IllegalArgumentException ex) {
			this.sensors.reject(datasetId, parts[3], ex.getMessage(), now);
			return Received.REJECTED;
		}
		int stored = store(dataset.get(),
				List.of(new Resolved(devices.get(parts[3]), channel.get(), point.t(), point.v())));
		return stored == 1 ? Received.STORED : Received.DUPLICATE;
	}

	/** Reads {@code {"t": "...", "v": 1.2}} or a plain number (received now). */
	SensorRepository.Point parse(byte[] payload, Instant now) {
		String text = new String(payload, StandardCharsets.UTF_8).strip();
		if (text.length() > 1000) {
			throw new IllegalArgumentException("för långt meddelande");
		}
		try {
			if (!text.startsWith("{")) {
				return checked(new SensorRepository.Point(now, Double.parseDouble(text)), now);
			}
			JsonNode node = this.json.readTree(text);
			JsonNode v = node.path("v");
			JsonNode t = node.path("t");
			if (!v.isNumber()) {
				throw new IllegalArgumentException("inget tal i v: " + text);
			}
			return checked(new SensorRepository.Point(
					t.isMissingNode() || t.isNull() ? now : Instant.parse(t.asString()), v.asDouble()), now);
		}
		catch (NumberFormatException | DateTimeParseException | JacksonException ex) {
			throw new IllegalArgumentException("oläsligt meddelande: " + text, ex);
		}
	}

	private static SensorRepository.Point checked(SensorRepository.Point point, Instant now) {
		if (!Double.isFinite(point.v())) {
			throw new IllegalArgumentException("inget ändligt tal: " + point.v());
		}
		if (point.t().isAfter(now.plus(AHEAD))) {
			throw new IllegalArgumentException("tid i framtiden: " + point.t());
		}
		return point;
	}

	private record Resolved(SensorDevice device, SensorDevice.Channel channel, Instant t, double v) {
	}

	private int store(Dataset dataset, List<Resolved> readings) {
		int stored = 0;
		Map<Long, Resolved> earliest = new LinkedHashMap<>();
		for (Resolved r : readings) {
			stored += this.sensors.insertReading(r.channel().id(), r.t(), r.v());
			earliest.merge(r.channel().id(), r, (a, b) -> a.t().isAfter(b.t()) ? b : a);
		}
		for (Resolved r : earliest.values()) {
			this.alarms.check(dataset, r.device(), r.channel(), r.t());
		}
		return stored;
	}

	private Map<String, SensorDevice> devicesByCode(long datasetId) {
		return this.sensors.devices(datasetId)
			.stream()
			.collect(Collectors.toMap(SensorDevice::code, Function.identity()));
	}

	private static Optional<SensorDevice.Channel> channel(Map<String, SensorDevice> devices, String device,
			String channel) {
		SensorDevice found = device == null ? null : devices.get(device);
		return found == null ? Optional.empty()
				: found.channels().stream().filter(c -> c.name().equals(channel)).findFirst();
	}

}
