package se.stratlas.reports;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
import se.stratlas.areas.Areas;
import se.stratlas.exchange.Dataset;
import se.stratlas.followup.Cycles;
import se.stratlas.indicators.Period;
import se.stratlas.reports.internal.ExchangeCatalogueEntries;
import se.stratlas.shared.NotFoundException;

/**
 * The published datasets described for dataportal.se, built with Apache Jena: a
 * DCAT-AP-SE catalogue (RDF/XML) with the region as publisher, and the publisher and
 * spatial IRIs it names, each resolving to a short Turtle description.
 */
@Component
public class DataCatalogue {

	static final String FOAF = "http://xmlns.com/foaf/0.1/";

	private static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";

	private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

	private static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";

	private final PublishedEditions editions;

	private final Organisations organisations;

	private final Cycles cycles;

	private final Areas areas;

	private final ExchangeCatalogueEntries exchange;

	DataCatalogue(PublishedEditions editions, Organisations organisations, Cycles cycles, Areas areas,
			ExchangeCatalogueEntries exchange) {
		this.editions = editions;
		this.organisations = organisations;
		this.cycles = cycles;
		this.areas = areas;
		this.exchange = exchange;
	}

	/**
	 * The DCAT-AP-SE catalogue of published datasets: of one organisation (its code), or
	 * of all. The organisation is the publisher (typed as a regional or local authority),
	 * each dataset has themes, keywords, its area and period, issued and modified dates,
	 * a landing page and a contact point; each distribution its media type and format.
	 * The data exchange's open datasets join it, each with its newest file.
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
		List<Dataset> open = this.exchange.datasets(organisationCode);
		if (organisationCode != null && editions.isEmpty() && open.isEmpty()) {
			throw new NotFoundException("organisation", organisationCode);
		}
		List<Long> publishers = Stream
			.concat(editions.stream().map(Edition::organisationId), open.stream().map(Dataset::organisationId))
			.distinct()
			.toList();
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
					.addProperty(DCAT.contactPoint, ExchangeCatalogueEntries.contact(model, organisation, page))
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
				if (OpenData.isSeries(dataset)) {
					set.addProperty(DCAT.distribution,
							distribution(model, uri + ".jsonstat", "JSON", "application/json"));
				}
				catalog.addProperty(DCAT.dataset, set);
			}
		}
		this.exchange.add(model, catalog, base, open,
				organisation -> agents.computeIfAbsent(organisation.id(), id -> publisher(model, base, organisation)));
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
	public Optional<byte[]> organisation(String base, String code) {
		return Stream
			.concat(this.editions.published().stream().map(Edition::organisationId),
					this.exchange.datasets(code).stream().map(Dataset::organisationId))
			.map(this.organisations::get)
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
	public Optional<byte[]> area(String base, String code) {
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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RDFDataMgr.write(out, model, Lang.TURTLE);
		return out.toByteArray();
	}

	private static Resource license(Model model) {
		return model.createResource(OpenData.LICENSE).addProperty(RDF.type, DCTerms.LicenseDocument);
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
