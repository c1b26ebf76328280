package se.stratlas.foresight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.shared.tables.Table;

/**
 * Foresight as tables for download (scanned items, scenarios and dimensions, a dialogue,
 * a workshop's SWOT) and the scanned items by year for the timeline.
 */
@Component
@Transactional(readOnly = true)
public class ForesightExports {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final Scanning scanning;

	private final Scenarios scenarios;

	private final Workshops workshops;

	private final Dialogues dialogues;

	private final ForesightChoices choices;

	private final MessageSource messages;

	ForesightExports(Scanning scanning, Scenarios scenarios, Workshops workshops, Dialogues dialogues,
			ForesightChoices choices, MessageSource messages) {
		this.dialogues = dialogues;
		this.scanning = scanning;
		this.scenarios = scenarios;
		this.workshops = workshops;
		this.choices = choices;
		this.messages = messages;
	}

	/** The items with a date by year, latest year first. */
	public static Map<Integer, List<ScanItem>> timeline(List<ScanItem> items) {
		Map<Integer, List<ScanItem>> byYear = new TreeMap<>(Comparator.reverseOrder());
		items.stream()
			.filter(i -> i.occurredOn() != null)
			.forEach(i -> byYear.computeIfAbsent(i.occurredOn().getYear(), k -> new ArrayList<>()).add(i));
		return byYear;
	}

	/**
	 * Every scanned item of the organisation, labelled in Swedish as the export's reader
	 * reads it.
	 */
	public Table items(long organisationId) {
		Map<UUID, String> labels = this.choices.labels(organisationId);
		List<List<Object>> rows = new ArrayList<>();
		for (ScanItem i : this.scanning.list(organisationId, Scanning.Filter.none())) {
			rows.add(List.of(i.title(), label(i.kind().messageKey()), label(i.scope().messageKey()),
					i.occurredOn() == null ? "" : i.occurredOn(), label(i.effect().messageKey()), i.strength(),
					label(i.horizon().messageKey()), String.join(", ", i.tags()),
					String.join("; ", i.elementKeys().stream().map(k -> labels.getOrDefault(k, k.toString())).toList()),
					i.sourceUrl() == null ? "" : i.sourceUrl(), i.description() == null ? "" : i.description()));
		}
		return new Table("omvärldsbevakning", List.of("rubrik", "slag", "räckvidd", "datum", "effekt", "styrka",
				"tidshorisont", "taggar", "strategielement", "källa", "beskrivning"), rows);
	}

	/** The scenarios, then the dimensions with their factors. */
	public Table scenarios(long organisationId) {
		Map<UUID, String> labels = this.choices.labels(organisationId);
		List<List<Object>> rows = new ArrayList<>();
		for (Scenario s : this.scenarios.list(organisationId)) {
			rows.add(List.of(s.project() == null ? "" : s.project(), s.name(),
					s.horizonYear() == null ? "" : s.horizonYear(), s.narrative() == null ? "" : s.narrative(),
					String.join("; ", s.preconditions()), String.join("; ", s.consequences()), String.join("; ",
							s.elementKeys().stream().map(k -> labels.getOrDefault(k, k.toString())).toList())));
		}
		for (Scenario.Dimension d : this.scenarios.dimensions(organisationId)) {
			rows.add(List.of(d.project() == null ? "" : d.project(), "Dimension: " + d.name(), "", "",
					String.join("; ", d.factors()), "", ""));
		}
		return new Table("scenarier", List.of("projekt", "scenario", "horisont", "berättelse",
				"förutsättningar / faktorer", "konsekvenser", "strategielement"), rows);
	}

	/** A download of several tables, with the title of the workbook. */
	public record Workbook(String title, List<Table> tables) {
	}

	/** A dialogue's tracks with their outcomes, and its agenda, titled by its name. */
	public Workbook dialogue(long organisationId, long id) {
		Dialogue dialogue = this.dialogues.get(organisationId, id);
		List<List<Object>> agenda = dialogue.agenda()
			.stream()
			.map(a -> List.<Object>of(a.startsAt() == null ? "" : a.startsAt().toString(),
					a.endsAt() == null ? "" : a.endsAt().toString(), a.title(),
					a.speakers() == null ? "" : a.speakers()))
			.toList();
		List<List<Object>> tracks = dialogue.tracks()
			.stream()
			.map(t -> List.<Object>of(t.position(), t.question(), t.facilitator() == null ? "" : t.facilitator(),
					t.outcome() == null ? "" : t.outcome(), t.nextSteps() == null ? "" : t.nextSteps()))
			.toList();
		return new Workbook(dialogue.name(),
				List.of(new Table("spår", List.of("nr", "fråga", "samtalsledare", "resultat", "nästa steg"), tracks),
						new Table("program", List.of("start", "slut", "punkt", "medverkande"), agenda)));
	}

	/**
	 * A workshop's SWOT: one column per quadrant, headed in the reader's language, titled
	 * by the workshop's name.
	 */
	public Workbook swot(long organisationId, long workshopId, Locale locale) {
		Workshop workshop = this.workshops.get(organisationId, workshopId);
		Map<Quadrant, List<SwotItem>> swot = this.workshops.swot(organisationId, workshopId);
		List<String> headers = new ArrayList<>();
		for (Quadrant quadrant : Quadrant.values()) {
			headers.add(this.messages.getMessage(quadrant.messageKey(), null, quadrant.name(), locale));
		}
		int rows = swot.values().stream().mapToInt(List::size).max().orElse(0);
		List<List<Object>> table = new ArrayList<>();
		for (int r = 0; r < rows; r++) {
			List<Object> row = new ArrayList<>();
			for (Quadrant quadrant : Quadrant.values()) {
				List<SwotItem> items = swot.get(quadrant);
				row.add(r < items.size() ? items.get(r).text() : "");
			}
			table.add(row);
		}
		return new Workbook("SWOT: " + workshop.name(), List.of(new Table("SWOT " + workshop.name(), headers, table)));
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, SWEDISH);
	}

}
