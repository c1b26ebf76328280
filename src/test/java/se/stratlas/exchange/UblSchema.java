package se.stratlas.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The official UBL 2.1 Invoice and CreditNote schemas (UBL-Invoice-2.1.xsd and
 * UBL-CreditNote-2.1.xsd with their common schemas, from the ph-ubl21 jar) and a
 * validator for it. The UBL schemas import the CCTS, XML-DSig and XAdES schemas by
 * namespace alone; those come from the ph-xsds jars, found by namespace.
 */
final class UblSchema {

	private static final Map<String, String> BY_NAMESPACE = Map.of(
			"urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2",
			"schemas/CCTS_CCT_SchemaModule.xsd", "http://www.w3.org/2000/09/xmldsig#",
			"schemas/xmldsig-core-schema.xsd", "http://uri.etsi.org/01903/v1.3.2#", "schemas/XAdES01903v132-201601.xsd",
			"http://uri.etsi.org/01903/v1.4.1#", "schemas/XAdES01903v141-201601.xsd");

	private static final String INVOICE = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";

	private static final String CREDIT_NOTE = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";

	private static Schema schema;

	private static Schema creditNoteSchema;

	private UblSchema() {
	}

	static synchronized Schema invoice() throws SAXException {
		if (schema == null) {
			schema = load(INVOICE);
		}
		return schema;
	}

	static synchronized Schema creditNote() throws SAXException {
		if (creditNoteSchema == null) {
			creditNoteSchema = load(CREDIT_NOTE);
		}
		return creditNoteSchema;
	}

	private static Schema load(String main) throws SAXException {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setResourceResolver(new Resolver());
		return factory.newSchema(new StreamSource(resource(main).toExternalForm()));
	}

	/** Validates the document; throws with the schema's message when it is not valid. */
	static void validate(byte[] xml) throws SAXException, IOException {
		invoice().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
	}

	/** Validates a credit note against the UBL 2.1 CreditNote schema. */
	static void validateCreditNote(byte[] xml) throws SAXException, IOException {
		creditNote().newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
	}

	private static URL resource(String name) {
		URL url = UblSchema.class.getClassLoader().getResource(name);
		if (url == null) {
			throw new IllegalStateException("Not on the test class path: " + name);
		}
		return url;
	}

	/**
	 * A path relative to a jar: URL, which java.net.URI cannot resolve (it is opaque).
	 */
	private static String relative(String base, String path) {
		String joined = base.substring(0, base.lastIndexOf('/') + 1) + path;
		String previous;
		do {
			previous = joined;
			joined = joined.replaceFirst("/[^/!]+/\\.\\./", "/");
		}
		while (!joined.equals(previous));
		return joined;
	}

	private static final class Resolver implements LSResourceResolver {

		@Override
		public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
				String baseUri) {
			try {
				URL url = systemId == null || systemId.isBlank() ? resource(BY_NAMESPACE.get(namespace))
						: URI.create(relative(baseUri, systemId)).toURL();
				LSInput input = ((DOMImplementationLS) DOMImplementationRegistry.newInstance()
					.getDOMImplementation("LS")).createLSInput();
				input.setSystemId(url.toExternalForm());
				input.setPublicId(publicId);
				input.setByteStream(url.openStream());
				return input;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot resolve " + namespace + " " + systemId + " from " + baseUri,
						ex);
			}
		}

	}

}
