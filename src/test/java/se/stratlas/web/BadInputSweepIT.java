package se.stratlas.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Never a 500 for bad input: every endpoint of the handler mappings (the OpenAPI
 * document's paths among them) gets generated bad input in each of its parameters, form
 * fields and JSON fields, one at a time beside plausible values in the others: wrong
 * types, numbers that overflow (1e30, 20 digits, 1e400), NUL and control characters,
 * 100,000-character strings, dates that do not exist, bad periods, duplicated and missing
 * fields, broken JSON and files. Every answer must be below 500, and an error must be a
 * problem detail in the API and a page in the browser.
 * <p>
 * It runs in a database of its own (it may change the demo data) with a fixed seed; run
 * it longer with {@code -Dsweep.rounds=20 -Dsweep.seed=…}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "stratlas.test.context=bad-input-sweep")
class BadInputSweepIT {

	private static final long SEED = Long.getLong("sweep.seed", 20261202L);

	private static final int ROUNDS = Integer.getInteger("sweep.rounds", 1);

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final String HUGE = "x".repeat(100_000);

	private static final List<String> BAD_TEXT = List.of("", HUGE, "a\u0000b", "\u0001\u0007\u001b\u007f", "\uD800",
			"' or 1=1 --", "../../x", "<script>alert(1)</script>");

	private static final List<String> BAD_NUMBER = List.of("1e30", "99999999999999999999", "-99999999999999999999",
			"1e400", "-1e400", "NaN", "Infinity", "-5", "0x10", "1,5,3", "abc", " ", "2147483648");

	private static final List<String> BAD_DATE = List.of("2024-02-30", "99999-01-01", "0000-00-00", "2024-13-01",
			"igår", "-1");

	private static final List<String> BAD_PERIOD = List.of("20x5", "2024T9", "99999", "2024-13", "2024Q0", "");

	private static final List<String> BAD_ENUM = List.of("NOPE", "", "null", "0");

