package se.stratlas.archive.internal;

import java.util.List;
import java.util.Map;

/**
 * Which rows of which table belong to an organisation, in the order a restore writes them
 * (every table after the tables it refers to). {@code :org} stands for the organisation's
 * id. A table of the schema must be either here or in {@link #LEFT_OUT}, with the reason:
 * {@code OrganisationArchiveIT} fails for a new table that is in neither.
 */
public final class ArchiveTables {

	/**
	 * One table of the archive and the condition that selects the organisation's rows.
	 */
	public record ArchiveTable(String name, String where) {

		public String condition(long organisationId) {
			return this.where.replace(":org", Long.toString(organisationId));
		}

	}

	private static final String STRATEGIES = "select id from strategy_strategy where organisation_id = :org";

	private static final String INITIATIVES = "select id from initiatives_initiative where organisation_id = :org";

	private static final String INDICATORS = "select id from indicators_definition where organisation_id = :org";

	private static final String CYCLES = "select id from followup_cycle where organisation_id = :org";

	private static final String CONTRIBUTIONS = "select id from followup_contribution where organisation_id = :org";

	private static final String DATASETS = "select id from exchange_dataset where organisation_id = :org";

	private static final String DEVICES = "select id from exchange_sensor_device where dataset_id in (" + DATASETS
			+ ")";

	private static final String CHANNELS = "select id from exchange_sensor_channel where device_id in (" + DEVICES
			+ ")";

	private static final String HEALTH_DATASETS = "select id from health_dataset where organisation_id = :org";

	/**
	 * Why applications for health data stay: an application is between the organisation
	 * that holds the data and an applicant who may be of another organisation, like a
	 * deal in the exchange.
	 */
	private static final String HEALTH_ACCESS = "applications between the data holder and an applicant of any organisation: they stay with the instance";

	public static final List<ArchiveTable> TABLES = List.of(owned("accounts_organisation", "id = :org"),
			owned("accounts_unit"), owned("accounts_user"), owned("audit_event"),

			owned("strategy_strategy"), of("strategy_version", "strategy_id", STRATEGIES),
			of("strategy_element", "version_id",
					"select id from strategy_version where strategy_id in (" + STRATEGIES + ")"),
			owned("strategy_element_link"), of("strategy_assessment_level", "strategy_id", STRATEGIES),
			of("strategy_level", "strategy_id", STRATEGIES),

			owned("actors_actor"), owned("actors_contact"), owned("actors_partnership"),
			of("actors_partnership_member", "partnership_id",
					"select id from actors_partnership where organisation_id = :org"),

			owned("initiatives_initiative"), of("initiatives_participant", "initiative_id", INITIATIVES),
			of("initiatives_funding", "initiative_id", INITIATIVES),
			of("initiatives_contribution", "initiative_id", INITIATIVES), owned("initiatives_application"),
			new ArchiveTable("initiatives_assessment", "initiative_id in (" + INITIATIVES
					+ ") or application_id in (select id from initiatives_application where organisation_id = :org)"),
			of("initiatives_sdg_effect", "initiative_id", INITIATIVES),

			owned("indicators_import_run"), owned("indicators_definition"),
			of("indicators_value", "indicator_id", INDICATORS),
			of("indicators_value_history", "indicator_id", INDICATORS),
			of("indicators_target", "indicator_id", INDICATORS), owned("indicators_area_group"),
			owned("indicators_scb_subscription"),

			owned("followup_cycle"), of("followup_section", "cycle_id", CYCLES), owned("followup_contribution"),
			of("followup_revision", "contribution_id", CONTRIBUTIONS),
			of("followup_comment", "contribution_id", CONTRIBUTIONS), of("followup_product", "cycle_id", CYCLES),
			of("followup_product_section", "product_id",
					"select id from followup_product where cycle_id in (" + CYCLES + ")"),
			of("followup_product_freeze", "contribution_id", CONTRIBUTIONS),
			of("followup_product_block", "product_id",
					"select id from followup_product where cycle_id in (" + CYCLES + ")"),
			owned("followup_notice"), owned("followup_unit_figures"),

			owned("reports_edition"), owned("reports_logo"),

			owned("foresight_item"), owned("foresight_workshop"),
			of("foresight_swot_item", "workshop_id", "select id from foresight_workshop where organisation_id = :org"),
			owned("foresight_scenario"), owned("foresight_dimension"), owned("foresight_event"),
			of("foresight_agenda_item", "event_id", "select id from foresight_event where organisation_id = :org"),
			of("foresight_track", "event_id", "select id from foresight_event where organisation_id = :org"),

			owned("learning_assessment"), owned("learning_lesson"), owned("learning_proposal"),
			new ArchiveTable("learning_evidence",
					"lesson_id in (select id from learning_lesson where organisation_id = :org)"
							+ " or proposal_id in (select id from learning_proposal where organisation_id = :org)"),

			owned("exchange_acceptance"), owned("exchange_dataset"), of("exchange_field", "dataset_id", DATASETS),
			of("exchange_file", "dataset_id", DATASETS),
			new ArchiveTable("exchange_right", "deal_id is null and dataset_id in (" + DATASETS + ")"),
			of("exchange_donor", "dataset_id", DATASETS),
			of("exchange_consent", "donor_id", "select id from exchange_donor where dataset_id in (" + DATASETS + ")"),
			of("exchange_distribution", "dataset_id", DATASETS), owned("exchange_altruism"),
			of("exchange_sensor_device", "dataset_id", DATASETS), of("exchange_sensor_channel", "device_id", DEVICES),
			of("exchange_sensor_reading", "channel_id", CHANNELS), of("exchange_sensor_alarm", "channel_id", CHANNELS),
			of("exchange_sensor_notification", "alarm_id",
					"select id from exchange_sensor_alarm where channel_id in (" + CHANNELS + ")"),
			of("exchange_sensor_rejection", "dataset_id", DATASETS), owned("health_source"), owned("health_dataset"),
			of("health_variable", "dataset_id", HEALTH_DATASETS), of("health_load", "dataset_id", HEALTH_DATASETS),
			of("health_row", "dataset_id", HEALTH_DATASETS));

