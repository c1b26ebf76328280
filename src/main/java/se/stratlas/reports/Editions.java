package se.stratlas.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.web.SplicedGzip;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.tables.TableFiles;

/**
 * Report editions: a strateg freezes a report product into an edition, generated in the
 * background with visible progress, archived with its date in every format (HTML, PDF/UA,
 * DOCX, XLSX); later edits of the texts do not change it. Publishing gives an edition a
 * public page and its tables as open data.
 */
@Component
public class Editions {

	private static final Logger log = LoggerFactory.getLogger(Editions.class);

	private final io.micrometer.core.instrument.MeterRegistry meters;

	private final se.stratlas.shared.Instance instance;

	/** What an edition interrupted by a stopped instance says. */
	static final String INTERRUPTED = "Avbruten: Stratlas stoppades medan utgåvan skapades. Skapa den igen.";

	private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

	/** A table of a published edition, as open data. */
	public record Dataset(String name, String caption, List<String> headers, List<List<Object>> rows) {
	}

	/** A file of an edition. */
	public enum Format {

		PDF("application/pdf", "pdf"),
		DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		public final String mediaType;

		public final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

	}

	private static final RowMapper<Edition> EDITION = (rs, row) -> new Edition(rs.getLong("id"),
			rs.getLong("organisation_id"), rs.getLong("cycle_id"), rs.getLong("product_id"), rs.getInt("number"),
			rs.getString("title"), rs.getString("status"), rs.getString("phase"), rs.getInt("steps_done"),
			rs.getInt("steps_total"), rs.getString("error"), rs.getBoolean("draft"),
			rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
			rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
			rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
			rs.getString("slug"));

	private static final String COLUMNS = """
			id, organisation_id, cycle_id, product_id, number, title, status, phase, steps_done, steps_total, error,
			draft, created_at, created_by, finished_at, published_at, slug""";

	private final JdbcClient jdbc;

	private final Reports reports;

	private final JsonMapper json;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final org.springframework.transaction.support.TransactionTemplate separate;

	/**
	 * The HTML of ready editions, which never changes once written, with its gzip made
	 * once: a page read by many (the annual report, some 1 MB) is read from PostgreSQL,
	 * decoded and compressed once, not on every request. Bounded by size.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<Long, SplicedGzip.Part> readyHtml = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumWeight(64L * 1024 * 1024).<Long, SplicedGzip.Part>weigher((id, part) -> part.weight()).build();

	Editions(JdbcClient jdbc, Reports reports, JsonMapper json, Organisations organisations, AuditTrail audit,
			org.springframework.transaction.PlatformTransactionManager transactions,
			io.micrometer.core.instrument.MeterRegistry meters, se.stratlas.shared.Instance instance) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.instance = instance;
		this.separate = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.separate
			.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reports = reports;
		this.json = json;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** The report in every format, built now from the current data. */
	public record Rendered(ReportDocument document, String html, byte[] pdf, byte[] docx, byte[] xlsx) {
	}

	public static byte[] xlsx(ReportDocument document) {
		List<se.stratlas.shared.tables.Table> sheets = new ArrayList<>();
		// The first sheet says what the workbook is: report, organisation, date, where
		// the
		// figures come from, what is invented, and which sheet holds which table.
		List<List<Object>> about = new ArrayList<>();
		about.add(List.of("Rapport", document.title()));
		about.add(List.of("Period", document.subtitle()));
		about.add(List.of("Organisation", document.organisation()));
		about.add(List.of("Datum", document.date()));
		about.add(List.of("Källa", "Stratlas. Indikatorvärden från Kolada, SCB eller organisationens egna data "
				+ "enligt figurtexterna; belopp i kronor där inget annat anges."));
		document.nodes()
			.stream()
			.filter(ReportDocument.Notice.class::isInstance)
			.map(n -> ((ReportDocument.Notice) n).text())
			.filter(t -> t.contains("fiktiva"))
			.distinct()
			.forEach(t -> about.add(List.of("Observera", t)));
		List<se.stratlas.shared.tables.Table> tables = new ArrayList<>();
		List<String> names = sheetNames(document.tables().stream().map(ReportDocument.Table::caption).toList());
		int index = 0;
		for (ReportDocument.Table table : document.tables()) {
			index++;
			String name = String.format(Locale.ROOT, "%02d %s", index, names.get(index - 1));
			tables.add(new se.stratlas.shared.tables.Table(name, table.headers(), table.rows()));
			about.add(List.of(String.format(Locale.ROOT, "Blad %02d", index), table.caption()));
		}
		sheets.add(new se.stratlas.shared.tables.Table("Om arbetsboken", List.of("Uppgift", "Värde"), about));
		sheets.addAll(tables);
		return TableFiles.xlsx(sheets);
	}

