package se.stratlas.initiatives;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnit;
import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.actors.ActorRegistry;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditTrail;
import se.stratlas.initiatives.Kinds.Decision;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.AssessmentLevel;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;

/**
 * What the pages of one initiative and of one application show, each gathered in one
 * call.
 */
@Component
@Transactional(readOnly = true)
public class InitiativePages {

	private final InitiativeCatalog catalog;

	private final InitiativeManagement management;

	private final InitiativeChoices choices;

	private final StrategyCatalog strategies;

	private final ActorRegistry actors;

	private final OrganisationUnits units;

	private final Areas areas;

	private final AuditTrail audit;

	private final Applications applications;

	InitiativePages(InitiativeCatalog catalog, InitiativeManagement management, InitiativeChoices choices,
			StrategyCatalog strategies, ActorRegistry actors, OrganisationUnits units, Areas areas, AuditTrail audit,
			Applications applications) {
		this.applications = applications;
		this.catalog = catalog;
		this.management = management;
		this.choices = choices;
		this.strategies = strategies;
		this.actors = actors;
		this.units = units;
		this.areas = areas;
		this.audit = audit;
	}

	/**
	 * The page of one initiative, assessed against the strategy asked for (else the one
	 * {@link InitiativeChoices#assessing} picks).
	 */
	public InitiativePage page(StratlasPrincipal user, long id, Long strategyId) {
		long organisationId = user.organisationId();
		InitiativeDetails details = this.catalog.details(organisationId, id);
		Initiative initiative = details.initiative();
		Strategy assessing = this.choices.assessing(organisationId, strategyId);
		List<AssessmentLevel> scale = assessing == null ? List.of() : this.strategies.assessmentScale(assessing.id());
		return new InitiativePage(details, this.management.mayEdit(user, initiative), assessing,
				this.choices.own(organisationId),
				assessing == null ? List.of() : this.strategies.directions(organisationId, assessing.id()), scale,
				assessing == null ? Map.of() : InitiativePage.levelNames(scale),
				InitiativePage.byDirection(details.assessments()), this.choices.contributionTargets(organisationId),
				this.actors.actors(organisationId), initiative.areaCodes().stream().map(this.areas::name).toList(),
				initiative.ownerUnitId() == null ? null
						: this.units.names(organisationId).get(initiative.ownerUnitId()),
				initiative.predecessorId() == null ? null
						: this.catalog.get(organisationId, initiative.predecessorId()),
				this.catalog.find(organisationId, InitiativeFilter.none())
					.stream()
					.filter(i -> Long.valueOf(id).equals(i.predecessorId()))
					.toList(),
				this.audit.history(InitiativeManagement.ENTITY, id));
	}

	/** The initiatives the one being edited (null: a new one) can follow. */
	public List<Initiative> possiblePredecessors(long organisationId, Initiative initiative) {
		return this.catalog.find(organisationId, InitiativeFilter.none())
			.stream()
			.filter(i -> initiative == null || i.id() != initiative.id())
			.toList();
	}

	/**
	 * The page of one application; it can be assessed (rapportör) and decided (granskare)
	 * until it is decided.
	 */
	public ApplicationPage applicationPage(StratlasPrincipal user, long id) {
		long organisationId = user.organisationId();
		Application application = this.applications.get(organisationId, id);
		List<AssessmentLevel> scale = this.strategies.assessmentScale(application.strategyId());
		boolean open = application.decision() == Decision.INKOMMEN;
		return new ApplicationPage(application, this.strategies.strategy(organisationId, application.strategyId()),
				this.strategies.directions(organisationId, application.strategyId()), scale,
				InitiativePage.levelNames(scale),
				InitiativePage.byDirection(this.applications.assessments(organisationId, id)),
				this.applications.gate(organisationId, id), open && user.can(Role.REPORTER),
				open && user.can(Role.REVIEWER), this.audit.history(Applications.ENTITY, id));
	}

	/** The initiative list: the initiatives the filter lets through and the filters. */
	public record ListPage(List<Initiative> initiatives, InitiativeChoices.Filters filters) {
	}

	/**
	 * The form of an initiative (null: a new one): the units it may belong to, the
	 * municipalities by county and the initiatives it can follow.
	 */
	public record FormPage(Initiative initiative, List<OrganisationUnit> units,
			Map<String, List<Area>> municipalityGroups, List<Initiative> others) {
	}

	public ListPage list(long organisationId, InitiativeFilter filter) {
		return new ListPage(this.catalog.find(organisationId, filter), this.choices.filters(organisationId));
	}

	/** The form for a new initiative (id null) or for changing one. */
	public FormPage form(long organisationId, Long id, Locale locale) {
		Initiative initiative = id == null ? null : this.catalog.get(organisationId, id);
		return new FormPage(initiative, this.units.list(organisationId),
				this.choices.municipalityGroups(organisationId, locale),
				possiblePredecessors(organisationId, initiative));
	}

	/** Registers an initiative from its form; on a validation failure the form again. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Edit<FormPage, Initiative> create(StratlasPrincipal user, InitiativeDraft draft, Locale locale) {
		try {
			return Edit.done(this.management.create(user, draft));
		}
		catch (ValidationException ex) {
			return Edit.invalid(form(user.organisationId(), null, locale), ex);
		}
	}

	/** Changes an initiative from its form; on a failure or a conflict the form again. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Edit<FormPage, Initiative> update(StratlasPrincipal user, long id, int expectedVersion,
			InitiativeDraft draft, Locale locale) {
		this.catalog.get(user.organisationId(), id);
		try {
			return Edit.done(this.management.update(user, id, expectedVersion, draft));
		}
		catch (ValidationException ex) {
			return Edit.invalid(form(user.organisationId(), id, locale), ex);
		}
		catch (EditConflictException ex) {
			return Edit.conflict(form(user.organisationId(), id, locale), (Initiative) ex.current());
		}
	}

}
