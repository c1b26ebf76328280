package se.stratlas.reports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.reports.internal.EditionStore;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;
import se.stratlas.shared.web.SplicedGzip;

/**
 * Published editions: publishing gives a frozen edition a public page, its PDF and its
 * tables as open data; the public list and each report's page read them here.
 */
@Component
public class PublishedEditions {

	private final JdbcClient jdbc;

	private final EditionStore store;

	private final JsonMapper json;

	private final Organisations organisations;

	private final AuditTrail audit;

	PublishedEditions(JdbcClient jdbc, EditionStore store, JsonMapper json, Organisations organisations,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.store = store;
		this.json = json;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** A published report in the public list: the edition and who published it. */
	public record Listed(Edition edition, String organisation) {
	}

	/**
	 * A published report's page: the edition, its datasets, the names of those that are
	 * indicator series (offered as JSON-stat too) and the code of the organisation whose
	 * catalogue it is in.
	 */
	public record Page(Edition edition, List<Editions.Dataset> datasets, Set<String> series, String organisationCode,
			SplicedGzip.Part report) {
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
		Edition edition = this.store.get(user.organisationId(), id);
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
		return this.store.get(user.organisationId(), id);
	}

	static String slug(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** Published editions, newest first (for the public list and the DCAT catalogue). */
	public List<Edition> published() {
		return this.store.published();
	}

	/**
	 * The public list: published editions, newest first, each with its organisation's
	 * name.
	 */
	public List<Listed> listing() {
		return published().stream()
			.map(edition -> new Listed(edition, this.organisations.get(edition.organisationId()).name()))
			.toList();
	}

	/** A published report's page, with the report's HTML and its gzip. */
	public Page page(String slug) {
		Edition edition = edition(slug);
		List<Editions.Dataset> datasets = datasets(slug);
		Set<String> series = datasets.stream()
			.filter(OpenData::isSeries)
			.map(Editions.Dataset::name)
			.collect(Collectors.toSet());
		return new Page(edition, datasets, series, this.organisations.get(edition.organisationId()).code(),
				this.store.readyPart(edition));
	}

	public Optional<Edition> bySlug(String slug) {
		return this.store.bySlug(slug);
	}

	/** The published edition at the address. */
	public Edition edition(String slug) {
		return bySlug(slug).orElseThrow(() -> new NotFoundException("report", slug));
	}

	public String publishedHtml(String slug) {
		return EditionStore.text(publishedPart(slug));
	}

	/** The HTML of a published edition, with its gzip. */
	public SplicedGzip.Part publishedPart(String slug) {
		return this.store.readyPart(edition(slug));
	}

	public byte[] publishedPdf(String slug) {
		return this.store.file(edition(slug).id(), "pdf");
	}

	/** The PDF of a published edition, named by its title. */
	public ReportFile pdf(String slug) {
		Edition edition = edition(slug);
		return new ReportFile(edition.title(), Editions.Format.PDF, this.store.file(edition.id(), "pdf"));
	}

	public List<Editions.Dataset> datasets(String slug) {
		String stored = this.store.tables(edition(slug).id());
		return this.json.readValue(stored, new TypeReference<List<Editions.Dataset>>() {
		});
	}

}
