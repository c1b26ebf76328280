package se.stratlas.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import se.stratlas.indicators.ImportRuns;
import se.stratlas.indicators.IndicatorValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What operators rely on: Prometheus metrics behind a token, HTTP sessions kept in
 * PostgreSQL, and an audit log administrators can search.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OperationsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRuns runs;

	@Test
	void prometheusMetricsAreForTheScraperWithTheTokenAndForAdministrators() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		long run = this.runs.start(organisation, "FIL", "metrics test", "anna.admin");
		this.runs.succeeded(run, 12, new IndicatorValues.StoreResult(10, 2, 0));
		this.mvc.perform(get("/indicators").with(user(this.users.loadUserByUsername("lars.lasare"))));

		assertThat(status(get("/actuator/prometheus"))).isEqualTo(401);
		assertThat(status(get("/actuator/prometheus").header("Authorization", "Bearer wrong"))).isEqualTo(401);
		assertThat(status(get("/actuator/prometheus").with(user(this.users.loadUserByUsername("sara.strateg")))))
			.isEqualTo(403);
		MvcResult scraped = this.mvc
			.perform(get("/actuator/prometheus").header("Authorization", "Bearer scrape-token-for-tests"))
			.andReturn();
		assertThat(scraped.getResponse().getStatus()).isEqualTo(200);
		String metrics = scraped.getResponse().getContentAsString();
		assertThat(metrics).contains("http_server_requests_seconds_count")
			.contains("stratlas_imports_seconds_count{outcome=\"succeeded\",source=\"FIL\"}")
			.contains("stratlas_imports_values_total{source=\"FIL\"}")
			.contains("hikaricp_connections_active")
			.contains("jvm_memory_used_bytes");
		assertThat(status(get("/actuator/prometheus").with(user(this.users.loadUserByUsername("anna.admin")))))
			.isEqualTo(200);
	}

	@Test
	void aSignedInSessionIsKeptInPostgresql() throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user("lars.lasare").password("stratlas-demo"))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		List<String> principals = this.jdbc.sql("select principal_name from spring_session").query(String.class).list();
		assertThat(principals).contains("lars.lasare");
	}

	@Test
	void administratorsSearchTheAuditLogByTextTypeActionAndDate() throws Exception {
		var admin = this.users.loadUserByUsername("anna.admin");
		String all = this.mvc.perform(get("/admin/audit").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(all).contains("Inrapportering").contains("greta.granskare");
		String none = this.mvc.perform(get("/admin/audit").param("q", "ingen-händelse-heter-så").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("Inga ändringar");
		String found = this.mvc.perform(get("/admin/audit").param("q", "rds").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found).contains("RDS").doesNotContain("greta.granskare");
		String byType = this.mvc
			.perform(get("/admin/audit").param("type", "strategy").param("from", "2000-01-01").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(byType).contains("RUS").doesNotContain("greta.granskare");
		String future = this.mvc.perform(get("/admin/audit").param("from", "2999-01-01").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(future).contains("Inga ändringar");
	}

	@Autowired
	se.stratlas.reports.Editions editions;

	@Autowired
	se.stratlas.shared.Instance instance;

	@Test
	void aReportEditionWhoseInstanceStoppedIsMarkedInterruptedAndALiveOneIsNot() {
		var product = this.jdbc.sql(
				"select p.id, p.cycle_id, c.organisation_id from followup_product p join followup_cycle c on c.id = p.cycle_id order by p.id limit 1")
			.query()
			.singleRow();
		String insert = """
				insert into reports_edition (organisation_id, cycle_id, product_id, number, title, status, created_by,
				instance_id) values (:org, :cycle, :product, 900 + :n, 'Avbrottstest', 'RUNNING', 'test', :instance)
				returning id""";
		long dead = this.jdbc.sql(insert)
			.param("org", product.get("organisation_id"))
			.param("cycle", product.get("cycle_id"))
			.param("product", product.get("id"))
			.param("n", 1)
			.param("instance", java.util.UUID.randomUUID())
			.query(Long.class)
			.single();
		long alive = this.jdbc.sql(insert)
			.param("org", product.get("organisation_id"))
			.param("cycle", product.get("cycle_id"))
			.param("product", product.get("id"))
			.param("n", 2)
			.param("instance", this.instance.id())
			.query(Long.class)
			.single();
		try {
			this.editions.reapInterrupted();
			assertThat(this.jdbc.sql("select status || ' ' || error from reports_edition where id = :id")
				.param("id", dead)
				.query(String.class)
				.single()).startsWith("FAILED Avbruten");
			assertThat(this.jdbc.sql("select status from reports_edition where id = :id")
				.param("id", alive)
				.query(String.class)
				.single()).isEqualTo("RUNNING");
		}
		finally {
			this.jdbc.sql("delete from reports_edition where id in (:ids)").param("ids", List.of(dead, alive)).update();
		}
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
