package se.stratlas.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.springframework.stereotype.Component;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.followup.Cycles;
import se.stratlas.indicators.Period;
import se.stratlas.shared.NotFoundException;

/**
 * The tables of published editions as open data: CSV by RFC 4180 (comma, decimal point,
 * UTF-8), JSON with stable keys, indicator series as JSON-stat 2.0 (the format SCB
 * serves), and a DCAT-AP-SE catalogue for dataportal.se with the region as publisher. A
 * value with a note ("73 (preliminärt)", "– saknas") becomes a number and a status, so
 * that a machine reads the number and a person the reason.
 */
@Component
public class OpenData {

	/** CC0: the datasets are free to use. */
	public static final String LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/";

	static final String FOAF = "http://xmlns.com/foaf/0.1/";

	private static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";

	private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	private static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";

	private static final Pattern PRELIMINARY = Pattern.compile("^(-?[\\d\\s\\u00a0]+(?:,\\d+)?) \\(preliminärt\\)$");

	private static final Pattern MISSING = Pattern.compile("^–(?: (.+))?$");

	private final Editions editions;

	private final Organisations organisations;

	private final Cycles cycles;

	private final se.stratlas.areas.Areas areas;

	OpenData(Editions editions, Organisations organisations, Cycles cycles, se.stratlas.areas.Areas areas) {
		this.editions = editions;
		this.organisations = organisations;
		this.cycles = cycles;
		this.areas = areas;
	}

	/** A column of a dataset: its stable key, its label, and whether it holds numbers. */
	public record Column(String key, String label, boolean number, boolean status) {
	}

