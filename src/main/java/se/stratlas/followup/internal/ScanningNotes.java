package se.stratlas.followup.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.followup.ContributionPage;
import se.stratlas.followup.Kinds.SectionTopic;
import se.stratlas.followup.Section;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshops;
import se.stratlas.strategy.StrategyCatalog;

/**
 * What omvärldsbevakning offers a section of a priority: the scanned signals and SWOT
 * workshops linked to the priority (or the elements under it), as a list and as Markdown
 * ready to insert into the text.
 */
@Component
public class ScanningNotes {

	private final StrategyCatalog strategies;

	private final Scanning scanning;

	private final Workshops workshops;

	ScanningNotes(StrategyCatalog strategies, Scanning scanning, Workshops workshops) {
		this.strategies = strategies;
		this.scanning = scanning;
		this.workshops = workshops;
	}

	/**
	 * Whether a section asks for omvärldsbevakning: an outside-world section of a
	 * strategy element, whatever its title.
	 */
	static boolean scans(Section section) {
		return section.elementKey() != null && section.topic() == SectionTopic.OUTSIDE_WORLD;
	}

	/**
	 * The notes for a section, or null when it does not ask for omvärldsbevakning or
	 * nothing is linked to its element.
	 */
	public ContributionPage.Scanning forSection(long organisationId, Section section) {
		if (!scans(section)) {
			return null;
		}
		Set<UUID> keys = new HashSet<>();
		this.strategies.latestElement(organisationId, section.elementKey())
			.ifPresent(element -> this.strategies.elements(organisationId, element.versionId())
				.stream()
				.filter(e -> e.path().startsWith(element.path()))
				.forEach(e -> keys.add(e.key())));
		keys.add(section.elementKey());
		List<ScanItem> items = this.scanning.forElements(organisationId, keys);
		List<Workshop> linked = this.workshops.forElements(organisationId, keys);
		if (items.isEmpty() && linked.isEmpty()) {
			return null;
		}
		StringBuilder markdown = new StringBuilder();
		for (ScanItem item : items) {
			markdown.append("\n- **").append(item.title()).append("**");
			if (item.occurredOn() != null) {
				markdown.append(" (").append(item.occurredOn().getYear()).append(")");
			}
			if (item.description() != null) {
				String first = item.description().split("(?<=\\.)\\s", 2)[0];
				markdown.append(": ").append(first);
			}
			if (item.sourceUrl() != null) {
				markdown.append(" [Källa](").append(item.sourceUrl()).append(")");
			}
		}
		List<String> swots = new ArrayList<>();
		for (Workshop workshop : linked) {
			var swot = this.workshops.swot(organisationId, workshop.id());
			String line = workshop.name() + ": möjligheter: " + texts(swot.get(Quadrant.OPPORTUNITY)) + "; hot: "
					+ texts(swot.get(Quadrant.THREAT));
			swots.add(line);
			markdown.append("\n- SWOT ").append(line);
		}
		return new ContributionPage.Scanning(items, swots, markdown.append("\n").toString());
	}

	private static String texts(List<SwotItem> items) {
		return String.join("; ", items.stream().map(SwotItem::text).toList());
	}

}
