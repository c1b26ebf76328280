package se.stratlas.exchange;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.stratlas.accounts.ApiTokens;
import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.Period;
import se.stratlas.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A municipality's pumping stations as a live stream on the real database and a real
 * broker (Debian's mosquitto, started here on a free port like the scale-out test starts
 * nginx): readings published with Paho are stored once, a level above the threshold while
 * the pump stands still opens one alarm with its notifications and feeds the indicator
 * "alarms per pumping station and month", an acknowledgement names who and when, and
 * normal readings close it; over HTTP a bad row is refused at its index; a device that
 * falls silent raises an alarm at a given time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorStreamIT {

	private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

	private static Process broker;

	private static String brokerUrl = "";

	@LocalServerPort
	int port;

	@Autowired
	Datasets datasets;

	@Autowired
	SensorDevices devices;

	@Autowired
	SensorStreams streams;

	@Autowired
	SensorAlarms alarms;

	@Autowired
	Organisations organisations;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private StratlasPrincipal steward;

	private Organisation organisation;

	private String token;

	private Dataset stream;

	private IndicatorDefinition alarmsPerMonth;

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) throws Exception {
		if (Files.isExecutable(MOSQUITTO)) {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path home = Files.createTempDirectory("mosquitto");
			Path config = home.resolve("mosquitto.conf");
			Files.writeString(config,
					"listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n".formatted(port));
			home.toFile().setReadable(true, false);
			config.toFile().setReadable(true, false);
			broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString()).redirectErrorStream(true)
				.redirectOutput(home.resolve("mosquitto.log").toFile())
				.start();
			awaitPort(port);
			brokerUrl = "tcp://127.0.0.1:" + port;
		}
		registry.add("stratlas.sensors.mqtt.url", () -> brokerUrl);
		registry.add("stratlas.sensors.mqtt.client-id", () -> "stratlas-it-" + UUID.randomUUID());
		registry.add("stratlas.sensors.silence-every", () -> "1h");
	}

	private static void awaitPort(int port) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("mosquitto did not listen on " + port);
	}

	@AfterAll
	static void stopBroker() throws InterruptedException {
		if (broker != null) {
			broker.destroy();
			broker.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@BeforeAll
	void stream() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.organisation = this.organisations.ensure("va-" + run, "Umeå Vatten " + run);
		String username = "va.steward." + run;
		this.administration.create(this.organisation.id(), new UserAccounts.NewUser(username, "VA-ingenjör", null,
				EnumSet.of(Role.STRATEGIST), "va-steward-password-" + run), null, "test");
		this.steward = (StratlasPrincipal) this.users.loadUserByUsername(username);
		this.token = this.tokens
			.create(this.steward, "sensors", List.of(ApiTokens.Area.EXCHANGE.read(), ApiTokens.Area.EXCHANGE.write()),
					1)
			.secret();
		this.stream = this.datasets.create(this.steward,
				new DatasetDraft("Pumpstationer, Umeå (test)", "Nivå, pumpdrift och flöde per pumpstation.", "ENVI",
						"va, sensor", "CONT", Dataset.Provenance.DEVICE, "Nivågivare i pumpstationerna", "Umeå Vatten",
						Dataset.PersonalData.NONE, null, null, "", false, null),
				Right.Basis.CREATED);
		this.alarmsPerMonth = this.registry.define(this.organisation.id(),
				new IndicatorDefinition.Draft("LARM_PS", "Antal larm per pumpstation och månad", null, null, "st", 0,
						IndicatorKinds.Polarity.LOWER_IS_BETTER, IndicatorKinds.Kind.KONTEXT, IndicatorKinds.Source.OWN,
						null, false, null, null, null),
				"test");
	}

	private SensorDevice station(String code, SensorDevice.Channel... channels) {
		return this.devices.register(this.steward, this.stream.id(),
				new SensorDevice.Draft(code, "Pumpstation " + code, "2480", null, List.of(channels)));
	}

	private static SensorDevice.Channel channel(String name, String unit, SensorDevice.Rule rule,
			SensorDevice.Feed feed) {
		return new SensorDevice.Channel(0, name, unit, rule, feed);
	}

	@Test
	void theMqttPathStoresReadingsAndRaisesTheAlarmOnce() throws Exception {
		assumeTrue(broker != null, "mosquitto is installed by .ci/run (apt-get install mosquitto)");
		SensorDevice ps = station("PS-01",
				channel("level", "m", new SensorDevice.Rule(SensorDevice.Rule.Kind.ABOVE, 2.0, 20),
						new SensorDevice.Feed(this.alarmsPerMonth.id(), SensorDevice.Feed.Aggregation.ALARMS,
								SensorDevice.Feed.Per.MONTH)),
				channel("pump_running", "", new SensorDevice.Rule(SensorDevice.Rule.Kind.RUNNING_LONGER, null, 120),
						null));
		assertThat(ps.owner()).as("the device's owner from the rights register's entry").isEqualTo("Umeå Vatten");
		long level = ps.channels().stream().filter(c -> c.name().equals("level")).findFirst().orElseThrow().id();
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
		String topic = "stratlas/" + this.organisation.code() + "/" + this.stream.id() + "/PS-01/";

		MqttClient publisher = new MqttClient(brokerUrl, "publisher-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		publisher.connect(options);
		try {
			// A normal hour: the pump runs now and then, the level stays low.
			for (int i = 0; i < 6; i++) {
				Instant t = t0.plus(Duration.ofMinutes(10L * i));
				publish(publisher, topic + "level", json(t, 1.0 + i * 0.05));
				publish(publisher, topic + "pump_running", json(t, i % 2));
			}
			awaitTrue(() -> readings(level) == 6, "six level readings stored");
			assertThat(openAlarms(level)).isZero();

			// The fault: the pump stands still and the level rises over 2 m for more than
			// 20 minutes.
			for (int i = 6; i < 11; i++) {
				Instant t = t0.plus(Duration.ofMinutes(10L * i));
				publish(publisher, topic + "pump_running", json(t, 0));
				publish(publisher, topic + "level", json(t, 2.0 + (i - 5) * 0.2));
			}
			// A reading sent twice, a payload that is no number, a channel that does not
			// exist.
			publish(publisher, topic + "level", json(t0.plus(Duration.ofMinutes(100)), 3.0));
			publish(publisher, topic + "level", "ett fel".getBytes(StandardCharsets.UTF_8));
			publish(publisher, topic + "temperature", "4.5".getBytes(StandardCharsets.UTF_8));
			awaitTrue(() -> readings(level) == 11 && rejected("PS-01") == 2, "the fault stored, two rejected");
		}
		finally {
			publisher.disconnect();
			publisher.close();
		}
		assertThat(this.jdbc.sql("select count(*) from exchange_sensor_alarm where channel_id = :c")
			.param("c", level)
			.query(Integer.class)
			.single()).as("opened once, not per reading").isEqualTo(1);
		SensorAlarm alarm = this.alarms.inbox(this.steward)
			.stream()
			.filter(a -> a.device().equals("PS-01") && a.channel().equals("level"))
			.findFirst()
			.orElseThrow();
		assertThat(alarm.state()).isEqualTo(SensorAlarm.State.OPEN);
		assertThat(alarm.openedAt()).as("20 minutes above 2 m: from 60 to 80 minutes")
			.isEqualTo(t0.plus(Duration.ofMinutes(80)));
		assertThat(alarm.notifications())
			.extracting(SensorAlarm.Notification::recipient, SensorAlarm.Notification::channel)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(this.steward.username(),
							SensorAlarm.Notification.Channel.INBOX),
					org.assertj.core.groups.Tuple.tuple("log", SensorAlarm.Notification.Channel.LOG));
		ZonedDateTime month = t0.plus(Duration.ofMinutes(80)).atZone(ZoneId.of("Europe/Stockholm"));
		assertThat(this.values.series(this.alarmsPerMonth.id(), List.of("2480"), IndicatorKinds.Sex.T))
			.as("the indicator fed through the indicators module")
			.extracting(IndicatorValue::period, IndicatorValue::value)
			.contains(org.assertj.core.groups.Tuple.tuple(Period.month(month.getYear(), month.getMonthValue()), 1.0));

		SensorAlarm acknowledged = this.alarms.acknowledge(this.steward, alarm.id());
		assertThat(acknowledged.acknowledgedBy()).isEqualTo(this.steward.username());
		assertThat(acknowledged.state()).isEqualTo(SensorAlarm.State.ACKNOWLEDGED);
		assertThatThrownBy(() -> this.alarms.acknowledge(this.steward, alarm.id()))
			.isInstanceOf(ValidationException.class);

		// Back to normal: the alarm closes, and no new one opens.
		MqttClient again = new MqttClient(brokerUrl, "publisher-" + UUID.randomUUID(), new MemoryPersistence());
		again.connect(options);
		try {
			publish(again, topic + "level", json(t0.plus(Duration.ofMinutes(110)), 1.1));
			publish(again, topic + "level", json(t0.plus(Duration.ofMinutes(120)), 1.0));
			awaitTrue(() -> openAlarms(level) == 0, "the alarm closed");
		}
		finally {
			again.disconnect();
			again.close();
		}
		SensorAlarm closed = this.alarms.inbox(this.steward)
			.stream()
			.filter(a -> a.id() == alarm.id())
			.findFirst()
			.orElseThrow();
		assertThat(closed.closedAt()).isEqualTo(t0.plus(Duration.ofMinutes(110)));
		assertThat(audit(alarm.id())).containsExactly("OPENED", "ACKNOWLEDGED", "CLOSED");
	}

	@Test
	void theHttpPathStoresReadingsAllOrNoneAndRefusesABadRowAtItsIndex() throws Exception {
		SensorDevice ps = station("PS-02",
				channel("level", "m", new SensorDevice.Rule(SensorDevice.Rule.Kind.ABOVE, 2.5, 0), null),
				channel("flow", "l/s", null, null));
		long level = ps.channels().stream().filter(c -> c.name().equals("level")).findFirst().orElseThrow().id();
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(2));

		HttpResponse<String> refused = post("""
				[{"device": "PS-02", "channel": "level", "t": "%1$s", "v": 1.2},
				 {"device": "PS-02", "channel": "flow", "t": "%1$s", "v": 12.5},
				 {"device": "PS-99", "channel": "level", "t": "%1$s", "v": 1.0}]""".formatted(t0));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("readings[2]");
		assertThat(readings(level)).as("all or none").isZero();
		assertThat(post("[{\"device\": \"PS-02\", \"channel\": \"level\", \"v\": null}]").body())
			.contains("readings[0]");

		String batch = """
				[{"device": "PS-02", "channel": "level", "t": "%s", "v": 1.2},
				 {"device": "PS-02", "channel": "level", "t": "%s", "v": 1.3},
				 {"device": "PS-02", "channel": "flow", "t": "%s", "v": 12.5}]""".formatted(t0,
				t0.plus(Duration.ofMinutes(10)), t0);
		HttpResponse<String> stored = post(batch);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat(stored.body()).contains("\"stored\":3");
		assertThat(post(batch).body()).as("a repeat is stored once").contains("\"stored\":0");
		assertThat(readings(level)).isEqualTo(2);

		post("[{\"device\": \"PS-02\", \"channel\": \"level\", \"t\": \"%s\", \"v\": 2.9}]"
			.formatted(t0.plus(Duration.ofMinutes(20))));
		assertThat(openAlarms(level)).isEqualTo(1);
		post("[{\"device\": \"PS-02\", \"channel\": \"level\", \"t\": \"%s\", \"v\": 1.0}]"
			.formatted(t0.plus(Duration.ofMinutes(30))));
		assertThat(openAlarms(level)).isZero();
		// A fault that came and went within one batch still leaves its alarm.
		post("""
				[{"device": "PS-02", "channel": "level", "t": "%s", "v": 3.0},
				 {"device": "PS-02", "channel": "level", "t": "%s", "v": 1.0}]"""
			.formatted(t0.plus(Duration.ofMinutes(40)), t0.plus(Duration.ofMinutes(50))));
		assertThat(this.jdbc.sql("select count(*) from exchange_sensor_alarm where channel_id = :c")
			.param("c", level)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(openAlarms(level)).isZero();

		HttpResponse<String> page = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/exchange/streams/" + this.stream.id()))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("PS-02").contains("\"latest\":1.0");
	}

	@Test
	void aDeviceThatFallsSilentRaisesAnAlarmOnceAndClosesItWhenItReportsAgain() {
		SensorDevice ps = station("PS-03",
				channel("level", "m", new SensorDevice.Rule(SensorDevice.Rule.Kind.SILENT, null, 30), null));
		long level = ps.channels().getFirst().id();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.streams.ingest(this.steward, this.stream.id(),
				List.of(new SensorReading("PS-03", "level", now.minus(Duration.ofMinutes(10)), 1.0)));

		this.alarms.checkSilence(now);
		assertThat(openAlarms(level)).isZero();
		assertThat(this.alarms.checkSilence(now.plus(Duration.ofMinutes(40)))).isPositive();
		this.alarms.checkSilence(now.plus(Duration.ofMinutes(50)));
		assertThat(this.jdbc.sql("select count(*) from exchange_sensor_alarm where channel_id = :c")
			.param("c", level)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(openAlarms(level)).isEqualTo(1);

		this.streams.ingest(this.steward, this.stream.id(), List.of(new SensorReading("PS-03", "level", null, 1.1)));
		assertThat(openAlarms(level)).isZero();
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI
				.create("http://localhost:" + this.port + "/api/exchange/streams/" + this.stream.id() + "/readings"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void publish(MqttClient client, String topic, byte[] payload) throws Exception {
		client.publish(topic, payload, 1, false);
	}

	private static byte[] json(Instant t, double v) {
		return ("{\"t\":\"" + t + "\",\"v\":" + v + "}").getBytes(StandardCharsets.UTF_8);
	}

	private int readings(long channelId) {
		return this.jdbc.sql("select count(*) from exchange_sensor_reading where channel_id = :c")
			.param("c", channelId)
			.query(Integer.class)
			.single();
	}

	private int openAlarms(long channelId) {
		return this.jdbc.sql("select count(*) from exchange_sensor_alarm where channel_id = :c and closed_at is null")
			.param("c", channelId)
			.query(Integer.class)
			.single();
	}

	private long rejected(String device) {
		return this.jdbc.sql(
				"select coalesce(sum(count), 0) from exchange_sensor_rejection where dataset_id = :d and device = :device")
			.param("d", this.stream.id())
			.param("device", device)
			.query(Long.class)
			.single();
	}

	private List<String> audit(long alarmId) {
		return this.jdbc.sql("""
				select action from audit_event where entity_type = 'exchange_sensor_alarm' and entity_id = :id
				order by id""").param("id", String.valueOf(alarmId)).query(String.class).list();
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not in time: " + what);
			}
			Thread.sleep(100);
		}
	}

}
