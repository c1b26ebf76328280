package se.stratlas.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An alarm raised when a channel's rule tripped: opened once, acknowledged by a user,
 * closed when the value is back to normal (or the silent device reports again), with
 * every notification: who was told, how and when.
 */
public record SensorAlarm(long id, long datasetId, String datasetTitle, String device, String deviceName,
		String channel, String unit, SensorDevice.Rule rule, Instant openedAt, @Nullable Double value,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Instant closedAt,
		List<Notification> notifications) {

	public SensorAlarm {
		notifications = List.copyOf(notifications);
	}

	/** Where the alarm stands. */
	public State state() {
		return this.closedAt != null ? State.CLOSED : this.acknowledgedAt != null ? State.ACKNOWLEDGED : State.OPEN;
	}

	/** Where an alarm stands. */
	public enum State {

		OPEN, ACKNOWLEDGED, CLOSED;

		public String messageKey() {
			return "exchange.alarm.state." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One telling of the alarm: to whom, how (the in-app inbox or the log) and when. */
	public record Notification(String recipient, Channel channel, Instant sentAt) {

		/** How someone was told. */
		public enum Channel {

			INBOX, LOG;

			public String messageKey() {
				return "exchange.alarm.channel." + name().toLowerCase(Locale.ROOT);
			}

		}

	}

}
