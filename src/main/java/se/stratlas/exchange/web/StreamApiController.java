package se.stratlas.exchange.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.SensorAlarm;
import se.stratlas.exchange.SensorAlarms;
import se.stratlas.exchange.SensorDevice;
import se.stratlas.exchange.SensorDevices;
import se.stratlas.exchange.SensorReading;
import se.stratlas.exchange.SensorStreams;
import se.stratlas.exchange.StreamPage;

/** Live sensor streams in the JSON API: devices, readings over HTTP and alarms. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Exchange streams", description = "Live sensor streams of the exchange: devices, readings, alarms")
class StreamApiController {

	/** How many readings were received and how many were new. */
	record Ingested(Integer received, Integer stored) {
	}

	private final SensorDevices devices;

	private final SensorStreams streams;

	private final SensorAlarms alarms;

	StreamApiController(SensorDevices devices, SensorStreams streams, SensorAlarms alarms) {
		this.devices = devices;
		this.streams = streams;
		this.alarms = alarms;
	}

	@GetMapping("/streams/{id}")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeStream",
			summary = "A live stream: its devices, each channel's latest value and last 24 hours, alarms")
	StreamPage stream(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.devices.page(user, id);
	}

	@PostMapping("/streams/{id}/devices")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "registerExchangeSensorDevice",
			summary = "Registers a device of a stream of machine data with its channels, rules and indicator feeds")
	SensorDevice register(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody SensorDevice.Draft draft) {
		return this.devices.register(user, id, draft);
	}

	@PostMapping("/streams/{id}/readings")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "postExchangeSensorReadings",
			summary = "Stores readings (at most 5000), all or none; 422 at the first bad row; a repeat is stored once")
	Ingested readings(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id,
			@RequestBody List<SensorReading> readings) {
		return new Ingested(readings == null ? 0 : readings.size(), this.streams.ingest(user, id, readings));
	}

	@GetMapping("/alarms")
	@PreAuthorize("hasRole('READER')")
	@Operation(operationId = "exchangeSensorAlarms",
			summary = "The alarms of the organisation's streams with who was told and when, newest first")
	List<SensorAlarm> alarms(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.alarms.inbox(user);
	}

	@PostMapping("/alarms/{id}/acknowledgement")
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "acknowledgeExchangeSensorAlarm", summary = "Acknowledges an alarm: who and when")
	SensorAlarm acknowledge(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long id) {
		return this.alarms.acknowledge(user, id);
	}

}
