package se.stratlas.exchange.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.stratlas.exchange.SensorAlarms;
import se.stratlas.exchange.SensorStreams;
import se.stratlas.shared.ImportBusyException;
import se.stratlas.shared.JobRunner;

/**
 * Receives the live streams' readings from an MQTT broker
 * ({@code stratlas.sensors.mqtt.url}, e.g. {@code tcp://broker:1883}; empty, the default,
 * leaves it off) with Eclipse Paho: QoS 1, a persistent session (clean session false)
 * under a fixed client id, so the broker keeps the readings sent while Stratlas was away,
 * and automatic reconnection. User name and password come from the environment
 * ({@code STRATLAS_SENSORS_MQTT_USERNAME}, {@code STRATLAS_SENSORS_MQTT_PASSWORD}). A
 * payload that cannot be read is counted per device and logged; nothing a sender does
 * stops the subscriber. Also checks every minute for devices gone silent.
 */
@Component
public class MqttSubscriber implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);

	private final SensorStreams streams;

	private final JobRunner jobs;

	private final SensorAlarms alarms;

	private final String url;

	private final String clientId;

	private final String username;

	private final String password;

	private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();

	private volatile MqttClient client;

	private volatile boolean connectedOnce;

	MqttSubscriber(SensorStreams streams, SensorAlarms alarms, JobRunner jobs,
			@Value("${stratlas.sensors.mqtt.url:}") String url,
			@Value("${stratlas.sensors.mqtt.client-id:stratlas}") String clientId,
			@Value("${stratlas.sensors.mqtt.username:}") String username,
			@Value("${stratlas.sensors.mqtt.password:}") String password) {
		this.streams = streams;
		this.alarms = alarms;
		this.jobs = jobs;
		this.url = url;
		this.clientId = clientId;
		this.username = username;
		this.password = password;
	}

	@Override
	public void start() {
		if (this.url.isBlank()) {
			return;
		}
		try {
			MqttClient mqtt = new MqttClient(this.url, this.clientId, new MemoryPersistence());
			mqtt.setCallback(new Callback(mqtt));
			MqttConnectOptions options = new MqttConnectOptions();
			options.setAutomaticReconnect(true);
			options.setCleanSession(false);
			options.setConnectionTimeout(10);
			if (!this.username.isBlank()) {
				options.setUserName(this.username);
				options.setPassword(this.password.toCharArray());
			}
			this.client = mqtt;
			mqtt.connect(options);
		}
		catch (MqttException ex) {
			// The broker may come later: Paho reconnects only after a first connection,
			// so the next silence check tries again.
			log.warn("MQTT broker {} not reached: {}", this.url, ex.getMessage());
		}
	}

	@Override
	public void stop() {
		MqttClient mqtt = this.client;
		this.client = null;
		if (mqtt == null) {
			return;
		}
		try {
			if (mqtt.isConnected()) {
				mqtt.disconnect(2000);
			}
			mqtt.close();
		}
		catch (MqttException ex) {
			log.debug("MQTT client closed: {}", ex.getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.client != null;
	}

	/** How many payloads from each device could not be read since the start. */
	public Map<String, Long> rejected() {
		Map<String, Long> counts = new ConcurrentHashMap<>();
		this.rejected.forEach((device, count) -> counts.put(device, count.get()));
		return counts;
	}

	@Scheduled(fixedDelayString = "${stratlas.sensors.silence-every:60s}",
			initialDelayString = "${stratlas.sensors.silence-every:60s}")
	void everyMinute() {
		try {
			// Through the one job runner, as all background work.
			this.jobs.run("sensor-silence", () -> {
				this.alarms.checkSilence();
				return null;
			});
		}
		catch (ImportBusyException ex) {
			log.debug("The job runner is full; silent devices are looked for next round");
		}
		catch (RuntimeException ex) {
			log.warn("The silence check failed; tried again next round", ex);
		}
		MqttClient mqtt = this.client;
		if (mqtt != null && !this.connectedOnce && !mqtt.isConnected()) {
			stop();
			start();
		}
	}

	private final class Callback implements MqttCallbackExtended {

		private final MqttClient mqtt;

		Callback(MqttClient mqtt) {
			this.mqtt = mqtt;
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
			MqttSubscriber.this.connectedOnce = true;
			try {
				this.mqtt.subscribe(MqttSubscriber.this.streams.topicFilter(), 1);
				log.info("MQTT {} to {}, subscribed to {}", reconnect ? "reconnected" : "connected", serverUri,
						MqttSubscriber.this.streams.topicFilter());
			}
			catch (MqttException ex) {
				log.warn("MQTT subscription failed: {}", ex.getMessage());
			}
		}

		@Override
		public void connectionLost(Throwable cause) {
			log.warn("MQTT connection lost ({}); reconnecting", cause == null ? "?" : cause.getMessage());
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			try {
				SensorStreams.Received received = MqttSubscriber.this.streams.receive(topic, message.getPayload());
				if (received == SensorStreams.Received.REJECTED || received == SensorStreams.Received.UNKNOWN_TOPIC) {
					String[] parts = topic.split("/");
					String device = parts.length > 3 ? parts[3] : topic;
					long count = MqttSubscriber.this.rejected.computeIfAbsent(device, d -> new AtomicLong())
						.incrementAndGet();
					log.warn("MQTT reading on {} not stored ({}), {} from this device so far", topic, received, count);
				}
			}
			catch (RuntimeException ex) {
				log.error("MQTT reading on {} failed", topic, ex);
			}
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

	}

}
