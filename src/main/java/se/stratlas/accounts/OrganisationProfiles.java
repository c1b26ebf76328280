package se.stratlas.accounts;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.Edit;
import se.stratlas.shared.EditConflictException;
import se.stratlas.shared.ValidationException;

/**
 * The organisation's profile page, kept by its administrator, each answer in one call:
 * the organisation, its history and the areas its home area can be.
 */
@Component
public class OrganisationProfiles {

	private final Organisations organisations;

	private final AuditTrail audit;

	private final Areas areas;

	OrganisationProfiles(Organisations organisations, AuditTrail audit, Areas areas) {
		this.organisations = organisations;
		this.audit = audit;
		this.areas = areas;
	}

	/**
	 * The profile page: the organisation, its history, the counties and municipalities.
	 */
	public record ProfilePage(Organisation organisation, List<AuditEvent> history, List<Area> counties,
			List<Area> municipalities) {
	}

	public ProfilePage page(long organisationId) {
		return new ProfilePage(this.organisations.get(organisationId),
				this.audit.history("organisation", organisationId), this.areas.counties(), this.areas.municipalities());
	}

	/**
	 * The platform's list of organisations: each with its home area's name, and the
	 * counties and municipalities a new one's home area can be.
	 */
	public record PlatformPage(List<Organisation> organisations, Map<String, String> areaNames, List<Area> counties,
			List<Area> municipalities) {
	}

	public PlatformPage platformPage() {
		return new PlatformPage(this.organisations.all(),
				this.areas.all().stream().collect(Collectors.toMap(Area::code, Area::name)), this.areas.counties(),
				this.areas.municipalities());
	}

	/**
	 * Changes the profile; on a validation failure or a conflict the page again (after a
	 * conflict with the current organisation as {@code theirs}).
	 */
	public Edit<ProfilePage, Organisation> save(long organisationId, int expectedVersion, Organisation.Profile profile,
			String actor) {
		try {
			return Edit.done(this.organisations.update(organisationId, expectedVersion, profile, actor));
		}
		catch (ValidationException ex) {
			return Edit.invalid(page(organisationId), ex);
		}
		catch (EditConflictException ex) {
			ProfilePage page = page(organisationId);
			return Edit.conflict(page, page.organisation());
		}
	}

}
