package se.stratlas.foresight;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.foresight.ForesightChoices.ElementChoice;
import se.stratlas.foresight.Workshop.Quadrant;
import se.stratlas.foresight.Workshop.SwotItem;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;

/**
 * What each foresight screen shows, in one piece: the record asked for together with the
 * strategy elements to link it to and the other choices its forms offer.
 */
@Component
@Transactional(readOnly = true)
public class ForesightPages {

	/** A workshop with its SWOT, quadrant by quadrant. */
	public record WorkshopWithSwot(Workshop workshop, Map<Quadrant, List<SwotItem>> swot) {
	}

	/**
	 * The workshop screen: the workshop, its SWOT, its area's name and element labels.
	 */
	public record WorkshopPage(Workshop workshop, Map<Quadrant, List<SwotItem>> swot, String areaName,
			Map<UUID, String> labels) {
	}

	/**
	 * The workshops screen: the workshops, their shared themes and the form's choices.
	 */
	public record WorkshopsPage(List<Workshop> workshops, List<Workshops.Theme> themes, List<Area> municipalities,
			List<ElementChoice> choices) {
	}

	/** The workshop form: the workshop (none for a new one) and its choices. */
	public record WorkshopForm(Workshop workshop, List<Area> municipalities, List<ElementChoice> choices) {
	}

	/** The scanned items matching a filter, with the elements to filter and link by. */
	public record ItemsPage(List<ScanItem> items, List<ElementChoice> choices, Map<UUID, String> labels) {
	}

	/** The dialogue screen: the dialogue, the elements and the items a track can name. */
	public record DialoguePage(Dialogue dialogue, List<ElementChoice> choices, Map<UUID, String> labels,
			List<ScanItem> items) {
	}

	/** The scenarios screen: all, the ones compared, the dimensions and the elements. */
	public record ScenariosPage(List<Scenario> scenarios, List<Scenario> compared, List<Scenario.Dimension> dimensions,
			List<ElementChoice> choices, Map<UUID, String> labels) {

		/** Whether any scenario is placed in the cross of the two uncertainties. */
		public boolean placed() {
			return this.scenarios.stream().anyMatch(Scenario::placed);
		}

	}

	/** The scenario form: the scenario and the elements to link it to. */
	public record ScenarioForm(Scenario scenario, List<ElementChoice> choices) {
	}

	/** One search across signals, SWOT items, scenarios and dialogues. */
	public record SearchResults(List<ScanItem> items, List<Map.Entry<Workshop, SwotItem>> swot,
			List<Scenario> scenarios, List<Dialogue> dialogues) {
	}

	private final Workshops workshops;

	private final Scanning scanning;

	private final Dialogues dialogues;

	private final Scenarios scenarios;

	private final ForesightChoices choices;

	private final Areas areas;

	ForesightPages(Workshops workshops, Scanning scanning, Dialogues dialogues, Scenarios scenarios,
			ForesightChoices choices, Areas areas) {
		this.workshops = workshops;
		this.scanning = scanning;
		this.dialogues = dialogues;
		this.scenarios = scenarios;
		this.choices = choices;
		this.areas = areas;
	}

	public WorkshopWithSwot workshopWithSwot(long organisationId, long id) {
		return new WorkshopWithSwot(this.workshops.get(organisationId, id), this.workshops.swot(organisationId, id));
	}

	public WorkshopPage workshop(long organisationId, long id) {
		Workshop workshop = this.workshops.get(organisationId, id);
		return new WorkshopPage(workshop, this.workshops.swot(organisationId, id),
				workshop.areaCode() == null ? null : this.areas.name(workshop.areaCode()),
				this.choices.labels(organisationId));
	}

	public WorkshopsPage workshops(long organisationId) {
		return new WorkshopsPage(this.workshops.list(organisationId), this.workshops.themes(organisationId),
				this.areas.municipalities(), this.choices.elements(organisationId));
	}

	public WorkshopForm workshopForm(long organisationId, long id) {
		return new WorkshopForm(this.workshops.get(organisationId, id), this.areas.municipalities(),
				this.choices.elements(organisationId));
	}

	public ItemsPage items(long organisationId, Scanning.Filter filter) {
		List<ElementChoice> choices = this.choices.elements(organisationId);
		return new ItemsPage(this.scanning.list(organisationId, filter), choices, ForesightChoices.labels(choices));
	}

	public DialoguePage dialogue(long organisationId, long id) {
		List<ElementChoice> choices = this.choices.elements(organisationId);
		return new DialoguePage(this.dialogues.get(organisationId, id), choices, ForesightChoices.labels(choices),
				this.scanning.list(organisationId, Scanning.Filter.none()));
	}

	/** The scenarios screen; {@code compare} names the scenarios side by side, if any. */
	public ScenariosPage scenarios(long organisationId, List<Long> compare) {
		List<ElementChoice> choices = this.choices.elements(organisationId);
		return new ScenariosPage(this.scenarios.list(organisationId), this.scenarios.compare(organisationId, compare),
				this.scenarios.dimensions(organisationId), choices, ForesightChoices.labels(choices));
	}

	public SearchResults search(long organisationId, String q) {
		return new SearchResults(this.scanning.list(organisationId, new Scanning.Filter(q, null, null, null, null)),
				this.workshops.search(organisationId, q), this.scenarios.search(organisationId, q),
				this.dialogues.search(organisationId, q));
	}

	public ScenarioForm scenarioForm(long organisationId, long id) {
		return new ScenarioForm(this.scenarios.get(organisationId, id), this.choices.elements(organisationId));
	}

	/** A scan item's form: the item (null: a new one) and the elements it may concern. */
	public record ScanItemForm(ScanItem item, List<ElementChoice> choices) {
	}

	public ScanItemForm scanItemForm(long organisationId, Long id) {
		return new ScanItemForm(id == null ? null : this.scanning.get(organisationId, id),
				this.choices.elements(organisationId));
	}

	/**
	 * Changes a scan item from its form; on a validation failure or a conflict the form
	 * again (after a conflict with the current item as {@code theirs}).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Edit<ScanItemForm, ScanItem> updateScanItem(StratlasPrincipal user, long id, int expectedVersion,
			ScanItem.Draft draft) {
		this.scanning.get(user.organisationId(), id);
		try {
			return Edit.done(this.scanning.update(user, id, expectedVersion, draft));
		}
		catch (ValidationException ex) {
			return Edit.invalid(scanItemForm(user.organisationId(), id), ex);
		}
		catch (EditConflictException ex) {
			ScanItemForm form = scanItemForm(user.organisationId(), id);
			return Edit.conflict(form, form.item());
		}
	}

}
