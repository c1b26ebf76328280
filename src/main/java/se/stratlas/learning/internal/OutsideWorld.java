package se.stratlas.learning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.foresight.Dialogue;
import se.stratlas.foresight.Dialogues;
import se.stratlas.foresight.ScanItem;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Scenario;
import se.stratlas.foresight.Scenarios;
import se.stratlas.foresight.Workshop;
import se.stratlas.foresight.Workshops;
import se.stratlas.learning.Evidence;
import se.stratlas.learning.LearningView.Outside;

/**
 * The outside world linked to an element or the elements under it, for its learning page:
 * signals, workshops, scenarios and dialogue outcomes, newest first.
 */
@Component
public class OutsideWorld {

	private final Scanning scanning;

	private final Workshops workshops;

	private final Scenarios scenarios;

	private final Dialogues dialogues;

	OutsideWorld(Scanning scanning, Workshops workshops, Scenarios scenarios, Dialogues dialogues) {
		this.scanning = scanning;
		this.workshops = workshops;
		this.scenarios = scenarios;
		this.dialogues = dialogues;
	}

	public List<Outside> linkedTo(long org, List<UUID> keys) {
		Set<UUID> wanted = new HashSet<>(keys);
		List<Outside> outside = new ArrayList<>();
		for (ScanItem item : this.scanning.forElements(org, keys)) {
			outside.add(new Outside(Evidence.Kind.SIGNAL, item.id(), item.title(), item.description(),
					item.occurredOn() == null ? null : item.occurredOn().toString(),
					new Evidence(Evidence.Kind.SIGNAL, item.id(), item.title()).href()));
		}
		for (Workshop workshop : this.workshops.forElements(org, keys)) {
			outside.add(new Outside(Evidence.Kind.WORKSHOP, workshop.id(), workshop.name(), workshop.format(),
					workshop.heldOn() == null ? null : workshop.heldOn().toString(),
					new Evidence(Evidence.Kind.WORKSHOP, workshop.id(), workshop.name()).href()));
		}
		for (Scenario scenario : this.scenarios.list(org)) {
			if (scenario.elementKeys().stream().anyMatch(wanted::contains)) {
				outside.add(new Outside(Evidence.Kind.SCENARIO, scenario.id(), scenario.name(), scenario.narrative(),
						scenario.horizonYear() == null ? null : String.valueOf(scenario.horizonYear()),
						new Evidence(Evidence.Kind.SCENARIO, scenario.id(), scenario.name()).href()));
			}
		}
		for (Dialogue dialogue : this.dialogues.list(org)) {
			for (Dialogue.Track track : dialogue.tracks()) {
				if (track.elementKeys().stream().anyMatch(wanted::contains)) {
					outside.add(new Outside(Evidence.Kind.DIALOGUE, dialogue.id(),
							dialogue.name() + ": " + track.question(), track.outcome(),
							dialogue.heldOn() == null ? null : dialogue.heldOn().toString(),
							new Evidence(Evidence.Kind.DIALOGUE, dialogue.id(), dialogue.name()).href()));
				}
			}
		}
		outside.sort(Comparator.comparing(Outside::date, Comparator.nullsLast(Comparator.reverseOrder())));
		return outside;
	}

}
