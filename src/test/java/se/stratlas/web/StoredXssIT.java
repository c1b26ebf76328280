package se.stratlas.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Stored XSS, everywhere at once: in a database of its own, a script and an event handler
 * are appended to every text users write (names, titles, descriptions, texts, notes,
 * comments, SWOT items, agendas…) and then every page and picture of Stratlas is fetched,
 * as a strateg, an administrator and an anonymous visitor. None may carry the markup
 * unescaped.
 */
@SpringBootTest(properties = "stratlas.test.database=stored-xss")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StoredXssIT {

	static final String PAYLOAD = "<script>alert('xss')</script><img src=x onerror=alert(1)>\"'";

	/** Markup that would run: a script element, or an element with an event handler. */
	private static final Pattern LIVE = Pattern.compile("<script>alert|<img[^>]*onerror", Pattern.CASE_INSENSITIVE);

	/** Columns that hold what users write (codes, states and keys are left alone). */
	private static final Pattern USER_TEXT = Pattern.compile("(name|name_sv|name_en|title|description|description_sv|"
			+ "description_en|body|summary|note|comment|text|narrative|purpose|guidance|chapter|label|question|"
			+ "background|outcome|next_steps|place|organisers|participants|speaker|speakers|display_name|"
			+ "consequences|premises|target_group|outputs|outcomes|expected_effects|acronym|alt_text|demo_note|"
			+ "demo_label|scope|analysis|decision_note|decision_body|moderator|facilitator|agenda|.*_note|.*_text)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void noPageShowsAStoredScriptUnescaped() throws Exception {
		DemoIds ids = DemoIds.of(this.jdbc);
		int columns = inject();
		assertThat(columns).as("user text columns found").isGreaterThan(40);

		List<String> live = new ArrayList<>();
		int pages = 0;
		int escaped = 0;
		for (Map.Entry<String, EndpointAuthorizationIT.Endpoint> row : EndpointAuthorizationIT.TABLE.entrySet()) {
			String endpoint = row.getKey();
			if (!endpoint.startsWith("GET ") || endpoint.startsWith("GET /api/") || endpoint.equals("GET /logout")) {
				continue;
			}
			String username = switch (row.getValue().access()) {
				case PUBLIC -> null;
				case ADMINISTRATOR -> "anna.admin";
				default -> "sara.strateg";
			};
			String path = EndpointAuthorizationIT.substitute(endpoint.substring(4), ids);
			String query = row.getValue().query() == null ? ""
					: "?" + EndpointAuthorizationIT.substitute(row.getValue().query(), ids);
			var request = get(path + query).accept(MediaType.TEXT_HTML, MediaType.ALL);
			if (username != null) {
				request.with(user(this.users.loadUserByUsername(username)));
			}
			MvcResult result = this.mvc.perform(request).andReturn();
			String type = String.valueOf(result.getResponse().getContentType());
			if (!(type.contains("html") || type.contains("svg") || type.contains("xml"))) {
				continue;
			}
			pages++;
			String body = result.getResponse().getContentAsString();
			if (LIVE.matcher(body).find()) {
				live.add(endpoint + " (" + type + ")");
			}
			if (result.getResponse().getStatus() >= 500) {
				live.add(endpoint + ": " + result.getResponse().getStatus() + " with the payload stored");
			}
			if (body.contains("&lt;script&gt;alert(")) {
				escaped++;
			}
		}
		System.out.println("StoredXssIT: payload in " + columns + " columns, " + pages + " pages and pictures checked, "
				+ escaped + " show it escaped");
		assertThat(pages).isGreaterThan(60);
		assertThat(escaped).as("pages showing the stored text, escaped").isGreaterThan(30);
		assertThat(live).isEmpty();
	}

	/** Appends the payload to every user text column; returns how many columns. */
	private int inject() {
		List<Map<String, Object>> candidates = this.jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				and c.data_type in ('text', 'character varying')
				and c.table_name not in ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
				    'audit_event', 'areas_area')""").query().listOfRows();
		int columns = 0;
		for (Map<String, Object> candidate : candidates) {
			String table = (String) candidate.get("table_name");
			String column = (String) candidate.get("column_name");
			if (!USER_TEXT.matcher(column).matches()) {
				continue;
			}
			try {
				this.jdbc
					.sql("update " + table + " set " + column + " = " + column + " || :payload where " + column
							+ " is not null and " + column + " <> ''")
					.param("payload", " " + PAYLOAD)
					.update();
				columns++;
			}
			catch (org.springframework.dao.DataIntegrityViolationException constrained) {
				// A column with a check (a closed list, a length) cannot hold the
				// payload:
				// the database itself refuses it.
			}
		}
		return columns;
	}

}
