package se.stratlas.reports.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
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
import se.stratlas.exchange.OpenDatasets;

/**
 * The data exchange's open datasets as entries of the public DCAT-AP-SE catalogue: each
 * with its title, description, EU theme, keywords, update frequency, licence, publisher
 * (the organisation that offers it) and one distribution, its newest file, with the
 * file's SHA-256 checksum and a public download URL. The exchange is asked through its
 * API; it does not know about the catalogue.
 */
@Component
public class ExchangeCatalogueEntries {

	private static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";

	private static final String FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/";

	private static final String SPDX = "http://spdx.org/rdf/terms#";

	private static final Map<String, String> LICENCES = Map.of("CC0-1.0",
			"http://creativecommons.org/publicdomain/zero/1.0/", "CC-BY-4.0",
			"http://creativecommons.org/licenses/by/4.0/");

	private static final Set<String> FORMATS = Set.of("CSV", "TSV", "JSON", "XML", "XLSX");

	private final OpenDatasets datasets;

	private final Organisations organisations;

	private final Areas areas;

	ExchangeCatalogueEntries(OpenDatasets datasets, Organisations organisations, Areas areas) {
		this.datasets = datasets;
		this.organisations = organisations;
		this.areas = areas;
	}

	/** The open datasets, of one organisation (its code) or of all. */
	public List<Dataset> datasets(String organisationCode) {
		return this.datasets.all()
			.stream()
			.filter(d -> organisationCode == null
					|| this.organisations.get(d.organisationId()).code().equals(organisationCode))
			.toList();
	}

	/** Adds the datasets to the catalogue, each with the publisher the function gives. */
	public void add(Model model, Resource catalog, String base, List<Dataset> datasets,
			Function<Organisation, Resource> publisher) {
		for (Dataset dataset : datasets) {
			Organisation organisation = this.organisations.get(dataset.organisationId());
			Dataset.FileVersion file = dataset.latestFile();
			String uri = base + "/public/exchange/datasets/" + dataset.id();
			Instant first = dataset.files().getFirst().uploadedAt();
			Resource set = model.createResource(uri)
				.addProperty(RDF.type, DCAT.Dataset)
				.addProperty(DCTerms.title, model.createLiteral(dataset.title(), "sv"))
				.addProperty(DCTerms.description, model.createLiteral(dataset.description(), "sv"))
				.addProperty(DCTerms.identifier, uri)
				.addProperty(DCTerms.publisher, publisher.apply(organisation))
				.addLiteral(DCTerms.issued, dateTime(model, first))
				.addLiteral(DCTerms.modified, dateTime(model, file.uploadedAt()))
				.addProperty(DCAT.theme, model.createResource(DATA_THEME + dataset.theme()))
				.addProperty(DCTerms.accrualPeriodicity, model.createResource(FREQUENCY + dataset.updateFrequency()))
				.addProperty(DCAT.contactPoint, contact(model, organisation, uri + "/file"))
				.addProperty(DCTerms.accessRights,
						model.createResource("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
				.addProperty(DCTerms.spatial, spatial(model, base, organisation.homeArea()))
				.addProperty(DCTerms.temporal,
						model.createResource()
							.addProperty(RDF.type, DCTerms.PeriodOfTime)
							.addLiteral(model.createProperty(DCAT.NS, "startDate"),
									model.createTypedLiteral(
											first.atZone(ZoneId.of("Europe/Stockholm")).toLocalDate().toString(),
											XSDDatatype.XSDdate)));
			List<String> keywords = Arrays.stream(dataset.keywords().split(","))
				.map(String::strip)
				.filter(k -> !k.isEmpty())
				.toList();
			(keywords.isEmpty() ? List.of("databörs") : keywords)
				.forEach(k -> set.addProperty(DCAT.keyword, model.createLiteral(k, "sv")));
			set.addProperty(DCAT.distribution, distribution(model, uri + "/file", dataset, file));
			catalog.addProperty(DCAT.dataset, set);
		}
	}

	/**
	 * The organisation as a DCAT contact point: its name, its website (or the page) and
	 * its e-mail when it has one.
	 */
	public static Resource contact(Model model, Organisation organisation, String page) {
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

	private Resource spatial(Model model, String base, String homeArea) {
		String code = homeArea == null || this.areas.find(homeArea).isEmpty() ? Areas.SWEDEN : homeArea;
		return model.createResource(base + "/public/areas/" + code)
			.addProperty(RDF.type, DCTerms.Location)
			.addProperty(SKOS.prefLabel, model.createLiteral(this.areas.name(code), "sv"))
			.addProperty(SKOS.notation, code);
	}

	private static Resource distribution(Model model, String url, Dataset dataset, Dataset.FileVersion file) {
		Resource distribution = model.createResource(url)
			.addProperty(RDF.type, DCAT.Distribution)
			.addProperty(DCTerms.title, model.createLiteral(file.filename(), "sv"))
			.addProperty(DCAT.accessURL, model.createResource(url))
			.addProperty(DCAT.downloadURL, model.createResource(url))
			.addProperty(DCAT.mediaType,
					model.createResource("http://www.iana.org/assignments/media-types/" + file.mediaType())
						.addProperty(RDF.type, DCTerms.MediaType))
			.addLiteral(DCAT.byteSize,
					model.createTypedLiteral(String.valueOf(file.sizeBytes()), XSDDatatype.XSDnonNegativeInteger))
			.addProperty(DCTerms.license,
					model.createResource(LICENCES.get(dataset.licence()))
						.addProperty(RDF.type, DCTerms.LicenseDocument))
			.addProperty(model.createProperty(SPDX, "checksum"),
					model.createResource()
						.addProperty(RDF.type, model.createResource(SPDX + "Checksum"))
						.addProperty(model.createProperty(SPDX, "algorithm"),
								model.createResource(SPDX + "checksumAlgorithm_sha256"))
						.addLiteral(model.createProperty(SPDX, "checksumValue"),
								model.createTypedLiteral(file.sha256(), XSDDatatype.XSDhexBinary)));
		String extension = file.filename().substring(file.filename().lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
		if (FORMATS.contains(extension)) {
			distribution.addProperty(DCTerms.format,
					model.createResource("http://publications.europa.eu/resource/authority/file-type/" + extension)
						.addProperty(RDF.type, DCTerms.MediaTypeOrExtent));
		}
		return distribution;
	}

	private static Literal dateTime(Model model, Instant instant) {
		return model.createTypedLiteral(instant.atOffset(ZoneOffset.UTC).toString(), XSDDatatype.XSDdateTime);
	}

}
