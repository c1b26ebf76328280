package se.stratlas.initiatives;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.areas.Areas;
import se.stratlas.initiatives.Parts.Contribution;
import se.stratlas.shared.tables.Table;

/**
 * The initiative list as a table for download: one row per initiative with its unit,
 * municipalities, primary contribution, budget and co-financing share, types and statuses
 * in the reader's language.
 */
@Component
@Transactional(readOnly = true)
public class InitiativeExport {

	private static final List<String> COLUMNS = List.of("id", "namn", "akronym", "typ", "status", "startdatum",
			"slutdatum", "enhet", "kommuner", "primärt bidrag", "budget_sek", "medfinansieringsandel");

	private final InitiativeCatalog catalog;

	private final OrganisationUnits units;

	private final Areas areas;

	private final MessageSource messages;

	InitiativeExport(InitiativeCatalog catalog, OrganisationUnits units, Areas areas, MessageSource messages) {
		this.catalog = catalog;
		this.units = units;
		this.areas = areas;
		this.messages = messages;
	}

	/** The initiatives the filter finds, as a table. */
	public Table table(long organisationId, InitiativeFilter filter, Locale locale) {
		List<InitiativeDetails> details = this.catalog.details(organisationId,
				this.catalog.find(organisationId, filter));
		Map<Long, String> unitNames = this.units.names(organisationId);
		return new Table(message("initiatives.title", locale), COLUMNS, details.stream().map(d -> {
			Initiative i = d.initiative();
			Contribution primary = d.primaryContribution();
			return List.<Object>of(i.id(), i.name(), nz(i.acronym()), message(i.type().messageKey(), locale),
					message(i.status().messageKey(), locale), nz(i.startDate()), nz(i.endDate()),
					i.ownerUnitId() == null ? "" : unitNames.getOrDefault(i.ownerUnitId(), ""),
					String.join(", ", i.areaCodes().stream().map(this.areas::name).toList()),
					primary == null || primary.label() == null ? "" : primary.strategyCode() + " " + primary.label(),
					d.totalFunding(), Math.round(d.coFinancingShare() * 1000) / 1000.0);
		}).toList());
	}

	private static Object nz(Object value) {
		return value == null ? "" : value;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