	/** A published dataset, by the edition's address and its name. */
	public Editions.Dataset dataset(String slug, String name) {
		return this.editions.datasets(slug)
			.stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("dataset", name));
	}

	/** The code of the organisation that published the edition (its catalogue's key). */
	public String organisationCode(Edition edition) {
		return this.organisations.get(edition.organisationId()).code();
	}

	/** A file name that says what the dataset holds. */
	public static String fileName(Editions.Dataset dataset) {
		return key(dataset.caption()).replace('_', '-');
	}

	/** A label as a key that stays the same: lower case, ASCII, words joined by "_". */
	static String key(String label) {
		String plain = Normalizer.normalize(label == null ? "" : label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String key = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("(^_|_$)", "");
		return key.isEmpty() ? "kolumn" : key;
	}

	/** The columns: numbers where every value is a number or a number with a note. */
	public static List<Column> columns(Editions.Dataset dataset) {
		List<Column> columns = new ArrayList<>();
		for (int c = 0; c < dataset.headers().size(); c++) {
			boolean numbers = false;
			boolean text = false;
			boolean notes = false;
			for (List<Object> row : dataset.rows()) {
				Object cell = c < row.size() ? plain(row.get(c)) : null;
				if (cell instanceof Number) {
					numbers = true;
				}
				else if (cell instanceof String s && !s.isEmpty()) {
					if (PRELIMINARY.matcher(s).matches() || MISSING.matcher(s).matches()) {
						notes = true;
					}
					else {
						text = true;
					}
				}
			}
			boolean number = numbers && !text || notes && !text;
			columns.add(new Column(key(dataset.headers().get(c)), dataset.headers().get(c), number, number && notes));
		}
		return columns;
	}

	/** A value and its note, from a cell of a number column. */
	record Value(BigDecimal number, String status) {
	}

	static Value value(Object cell) {
		Object plain = plain(cell);
		if (plain == null || "".equals(plain)) {
			return new Value(null, null);
		}
		if (plain instanceof Number n) {
			return new Value(new BigDecimal(n.toString()).stripTrailingZeros(), null);
		}
		String text = plain.toString();
		Matcher preliminary = PRELIMINARY.matcher(text);
		if (preliminary.matches()) {
			return new Value(new BigDecimal(preliminary.group(1).replaceAll("[\\s\\u00a0]", "").replace(',', '.')),
					"preliminärt");
		}
		Matcher missing = MISSING.matcher(text);
		return new Value(null, missing.matches() && missing.group(1) != null ? missing.group(1) : "saknas");
	}

	/** A cell as stored: a status (stored as its fields) as its words. */
	static Object plain(Object cell) {
		if (cell instanceof ReportDocument.Mark mark) {
			return mark.label();
		}
		if (cell instanceof Map<?, ?> map && map.containsKey("label")) {
			return String.valueOf(map.get("label"));
		}
		return cell;
	}

	/**
	 * The dataset as CSV by RFC 4180: a header of stable keys, commas, CRLF, UTF-8
	 * without a byte order mark, numbers with a decimal point; a number column with notes
	 * has a status column beside it.
	 */
	public static byte[] csv(Editions.Dataset dataset) {
		List<Column> columns = columns(dataset);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
			List<String> header = new ArrayList<>();
			for (Column column : columns) {
				header.add(column.key());
				if (column.status()) {
					header.add(column.key() + "_status");
				}
			}
			printer.printRecord(header);
			for (List<Object> row : dataset.rows()) {
				List<Object> record = new ArrayList<>();
				for (int c = 0; c < columns.size(); c++) {
					Object cell = c < row.size() ? row.get(c) : null;
					Column column = columns.get(c);
					if (column.number()) {
						Value value = value(cell);
						record.add(value.number() == null ? "" : value.number().toPlainString());
						if (column.status()) {
							record.add(value.status() == null ? "" : value.status());
						}
					}
					else {
						Object plain = plain(cell);
						record
							.add(plain == null ? "" : se.stratlas.shared.tables.TableFiles.safeText(plain.toString()));
					}
				}
				printer.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The dataset as JSON: its title, the columns (key, label, type) and the rows as
	 * objects with those keys; numbers as numbers (or null), notes under
	 * {@code <key>_status}.
	 */
	public static Map<String, Object> json(Editions.Dataset dataset) {
		List<Column> columns = columns(dataset);
		List<Map<String, Object>> described = new ArrayList<>();
		for (Column column : columns) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("key", column.key());
			c.put("label", column.label());
			c.put("type", column.number() ? "number" : "string");
			described.add(c);
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<Object> row : dataset.rows()) {
			Map<String, Object> record = new LinkedHashMap<>();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				Object cell = c < row.size() ? row.get(c) : null;
				if (column.number()) {
					Value value = value(cell);
					record.put(column.key(), value.number());
					if (column.status()) {
						record.put(column.key() + "_status", value.status());
					}
				}
				else {
					Object plain = plain(cell);
					record.put(column.key(), plain == null || "".equals(plain) ? null : plain.toString());
				}
			}
			rows.add(record);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", dataset.name());
		body.put("title", dataset.caption());
		body.put("license", LICENSE);
		body.put("columns", described);
		body.put("rows", rows);
		return body;
	}

	/** Whether the dataset is an indicator series that JSON-stat can describe. */
	public static boolean isSeries(Editions.Dataset dataset) {
		List<String> keys = columns(dataset).stream().map(Column::key).toList();
		return keys.containsAll(List.of(INDICATOR_CODE, AREA_CODE, SEX, PERIOD, VALUE));
	}

	static final String INDICATOR_CODE = "indikatorkod";

	static final String AREA_CODE = "omradeskod";

	static final String SEX = "kon";

	static final String PERIOD = "period";

	static final String VALUE = "varde";

	/**
	 * An indicator series as a JSON-stat 2.0 dataset: dimensions indicator, area, sex and
	 * time (with their roles), the values in that order, a status per value that has a
	 * note, the unit and the source.
	 * @throws NotFoundException when the dataset is not an indicator series
	 */
	public static Map<String, Object> jsonStat(Editions.Dataset dataset, String updated) {
		if (!isSeries(dataset)) {
			throw new NotFoundException("jsonstat", dataset.name());
		}
		List<String> keys = columns(dataset).stream().map(Column::key).toList();
		int indicatorCode = keys.indexOf(INDICATOR_CODE);
		int indicatorName = keys.indexOf("indikator");
		int areaCode = keys.indexOf(AREA_CODE);
		int areaName = keys.indexOf("omrade");
		int sex = keys.indexOf(SEX);
		int period = keys.indexOf(PERIOD);
		int value = keys.indexOf(VALUE);
		int unit = keys.indexOf("enhet");
		Map<String, String> indicators = new LinkedHashMap<>();
		Map<String, String> areaLabels = new LinkedHashMap<>();
		Map<String, String> sexes = new LinkedHashMap<>();
		Map<String, String> periods = new LinkedHashMap<>();
		for (List<Object> row : dataset.rows()) {
			indicators.putIfAbsent(text(row, indicatorCode),
					indicatorName < 0 ? text(row, indicatorCode) : text(row, indicatorName));
			areaLabels.putIfAbsent(text(row, areaCode), areaName < 0 ? text(row, areaCode) : text(row, areaName));
			sexes.putIfAbsent(text(row, sex), text(row, sex));
			periods.putIfAbsent(text(row, period), text(row, period));
		}
		List<String> indicatorIds = new ArrayList<>(indicators.keySet());
		List<String> areaIds = new ArrayList<>(areaLabels.keySet());
		List<String> sexIds = new ArrayList<>(sexes.keySet());
		List<String> periodIds = new ArrayList<>(periods.keySet());
		int size = indicatorIds.size() * areaIds.size() * sexIds.size() * periodIds.size();
		List<BigDecimal> values = new ArrayList<>(java.util.Collections.nCopies(size, null));
		Map<String, String> status = new LinkedHashMap<>();
		for (List<Object> row : dataset.rows()) {
			int index = ((indicatorIds.indexOf(text(row, indicatorCode)) * areaIds.size()
					+ areaIds.indexOf(text(row, areaCode))) * sexIds.size() + sexIds.indexOf(text(row, sex)))
					* periodIds.size() + periodIds.indexOf(text(row, period));
			Value v = value(row.get(value));
			values.set(index, v.number());
			if (v.status() != null) {
				status.put(String.valueOf(index), v.status());
			}
		}
		Map<String, Object> dimension = new LinkedHashMap<>();
		dimension.put("indikator", category("Indikator", indicatorIds, indicators,
				unit < 0 || dataset.rows().isEmpty() ? null : text(dataset.rows().getFirst(), unit)));
		dimension.put("omrade", category("Område", areaIds, areaLabels, null));
		dimension.put("kon", category("Kön", sexIds, sexes, null));
		dimension.put("tid", category("Period", periodIds, periods, null));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", "2.0");
		body.put("class", "dataset");
		body.put("label", dataset.caption());
		body.put("source", "Stratlas; indikatorernas källor anges i rapporten");
		body.put("updated", updated);
		body.put("id", List.of("indikator", "omrade", "kon", "tid"));
		body.put("size", List.of(indicatorIds.size(), areaIds.size(), sexIds.size(), periodIds.size()));
		body.put("role", Map.of("metric", List.of("indikator"), "geo", List.of("omrade"), "time", List.of("tid")));
		body.put("dimension", dimension);
		body.put("value", values);
		if (!status.isEmpty()) {
			body.put("status", status);
		}
		return body;
	}

	private static Map<String, Object> category(String label, List<String> ids, Map<String, String> labels,
			String unit) {
		Map<String, Object> index = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			index.put(ids.get(i), i);
		}
		Map<String, Object> category = new LinkedHashMap<>();
		category.put("index", index);
		category.put("label", labels);
		if (unit != null) {
			Map<String, Object> units = new LinkedHashMap<>();
			for (String id : ids) {
				units.put(id, Map.of("label", unit));
			}
			category.put("unit", units);
		}
		return Map.of("label", label, "category", category);
	}

	private static String text(List<Object> row, int column) {
		Object cell = column < 0 || column >= row.size() ? null : plain(row.get(column));
		return cell == null ? "" : cell.toString();
	}

	/**
	 * The DCAT-AP-SE catalogue of published datasets: of one organisation (its code), or
	 * of all. The organisation is the publisher (typed as a regional or local authority),
	 * each dataset has themes, keywords, its area and period, issued and modified dates,
	 * a landing page and a contact point; each distribution its media type and format.
	 */
	public byte[] catalog(String base, String organisationCode) {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("dcat", DCAT.NS);
		model.setNsPrefix("dcterms", DCTerms.NS);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("vcard", VCARD4.NS);
		model.setNsPrefix("skos", SKOS.uri);
		List<Edition> editions = this.editions.published()
			.stream()
			.filter(e -> organisationCode == null
					|| this.organisations.get(e.organisationId()).code().equals(organisationCode))
			.toList();
		if (organisationCode != null && editions.isEmpty()) {
			throw new NotFoundException("organisation", organisationCode);
		}
		List<Long> publishers = editions.stream().map(Edition::organisationId).distinct().toList();
		Resource catalog = model
			.createResource(base + "/public/reports/catalog.rdf"
					+ (organisationCode == null ? "" : "?organisation=" + organisationCode))
			.addProperty(RDF.type, DCAT.Catalog)
			.addProperty(DCTerms.title,
					model.createLiteral(organisationCode == null ? "Öppna data ur publicerade uppföljningsrapporter"
							: "Öppna data ur " + this.organisations.get(publishers.getFirst()).name()
									+ "s uppföljningsrapporter",
							"sv"))
			.addProperty(DCTerms.description,
					model.createLiteral("Tabeller ur de rapporter som har publicerats i Stratlas: indikatorer, "
							+ "insatser, ekonomi och måluppfyllelse.", "sv"))
			.addProperty(DCTerms.license, license(model))
			.addProperty(DCTerms.language,
					model.createResource("http://publications.europa.eu/resource/authority/language/SWE"))
			.addProperty(model.createProperty(FOAF, "homepage"), model.createResource(base + "/public/reports")
				.addProperty(RDF.type, model.createResource(FOAF + "Document")));
		// One publisher per catalogue: the organisation when the catalogue is one
		// organisation's, or when all published reports are.
		Organisation owner = publishers.size() == 1 ? this.organisations.get(publishers.getFirst()) : null;
		catalog.addProperty(DCTerms.publisher, owner != null ? publisher(model, base, owner) : platform(model, base));
		Map<Long, Resource> agents = new LinkedHashMap<>();
		for (Edition edition : editions) {
			Organisation organisation = this.organisations.get(edition.organisationId());
			Resource agent = agents.computeIfAbsent(organisation.id(), id -> publisher(model, base, organisation));
			String page = base + "/public/reports/" + edition.slug();
			Period period = periodOf(edition);
			for (Editions.Dataset dataset : this.editions.datasets(edition.slug())) {
				String uri = page + "/data/" + dataset.name();
				String issued = edition.publishedAt().atOffset(ZoneOffset.UTC).toString();
				Resource set = model.createResource(uri)
					.addProperty(RDF.type, DCAT.Dataset)
					.addProperty(DCTerms.title, model.createLiteral(dataset.caption(), "sv"))
					.addProperty(DCTerms.description,
							model.createLiteral("Tabell ur " + edition.title() + ", utgåva " + edition.number()
									+ ". Kolumner: " + String.join(", ", dataset.headers()) + ".", "sv"))
					.addProperty(DCTerms.identifier, uri)
					.addProperty(DCTerms.publisher, agent)
					.addLiteral(DCTerms.issued, model.createTypedLiteral(issued, XSDDatatype.XSDdateTime))
					// An edition does not change once frozen: modified is when it was
					// published.
					.addLiteral(DCTerms.modified, model.createTypedLiteral(issued, XSDDatatype.XSDdateTime))
					.addProperty(DCAT.theme, model.createResource(DATA_THEME + "REGI"))
					.addProperty(DCAT.theme, model.createResource(DATA_THEME + "GOVE"))
					.addProperty(DCAT.keyword, model.createLiteral("regional utveckling", "sv"))
					.addProperty(DCAT.keyword, model.createLiteral("uppföljning", "sv"))
					.addProperty(DCAT.keyword, model.createLiteral(kind(dataset), "sv"))
					.addProperty(DCAT.landingPage,
							model.createResource(page).addProperty(RDF.type, model.createResource(FOAF + "Document")))
					.addProperty(DCAT.contactPoint, contact(model, organisation, page))
					.addProperty(DCTerms.accessRights, model
						.createResource("http://publications.europa.eu/resource/authority/access-right/PUBLIC"));
				if (organisation.homeArea() != null) {
					set.addProperty(DCTerms.spatial,
							model.createResource(base + "/public/areas/" + organisation.homeArea())
								.addProperty(RDF.type, DCTerms.Location)
								.addProperty(SKOS.prefLabel,
										model.createLiteral(this.areas.name(organisation.homeArea()), "sv"))
								.addProperty(SKOS.notation, organisation.homeArea()));
				}
				if (period != null) {
					set.addProperty(DCTerms.temporal,
							model.createResource()
								.addProperty(RDF.type, DCTerms.PeriodOfTime)
								.addLiteral(model.createProperty(DCAT.NS, "startDate"),
										model.createTypedLiteral(period.start().toString(), XSDDatatype.XSDdate))
								.addLiteral(model.createProperty(DCAT.NS, "endDate"),
										model.createTypedLiteral(period.end().toString(), XSDDatatype.XSDdate)));
				}
				set.addProperty(DCAT.distribution, distribution(model, uri + ".csv", "CSV", "text/csv"));
				set.addProperty(DCAT.distribution, distribution(model, uri + ".json", "JSON", "application/json"));
				if (isSeries(dataset)) {
					set.addProperty(DCAT.distribution,
							distribution(model, uri + ".jsonstat", "JSON", "application/json"));
				}
				catalog.addProperty(DCAT.dataset, set);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, model, Lang.RDFXML);
		return out.toByteArray();
	}

	private Period periodOf(Edition edition) {
		try {
			return Period.parse(this.cycles.get(edition.organisationId(), edition.cycleId()).periodCode());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String kind(Editions.Dataset dataset) {
		String name = dataset.name();
		if (name.startsWith("indikator")) {
			return "indikatorer";
		}
		if (name.startsWith("insatser")) {
			return "insatser";
		}
		if (name.startsWith("ekonomi") || name.startsWith("siffror")) {
			return "ekonomi";
		}
		if (name.startsWith("maluppfyllelse")) {
			return "måluppfyllelse";
		}
		return "statistik";
	}

	/**
	 * What the publisher IRI of a catalogue names, as Turtle: the organisation (named and
	 * typed) and its catalogue. Only an organisation that has published is described.
	 */
	public java.util.Optional<byte[]> organisation(String base, String code) {
		return this.editions.published()
			.stream()
			.map(e -> this.organisations.get(e.organisationId()))
			.filter(o -> o.code().equals(code))
			.findFirst()
			.map(organisation -> {
				Model model = prefixed();
				publisher(model, base, organisation).addProperty(model.createProperty(FOAF, "page"),
						model.createResource(base + "/public/reports/catalog.rdf?organisation=" + code));
				return turtle(model);
			});
	}

	/** What a dataset's spatial IRI names, as Turtle: the area's name and code. */
	public java.util.Optional<byte[]> area(String base, String code) {
		return this.areas.find(code).map(area -> {
			Model model = prefixed();
			model.createResource(base + "/public/areas/" + code)
				.addProperty(RDF.type, DCTerms.Location)
				.addProperty(SKOS.prefLabel, model.createLiteral(area.name(), "sv"))
				.addProperty(SKOS.notation, code);
			return turtle(model);
		});
	}

	private static Model prefixed() {
		Model model = ModelFactory.createDefaultModel();
		model.setNsPrefix("dcterms", DCTerms.NS);
		model.setNsPrefix("foaf", FOAF);
		model.setNsPrefix("skos", SKOS.uri);
		return model;
	}

	private static byte[] turtle(Model model) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		RDFDataMgr.write(out, model, Lang.TURTLE);
		return out.toByteArray();
	}

	private static Resource license(Model model) {
		return model.createResource(LICENSE).addProperty(RDF.type, DCTerms.LicenseDocument);
	}

	/** The organisation as a DCAT-AP-SE publisher: named and typed. */
	private static Resource publisher(Model model, String base, Organisation organisation) {
		return model.createResource(base + "/public/organisations/" + organisation.code())
			.addProperty(RDF.type, model.createResource(FOAF + "Agent"))
			.addProperty(RDF.type, model.createResource(FOAF + "Organization"))
			.addProperty(model.createProperty(FOAF, "name"), model.createLiteral(organisation.name(), "sv"))
			.addProperty(DCTerms.type, model.createResource(PUBLISHER_TYPE + switch (organisation.kind()) {
				case REGION -> "RegionalAuthority";
				case KOMMUN -> "LocalAuthority";
				case OVRIG -> "PublicBody";
			}));
	}

	/**
	 * The instance as publisher of a catalogue that holds several organisations' data.
	 */
	private static Resource platform(Model model, String base) {
		return model.createResource(base + "/public/reports#utgivare")
			.addProperty(RDF.type, model.createResource(FOAF + "Agent"))
			.addProperty(model.createProperty(FOAF, "name"),
					model.createLiteral("Stratlas, uppföljning för regioner och kommuner", "sv"))
			.addProperty(DCTerms.type, model.createResource(PUBLISHER_TYPE + "PublicBody"));
	}

	private static Resource contact(Model model, Organisation organisation, String page) {
		Resource contact = model.createResource()
			.addProperty(RDF.type, VCARD4.Kind)
			.addProperty(RDF.type, VCARD4.Organization)
			.addProperty(VCARD4.fn, organisation.name())
			.addProperty(VCARD4.hasURL,
					model.createResource(organisation.website() == null || organisation.website().isBlank() ? page
							: organisation.website()));
		if (organisation.contactEmail() != null && !organisation.contactEmail().isBlank()) {
			contact.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + organisation.contactEmail()));
		}
		return contact;
	}

	private static Resource distribution(Model model, String url, String format, String mediaType) {
		return model.createResource(url)
			.addProperty(RDF.type, DCAT.Distribution)
			.addProperty(DCTerms.title, model.createLiteral(format + (url.endsWith(".jsonstat") ? "-stat" : ""), "sv"))
			.addProperty(DCAT.accessURL, model.createResource(url))
			.addProperty(DCAT.downloadURL, model.createResource(url))
			.addProperty(DCTerms.format,
					model.createResource(FILE_TYPE + format).addProperty(RDF.type, DCTerms.MediaTypeOrExtent))
			.addProperty(DCAT.mediaType,
					model.createResource("http://www.iana.org/assignments/media-types/" + mediaType)
						.addProperty(RDF.type, DCTerms.MediaType))
			.addProperty(DCTerms.license, license(model));
	}

}