	private static final List<String> BAD_UUID = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "");

	private static final List<String> BAD_PATH = List.of("abc", "99999999999999999999", "-1", "0", "1e30", "%00");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	private final Random random = new Random(SEED);

	private DemoIds ids;

	/** One request to make: what it is, for the report, and how to build it. */
	private record Probe(String endpoint, String what, AbstractMockHttpServletRequestBuilder<?> request) {
	}

	@Test
	void noEndpointAnswersBadInputWith500OrWithTheWrongKindOfError() throws Exception {
		this.ids = DemoIds.of(this.jdbc);
		Map<String, HandlerMethod> endpoints = endpoints();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, HandlerMethod> endpoint : endpoints.entrySet()) {
				for (Probe probe : probes(endpoint.getKey(), endpoint.getValue())) {
					sent++;
					String failure = send(probe);
					if (failure != null) {
						failures.add(failure);
					}
				}
			}
		}
		System.out.printf("Bad-input sweep: %d requests to %d endpoints (seed %d, %d round(s)), %d failures%n", sent,
				endpoints.size(), SEED, ROUNDS, failures.size());
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bad-input-sweep.txt"),
				String.join("\n", failures).replaceAll("[\uD800-\uDFFF]", "?"));
		failures.stream()
			.limit(20)
			.forEach(failure -> System.out.println("  " + failure.replaceAll("[\uD800-\uDFFF]", "?")));
		assertThat(sent).isGreaterThan(endpoints.size() * 5);
		assertThat(failures).as("answers to bad input that were a 500 or not a problem detail/page").isEmpty();
	}

	@Test
	void everyPathOfTheOpenApiDocumentIsSwept() throws Exception {
		JsonNode document = this.json.readTree(this.mvc
			.perform(request(HttpMethod.GET, "/v3/api-docs").with(user(this.users.loadUserByUsername("anna.admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString());
		Set<String> swept = endpoints().keySet();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				String endpoint = method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
				if (!swept.contains(endpoint)) {
					missing.add(endpoint);
				}
			}
		}
		assertThat(document.path("paths").size()).isGreaterThan(40);
		assertThat(missing).isEmpty();
	}

	private String send(Probe probe) {
		MvcResult result;
		try {
			result = this.mvc.perform(probe.request()).andReturn();
		}
		catch (Exception ex) {
			return probe.endpoint() + " " + probe.what() + ": exception " + rootCause(ex);
		}
		int status = result.getResponse().getStatus();
		String type = String.valueOf(result.getResponse().getContentType());
		if (status < 500 && result.getResponse().getContentType() == null
				&& result.getResponse().getContentAsByteArray().length == 0) {
			// Sent as an error for the container's error page (/error), which answers
			// with a
			// problem detail or a page as OutsideAttacksIT checks over real HTTP.
			return null;
		}
		// 502 and 503 are the answers for a source (Kolada, SCB) that cannot be reached.
		if (status >= 500 && status != 502 && status != 503) {
			Throwable resolved = result.getResolvedException();
			return probe.endpoint() + " " + probe.what() + ": " + status
					+ (resolved == null ? "" : " " + rootCause(resolved));
		}
		if (status >= 400) {
			boolean api = probe.endpoint().contains(" /api/");
			if (api && !type.contains("application/problem+json")) {
				return probe.endpoint() + " " + probe.what() + ": " + status + " as " + type + ", not a problem detail";
			}
			if (!api && !type.contains("text/html")) {
				return probe.endpoint() + " " + probe.what() + ": " + status + " as " + type + ", not a page";
			}
		}
		return null;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(160, message.length()));
	}

	/** The generated requests for one endpoint. */
	private List<Probe> probes(String endpoint, HandlerMethod handler) {
		String[] parts = endpoint.split(" ", 2);
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		String pattern = parts[1];
		List<Probe> probes = new ArrayList<>();
		boolean destructive = pattern.contains("delete") || method == HttpMethod.DELETE;
		// Bad path variables, one at a time.
		Matcher variables = VARIABLE.matcher(pattern);
		while (variables.find()) {
			String bad = pick(BAD_PATH);
			String path = EndpointAuthorizationIT.substitute(pattern.replace(variables.group(), bad), this.ids);
			probes.add(new Probe(endpoint, "path " + variables.group(1) + "=" + bad, base(method, path, handler)));
		}
		String path = EndpointAuthorizationIT.substitute(pattern, this.ids);
		// Each parameter, form field and JSON field in turn gets bad input.
		List<Field> fields = fields(handler);
		Map<String, String> plausible = new LinkedHashMap<>();
		for (Field field : fields) {
			if (field.source() == Source.PARAM) {
				plausible.put(field.name(), plausible(field, destructive));
			}
		}
		ObjectNode body = body(handler, destructive);
		for (Field field : fields) {
			for (String bad : badValues(field)) {
				AbstractMockHttpServletRequestBuilder<?> request = base(method, path, handler);
				if (field.source() == Source.PARAM) {
					plausible.forEach((name, value) -> {
						if (!name.equals(field.name())) {
							request.param(name, value);
						}
					});
					if (bad != null) {
						request.param(field.name(), bad);
					}
					if (body != null) {
						request.contentType(MediaType.APPLICATION_JSON).content(body.toString());
					}
				}
				else if (field.source() == Source.JSON && body != null) {
					plausible.forEach(request::param);
					ObjectNode mutated = body.deepCopy();
					setJson(mutated, field.name(), bad, field);
					request.contentType(MediaType.APPLICATION_JSON).content(mutated.toString());
				}
				else if (field.source() == Source.FILE) {
					plausible.forEach(request::param);
				}
				String shown = bad == null ? "(missing)" : abbreviate(bad);
				probes.add(new Probe(endpoint, field.source() + " " + field.name() + "=" + shown, request));
			}
		}
		// The body as a whole: broken, the wrong shape, duplicated keys.
		if (body != null) {
			for (String broken : List.of("", "{", "[]", "null", "\"text\"", "{\"x\": 1, \"x\": 2}",
					body.toString() + body)) {
				AbstractMockHttpServletRequestBuilder<?> request = base(method, path, handler);
				plausible.forEach(request::param);
				request.contentType(MediaType.APPLICATION_JSON).content(broken);
				probes.add(new Probe(endpoint, "body " + abbreviate(broken), request));
			}
			if (!body.isEmpty()) {
				String first = body.propertyNames().iterator().next();
				String duplicated = body.toString()
					.replaceFirst("\\{", "{\"" + first + "\": " + body.get(first) + ", ")
					.replaceFirst("\\{", "{\"" + first + "\": \"duplicate\", ");
				AbstractMockHttpServletRequestBuilder<?> request = base(method, path, handler);
				plausible.forEach(request::param);
				request.contentType(MediaType.APPLICATION_JSON).content(duplicated);
				probes.add(new Probe(endpoint, "body with " + first + " twice", request));
			}
		}
		if (fields.isEmpty() && !path.contains("{")) {
			probes.add(new Probe(endpoint, "as is", base(method, path, handler)));
		}
		return probes;
	}

	private AbstractMockHttpServletRequestBuilder<?> base(HttpMethod method, String path, HandlerMethod handler) {
		boolean files = java.util.Arrays.stream(handler.getMethodParameters())
			.anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
		AbstractMockHttpServletRequestBuilder<?> request;
		if (files && method == HttpMethod.POST) {
			MockMultipartHttpServletRequestBuilder upload = multipart(path);
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
					upload.file(badFile(partName(parameter)));
				}
			}
			request = upload;
		}
		else {
			request = request(method, path);
		}
		request.accept(path.startsWith("/api") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
		request.with(csrf());
		// Administrators reach every endpoint; a rapportör's unit rules are other paths.
		request.with(user(this.users.loadUserByUsername(this.random.nextInt(4) == 0 ? "rasmus.rapportor"
				: this.random.nextBoolean() ? "sara.strateg" : "anna.admin")));
		return request;
	}

	private MockMultipartFile badFile(String name) {
		return switch (this.random.nextInt(6)) {
			case 0 -> new MockMultipartFile(name, "tom.csv", "text/csv", new byte[0]);
			case 1 -> new MockMultipartFile(name, "skrap.xlsx", "application/octet-stream", randomBytes(2048));
			case 2 -> new MockMultipartFile(name, "rader.csv", "text/csv",
					("indikator;område;period;kön;värde;saknas\nX;2480;20x5;T;1e400;\n;;;;;\n\u0000;;;;;\n"
							+ "N;9999;2024;Q;99999999999999999999;\n")
						.getBytes(StandardCharsets.UTF_8));
			case 3 -> new MockMultipartFile(name, "data.json", "application/json",
					"{\"values\": [{\"kpi\": 1, \"values\": \"x\"}]}".getBytes(StandardCharsets.UTF_8));
			case 4 -> new MockMultipartFile(name, "bild.png", "image/png", randomBytes(512));
			default -> new MockMultipartFile(name, "lång-" + "x".repeat(300) + ".csv", "text/csv",
					("namn*;typ*\n" + HUGE + ";NOPE\n").getBytes(StandardCharsets.UTF_8));
		};
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private enum Source {

		PARAM, JSON, FILE

	}

	/** A parameter or field to fill: where it goes, its name and its type. */
	private record Field(Source source, String name, Class<?> type, Type generic) {
	}

	private List<Field> fields(HandlerMethod handler) {
		List<Field> fields = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
					|| parameter.hasParameterAnnotation(PathVariable.class) || skipped(type)) {
				continue;
			}
			if (MultipartFile.class.isAssignableFrom(type)) {
				fields.add(new Field(Source.FILE, partName(parameter), type, type));
				continue;
			}
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						fields.add(new Field(Source.JSON, component.getName(), component.getType(),
								component.getGenericType()));
					}
				}
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null || BeanUtils.isSimpleProperty(type) || Collection.class.isAssignableFrom(type)) {
				if (Map.class.isAssignableFrom(type)) {
					continue;
				}
				String name = param != null && !param.name().isEmpty() ? param.name()
						: param != null && !param.value().isEmpty() ? param.value() : parameter.getParameterName();
				fields.add(new Field(Source.PARAM, name, type, parameter.getGenericParameterType()));
				continue;
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					fields.add(new Field(Source.PARAM, component.getName(), component.getType(),
							component.getGenericType()));
				}
			}
		}
		return fields;
	}

	private static String partName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		if (param != null && !param.value().isEmpty()) {
			return param.value();
		}
		if (part != null && !part.name().isEmpty()) {
			return part.name();
		}
		if (part != null && !part.value().isEmpty()) {
			return part.value();
		}
		return parameter.getParameterName();
	}

	private static boolean skipped(Class<?> type) {
		return type.getName().startsWith("jakarta.servlet") || type.getName().startsWith("org.springframework.ui")
				|| type.getName().startsWith("org.springframework.validation")
				|| type.getName().startsWith("org.springframework.web.servlet")
				|| type.getName().startsWith("org.springframework.web.context")
				|| type.getName().startsWith("org.springframework.web.util")
				|| type.getName().startsWith("org.springframework.security") || type == java.util.Locale.class
				|| type == java.security.Principal.class || type.getName().startsWith("se.stratlas.accounts");
	}

	/** A few bad values for the field, chosen by the seed; null means "left out". */
	private List<String> badValues(Field field) {
		List<String> pool;
		String name = field.name().toLowerCase(java.util.Locale.ROOT);
		Class<?> type = elementType(field);
		if (field.source() == Source.FILE) {
			return List.of("file");
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			pool = BAD_NUMBER;
		}
		else if (type == LocalDate.class || type == java.time.Instant.class || type == java.time.LocalDateTime.class) {
			pool = BAD_DATE;
		}
		else if (type.isEnum()) {
			pool = BAD_ENUM;
		}
		else if (type == UUID.class) {
			pool = BAD_UUID;
		}
		else if (type == Boolean.class || type == boolean.class) {
			pool = List.of("maybe", "");
		}
		else if (name.contains("period") || name.equals("deadline") || name.equals("baseline")
				|| name.equals("until")) {
			pool = BAD_PERIOD;
		}
		else if (name.contains("date") || name.endsWith("on")) {
			pool = BAD_DATE;
		}
		else {
			pool = BAD_TEXT;
		}
		List<String> values = new ArrayList<>();
		values.add(pick(pool));
		values.add(pick(pool));
		values.add(pick(BAD_TEXT));
		if (this.random.nextInt(4) == 0) {
			values.add(null);
		}
		return values.stream().distinct().toList();
	}

	private String plausible(Field field, boolean destructive) {
		Class<?> type = elementType(field);
		String name = field.name().toLowerCase(java.util.Locale.ROOT);
		if (name.equals("version")) {
			// Never the current version of something a request could delete.
			return destructive || this.random.nextBoolean() ? "-1" : "0";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return name.contains("year") || name.equals("from") || name.equals("to") ? "2023" : "1";
		}
		if (type == LocalDate.class) {
			return "2024-01-01";
		}
		if (type.isEnum()) {
			return type.getEnumConstants().length == 0 ? "" : ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		if (type == UUID.class) {
			return UUID.randomUUID().toString();
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true";
		}
		if (name.contains("period") || name.equals("deadline") || name.equals("baseline")) {
			return "2024";
		}
		if (name.contains("date") || name.endsWith("on")) {
			return "2024-01-01";
		}
		if (name.contains("area") || name.contains("county")) {
			return "2480";
		}
		return "Svep";
	}

	private ObjectNode body(HandlerMethod handler, boolean destructive) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				JsonNode node = jsonValue(parameter.getGenericParameterType(), parameter.getParameterType(), 0,
						destructive);
				return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
			}
		}
		return null;
	}

	private JsonNode jsonValue(Type generic, Class<?> type, int depth, boolean destructive) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (type.isRecord() && depth < 4) {
			ObjectNode object = nodes.objectNode();
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals("version")) {
					object.put("version", destructive ? -1 : 0);
					continue;
				}
				object.set(component.getName(),
						jsonValue(component.getGenericType(), component.getType(), depth + 1, destructive));
			}
			return object;
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			ArrayNode array = nodes.arrayNode();
			Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
			Class<?> elementClass = element instanceof Class<?> c ? c
					: element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : String.class;
			array.add(jsonValue(element, elementClass, depth + 1, destructive));
			return array;
		}
		if (Map.class.isAssignableFrom(type)) {
			return nodes.objectNode();
		}
		Field field = new Field(Source.JSON, "", type, generic);
		String value = plausible(field, destructive);
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return nodes.numberNode(new BigDecimal(value));
		}
		if (type == Boolean.class || type == boolean.class) {
			return nodes.booleanNode(true);
		}
		return nodes.stringNode(value);
	}

	private void setJson(ObjectNode body, String name, String bad, Field field) {
		if (bad == null) {
			body.remove(name);
			return;
		}
		Class<?> type = elementType(field);
		boolean number = Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
		if (number && bad.matches("-?[0-9.]+(e-?[0-9]+)?")) {
			// A bare JSON number, however large.
			body.set(name, JsonNodeFactory.instance.numberNode(new BigDecimal(bad)));
		}
		else if (this.random.nextInt(5) == 0) {
			body.set(name, JsonNodeFactory.instance.objectNode().put("x", bad));
		}
		else {
			body.put(name, bad);
		}
	}

	private static Class<?> elementType(Field field) {
		if (Collection.class.isAssignableFrom(field.type())
				&& field.generic() instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		if (field.type().isArray()) {
			return field.type().getComponentType();
		}
		return field.type();
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String abbreviate(String text) {
		String shown = text.replaceAll("\\p{Cntrl}", "?");
		return shown.length() > 40 ? shown.substring(0, 40) + "…(" + shown.length() + ")" : shown;
	}

	private Map<String, HandlerMethod> endpoints() {
		// Sorted, so that a seed gives the same requests in the same order every time.
		Map<String, HandlerMethod> endpoints = new java.util.TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("se.stratlas")) {
				continue;
			}
			Set<String> patterns = new TreeSet<>(entry.getKey().getPatternValues());
			entry.getKey()
				.getMethodsCondition()
				.getMethods()
				.forEach(method -> patterns
					.forEach(pattern -> endpoints.put(method.name() + " " + pattern, entry.getValue())));
		}
		return endpoints;
	}

}
