package se.stratlas.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.DeliveryRepository;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Delivery through the policy-checked data API: the buyer of a deal whose listing says so
 * gets an access key (shown once, only its hash kept) and fetches the rows of the
 * dataset's current file per request. Every call is checked against the licence: the key,
 * the purpose, the licence period and the volume a day; every call, granted or refused,
 * is logged with the purpose, the rows and the checksum of what was served. Donors who
 * did not cover the deal at its close, or have withdrawn since, are left out.
 */
@Service
public class DataApi {

	/** What an access key's text starts with, so that a leaked key is recognisable. */
	public static final String PREFIX = "sdk_";

	/** The most rows one call serves. */
	public static final int MAX_ROWS = 1000;

	private static final int DEFAULT_ROWS = 100;

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final DeliveryRepository delivery;

	private final Deals deals;

	private final DataDonors donors;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DataApi(DatasetRepository datasetRepository, MarketRepository marketRepository, DeliveryRepository delivery,
			Deals deals, DataDonors donors, AuditTrail audit, PlatformTransactionManager transactions,
			Optional<Clock> clock) {
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.delivery = delivery;
		this.deals = deals;
		this.donors = donors;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A new access key, shown once: its text and the first characters kept for display.
	 */
	public record AccessKey(long dealId, String key, String prefix) {
	}

	/**
	 * A new access key for the buyer of a deal delivered through the API, while it is
	 * paid and the licence holds; the previous key stops working.
	 */
	@Transactional
	public AccessKey issueKey(StratlasPrincipal user, long id) {
		Deal deal = this.marketRepository.lockDeal(id)
			.filter(d -> d.buyerOrganisationId() == user.organisationId())
			.orElseThrow(() -> new NotFoundException(Deals.TYPE, id));
		if (this.marketRepository.listing(deal.listingId()).orElseThrow().delivery() != Listing.Delivery.API) {
			throw new ValidationException("delivery", "exchange.deal.notApi");
		}
		if (!Deals.deliverable(deal, now())) {
			throw new ValidationException("state", "exchange.deal.state");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String prefix = key.substring(0, PREFIX.length() + 6);
		this.delivery.replaceKey(id, prefix, sha256(key), user.username());
		this.audit.record(deal.sellerOrganisationId(), user.username(), Deals.TYPE, id, "KEY_ISSUED",
				deal.datasetTitle() + ": " + prefix + "…", Map.of());
		return new AccessKey(id, key, prefix);
	}

	/**
	 * One page of rows as JSON: each row's values typed by the schema; the checksum is of
	 * the same rows as CSV, which the CSV form of the call serves.
	 */
	public record DataPage(long dealId, String purpose, int offset, int limit, int total, List<String> fields,
			List<Map<String, @Nullable Object>> rows, String sha256) {

		public DataPage {
			fields = List.copyOf(fields);
			rows = List.copyOf(rows);
		}

	}

	/** The rows as JSON, after the licence's checks. */
	public DataPage page(StratlasPrincipal user, long id, @Nullable String key, @Nullable String purpose,
			@Nullable Integer offset, @Nullable Integer limit) {
		Served served = serve(user, id, key, purpose, offset, limit);
		List<Map<String, @Nullable Object>> rows = served.rows().stream().map(r -> {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			for (int i = 0; i < served.fields().size(); i++) {
				Dataset.Field field = served.fields().get(i);
				row.put(field.name(), DatasetFiles.typed(field.type(), i < r.size() ? r.get(i) : ""));
			}
			return row;
		}).toList();
		return new DataPage(id, served.purpose().odrl(), served.offset(), served.limit(), served.total(),
				served.fields().stream().map(Dataset.Field::name).toList(), rows, DatasetFiles.sha256(served.csv()));
	}

	/** The rows as CSV, after the licence's checks. */
	public Deals.Delivery csv(StratlasPrincipal user, long id, @Nullable String key, @Nullable String purpose,
			@Nullable Integer offset, @Nullable Integer limit) {
		Served served = serve(user, id, key, purpose, offset, limit);
		return new Deals.Delivery("affar-" + id + "-rader-" + served.offset() + ".csv", "text/csv", served.csv());
	}

	private record Served(Purpose purpose, int offset, int limit, int total, List<Dataset.Field> fields,
			List<List<String>> rows, byte[] csv) {
	}

	private record Outcome(@Nullable Served served, @Nullable Refused refused) {
	}

	private Served serve(StratlasPrincipal user, long id, @Nullable String key, @Nullable String purpose,
			@Nullable Integer offset, @Nullable Integer limit) {
		Deal found = this.deals.deal(user, id);
		int from = offset == null ? 0 : offset;
		int size = limit == null ? DEFAULT_ROWS : limit;
		if (from < 0) {
			throw new ValidationException("offset", "validation.range", 0, Integer.MAX_VALUE);
		}
		if (size < 1 || size > MAX_ROWS) {
			throw new ValidationException("limit", "validation.range", 1, MAX_ROWS);
		}
		Outcome outcome = this.transactions.execute(status -> {
			Deal deal = this.marketRepository.lockDeal(found.id()).orElseThrow();
			Listing listing = this.marketRepository.listing(deal.listingId()).orElseThrow();
			Purpose stated = purpose(purpose);
			Refused refused = refusal(user, deal, listing, key, stated);
			if (refused != null) {
				this.delivery.logCall(id, user.username(), false, refused.reason(), null, null,
						stated == null ? null : stated.name(), null);
				return new Outcome(null, refused);
			}
			Served served = rows(deal, stated, from, size);
			refused = overVolume(deal, listing, served.rows().size());
			if (refused != null) {
				this.delivery.logCall(id, user.username(), false, refused.reason(), null, null, stated.name(), null);
				return new Outcome(null, refused);
			}
			this.delivery.logCall(id, user.username(), true, "", DatasetFiles.sha256(served.csv()),
					(long) served.csv().length, stated.name(), served.rows().size());
			return new Outcome(served, null);
		});
		if (outcome.refused() != null) {
			throw outcome.refused();
		}
		return outcome.served();
	}

	/** Why a call is refused before any row is read, or null. */
	private @Nullable Refused refusal(StratlasPrincipal user, Deal deal, Listing listing, @Nullable String key,
			@Nullable Purpose purpose) {
		if (deal.buyerOrganisationId() != user.organisationId()) {
			return new Refused("NOT_BUYER", false);
		}
		if (listing.delivery() != Listing.Delivery.API) {
			return new Refused("NOT_API", false);
		}
		String expected = this.delivery.key(deal.id()).map(DeliveryRepository.KeyRow::keySha256).orElse(null);
		if (expected == null || key == null || key.length() > 100 || !MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sha256(key).getBytes(StandardCharsets.US_ASCII))) {
			return new Refused("KEY_INVALID", false);
		}
		if (purpose != deal.purpose()) {
			return new Refused("PURPOSE", false);
		}
		if (!deal.licensedAt(now())) {
			return new Refused("LICENCE_ENDED", false);
		}
		if (!Deals.deliverable(deal, now())) {
			return new Refused("NOT_PAID", false);
		}
		return null;
	}

	/** Why serving the rows would break the volume a day, or null. */
	private @Nullable Refused overVolume(Deal deal, Listing listing, int rows) {
		Listing.Volume volume = listing.volume();
		if (volume == null) {
			return null;
		}
		Instant today = LocalDate.now(this.clock.withZone(SWEDEN)).atStartOfDay(SWEDEN).toInstant();
		DeliveryRepository.Used used = this.delivery.usedSince(deal.id(), today);
		boolean over = volume.unit() == Listing.Volume.Unit.REQUESTS_PER_DAY ? used.requests() + 1 > volume.limit()
				: used.rows() + rows > volume.limit();
		return over ? new Refused("VOLUME_EXCEEDED", true) : null;
	}

	/**
	 * The page of rows of the dataset's newest file, without the rows of donors who did
	 * not cover the deal at its close or have withdrawn since.
	 */
	private Served rows(Deal deal, Purpose purpose, int offset, int limit) {
		Dataset dataset = this.datasetRepository.dataset(deal.datasetId()).orElseThrow();
		Dataset.FileVersion file = dataset.latestFile();
		List<List<String>> rows = file == null ? List.of()
				: DatasetFiles.rows(file.filename(), this.datasetRepository.fileContent(file.id()));
		int column = dataset.fields().stream().map(Dataset.Field::name).toList().indexOf(DataDonors.DONOR_FIELD);
		if (column >= 0) {
			Set<String> kept = new HashSet<>(this.donors.covered(deal.id()));
			this.donors.withdrawnSince(deal).forEach(kept::remove);
			rows = rows.stream().filter(r -> column < r.size() && kept.contains(r.get(column).strip())).toList();
		}
		List<List<String>> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
		byte[] csv = DatasetFiles.csv(dataset.fields().stream().map(Dataset.Field::name).toList(), page);
		return new Served(purpose, offset, limit, rows.size(), dataset.fields(), page, csv);
	}

	/** The purpose a call states, by its code in the policy or its name; null if none. */
	private static @Nullable Purpose purpose(@Nullable String code) {
		if (code == null) {
			return null;
		}
		for (Purpose p : Purpose.values()) {
			if (p.odrl().equalsIgnoreCase(code.strip()) || p.name().equalsIgnoreCase(code.strip())) {
				return p;
			}
		}
		return null;
	}

	/**
	 * A call the licence refuses, with the reason: NOT_BUYER, NOT_API, KEY_INVALID,
	 * PURPOSE, LICENCE_ENDED, NOT_PAID (403) or VOLUME_EXCEEDED (409).
	 */
	public static class Refused extends RuntimeException {

		private final String reason;

		private final boolean conflict;

		Refused(String reason, boolean conflict) {
			super(reason);
			this.reason = reason;
			this.conflict = conflict;
		}

		public String reason() {
			return this.reason;
		}

		/** Whether the call may succeed later without another key or licence (409). */
		public boolean conflict() {
			return this.conflict;
		}

	}

	static String sha256(String key) {
		return DatasetFiles.sha256(key.getBytes(StandardCharsets.UTF_8));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