	/**
	 * Short sheet names that tell the tables apart within Excel's 31 characters: captions
	 * that begin alike ("Ekonomi och personal, Division …") keep their first word and
	 * what is their own ("Ekonomi Folktandvård").
	 */
	static List<String> sheetNames(List<String> captions) {
		int room = 27;
		List<String> names = new ArrayList<>();
		for (String caption : captions) {
			String own = caption;
			String start = caption.substring(0, Math.min(caption.length(), room));
			List<String> alike = captions.stream()
				.filter(c -> !c.equals(caption) && c.startsWith(start) && c.length() > room)
				.toList();
			boolean prefixOfAnother = alike.stream().anyMatch(c -> c.startsWith(caption));
			String shorter = alike.stream().filter(caption::startsWith).findFirst().orElse(null);
			String tail = shorter == null ? null : caption.substring(shorter.length()).replaceFirst("^[–,:\\s]+", "");
			if (tail != null && !tail.isEmpty() && tail.length() <= 12) {
				// "…, Dalarnas län, per kön" beside "…, Dalarnas län": its
				// start, then
				// what it adds.
				own = caption.substring(0, room - tail.length() - 1).stripTrailing() + " " + tail;
			}
			else if (!alike.isEmpty() && caption.length() > room && !prefixOfAnother) {
				// Where it parts from the caption most like it.
				int common = 0;
				for (String other : alike) {
					int i = 0;
					while (i < Math.min(caption.length(), other.length()) && caption.charAt(i) == other.charAt(i)) {
						i++;
					}
					common = Math.max(common, i);
				}
				int word = caption.lastIndexOf(' ', common) + 1;
				String rest = caption.substring(word).replaceFirst("^[–,:\\s]+", "");
				own = caption.split("[ ,]")[0] + " " + rest;
			}
			names.add(own.length() > room ? own.substring(0, room).stripTrailing() : own);
		}
		return names;
	}

	/**
	 * Freezes the product into a new edition, generated in the background; returns at
	 * once with the edition to follow.
	 */
	public Edition start(StratlasPrincipal user, long cycleId, long productId) {
		return start(user, cycleId, productId, false);
	}

