package se.stratlas.exchange;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One reading of a device's channel: the time it was measured (the time it was received
 * when the sender gives none) and the value.
 */
public record SensorReading(String device, String channel, @Nullable Instant t, @Nullable Double v) {
}
