package se.stratlas.exchange;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A device of a live sensor stream (a pumping station, say): its code in the stream's
 * MQTT topics, its name, the area it stands in, who owns it (the rights register names
 * the owner of the devices of machine data), and its channels.
 */
public record SensorDevice(long id, long datasetId, String code, String name, String areaCode, String owner,
		List<Channel> channels) {

	public SensorDevice {
		channels = List.copyOf(channels);
	}

	/** What a steward registers: a device with its channels. */
	public record Draft(String code, String name, String areaCode, @Nullable String owner,
			@Nullable List<Channel> channels) {
	}

	/**
	 * One measured quantity (level in m, pump running 0/1, flow in l/s, power in kW), its
	 * alarm rule and the indicator it feeds, if any. The id is 0 in a draft.
	 */
	public record Channel(long id, String name, String unit, @Nullable Rule rule, @Nullable Feed feed) {
	}

	/**
	 * When an alarm opens: the value above or below the threshold for the minutes given,
	 * a pump running (value 1) longer than the minutes, or no reading for the minutes.
	 */
	public record Rule(Kind kind, @Nullable Double threshold, @Nullable Integer minutes) {

		/** The kind of rule. */
		public enum Kind {

			ABOVE, BELOW, RUNNING_LONGER, SILENT;

			public String messageKey() {
				return "exchange.sensor.rule." + name().toLowerCase(Locale.ROOT);
			}

		}

		/** Whether a value breaks the rule (never for a silence rule). */
		public boolean broken(double value) {
			return switch (this.kind) {
				case ABOVE -> this.threshold != null && value > this.threshold;
				case BELOW -> this.threshold != null && value < this.threshold;
				case RUNNING_LONGER -> value >= 0.5;
				case SILENT -> false;
			};
		}

	}

	/**
	 * How the channel feeds an indicator of the organisation: the number of alarms, or
	 * the mean or greatest value, per month or year and per the device's area.
	 */
	public record Feed(long indicatorId, Aggregation aggregation, Per per) {

		/** What is computed. */
		public enum Aggregation {

			ALARMS, MEAN, MAX;

			public String messageKey() {
				return "exchange.sensor.aggregation." + name().toLowerCase(Locale.ROOT);
			}

		}

		/** The period of a value. */
		public enum Per {

			MONTH, YEAR;

			public String messageKey() {
				return "exchange.sensor.per." + name().toLowerCase(Locale.ROOT);
			}

		}

	}

}
