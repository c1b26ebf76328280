package se.stratlas.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Role;
import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.AccessApplications;
import se.stratlas.health.Application;
import se.stratlas.health.HealthCatalog;
import se.stratlas.health.HealthDataset;
import se.stratlas.health.HealthDataset.Variable;
import se.stratlas.health.HealthSource;

/**
 * The demo's health data, entirely synthetic and labelled so: a 1177 Vårdguiden contact
 * register and a care-episode register for the county's municipalities with a few
 * thousand generated people (a fixed seed; person ids of the form SYNT-000001, never a
 * personnummer), a few deliberate faults so the quality label has something to find, one
 * approved application and one refused with its motivation.
 */
@Component
class DemoHealth {

	static final String NOTE = "genererade personer och händelser för demonstrationen; ingen verklig person.";

	private static final int PEOPLE = 2000;

	private static final String[] DIAGNOSES = { "J06.9", "I10", "E11.9", "F32.1", "M54.5", "K35.8", "S52.5", "I48",
			"J45.9", "N39.0" };

	private static final String[] PROCEDURES = { "JAH01", "NFB49", "AF021", "DT001", "TNX30", "QDB00" };

	private static final String[] CHANNELS = { "telefon", "chatt", "e-tjänst" };

	private final HealthCatalog catalog;

	private final AccessApplications applications;

	private final Areas areas;

	DemoHealth(HealthCatalog catalog, AccessApplications applications, Areas areas) {
		this.catalog = catalog;
		this.applications = applications;
		this.areas = areas;
	}

	boolean loaded() {
		return this.catalog.sources().stream().anyMatch(s -> NOTE.equals(s.demoNote()));
	}

