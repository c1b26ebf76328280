package se.stratlas.reports;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.testing.DemoReports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The open data of a published report as a machine reads it: CSV by RFC 4180 with codes
 * beside labels and a status beside numbers, JSON with stable keys, JSON-stat 2.0 for an
 * indicator series, and the DCAT-AP-SE catalogue validated with SHACL (Apache Jena)
 * against the shapes in src/test/resources/shacl.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenDataIT {

	@Autowired
	Editions editions;

	@Autowired
	PublishedEditions publishedEditions;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	String slug;

	@BeforeEach
	void publish() throws Exception {
		StratlasPrincipal sara = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Product product = DemoReports.product(this.cycles, this.products, sara.organisationId(),
				"Resultat Västerbotten 2023", "Resultat Västerbotten 2023");
		Edition edition = DemoReports.frozen(this.editions, sara, product);
		this.slug = this.publishedEditions.publish(sara, edition.id(), true).slug();
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response;
	}

	private String series() {
		return this.publishedEditions.datasets(this.slug)
			.stream()
			.filter(d -> d.name().startsWith("indikator-") && d.name().endsWith("-kon"))
			.findFirst()
			.orElseThrow()
			.name();
	}

	@Test
	void csvFollowsRfc4180WithCodesBesideLabelsAndAStatusBesideNumbers() throws Exception {
		MockHttpServletResponse response = fetch("/public/reports/" + this.slug + "/data/" + series() + ".csv");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(bytes[0]).as("no byte order mark").isNotEqualTo((byte) 0xEF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n");
		assertThat(response.getHeader("Content-Disposition")).contains("per-kon.csv");
		try (CSVParser parser = CSVParser.parse(new StringReader(text),
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			assertThat(parser.getHeaderNames()).containsExactly("indikatorkod", "indikator", "omradeskod", "omrade",
					"kon", "period", "varde", "enhet");
			List<CSVRecord> records = parser.getRecords();
			assertThat(records).isNotEmpty();
			assertThat(records).extracting(r -> r.get("omradeskod")).containsOnly("24");
			assertThat(records).extracting(r -> r.get("kon")).contains("kvinnor", "män");
			for (CSVRecord record : records) {
				if (!record.get("varde").isEmpty()) {
					assertThat(record.get("varde")).doesNotContain(",").matches("-?\\d+(\\.\\d+)?");
					assertThat(new BigDecimal(record.get("varde"))).isNotNull();
				}
			}
		}
		// A table whose numbers have gaps: an empty budget is empty, not 0 and not a
		// dash.
		String initiatives = this.publishedEditions.datasets(this.slug)
			.stream()
			.filter(d -> d.name().startsWith("insatser-"))
			.findFirst()
			.orElseThrow()
			.name();
		String csv = fetch("/public/reports/" + this.slug + "/data/" + initiatives + ".csv")
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("insats,typ,status,period,budget_kr");
		try (CSVParser parser = CSVParser.parse(new StringReader(csv),
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			List<String> budgets = parser.getRecords().stream().map(r -> r.get("budget_kr")).toList();
			assertThat(budgets).contains("").allMatch(b -> b.isEmpty() || b.matches("\\d+(\\.\\d+)?"));
		}
	}

	@Test
	void jsonHasStableKeysAndNumbersAsNumbers() throws Exception {
		Map<String, Object> body = this.json
			.readValue(fetch("/public/reports/" + this.slug + "/data/" + series() + ".json")
				.getContentAsString(StandardCharsets.UTF_8), Map.class);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
		assertThat(rows.getFirst()).containsKeys("indikatorkod", "omradeskod", "kon", "period", "varde", "enhet");
		assertThat(rows).allSatisfy(r -> assertThat(r.get("varde")).satisfiesAnyOf(v -> assertThat(v).isNull(),
				v -> assertThat(v).isInstanceOf(Number.class)));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> columns = (List<Map<String, Object>>) body.get("columns");
		assertThat(columns).anySatisfy(c -> {
			assertThat(c.get("key")).isEqualTo("varde");
			assertThat(c.get("label")).isEqualTo("Värde");
			assertThat(c.get("type")).isEqualTo("number");
		});
	}

	@Test
	void anIndicatorSeriesIsJsonStat() throws Exception {
		Map<String, Object> body = this.json
			.readValue(fetch("/public/reports/" + this.slug + "/data/" + series() + ".jsonstat")
				.getContentAsString(StandardCharsets.UTF_8), Map.class);
		assertThat(body.get("version")).isEqualTo("2.0");
		assertThat(body.get("class")).isEqualTo("dataset");
		assertThat(body.get("id")).isEqualTo(List.of("indikator", "omrade", "kon", "tid"));
		@SuppressWarnings("unchecked")
		List<Integer> size = (List<Integer>) body.get("size");
		assertThat(size.get(2)).isEqualTo(2);
		assertThat((List<?>) body.get("value")).hasSize(size.stream().reduce(1, (a, b) -> a * b));
		@SuppressWarnings("unchecked")
		Map<String, Object> role = (Map<String, Object>) body.get("role");
		assertThat(role.get("time")).isEqualTo(List.of("tid"));
		// A table that is not a series has no JSON-stat form.
		assertThat(this.mvc.perform(get("/public/reports/" + this.slug + "/data/kontakter.jsonstat"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theCatalogueConformsToTheDcatApSeShapesWithTheRegionAsPublisher() throws Exception {
		Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("shacl/dcat-ap-se-stratlas.ttl"));
		for (String path : List.of("/public/reports/catalog.rdf",
				"/public/reports/catalog.rdf?organisation=vasterbotten")) {
			byte[] rdf = fetch(path).getContentAsByteArray();
			Model model = ModelFactory.createDefaultModel();
			RDFParser.source(new ByteArrayInputStream(rdf)).lang(Lang.RDFXML).base("http://localhost").parse(model);
			ValidationReport report = ShaclValidator.get().validate(shapes, model.getGraph());
			if (!report.conforms()) {
				ShLib.printReport(report);
			}
			assertThat(report.conforms()).as(path + ": " + report.getEntries().size() + " violations").isTrue();
			assertThat(model
				.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
				.toList()).isNotEmpty();
		}
		// The region's catalogue has the region as its publisher.
		Model region = ModelFactory.createDefaultModel();
		RDFParser
			.source(new ByteArrayInputStream(
					fetch("/public/reports/catalog.rdf?organisation=vasterbotten").getContentAsByteArray()))
			.lang(Lang.RDFXML)
			.parse(region);
		var catalog = region
			.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Catalog)
			.next();
		var publisher = catalog.getPropertyResourceValue(DCTerms.publisher);
		assertThat(publisher.getProperty(region.createProperty(DataCatalogue.FOAF, "name")).getString())
			.isEqualTo("Region Västerbotten");
		// The publisher's and the area's IRIs resolve to what they name.
		Model described = ModelFactory.createDefaultModel();
		RDFParser
			.source(new ByteArrayInputStream(
					fetch(java.net.URI.create(publisher.getURI()).getPath()).getContentAsByteArray()))
			.lang(Lang.TURTLE)
			.parse(described);
		assertThat(described.contains(described.createResource(publisher.getURI()), DCTerms.type)).isTrue();
		var dataset = region
			.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, org.apache.jena.vocabulary.DCAT.Dataset)
			.next();
		String area = dataset.getPropertyResourceValue(DCTerms.spatial).getURI();
		Model location = ModelFactory.createDefaultModel();
		RDFParser.source(new ByteArrayInputStream(fetch(java.net.URI.create(area).getPath()).getContentAsByteArray()))
			.lang(Lang.TURTLE)
			.parse(location);
		assertThat(location.listObjectsOfProperty(org.apache.jena.vocabulary.SKOS.prefLabel).next().toString())
			.contains("län");
		assertThat(this.mvc.perform(get("/public/organisations/finns-inte")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		// The shapes bite: without its publisher type the catalogue does not conform.
		region.removeAll(publisher, DCTerms.type, null);
		Graph broken = region.getGraph();
		assertThat(ShaclValidator.get().validate(shapes, broken).conforms()).isFalse();
	}

}
