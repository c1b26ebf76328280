package se.stratlas.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.SensorAlarmRepository;
import se.stratlas.exchange.internal.SensorRepository;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * The devices of a live stream and the stream's page. A stream is a dataset of machine
 * data (its provenance a device or a product, so the rights register names the devices'
 * owner); a device defaults to that owner.
 */
@Service
public class SensorDevices {

	static final String TYPE = "exchange_sensor_device";

	private static final int MAX_CHANNELS = 20;

	private final SensorRepository sensors;

	private final SensorAlarmRepository alarmRows;

	private final Datasets datasets;

	private final Areas areas;

	private final IndicatorRegistry indicators;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Clock clock;

	private final String prefix;

	SensorDevices(SensorRepository sensors, SensorAlarmRepository alarmRows, Datasets datasets, Areas areas,
			IndicatorRegistry indicators, Organisations organisations, AuditTrail audit, Optional<Clock> clock,
			@Value("${stratlas.sensors.mqtt.topic-prefix:stratlas}") String prefix) {
		this.sensors = sensors;
		this.alarmRows = alarmRows;
		this.datasets = datasets;
		this.areas = areas;
		this.indicators = indicators;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
		this.prefix = prefix;
	}

	/**
	 * Registers a device of the stream with its channels, or changes the one with the
	 * same code (its channels with the same names are changed, others added).
	 */
	@Transactional
	public SensorDevice register(StratlasPrincipal user, long datasetId, SensorDevice.Draft draft) {
		Dataset dataset = this.datasets.own(user, datasetId);
		if (!dataset.provenanceKind().machine()) {
			throw new ValidationException("code", "exchange.sensor.notMachine");
		}
		if (draft == null) {
			throw new ValidationException("code", "validation.required");
		}
		String code = Texts.required("code", draft.code(), 40);
		if (!code.matches("[A-Za-z0-9_-]+")) {
			throw new ValidationException("code", "exchange.sensor.code", code);
		}
		String name = Texts.required("name", draft.name(), 200);
		String area = Texts.required("areaCode", draft.areaCode(), 20);
		if (!this.areas.exists(area)) {
			throw new ValidationException("areaCode", "area.unknown", area);
		}
		String owner = Texts.optional("owner", draft.owner(), 200);
		owner = owner == null ? dataset.deviceOwner() : owner;
		if (owner == null) {
			throw new ValidationException("owner", "validation.required");
		}
		List<SensorDevice.Channel> channels = checked(user, draft.channels());
		boolean existed = this.sensors.devices(datasetId).stream().anyMatch(d -> d.code().equals(code));
		long id = this.sensors.saveDevice(datasetId, new SensorDevice.Draft(code, name, area, owner, channels), owner,
				user.username());
		channels.forEach(c -> this.sensors.saveChannel(id, c));
		this.audit.record(user.organisationId(), user.username(), TYPE, id, existed ? "UPDATED" : "CREATED",
				dataset.title() + ": " + name + " (" + code + "), "
						+ String.join(", ", channels.stream().map(SensorDevice.Channel::name).toList()),
				Map.of());
		return this.sensors.devices(datasetId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
	}

	private List<SensorDevice.Channel> checked(StratlasPrincipal user, List<SensorDevice.Channel> channels) {
		if (channels == null || channels.isEmpty()) {
			throw new ValidationException("channels", "validation.required");
		}
		if (channels.size() > MAX_CHANNELS) {
			throw new ValidationException("channels", "validation.tooMany", MAX_CHANNELS);
		}
		List<SensorDevice.Channel> clean = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (SensorDevice.Channel channel : channels) {
			String name = Texts.required("channels", channel == null ? null : channel.name(), 40);
			if (!name.matches("[a-z0-9_]+") || !seen.add(name)) {
				throw new ValidationException("channels", "exchange.sensor.channel", name);
			}
			String unit = Texts.optional("channels", channel.unit(), 20);
			SensorDevice.Rule rule = channel.rule();
			if (rule != null) {
				if (rule.kind() == null || rule.minutes() == null || rule.minutes() < 0 || rule.minutes() > 100000) {
					throw new ValidationException("channels", "exchange.sensor.rule", name);
				}
				boolean threshold = rule.kind() == SensorDevice.Rule.Kind.ABOVE
						|| rule.kind() == SensorDevice.Rule.Kind.BELOW;
				if (threshold && (rule.threshold() == null || !Double.isFinite(rule.threshold()))) {
					throw new ValidationException("channels", "exchange.sensor.rule", name);
				}
				rule = new SensorDevice.Rule(rule.kind(), threshold ? rule.threshold() : null, rule.minutes());
			}
			SensorDevice.Feed feed = channel.feed();
			if (feed != null) {
				if (feed.aggregation() == null || feed.per() == null) {
					throw new ValidationException("channels", "exchange.sensor.feed", name);
				}
				try {
					this.indicators.get(user.organisationId(), feed.indicatorId());
				}
				catch (NotFoundException ex) {
					throw new ValidationException("channels", "exchange.sensor.feed", name);
				}
			}
			clean.add(new SensorDevice.Channel(0, name, unit == null ? "" : unit, rule, feed));
		}
		return clean;
	}

	/** The stream's devices. */
	public List<SensorDevice> devices(StratlasPrincipal user, long datasetId) {
		this.datasets.own(user, datasetId);
		return this.sensors.devices(datasetId);
	}

	/**
	 * The stream's page: each channel's latest value and its last 24 hours, the alarms
	 * and the rejected payloads.
	 */
	public StreamPage page(StratlasPrincipal user, long datasetId) {
		Dataset dataset = this.datasets.own(user, datasetId);
		Instant from = this.clock.instant().minus(Duration.ofHours(24));
		List<StreamPage.DeviceView> devices = new ArrayList<>();
		for (SensorDevice device : this.sensors.devices(datasetId)) {
			List<StreamPage.ChannelView> views = new ArrayList<>();
			for (SensorDevice.Channel channel : device.channels()) {
				Optional<SensorRepository.Point> latest = this.sensors.latest(channel.id());
				views.add(view(channel, latest.orElse(null), this.sensors.series(channel.id(), from), from));
			}
			devices.add(new StreamPage.DeviceView(device, views));
		}
		String code = this.organisations.get(dataset.organisationId()).code();
		return new StreamPage(datasetId, dataset.title(), dataset.demoNote(),
				this.prefix + "/" + code + "/" + datasetId + "/", devices, this.alarmRows.alarmsOfStream(datasetId, 50),
				this.sensors.rejections(datasetId));
	}

	static StreamPage.ChannelView view(SensorDevice.Channel channel, SensorRepository.Point latest,
			List<SensorRepository.Point> series, Instant from) {
		if (series.isEmpty()) {
			return new StreamPage.ChannelView(channel, latest == null ? null : latest.t(),
					latest == null ? null : latest.v(), 0, null, null, "");
		}
		double least = series.stream().mapToDouble(SensorRepository.Point::v).min().orElseThrow();
		double greatest = series.stream().mapToDouble(SensorRepository.Point::v).max().orElseThrow();
		double span = greatest - least == 0 ? 1 : greatest - least;
		double seconds = Duration.ofHours(24).toSeconds();
		StringBuilder points = new StringBuilder();
		for (SensorRepository.Point p : series) {
			double x = Math.min(240, 240 * Duration.between(from, p.t()).toSeconds() / seconds);
			double y = 58 - 56 * (p.v() - least) / span;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return new StreamPage.ChannelView(channel, latest == null ? null : latest.t(),
				latest == null ? null : latest.v(), series.size(), least, greatest, points.toString().strip());
	}

}
