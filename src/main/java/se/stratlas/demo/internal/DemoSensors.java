package se.stratlas.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Role;
import se.stratlas.exchange.Dataset;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.exchange.Datasets;
import se.stratlas.exchange.Right;
import se.stratlas.exchange.SensorAlarm;
import se.stratlas.exchange.SensorAlarms;
import se.stratlas.exchange.SensorDevice;
import se.stratlas.exchange.SensorDevices;
import se.stratlas.exchange.SensorReading;
import se.stratlas.exchange.SensorStreams;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds;
import se.stratlas.indicators.IndicatorRegistry;

/**
 * The demo's live sensor stream, every reading invented and labelled so: three of Umeå's
 * pumping stations (seed 001's RIOT pre-study) with level, pump, flow and power, a day of
 * readings every ten minutes up to the load, generated from a formula (the same every
 * time, not by a timer), and one fault: at PS-02 the pump stops in the last two hours and
 * the level rises over the threshold, which opened an alarm that Sara has acknowledged.
 * The level channels feed an invented indicator of alarms per month.
 */
@Component
class DemoSensors {

	static final String TITLE = "Pumpstationer, Umeå (simulerade)";

	static final String NOTE = "påhittade mätvärden för demonstrationen; stationerna och felet är simulerade.";

	private static final int STEPS = 144;

	private static final int FAULT_FROM = 132;

	private final Datasets datasets;

	private final SensorDevices devices;

	private final SensorStreams streams;

	private final SensorAlarms alarms;

	private final IndicatorRegistry registry;

	DemoSensors(Datasets datasets, SensorDevices devices, SensorStreams streams, SensorAlarms alarms,
			IndicatorRegistry registry) {
		this.datasets = datasets;
		this.devices = devices;
		this.streams = streams;
		this.alarms = alarms;
		this.registry = registry;
	}

	boolean loaded(long organisationId) {
		return this.datasets.own(actor(organisationId)).stream().anyMatch(d -> d.title().equals(TITLE));
	}

	private static DemoFollowup.Actor actor(long organisationId) {
		return new DemoFollowup.Actor(organisationId, "sara.strateg", Role.STRATEGIST);
	}

	void load(Organisation vasterbotten) {
		DemoFollowup.Actor sara = actor(vasterbotten.id());
		Dataset stream = this.datasets.create(sara,
				new DatasetDraft(TITLE,
						"Nivå i sumpen, pumpdrift, utflöde och effekt var tionde minut från tre avloppspumpstationer, "
								+ "som en ström i det regiongemensamma informationslagret: larm vid fel i stället för "
								+ "besök på rutin.",
						"ENVI", "va, sensor, larm, RIOT, MQTT", "CONT", Dataset.Provenance.DEVICE,
						"Nivågivare, flödesmätare och elmätare i pumpstationerna, via MQTT", "Umeå kommun",
						Dataset.PersonalData.NONE, null, null, "Simulerade värden.", false, null),
				Right.Basis.CREATED, NOTE);
		IndicatorDefinition alarmsPerMonth = this.registry.findByCode(vasterbotten.id(), "DEMO_PS_LARM")
			.orElseGet(() -> this.registry.define(vasterbotten.id(),
					new IndicatorDefinition.Draft("DEMO_PS_LARM", "Larm från pumpstationerna per månad (påhittade)",
							null, NOTE, "st", 0, IndicatorKinds.Polarity.LOWER_IS_BETTER, IndicatorKinds.Kind.KONTEXT,
							IndicatorKinds.Source.OWN, null, false, null, null, null),
					DemoRegion.ACTOR));
		this.registry.labelDemo(vasterbotten.id(), alarmsPerMonth.id(), NOTE);
		for (int station = 1; station <= 3; station++) {
			this.devices.register(sara, stream.id(), new SensorDevice.Draft("PS-0" + station,
					List.of("Holmsund", "Teg", "Ersboda").get(station - 1), "2480", null, List.of(
							new SensorDevice.Channel(0, "level", "m",
									new SensorDevice.Rule(SensorDevice.Rule.Kind.ABOVE, 2.0, 20),
									new SensorDevice.Feed(alarmsPerMonth.id(), SensorDevice.Feed.Aggregation.ALARMS,
											SensorDevice.Feed.Per.MONTH)),
							new SensorDevice.Channel(0, "pump_running", "",
									new SensorDevice.Rule(SensorDevice.Rule.Kind.RUNNING_LONGER, null, 180), null),
							new SensorDevice.Channel(0, "flow", "l/s", null, null),
							new SensorDevice.Channel(0, "power", "kW", null, null))));
		}
		Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
		Instant start = end.minus(Duration.ofMinutes(10L * (STEPS - 1)));
		// One batch, as a gateway would send a day it had held back: the rules replay it
		// in
		// time order, so the fault opens its alarm as it did when it grew.
		List<SensorReading> readings = new ArrayList<>();
		for (int step = 0; step < STEPS; step++) {
			Instant t = start.plus(Duration.ofMinutes(10L * step));
			for (int station = 1; station <= 3; station++) {
				readings.addAll(readings("PS-0" + station, station, step, t));
			}
		}
		this.streams.ingest(sara, stream.id(), readings);
		this.alarms.inbox(sara)
			.stream()
			.filter(a -> a.datasetId() == stream.id() && a.state() == SensorAlarm.State.OPEN)
			.forEach(a -> this.alarms.acknowledge(sara, a.id()));
	}

	/** One station's readings at a step: a slow swell, the pump running when high. */
	static List<SensorReading> readings(String device, int station, int step, Instant t) {
		boolean fault = station == 2 && step >= FAULT_FROM;
		double level = fault ? 1.5 + 0.1 * (step - FAULT_FROM + 1)
				: 1.15 + 0.05 * station + 0.3 * Math.sin(2 * Math.PI * (step + 7 * station) / 36.0);
		boolean pump = !fault && level > 1.35;
		double flow = pump ? 14 + 2 * station + 0.5 * Math.cos(step / 5.0) : 0;
		double power = pump ? 6.5 + station * 0.5 : 0.2;
		return List.of(new SensorReading(device, "level", t, round(level)),
				new SensorReading(device, "pump_running", t, pump ? 1.0 : 0.0),
				new SensorReading(device, "flow", t, round(flow)), new SensorReading(device, "power", t, round(power)));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
