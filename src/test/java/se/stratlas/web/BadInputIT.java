package se.stratlas.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bad input of the outside test, each answered with a 400 (unreadable) or 422 (a rule
 * broken) that names the field, row or column, and nothing stored: overflowing money in a
 * form, the API and imports; a strategy document whose tree has a cycle or twin codes;
 * NUL in a name; decimals −5; a period "20x5"; 1e400; the same value twice in a file; one
 * Kolada id on two indicators; 2024-02-30; the year 99999; a 100,000-character name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	DemoIds ids;

	@BeforeEach
	void ids() {
		this.ids = DemoIds.of(this.jdbc);
	}

	private RequestPostProcessor as(String username) {
		return user(this.users.loadUserByUsername(username));
	}

	private ResultActions postJson(String path, String json, String username) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.with(as(username)));
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	@Test
	void moneyThatOverflowsIsRefusedAtItsFieldInTheFormTheApiAndTheImports() throws Exception {
		int fundings = count("select count(*) from initiatives_funding");
		this.mvc
			.perform(post("/initiatives/{id}/funding", this.ids.initiative()).param("source", "ERUF")
				.param("year", "2024")
				.param("amountSek", "1e30")
				.with(csrf())
				.with(as("rasmus.rapportor")))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attributeExists("partErrors"));
		for (String amount : List.of("1e30", "99999999999999999999", "12.5")) {
			postJson("/api/initiatives/" + this.ids.initiative() + "/funding",
					"{\"source\": \"ERUF\", \"year\": 2024, \"amountSek\": " + amount + "}", "rasmus.rapportor")
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field", hasItem("amountSek")));
		}
		byte[] xlsx = TableFiles.xlsx(List
			.of(new Table("Insatser", List.of("namn*", "typ*", "status*", "finansieringskälla", "år", "belopp_sek"),
					List.of(List.of("Överfull", "PROJEKT", "PAGAENDE", "ERUF", 2024, 1e30)))));
		this.mvc
			.perform(multipart("/api/initiatives/import")
				.file(new MockMultipartFile("file", "insatser.xlsx", "application/octet-stream", xlsx))
				.with(csrf())
				.with(as("rasmus.rapportor")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("belopp_sek"));
		byte[] csv = ("namn*;typ*;status*;finansieringskälla;år;belopp_sek\nÖverfull;PROJEKT;PAGAENDE;ERUF;2024;"
				+ "99999999999999999999\n")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/initiatives/import")
				.file(new MockMultipartFile("file", "insatser.csv", "text/csv", csv))
				.with(csrf())
				.with(as("rasmus.rapportor")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("belopp_sek"));
		byte[] figures = ("enhet*;period*;budget_mnkr*;utfall_mnkr*\nDivision Länsteknik;2021T1;1e30;1\n")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/followup/figures/import")
				.file(new MockMultipartFile("file", "ekonomi.csv", "text/csv", figures))
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(count("select count(*) from initiatives_funding")).isEqualTo(fundings);
		assertThat(count("select count(*) from initiatives_initiative where name = 'Överfull'")).isZero();
	}

	@Test
	void aStrategyDocumentWhoseTreeHasACycleOrTwinCodesIsRefusedWithThePlace() throws Exception {
		String key = "11111111-2222-3333-4444-555555555555";
		String cycle = """
				{"format": "stratlas-strategy/1", "strategy": {"code": "CYKEL", "nameSv": "Cykel", "published": false},
				 "versions": [{"number": 1, "label": "1", "status": "UTKAST", "elements": [
				  {"key": "%1$s", "type": "GOAL", "code": "1", "nameSv": "Mål", "fundingGate": false,
				   "children": [{"key": "%1$s", "type": "PRIORITY", "code": "1.1", "nameSv": "Barn",
				                 "fundingGate": false}]}]}]}""".formatted(key);
		postJson("/api/strategies/import", cycle, "sara.strateg").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("versions[0].elements[0].children[0].key"));
		String twins = """
				{"format": "stratlas-strategy/1", "strategy": {"code": "TVILLING", "nameSv": "Tvillingar", "published": false},
				 "versions": [{"number": 1, "label": "1", "status": "UTKAST", "elements": [
				  {"type": "GOAL", "code": "1", "nameSv": "Ett", "fundingGate": false},
				  {"type": "GOAL", "code": "1", "nameSv": "Ett igen", "fundingGate": false}]}]}""";
		postJson("/api/strategies/import", twins, "sara.strateg").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("versions[0].elements[1].code"));
		assertThat(count("select count(*) from strategy_strategy where code in ('CYKEL', 'TVILLING')")).isZero();
	}

	@Test
	void aNulInANameIsA400ThatNamesTheField() throws Exception {
		postJson("/api/initiatives", "{\"name\": \"a\\u0000b\", \"type\": \"PROJEKT\", \"status\": \"PLANERAD\"}",
				"rasmus.rapportor")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("$.name"));
		this.mvc
			.perform(post("/actors").param("name", "a\u0000b")
				.param("kind", "FORETAG")
				.accept(MediaType.TEXT_HTML)
				.with(csrf())
				.with(as("rasmus.rapportor")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("control character")));
	}

	@Test
	void indicatorDecimalsAndFactorsOutOfRangeAreRefusedAtTheirField() throws Exception {
		postJson("/api/indicators", """
				{"code": "TEST_DEC", "nameSv": "Decimaler", "decimals": -5, "polarity": "NEUTRAL", "kind": "KONTEXT",
				 "source": "OWN", "bySex": false}""", "sara.strateg").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("decimals")));
	}

	@Test
	void aBadPeriodInTheRankingIsA400ThatNamesIt() throws Exception {
		this.mvc
			.perform(get("/api/indicators/{id}/ranking", this.ids.indicator()).param("period", "20x5")
				.with(as("lars.lasare")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("period"));
	}

	@Test
	void aNumberBeyondADoubleIsRefusedInValuesAndTargets() throws Exception {
		byte[] csv = "indikator;område;period;kön;värde\nDEMO_GHG;2480;2023;T;1e400\n".getBytes(StandardCharsets.UTF_8);
		String page = this.mvc
			.perform(multipart("/indicators/import").file(new MockMultipartFile("file", "v.csv", "text/csv", csv))
				.with(csrf())
				.with(as("sara.strateg")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page).isNotNull();
		long run = Long.parseLong(page.replaceAll(".*/runs/(\\d+).*", "$1"));
		awaitRun(run);
		assertThat(this.jdbc.sql("select status from indicators_import_run where id = :id")
			.param("id", run)
			.query(String.class)
			.single()).isEqualTo("FAILED");
		assertThat(count("select count(*) from indicators_value where value = 'Infinity'::float8")).isZero();
		this.mvc
			.perform(post("/indicators/{id}/targets", this.ids.indicator()).param("areaCode", "24")
				.param("comparator", "AT_MOST")
				.param("value", "1e400")
				.param("deadline", "2030")
				.with(csrf())
				.with(as("sara.strateg")))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(500));
		assertThat(count("select count(*) from indicators_target where value = 'Infinity'::float8"
				+ " or value = '-Infinity'::float8"))
			.isZero();
	}

	@Test
	void theSameValueTwiceInOneFileIsRefused() throws Exception {
		byte[] csv = "indikator;område;period;kön;värde\nDEMO_GHG;2480;2023;T;1\nDEMO_GHG;2480;2023;T;2\n"
			.getBytes(StandardCharsets.UTF_8);
		String location = this.mvc
			.perform(multipart("/indicators/import").file(new MockMultipartFile("file", "v.csv", "text/csv", csv))
				.with(csrf())
				.with(as("sara.strateg")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long run = Long.parseLong(location.replaceAll(".*/runs/(\\d+).*", "$1"));
		awaitRun(run);
		assertThat(this.jdbc.sql("select problems from indicators_import_run where id = :id")
			.param("id", run)
			.query(String.class)
			.single()).contains("row 2");
	}

	@Test
	void oneKoladaIdCannotBeOnTwoIndicators() throws Exception {
		String definition = """
				{"code": "%s", "nameSv": "Kolada %s", "decimals": 1, "polarity": "NEUTRAL", "kind": "KONTEXT",
				 "source": "KOLADA", "sourceRef": "N99999", "bySex": false}""";
		postJson("/api/indicators", definition.formatted("TEST_KOLADA_A", "A"), "sara.strateg")
			.andExpect(status().isCreated());
		postJson("/api/indicators", definition.formatted("TEST_KOLADA_B", "B"), "sara.strateg")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("sourceRef"))
			.andExpect(jsonPath("$.errors[0].message", containsString("TEST_KOLADA_A")));
	}

	@Test
	void aDateThatDoesNotExistOrAFarYearIsRefusedNotMoved() throws Exception {
		int initiatives = count("select count(*) from initiatives_initiative");
		for (String date : List.of("2024-02-30", "99999-01-01")) {
			this.mvc
				.perform(post("/initiatives").param("name", "Datumtest " + date)
					.param("type", "PROJEKT")
					.param("status", "PLANERAD")
					.param("startDate", date)
					.accept(MediaType.TEXT_HTML)
					.with(csrf())
					.with(as("rasmus.rapportor")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("startDate")));
		}
		postJson("/api/initiatives",
				"{\"name\": \"Datumtest\", \"type\": \"PROJEKT\", \"status\": \"PLANERAD\", \"startDate\": \"2024-02-30\"}",
				"rasmus.rapportor")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("$.startDate"));
		postJson("/api/initiatives",
				"{\"name\": \"Datumtest\", \"type\": \"PROJEKT\", \"status\": \"PLANERAD\", \"startDate\": \"+99999-01-01\"}",
				"rasmus.rapportor")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("startDate"));
		assertThat(count("select count(*) from initiatives_initiative")).isEqualTo(initiatives);
	}

	@Test
	void aHundredThousandCharacterNameIsRefused() throws Exception {
		String name = "n".repeat(100_000);
		postJson("/api/initiatives", "{\"name\": \"" + name + "\", \"type\": \"PROJEKT\", \"status\": \"PLANERAD\"}",
				"rasmus.rapportor")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		postJson("/api/strategies",
				"{\"strategy\": {\"code\": \"LANG\", \"published\": false, \"nameSv\": \"" + name + "\"}}",
				"sara.strateg")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("nameSv"));
		assertThat(count("select count(*) from strategy_strategy where code = 'LANG'")).isZero();
	}

	private void awaitRun(long run) throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (System.nanoTime() < deadline) {
			String status = this.jdbc.sql("select status from indicators_import_run where id = :id")
				.param("id", run)
				.query(String.class)
				.single();
			if (!"RUNNING".equals(status)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import run " + run + " did not end");
	}

}