	/**
	 * Why the exchange's market records stay with the exchange: a listing's bids, a deal,
	 * its ledger and its access log belong to two organisations at once, and an archive
	 * of one of them could not be restored without the other; the rights a deal granted
	 * go with the deal.
	 */
	private static final String MARKET = "records of the exchange between two organisations: they stay with the exchange";

	/** Tables that are not the organisation's, and why. */
	public static final Map<String, String> LEFT_OUT = Map.ofEntries(
			Map.entry("areas_area",
					"reference data: Sweden, its counties and municipalities, loaded at start in every instance"),
			Map.entry("spring_session", "sign-ins of this instance; a restored instance starts with none"),
			Map.entry("spring_session_attributes", "sign-ins of this instance"),
			Map.entry("shared_instance", "the heartbeats of running instances"),
			Map.entry("flyway_schema_history",
					"the schema's own history; the archive names its schema version instead"),
			Map.entry("accounts_api_token",
					"personal API tokens are credentials of this instance: a restored organisation's users make new ones"),
			Map.entry("exchange_rulebook", "the exchange's general terms, written by the migrations in every instance"),
			Map.entry("exchange_listing", MARKET), Map.entry("exchange_bid", MARKET),
			Map.entry("exchange_deal", MARKET), Map.entry("exchange_ledger", MARKET),
			Map.entry("exchange_access", MARKET), Map.entry("exchange_deal_consent", MARKET),
			Map.entry("exchange_access_key",
					"a buyer's key to a deal's data API is a credential of this instance, like an API token"),
			Map.entry("health_application", HEALTH_ACCESS), Map.entry("health_application_variable", HEALTH_ACCESS),
			Map.entry("health_message", HEALTH_ACCESS));

	private ArchiveTables() {
	}

	private static ArchiveTable owned(String name) {
		return new ArchiveTable(name, "organisation_id = :org");
	}

	private static ArchiveTable owned(String name, String where) {
		return new ArchiveTable(name, where);
	}

	private static ArchiveTable of(String name, String column, String parents) {
		return new ArchiveTable(name, column + " in (" + parents + ")");
	}

}
