package se.stratlas.health;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.exchange.DatasetDraft;
import se.stratlas.health.HealthDataset.Variable;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.ImportRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health data on the real database: a small synthetic file's quality label against a hand
 * count, the application flow with its rules (output checker, direct identifiers, the
 * checklist, the end date), expired access refused, every step in the audit log, and the
 * synthetic demo with its open-data overview.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HealthIT {

	record Person(long organisationId, String username, Role role) implements StratlasPrincipal {

		@Override
		public long userId() {
			return 0;
		}

		@Override
		public String displayName() {
			return this.username;
		}

		@Override
		public Set<Role> roles() {
			return Set.of(this.role);
		}

	}

	@Autowired
	HealthCatalog catalog;

	@Autowired
	AccessApplications applications;

	@Autowired
	Availability availability;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	private long region() {
		return this.organisations.findByCode("vasterbotten").orElseThrow().id();
	}

	private Person steward() {
		return new Person(region(), "sara.strateg", Role.STRATEGIST);
	}

	private HealthDataset episodes(String title) {
		Person steward = steward();
		HealthSource source = this.catalog.createSource(steward,
				new HealthSource.Draft("Testkälla (syntetisk) " + title, "Regionen", null,
						DatasetDraft.LegalBasis.PUBLIC_TASK, DatasetDraft.SpecialBasis.HEALTH_CARE, "MONTHLY",
						HealthSource.ResearchLink.NOT_LINKED, null),
				"test");
		return this.catalog.createDataset(steward, new HealthDataset.Draft(source.id(), title, null,
				HealthDataset.Sensitivity.HIGH, HealthDataset.Category.HEALTH, "testfil", "24", null,
				List.of(new Variable("person_id", Variable.Type.TEXT, "", Variable.CodeSystem.NONE, true, null, ""),
						new Variable("kommun", Variable.Type.CODE, "", Variable.CodeSystem.MUNICIPALITY, false, null,
								""),
						new Variable("start", Variable.Type.DATE, "", Variable.CodeSystem.NONE, false, null, ""),
						new Variable("slut", Variable.Type.DATE, "", Variable.CodeSystem.NONE, false, "start", ""),
						new Variable("diagnos", Variable.Type.CODE, "", Variable.CodeSystem.ICD10SE, false, null, ""),
						new Variable("atgard", Variable.Type.CODE, "", Variable.CodeSystem.KVA, false, null, ""),
						new Variable("vardtid", Variable.Type.INTEGER, "dagar", Variable.CodeSystem.NONE, false, null,
								""))),
				"test");
	}

	private static String d(int daysAgo) {
		return LocalDate.now().minusDays(daysAgo).toString();
	}

	@Test
	void theQualityLabelMatchesAHandCountOfASmallSyntheticFile() {
		HealthDataset dataset = episodes("Handräknad (syntetisk)");
		String csv = String.join("\n", "person_id;kommun;start;slut;diagnos;atgard;vardtid",
				"SYNT-1;2480;" + d(10) + ";" + d(8) + ";I10;JAH01;2",
				"SYNT-2;2482;" + d(20) + ";" + d(15) + ";E11.9;AF021;5",
				"SYNT-3;2481;" + d(5) + ";" + d(6) + ";J45.9;DT001;x",
				"SYNT-4;2480;" + d(3) + ";" + d(1) + ";X9;JAH01;2",
				"SYNT-5;9999;" + d(30) + ";" + d(29) + ";K35.8;ZZ;1", "SYNT-6;2401;" + d(40) + ";;M54.5;;",
				"SYNT-1;2480;" + d(10) + ";" + d(8) + ";I10;JAH01;2", "SYNT-7;;" + d(50) + ";" + d(45) + ";;NFB49;5",
				"SYNT-8;2403;" + d(60) + ";" + d(59) + ";S52.5;QDB00;1",
				"SYNT-1;2480;" + d(12) + ";" + d(11) + ";I48;JAH01;1");
		QualityLabel label = this.catalog.load(steward(), dataset.id(), "hand.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		// By hand: ten rows; one empty value each in kommun, slut, diagnos, atgard and
		// vardtid.
		assertThat(label.rows()).isEqualTo(10);
		assertThat(label.completeness()).containsEntry("person_id", new BigDecimal("1.0000"))
			.containsEntry("kommun", new BigDecimal("0.9000"))
			.containsEntry("start", new BigDecimal("1.0000"))
			.containsEntry("slut", new BigDecimal("0.9000"))
			.containsEntry("diagnos", new BigDecimal("0.9000"))
			.containsEntry("atgard", new BigDecimal("0.9000"))
			.containsEntry("vardtid", new BigDecimal("0.9000"));
		// Row 7 repeats row 1: 9 distinct rows and 9 distinct person and start keys.
		assertThat(label.rowUniqueness()).isEqualByComparingTo("0.9");
		assertThat(label.keyUniqueness()).isEqualByComparingTo("0.9");
		// Checked values: kommun 8/9 (9999), start 10/10, slut 9/9, diagnos 8/9 (X9),
		// atgard 8/9 (ZZ), vardtid 8/9 (x): 51 of 55.
		assertThat(label.validityByVariable()).containsEntry("kommun", new BigDecimal("0.8889"))
			.containsEntry("diagnos", new BigDecimal("0.8889"))
			.containsEntry("atgard", new BigDecimal("0.8889"))
			.containsEntry("vardtid", new BigDecimal("0.8889"))
			.containsEntry("slut", new BigDecimal("1.0000"))
			.doesNotContainKey("person_id");
		assertThat(label.validity()).isEqualByComparingTo("0.9273");
		// The newest date is an end one day ago.
		assertThat(label.timelinessDays()).isEqualTo(1L);
		// 2480, 2482, 2481, 2401 and 2403 of the county's 15 municipalities.
		assertThat(label.coverage()).isEqualByComparingTo("0.3333");
		// Nine rows have both dates; row 3 ends before it starts.
		assertThat(label.consistency()).isEqualByComparingTo("0.8889");
		assertThat(label.score()).isEqualByComparingTo("0.3333");
		assertThat(label.belowThreshold()).isTrue();
		assertThat(this.catalog.dataset(dataset.id()).marked()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from health_row where load_id = :id")
			.param("id", label.loadId())
			.query(Integer.class)
			.single()).isEqualTo(10);

		// A second load is a second entry in the label's history.
		this.catalog.load(steward(), dataset.id(), "hand2.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(this.catalog.dataset(dataset.id()).labels()).hasSize(2);
	}

	@Test
	void aFileWithAnUnknownOrMissingColumnIsRefusedWithWhere() {
		HealthDataset dataset = episodes("Fel kolumner (syntetisk)");
		assertThatThrownBy(() -> this.catalog.load(steward(), dataset.id(), "fel.csv",
				"person_id;okand\nSYNT-1;x\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(ImportRefusedException.class)
			.satisfies(ex -> assertThat(((ImportRefusedException) ex).problems()).isNotEmpty());
		Person reader = new Person(region(), "lars.lasare", Role.READER);
		assertThatThrownBy(() -> this.catalog.load(reader, dataset.id(), "x.csv", new byte[0]))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void anApplicationIsReviewedDecidedAuditedAndExpires() {
		HealthDataset dataset = episodes("Ansökningsflöde (syntetisk)");
		Person researcher = new Person(region(), "lars.lasare", Role.READER);
		Person steward = steward();
		List<Application.Chosen> chosen = List.of(new Application.Chosen(dataset.id(), "kommun"),
				new Application.Chosen(dataset.id(), "diagnos"));

		assertThatThrownBy(() -> this.applications.apply(researcher, draft("lars.lasare", chosen)))
			.isInstanceOf(ValidationException.class)
			.satisfies(ex -> assertThat(((ValidationException) ex).violations().getFirst().messageKey())
				.isEqualTo("health.application.checkerIsApplicant"));
		assertThatThrownBy(() -> this.applications.apply(researcher,
				draft("greta.granskare", List.of(new Application.Chosen(dataset.id(), "person_id")))))
			.isInstanceOf(ValidationException.class)
			.satisfies(ex -> assertThat(((ValidationException) ex).violations().getFirst().messageKey())
				.isEqualTo("health.application.identifier"));
		Application.Draft badDnr = new Application.Draft("Projekt", "Syfte", "2026-1234",
				DatasetDraft.LegalBasis.PUBLIC_TASK, DatasetDraft.SpecialBasis.RESEARCH, 12, "Lars", "greta.granskare",
				chosen);
		assertThatThrownBy(() -> this.applications.apply(researcher, badDnr)).isInstanceOf(ValidationException.class);

		Application applied = this.applications.apply(researcher, draft("greta.granskare", chosen));
		assertThat(applied.status()).isEqualTo(Application.Status.SUBMITTED);
		assertThat(applied.organisationId()).isEqualTo(region());

		// A steward of another organisation sees nothing of it.
		long other = this.organisations.findByCode("norrbotten").orElseThrow().id();
		Person outsider = new Person(other, "nils.strateg", Role.STRATEGIST);
		assertThatThrownBy(() -> this.applications.get(outsider, applied.id())).isInstanceOf(NotFoundException.class);
		// The applicant cannot decide.
		assertThatThrownBy(() -> this.applications.decide(researcher, applied.id(), new Application.Decision(null, true,
				List.of(Application.Check.values()), "ja", LocalDate.now().plusDays(30))))
			.isInstanceOf(NotFoundException.class);

		Application asked = this.applications.ask(steward, applied.id(),
				new Application.Note(applied.version(), "Varför behövs diagnos?"));
		assertThat(asked.status()).isEqualTo(Application.Status.QUESTIONED);
		Application answered = this.applications.answer(researcher, applied.id(),
				new Application.Note(asked.version(), "För att avgränsa hjärtsvikt."));
		assertThat(answered.status()).isEqualTo(Application.Status.SUBMITTED);
		assertThat(answered.messages()).hasSize(2);

		assertThatThrownBy(
				() -> this.applications.decide(steward, applied.id(), new Application.Decision(answered.version(), true,
						List.of(Application.Check.ETHICS_APPROVAL), "Beviljas", LocalDate.now().plusDays(30))))
			.isInstanceOf(ValidationException.class);
		assertThatThrownBy(
				() -> this.applications.decide(steward, applied.id(), new Application.Decision(answered.version(), true,
						List.of(Application.Check.values()), "Beviljas", LocalDate.now().minusDays(1))))
			.isInstanceOf(ValidationException.class);
		Application approved = this.applications.decide(steward, applied.id(),
				new Application.Decision(answered.version(), true, List.of(Application.Check.values()),
						"Beviljas: etikgodkännande finns.", LocalDate.now().plusDays(30)));
		assertThat(approved.status()).isEqualTo(Application.Status.APPROVED);
		assertThat(approved.turnaroundDays()).isZero();
		assertThat(this.applications.access(researcher, applied.id()).variables())
			.containsExactlyElementsOf(chosen.stream().sorted((a, b) -> a.variable().compareTo(b.variable())).toList());

		// Time passes: the end date is behind us, and access is refused by itself.
		this.jdbc.sql("update health_application set access_until = current_date - 1 where id = :id")
			.param("id", applied.id())
			.update();
		assertThat(this.applications.get(researcher, applied.id()).status(LocalDate.now()))
			.isEqualTo(Application.Status.EXPIRED);
		assertThatThrownBy(() -> this.applications.access(researcher, applied.id()))
			.isInstanceOf(ValidationException.class);

		assertThat(this.jdbc.sql("""
				select action from audit_event where entity_type = 'health_application'
				  and cast(entity_id as text) = :id order by id""")
			.param("id", Long.toString(applied.id()))
			.query(String.class)
			.list()).containsExactly("SUBMITTED", "QUESTIONED", "ANSWERED", "APPROVED", "ACCESSED", "ACCESS_REFUSED");
	}

	@Test
	void theSyntheticDemoIsLabelledAndItsOverviewHoldsNoPersonalData() throws Exception {
		HealthDataset episodes = this.catalog.datasets()
			.stream()
			.filter(d -> d.title().equals("Vårdepisoder (syntetisk)"))
			.findFirst()
			.orElseThrow();
		assertThat(episodes.demoNote()).isNotBlank();
		assertThat(episodes.label()).isNotNull();
		assertThat(episodes.label().rows()).isGreaterThan(2000);
		assertThat(episodes.label().coverage()).isEqualByComparingTo("1");
		assertThat(this.jdbc.sql("select count(*) from health_row where dataset_id = :id and person_ref !~ '^SYNT-'")
			.param("id", episodes.id())
			.query(Integer.class)
			.single()).isZero();
		List<Application> decided = this.jdbc.sql("select id from health_application where demo_note is not null")
			.query(Long.class)
			.list()
			.stream()
			.map(id -> this.applications.get(steward(), id))
			.toList();
		assertThat(decided).extracting(Application::status)
			.contains(Application.Status.APPROVED, Application.Status.REFUSED);
		assertThat(decided).filteredOn(a -> a.status() == Application.Status.REFUSED)
			.allSatisfy(a -> assertThat(a.motivation()).isNotBlank());

		String csv = new String(this.availability.csv(), StandardCharsets.UTF_8);
		assertThat(csv).contains("Vårdepisoder (syntetisk)")
			.doesNotContain("SYNT-")
			.doesNotContain("lars.lasare")
			.doesNotContain("nils.strateg");

		this.mvc.perform(get("/health").with(user(this.users.loadUserByUsername("lars.lasare"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("syntetisk")));
		this.mvc
			.perform(get("/health/datasets/" + episodes.id()).with(user(this.users.loadUserByUsername("lars.lasare"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ICD-10-SE")));
		this.mvc.perform(get("/public/health/availability.csv"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vårdepisoder (syntetisk)")));
	}

	private static Application.Draft draft(String checker, List<Application.Chosen> chosen) {
		return new Application.Draft("Återinskrivningar (test)", "Hur ofta skrivs patienter in igen?",
				"Dnr 2026-01234-01", DatasetDraft.LegalBasis.PUBLIC_TASK, DatasetDraft.SpecialBasis.RESEARCH, 24,
				"Lars Läsare", checker, chosen);
	}

}
