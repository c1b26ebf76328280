package se.stratlas.learning.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import se.stratlas.followup.Contribution;
import se.stratlas.followup.Contributions;
import se.stratlas.foresight.Dialogues;
import se.stratlas.foresight.Scanning;
import se.stratlas.foresight.Scenarios;
import se.stratlas.foresight.Workshops;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.initiatives.InitiativeCatalog;
import se.stratlas.learning.Evidence;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Turns what a form or the API cites ({@code INDICATOR:12}, {@code SIGNAL:7}) into
 * evidence with its label, asking the module that owns it; evidence of another
 * organisation, or that does not exist, is refused on the field {@code evidence}.
 */
@Component
public class EvidenceLabels {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final IndicatorRegistry indicators;

	private final InitiativeCatalog initiatives;

	private final Contributions contributions;

	private final Scanning scanning;

	private final Workshops workshops;

	private final Scenarios scenarios;

	private final Dialogues dialogues;

	EvidenceLabels(IndicatorRegistry indicators, InitiativeCatalog initiatives, Contributions contributions,
			Scanning scanning, Workshops workshops, Scenarios scenarios, Dialogues dialogues) {
		this.indicators = indicators;
		this.initiatives = initiatives;
		this.contributions = contributions;
		this.scanning = scanning;
		this.workshops = workshops;
		this.scenarios = scenarios;
		this.dialogues = dialogues;
	}

	/** The cited evidence, each once, in the order given. */
	public List<Evidence> resolve(long organisationId, List<String> tokens) {
		List<Evidence> evidence = new ArrayList<>();
		if (tokens == null) {
			return evidence;
		}
		for (String token : new LinkedHashSet<>(tokens)) {
			if (token == null || token.isBlank()) {
				continue;
			}
			evidence.add(resolve(organisationId, token.strip()));
		}
		if (evidence.size() > 20) {
			throw new ValidationException("evidence", "learning.evidence.tooMany");
		}
		return evidence;
	}

	private Evidence resolve(long organisationId, String token) {
		int colon = token.indexOf(':');
		try {
			Evidence.Kind kind = Evidence.Kind.valueOf(token.substring(0, Math.max(colon, 0)));
			long id = Long.parseLong(token.substring(colon + 1));
			return new Evidence(kind, id, label(organisationId, kind, id));
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			throw new ValidationException("evidence", "learning.evidence.unknown", token);
		}
	}

	private String label(long organisationId, Evidence.Kind kind, long id) {
		return switch (kind) {
			case INDICATOR -> {
				var indicator = this.indicators.get(organisationId, id);
				yield indicator.code() + " " + indicator.name(SWEDISH);
			}
			case INITIATIVE -> this.initiatives.get(organisationId, id).name();
			case TEXT -> {
				Contribution contribution = this.contributions.get(organisationId, id);
				yield this.contributions.section(contribution).title() + " ("
						+ this.contributions.cycle(contribution).name() + ")";
			}
			case SIGNAL -> this.scanning.get(organisationId, id).title();
			case WORKSHOP -> this.workshops.get(organisationId, id).name();
			case SCENARIO -> this.scenarios.get(organisationId, id).name();
			case DIALOGUE -> this.dialogues.get(organisationId, id).name();
		};
	}

}
