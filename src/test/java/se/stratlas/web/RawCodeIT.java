package se.stratlas.web;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.OrganisationSetup;
import se.stratlas.accounts.StratlasPrincipal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Never a raw code on screen: every page a user can open (the GET endpoints of the
 * authorization table, in Swedish and English), and the demo's report in every format and
 * its exports, for the demo region and for a fresh region, must not show an enum constant
 * whose label differs from it (GOAL, PAGAENDE, OPEN), a field name of the history (dueOn,
 * nameSv) or a message key that did not resolve.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RawCodeIT {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	OrganisationSetup setup;

	DemoIds ids;

	/** Enum constants of Stratlas whose label says something else. */
	private Set<String> constants;

	/** The field names the history records. */
	private Set<String> fields;

	@BeforeEach
	void vocabulary() throws Exception {
		this.ids = DemoIds.of(this.jdbc);
		this.constants = constants();
		this.fields = new TreeSet<>();
		Properties bundle = new Properties();
		bundle.load(new java.io.InputStreamReader(
				new org.springframework.core.io.ClassPathResource("i18n/messages.properties").getInputStream(),
				StandardCharsets.UTF_8));
		bundle.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith("field."))
			.map(k -> k.substring("field.".length()))
			.filter(f -> f.chars().anyMatch(Character::isUpperCase))
			.forEach(this.fields::add);
	}

	@Test
	void noPageOfTheDemoShowsACode() throws Exception {
		List<String> found = new ArrayList<>();
		for (String language : List.of("sv", "en")) {
			for (String username : List.of("sara.strateg", "anna.admin", "rasmus.rapportor", "admin")) {
				crawl(username, language, found);
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void noPageOfAFreshRegionShowsACode() throws Exception {
		StratlasPrincipal platform = (StratlasPrincipal) this.users.loadUserByUsername("admin");
		if (this.jdbc.sql("select count(*) from accounts_organisation where code = 'ny-region'")
			.query(Integer.class)
			.single() == 0) {
			this.setup.create(platform, "ny-region",
					new Organisation.Profile("Region Ny", Organisation.Kind.REGION, "20", null, null, null),
					new OrganisationSetup.FirstAdministrator("ny.admin", "Ny Admin", null, "ett-langt-losenord-2026"));
		}
		List<String> found = new ArrayList<>();
		crawl("ny.admin", "sv", found);
		assertThat(found).isEmpty();
	}

	@Test
	void noReportFormatOrExportShowsACode() throws Exception {
		List<String> found = new ArrayList<>();
		String base = "/followup/" + this.ids.cycle() + "/products/" + this.ids.product();
		check("report", text(get(base + "/report")), found);
		check("report.pdf", pdf(bytes(base + "/report.pdf")), found);
		check("report.docx", docx(bytes(base + "/report.docx")), found);
		check("report.xlsx", xlsx(bytes(base + "/report.xlsx")), found);
		check("initiatives.xlsx", xlsx(bytes("/initiatives/export?format=xlsx")), found);
		check("portfolio.xlsx", xlsx(bytes("/portfolio/export")), found);
		check("foresight.xlsx", xlsx(bytes("/foresight/export")), found);
		check("indicator.xlsx", xlsx(bytes("/indicators/" + this.ids.indicator() + "/export?format=xlsx")), found);
		assertThat(found).isEmpty();
	}

	private void crawl(String username, String language, List<String> found) throws Exception {
		for (Map.Entry<String, EndpointAuthorizationIT.Endpoint> row : EndpointAuthorizationIT.TABLE.entrySet()) {
			String endpoint = row.getKey();
			if (!endpoint.startsWith("GET ") || endpoint.contains("/api/") || endpoint.contains("/export")
					|| endpoint.contains("report.") || endpoint.contains("/chart.") || endpoint.contains("/data/")
					|| endpoint.contains("template") || endpoint.contains("/archive") || endpoint.contains("/logo")
					|| endpoint.contains("catalog.rdf") || endpoint.contains("swot.")
					|| endpoint.equals("GET /logout")) {
				continue;
			}
			String path = EndpointAuthorizationIT.substitute(endpoint.substring(4), this.ids);
			String url = row.getValue().query() == null ? path
					: path + "?" + EndpointAuthorizationIT.substitute(row.getValue().query(), this.ids);
			MvcResult result = this.mvc
				.perform(get(url + (url.contains("?") ? "&" : "?") + "lang=" + language).accept(MediaType.TEXT_HTML)
					.with(user(this.users.loadUserByUsername(username))))
				.andReturn();
			String type = String.valueOf(result.getResponse().getContentType());
			if (result.getResponse().getStatus() != 200 || !type.contains("html")) {
				continue;
			}
			check(username + " " + language + " " + url, visible(result.getResponse().getContentAsString()), found);
		}
	}

	private void check(String where, String text, List<String> found) {
		Set<String> codes = new LinkedHashSet<>();
		if (text.contains("#{") || text.contains("??")) {
			Matcher unresolved = Pattern.compile("(#\\{[^}]*}|\\?\\?[^?]*\\?\\?)").matcher(text);
			while (unresolved.find()) {
				codes.add(unresolved.group());
			}
		}
		// A period is written as people write it ("T1 2021"), not as its code ("2021T1").
		Matcher periods = Pattern.compile("\\b\\d{4}[HTQ]\\d\\b").matcher(text);
		while (periods.find()) {
			codes.add(periods.group());
		}
		Matcher words = WORD.matcher(text);
		while (words.find()) {
			String word = words.group();
			if (this.constants.contains(word)) {
				codes.add(word);
			}
			if (this.fields.contains(word)) {
				codes.add(word);
			}
		}
		if (!codes.isEmpty()) {
			found.add(where + ": " + codes);
		}
	}

	/**
	 * The text a reader sees: text nodes and the alt, title and aria-label of elements.
	 */
	static String visible(String html) {
		String body = html.replaceAll("(?is)<script.*?</script>", " ")
			.replaceAll("(?is)<style.*?</style>", " ")
			.replaceAll("(?is)<svg.*?</svg>", " ")
			.replaceAll("(?is)<textarea.*?</textarea>", " ")
			.replaceAll("(?is)<code[^>]*>.*?</code>", " ")
			// A hint that teaches how to type a code (a period "2021T1") shows the code.
			.replaceAll("(?is)<p[^>]*class=\"[^\"]*code-format[^\"]*\"[^>]*>.*?</p>", " ");
		StringBuilder text = new StringBuilder();
		Matcher attributes = Pattern.compile("(?i)\\s(alt|title|aria-label|placeholder)=\"([^\"]*)\"").matcher(body);
		while (attributes.find()) {
			text.append(' ').append(attributes.group(2));
		}
		text.append(' ').append(body.replaceAll("(?s)<[^>]*>", " "));
		return org.springframework.web.util.HtmlUtils.htmlUnescape(text.toString());
	}

	private String text(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return visible(this.mvc.perform(request.with(user(this.users.loadUserByUsername("sara.strateg"))))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private byte[] bytes(String url) throws Exception {
		MvcResult result = this.mvc.perform(get(url).with(user(this.users.loadUserByUsername("sara.strateg"))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	private static String pdf(byte[] pdf) throws Exception {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static String docx(byte[] docx) throws Exception {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}

	private static String xlsx(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						text.append(' ').append(cell.toString());
					}
				}
			}
		}
		return text.toString();
	}

	/**
	 * Every constant of a Stratlas enum with a label (its {@code messageKey()}) that says
	 * something other than the constant: those must never be shown as they are.
	 */
	private Set<String> constants() throws Exception {
		Set<String> constants = new TreeSet<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		for (Resource resource : resolver.getResources("classpath*:se/stratlas/**/*.class")) {
			MetadataReader reader = readers.getMetadataReader(resource);
			if (!"java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName())) {
				continue;
			}
			Class<?> type = Class.forName(reader.getClassMetadata().getClassName());
			Method key;
			try {
				key = type.getMethod("messageKey");
			}
			catch (NoSuchMethodException ex) {
				continue;
			}
			for (Object constant : type.getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				String label = this.messages.getMessage((String) key.invoke(constant), null, name, SWEDISH);
				// A constant its own label names ("Europeiska regionala utvecklingsfonden
				// (ERUF)")
				// may be shown.
				boolean named = label.equalsIgnoreCase(name)
						|| Pattern.compile("\\b" + name + "\\b").matcher(label).find();
				if (name.length() > 1 && !named) {
					constants.add(name);
				}
			}
		}
		return constants;
	}

}