	void load(Organisation region, Organisation other) {
		DemoFollowup.Actor steward = new DemoFollowup.Actor(region.id(), "sara.strateg", Role.STRATEGIST);
		String county = this.areas.countyOf(region.homeArea());
		List<String> municipalities = this.areas.municipalitiesOf(county).stream().map(Area::code).toList();
		Random random = new Random(19);
		LocalDate today = this.applications.today();

		HealthSource vardguiden = this.catalog.createSource(steward,
				new HealthSource.Draft("1177 Vårdguiden (syntetisk)", "Regionens hälso- och sjukvård",
						"Kontakter via 1177 på telefon, i chatt och i e-tjänster.", DatasetDraft.LegalBasis.PUBLIC_TASK,
						DatasetDraft.SpecialBasis.HEALTH_CARE, "DAILY", HealthSource.ResearchLink.NOT_LINKED,
						"Ingen forskningskoppling ännu."),
				NOTE);
		HealthDataset contacts = this.catalog.createDataset(steward, new HealthDataset.Draft(vardguiden.id(),
				"Kontaktregister 1177 (syntetisk)", "En rad per kontakt: vem, när, från vilken kommun, varför och hur.",
				HealthDataset.Sensitivity.HIGH, HealthDataset.Category.HEALTH, "1177:s kontaktsystem", county, null,
				List.of(new Variable("person_id", Variable.Type.TEXT, "", Variable.CodeSystem.NONE, true, null,
						"Syntetiskt personid (SYNT-nnnnnn), aldrig ett personnummer"),
						new Variable("kontaktdatum", Variable.Type.DATE, "", Variable.CodeSystem.NONE, false, null, ""),
						new Variable("kommun", Variable.Type.CODE, "", Variable.CodeSystem.MUNICIPALITY, false, null,
								"Kommunkod"),
						new Variable("kontaktorsak", Variable.Type.CODE, "", Variable.CodeSystem.ICD10SE, false, null,
								"Bedömd orsak"),
						new Variable("kanal", Variable.Type.TEXT, "", Variable.CodeSystem.NONE, false, null, ""))),
				NOTE);
		List<List<String>> contactRows = new ArrayList<>();
		contactRows.add(List.of("person_id", "kontaktdatum", "kommun", "kontaktorsak", "kanal"));
		for (int i = 0; i < PEOPLE; i++) {
			String person = person(i);
			String municipality = municipalities.get(random.nextInt(municipalities.size()));
			contactRows.add(List.of(person, today.minusDays(1 + random.nextInt(365)).toString(), municipality,
					i % 97 == 0 ? "" : DIAGNOSES[random.nextInt(DIAGNOSES.length)],
					CHANNELS[random.nextInt(CHANNELS.length)]));
		}
		this.catalog.load(steward, contacts, "kontakter-syntetiska.csv", contactRows);

		HealthSource system = this.catalog.createSource(steward,
				new HealthSource.Draft("Vårdadministrativt system (syntetiskt)", "Regionens hälso- och sjukvård",
						"Vårdepisoder i slutenvården med diagnos och åtgärd.", DatasetDraft.LegalBasis.PUBLIC_TASK,
						DatasetDraft.SpecialBasis.HEALTH_CARE, "MONTHLY", HealthSource.ResearchLink.LINKED,
						"Kopplad till forskning via ett regionalt registercentrum (exempel)."),
				NOTE);
		HealthDataset episodes = this.catalog.createDataset(steward,
				new HealthDataset.Draft(system.id(), "Vårdepisoder (syntetisk)",
						"En rad per vårdepisod: kommun, in- och utskrivning, huvuddiagnos, åtgärd och vårdtid.",
						HealthDataset.Sensitivity.HIGH, HealthDataset.Category.HEALTH,
						"Vårdadministrativt system, månadsuttag", county, null,
						List.of(new Variable("person_id", Variable.Type.TEXT, "", Variable.CodeSystem.NONE, true, null,
								"Syntetiskt personid (SYNT-nnnnnn)"),
								new Variable("kommun", Variable.Type.CODE, "", Variable.CodeSystem.MUNICIPALITY, false,
										null, ""),
								new Variable("startdatum", Variable.Type.DATE, "", Variable.CodeSystem.NONE, false,
										null, "Inskrivning"),
								new Variable("slutdatum", Variable.Type.DATE, "", Variable.CodeSystem.NONE, false,
										"startdatum", "Utskrivning"),
								new Variable("diagnos", Variable.Type.CODE, "", Variable.CodeSystem.ICD10SE, false,
										null, "Huvuddiagnos"),
								new Variable("atgard", Variable.Type.CODE, "", Variable.CodeSystem.KVA, false, null,
										"Åtgärd (KVÅ)"),
								new Variable("vardtid", Variable.Type.INTEGER, "dagar", Variable.CodeSystem.NONE, false,
										null, ""))),
				NOTE);
		List<List<String>> episodeRows = new ArrayList<>();
		episodeRows.add(List.of("person_id", "kommun", "startdatum", "slutdatum", "diagnos", "atgard", "vardtid"));
		for (int i = 0; i < PEOPLE; i++) {
			int episodes2 = 1 + random.nextInt(2);
			String municipality = municipalities.get(random.nextInt(municipalities.size()));
			for (int e = 0; e < episodes2; e++) {
				LocalDate start = today.minusDays(3 + random.nextInt(700));
				int days = random.nextInt(12);
				// A few deliberate faults: an end before the start, a malformed code.
				LocalDate end = i % 211 == 0 ? start.minusDays(1) : start.plusDays(days);
				episodeRows.add(List.of(person(i), municipality, start.toString(), end.toString(),
						i % 151 == 0 ? "X9" : DIAGNOSES[random.nextInt(DIAGNOSES.length)],
						PROCEDURES[random.nextInt(PROCEDURES.length)], Integer.toString(days)));
			}
		}
		this.catalog.load(steward, episodes, "vardepisoder-syntetiska.csv", episodeRows);

		DemoFollowup.Actor researcher = new DemoFollowup.Actor(region.id(), "lars.lasare", Role.READER);
		Instant now = Instant.now();
		Application approved = this.applications.apply(researcher,
				new Application.Draft("Återinskrivning efter hjärtsvikt (syntetiskt exempel)",
						"Hur ofta skrivs patienter in igen inom 30 dagar, per kommun och år?", "Dnr 2026-01234-01",
						DatasetDraft.LegalBasis.PUBLIC_TASK, DatasetDraft.SpecialBasis.RESEARCH, 36,
						"Lars Läsare (huvudsökande) och en statistiker vid forskningsenheten", "greta.granskare",
						List.of(new Application.Chosen(episodes.id(), "kommun"),
								new Application.Chosen(episodes.id(), "startdatum"),
								new Application.Chosen(episodes.id(), "slutdatum"),
								new Application.Chosen(episodes.id(), "diagnos"))),
				now.minus(Duration.ofDays(45)), NOTE);
		this.applications.ask(steward, approved.id(),
				new Application.Note(approved.version(), "Behövs utskrivningsdatum, eller räcker vårdtid i dagar?"));
		Application asked = this.applications.answer(researcher, approved.id(),
				new Application.Note(approved.version() + 1, "Datum behövs för att räkna 30 dagar till nästa episod."));
		this.applications.decide(steward, approved.id(), new Application.Decision(asked.version(), true,
				List.of(Application.Check.values()),
				"Etikgodkännande finns, variablerna är de syftet kräver och utdata granskas av en annan person.",
				today.plusYears(1)));

		DemoFollowup.Actor outsider = new DemoFollowup.Actor(other.id(), "nils.strateg", Role.STRATEGIST);
		Application refused = this.applications.apply(outsider,
				new Application.Draft("Kontaktorsaker i 1177 per kommun (syntetiskt exempel)",
						"Kartlägga kontaktorsaker för att planera hälsocentralernas bemanning.", "Dnr 2026-04321-02",
						DatasetDraft.LegalBasis.PUBLIC_TASK, DatasetDraft.SpecialBasis.PUBLIC_HEALTH, 24,
						"Nils Strateg", "anna.admin",
						List.of(new Application.Chosen(contacts.id(), "kontaktdatum"),
								new Application.Chosen(contacts.id(), "kommun"),
								new Application.Chosen(contacts.id(), "kontaktorsak"))),
				now.minus(Duration.ofDays(70)), NOTE);
		this.applications.decide(steward, refused.id(),
				new Application.Decision(refused.version(), false, List.of(),
						"Syftet är verksamhetsplanering, inte forskning: etikgodkännandet täcker det inte, och "
								+ "planeringen klarar sig med den publicerade statistiken per kommun och månad.",
						null));
	}

	private static String person(int i) {
		return "SYNT-%06d".formatted(i + 1);
	}

}
