package se.stratlas.exchange;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A live stream's page: its devices, each channel's latest value and its last 24 hours as
 * a line, the alarms and the payloads that could not be read.
 */
public record StreamPage(long datasetId, String title, @Nullable String demoNote, String topicPrefix,
		List<DeviceView> devices, List<SensorAlarm> alarms, List<Rejection> rejections) {

	/** A device and its channels. */
	public record DeviceView(SensorDevice device, List<ChannelView> channels) {
	}

	/**
	 * A channel's latest reading and the last 24 hours as SVG polyline points in a 240 by
	 * 60 box, with the least and greatest value.
	 */
	public record ChannelView(SensorDevice.Channel channel, @Nullable Instant latestAt, @Nullable Double latest,
			int readings, @Nullable Double least, @Nullable Double greatest, String points) {
	}

	/**
	 * Payloads from a device that could not be read: how many, the last reason and when.
	 */
	public record Rejection(String device, long count, String lastReason, Instant lastAt) {
	}

}