	/**
	 * Freezes the product; when sections are empty or texts not approved
	 * ({@link Reports#gaps}), only with {@code gapsConfirmed}: the strateg has seen the
	 * list and freezes anyway.
	 * @throws ValidationException on the field {@code confirmGaps} when there are gaps
	 * and they were not confirmed
	 */
	public Edition start(StratlasPrincipal user, long cycleId, long productId, boolean gapsConfirmed) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only a strateg freezes reports");
		}
		if (!gapsConfirmed && !this.reports.gaps(user.organisationId(), cycleId, productId).isEmpty()) {
			throw new ValidationException("confirmGaps", "report.freeze.gapsUnconfirmed");
		}
		ReportDocument probe = this.reports.build(user.organisationId(), cycleId, productId);
		long id = this.jdbc.sql("""
				insert into reports_edition (organisation_id, cycle_id, product_id, number, title, status, steps_total,
				draft, created_by, instance_id) values (:org, :cycle, :product,
				(select coalesce(max(number), 0) + 1 from reports_edition where product_id = :product),
				:title, 'RUNNING', 5, :draft, :actor, :instance) returning id""")
			.param("instance", this.instance.id())
			.param("org", user.organisationId())
			.param("cycle", cycleId)
			.param("product", productId)
			.param("title", probe.title())
			.param("draft", probe.draft())
			.param("actor", user.username())
			.query(Long.class)
			.single();
		this.audit.record(user.organisationId(), user.username(), "reports_edition", id, "CREATED", probe.title(),
				Map.of());
		CompletableFuture.runAsync(() -> generate(user.organisationId(), cycleId, productId, id), BACKGROUND);
		return get(user.organisationId(), id);
	}

	private void generate(long organisationId, long cycleId, long productId, long id) {
		io.micrometer.core.instrument.Timer.Sample whole = io.micrometer.core.instrument.Timer.start(this.meters);
		String outcome = "failed";
		try {
			ReportDocument document = this.reports.build(organisationId, cycleId, productId,
					(phase, done, total) -> progress(id, "Sammanställer: " + phase, 0));
			progress(id, "HTML", 1);
			String html = timed("html", () -> HtmlReport.body(document));
			progress(id, "PDF/UA", 2);
			byte[] pdf = timed("pdf", () -> PdfReport.render(document));
			progress(id, "Word", 3);
			byte[] docx = timed("docx", () -> DocxReport.render(document));
			progress(id, "Excel", 4);
			byte[] xlsx = timed("xlsx", () -> xlsx(document));
			List<Dataset> datasets = document.tables()
				.stream()
				.map(t -> new Dataset(t.dataset(), t.caption(), t.headers(),
						t.rows().stream().map(r -> r.stream().map(OpenData::plain).toList()).toList()))
				.toList();
			this.jdbc.sql("""
					update reports_edition set status = 'READY', phase = null, steps_done = steps_total, html = :html,
					pdf = :pdf, docx = :docx, xlsx = :xlsx, tables = cast(:tables as jsonb), finished_at = now()
					where id = :id""")
				.param("html", html)
				.param("pdf", pdf)
				.param("docx", docx)
				.param("xlsx", xlsx)
				.param("tables", this.json.writeValueAsString(datasets))
				.param("id", id)
				.update();
			outcome = "ready";
		}
		catch (RuntimeException ex) {
			log.warn("Report edition {} failed", id, ex);
			this.jdbc
				.sql("update reports_edition set status = 'FAILED', error = :error, finished_at = now() where id = :id")
				.param("error", String.valueOf(ex.getMessage()))
				.param("id", id)
				.update();
		}
		finally {
			whole.stop(io.micrometer.core.instrument.Timer.builder("stratlas.reports.editions")
				.description("Report editions generated in the background, all formats")
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	/** Renders one format, timed as {@code stratlas.reports.render} with its format. */
	private <T> T timed(String format, java.util.function.Supplier<T> render) {
		return io.micrometer.core.instrument.Timer.builder("stratlas.reports.render")
			.description("Rendering one format of a report")
			.tag("format", format)
			.register(this.meters)
			.record(render);
	}

	/** Editions whose instance stopped while generating them are marked as failed. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${stratlas.jobs.reap-every:15s}",
			initialDelayString = "${stratlas.jobs.reap-first:5s}")
	public void reapInterrupted() {
		this.instance.reapInterrupted("reports_edition", "error", INTERRUPTED);
	}

	/**
	 * Progress is written in its own transaction, so that it is seen at once (and even
	 * inside a read-only build).
	 */
	private void progress(long id, String phase, int done) {
		this.separate.executeWithoutResult(
				status -> this.jdbc.sql("update reports_edition set phase = :phase, steps_done = :done where id = :id")
					.param("phase", phase)
					.param("done", done)
					.param("id", id)
					.update());
	}

	public Edition get(long organisationId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from reports_edition where id = :id and organisation_id = :org")
			.param("id", id)
			.param("org", organisationId)
			.query(EDITION)
			.optional()
			.orElseThrow(() -> new NotFoundException("edition", id));
	}

	public List<Edition> list(long organisationId, long productId) {
		return this.jdbc.sql("select " + COLUMNS
				+ " from reports_edition where organisation_id = :org and product_id = :product order by number desc")
			.param("org", organisationId)
			.param("product", productId)
			.query(EDITION)
			.list();
	}

	/** The stored HTML body of a ready edition. */
	public String html(long organisationId, long id) {
		return text(readyPart(get(organisationId, id)));
	}

	/** The stored HTML body of a ready edition with its gzip, else null. */
	public SplicedGzip.Part htmlPart(long organisationId, long id) {
		return readyPart(get(organisationId, id));
	}

	public byte[] file(long organisationId, long id, Format format) {
		Edition edition = get(organisationId, id);
		if (!edition.ready()) {
			throw new NotFoundException("edition file", id);
		}
		return this.jdbc.sql("select " + format.extension + " from reports_edition where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
	}

	/** Publishes a ready edition: a public page and its tables as open data. */
	public Edition publish(StratlasPrincipal user, long id) {
		return publish(user, id, false);
	}

	/**
	 * Publishes a frozen edition: it gets a public page and its tables become open data.
	 * A draft edition (texts not all approved) only with {@code draftConfirmed}.
	 * @throws ValidationException when the edition is not ready, or is a draft and that
	 * was not confirmed (field {@code confirmDraft})
	 */
	public Edition publish(StratlasPrincipal user, long id, boolean draftConfirmed) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only a strateg publishes reports");
		}
		Edition edition = get(user.organisationId(), id);
		if (!edition.ready()) {
			throw new ValidationException("", "edition.notReady");
		}
		if (edition.draft() && !edition.published() && !draftConfirmed) {
			throw new ValidationException("confirmDraft", "edition.publish.draftUnconfirmed");
		}
		if (edition.published()) {
			return edition;
		}
		String slug = slug(
				this.organisations.get(user.organisationId()).code() + "-" + edition.title() + "-" + edition.number());
		this.jdbc.sql("""
				update reports_edition set published_at = now(), published_by = :actor, slug = :slug where id = :id""")
			.param("actor", user.username())
			.param("slug", slug)
			.param("id", id)
			.update();
		this.audit.record(user.organisationId(), user.username(), "reports_edition", id, "PUBLISHED", edition.title(),
				Map.of());
		return get(user.organisationId(), id);
	}

	static String slug(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** Published editions, newest first (for the public list and the DCAT catalogue). */
	public List<Edition> published() {
		return this.jdbc
			.sql("select " + COLUMNS + " from reports_edition where published_at is not null"
					+ " order by published_at desc, id desc")
			.query(EDITION)
			.list();
	}

	public Optional<Edition> bySlug(String slug) {
		return this.jdbc
			.sql("select " + COLUMNS + " from reports_edition where slug = :slug and published_at is not null")
			.param("slug", slug)
			.query(EDITION)
			.optional();
	}

	public String publishedHtml(String slug) {
		return text(publishedPart(slug));
	}

	/** The HTML of a published edition, with its gzip. */
	public SplicedGzip.Part publishedPart(String slug) {
		return readyPart(bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug)));
	}

	/**
	 * The HTML of a ready edition with its gzip (from memory after the first time), else
	 * null.
	 */
	private SplicedGzip.Part readyPart(Edition edition) {
		if (!edition.ready()) {
			return null;
		}
		return this.readyHtml.get(edition.id(),
				id -> this.jdbc.sql("select html from reports_edition where id = :id and status = 'READY'")
					.param("id", id)
					.query(String.class)
					.optional()
					.map(SplicedGzip::part)
					.orElse(null));
	}

	private static String text(SplicedGzip.Part part) {
		return part == null ? null : new String(part.text(), java.nio.charset.StandardCharsets.UTF_8);
	}

	public byte[] publishedPdf(String slug) {
		Edition edition = bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		return this.jdbc.sql("select pdf from reports_edition where id = :id")
			.param("id", edition.id())
			.query(byte[].class)
			.single();
	}

	public List<Dataset> datasets(String slug) {
		Edition edition = bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
		String stored = this.jdbc.sql("select tables from reports_edition where id = :id")
			.param("id", edition.id())
			.query(String.class)
			.single();
		return this.json.readValue(stored, new TypeReference<List<Dataset>>() {
		});
	}

	public String organisationName(long organisationId) {
		return this.organisations.get(organisationId).name();
	}

}
