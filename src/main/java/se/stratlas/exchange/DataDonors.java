package se.stratlas.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetFiles;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.DonorRepository;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.ValidationException;

/**
 * Citizens who donate data, pseudonymous in the exchange: the steward registers a donor
 * of a dataset and gets a random pseudonym and a secret token to hand to the donor (the
 * exchange keeps only the token's hash); consents are given and withdrawn per purpose,
 * with their times, and never deleted. A deal records at its close whose consents covered
 * its purpose; a withdrawal takes effect for the deals closed after it, and the buyers of
 * running deals are told which pseudonyms withdrew since their close.
 */
@Service
public class DataDonors {

	static final String TYPE = "exchange_donor";

	/** The name of the schema field that holds a row's donor pseudonym. */
	public static final String DONOR_FIELD = "donor";

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DonorRepository donors;

	private final DatasetRepository datasetRepository;

	private final Datasets datasets;

	private final AuditTrail audit;

	DataDonors(DonorRepository donors, DatasetRepository datasetRepository, Datasets datasets, AuditTrail audit) {
		this.donors = donors;
		this.datasetRepository = datasetRepository;
		this.datasets = datasets;
		this.audit = audit;
	}

	/** A new donor's pseudonym and the secret token shown once, to hand to the donor. */
	public record Registration(String pseudonym, String token) {
	}

	/**
	 * The donors' page of a dataset: the dataset, its donors and whether rows name them.
	 */
	public record DonorsPage(Dataset dataset, List<Donor> donors, boolean donorColumn) {

		public DonorsPage {
			donors = List.copyOf(donors);
		}

	}

	/** The dataset's donors' page. */
	public DonorsPage page(StratlasPrincipal user, long datasetId) {
		Dataset dataset = this.datasets.own(user, datasetId);
		return new DonorsPage(dataset, this.donors.donors(datasetId),
				dataset.fields().stream().anyMatch(f -> f.name().equals(DONOR_FIELD)));
	}

	/** The donors of one of the organisation's datasets, with their consents. */
	public List<Donor> donors(StratlasPrincipal user, long datasetId) {
		this.datasets.own(user, datasetId);
		return this.donors.donors(datasetId);
	}

	/** Registers a donor of the dataset with consents for the purposes given. */
	@Transactional
	public Registration register(StratlasPrincipal user, long datasetId, @Nullable List<Purpose> purposes) {
		Dataset dataset = this.datasets.own(user, datasetId);
		if (purposes == null || purposes.isEmpty()) {
			throw new ValidationException("purposes", "validation.required");
		}
		String pseudonym = pseudonym();
		String token = token();
		long id = this.donors.insertDonor(datasetId, pseudonym, sha256(token), user.username());
		for (Purpose purpose : purposes) {
			this.donors.giveConsent(id, purpose, user.username());
		}
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "CREATED",
				dataset.title() + ": " + pseudonym, Map.of());
		return new Registration(pseudonym, token);
	}

	/** The donor gives consent for a purpose (nothing changes if it is standing). */
	@Transactional
	public Donor consent(StratlasPrincipal user, long datasetId, String pseudonym, @Nullable Purpose purpose) {
		Donor donor = ofDataset(user, datasetId, pseudonym);
		if (purpose == null) {
			throw new ValidationException("purpose", "validation.required");
		}
		if (this.donors.giveConsent(donor.id(), purpose, user.username())) {
			this.audit.record(user.organisationId(), user.username(), TYPE, donor.id(), "CONSENTED",
					pseudonym + ": " + purpose.odrl(), Map.of());
		}
		return this.donors.donor(pseudonym).orElseThrow();
	}

	/**
	 * The donor withdraws the consent for a purpose: deals closed from now on leave the
	 * donor out; running deals are told.
	 */
	@Transactional
	public Donor withdraw(StratlasPrincipal user, long datasetId, String pseudonym, @Nullable Purpose purpose) {
		Donor donor = ofDataset(user, datasetId, pseudonym);
		if (purpose == null) {
			throw new ValidationException("purpose", "validation.required");
		}
		if (!this.donors.withdrawConsent(donor.id(), purpose, user.username())) {
			throw new ValidationException("purpose", "exchange.donor.noConsent");
		}
		this.audit.record(user.organisationId(), user.username(), TYPE, donor.id(), "WITHDRAWN",
				pseudonym + ": " + purpose.odrl(), Map.of());
		return this.donors.donor(pseudonym).orElseThrow();
	}

	private Donor ofDataset(StratlasPrincipal user, long datasetId, String pseudonym) {
		this.datasets.own(user, datasetId);
		return this.donors.donor(pseudonym == null ? "" : pseudonym)
			.filter(d -> d.datasetId() == datasetId)
			.orElseThrow(() -> new NotFoundException(TYPE, pseudonym));
	}

	/** What a donor reads with the token: consents, the deals they covered, the money. */
	public record Statement(Donor donor, String datasetTitle, String provider, List<DonorRepository.CoveredDeal> deals,
			@Nullable Distribution rule, BigDecimal paidToDonor, BigDecimal fund) {

		public Statement {
			deals = List.copyOf(deals);
		}

	}

	/**
	 * The donor's own statement, for the pseudonym and its token; an unknown pseudonym
	 * and a wrong token are refused alike.
	 */
	public Statement statement(String pseudonym, String token) {
		Donor donor = byToken(pseudonym, token);
		Dataset dataset = this.datasetRepository.dataset(donor.datasetId()).orElseThrow();
		return new Statement(donor, dataset.title(), dataset.provider(), this.donors.dealsOf(donor.id()),
				this.donors.distribution(dataset.id()).orElse(null),
				this.donors.balance(Distribution.donorAccount(dataset.id(), pseudonym)),
				this.donors.balance(Distribution.fundAccount(dataset.id())));
	}

	/**
	 * The donor withdraws a consent from their own page, with their token: the same
	 * effect as the steward's withdrawal (deals closed from now on leave the donor out,
	 * running deals are told, the data API leaves the rows out at once).
	 */
	@Transactional
	public Donor withdrawOwn(String pseudonym, String token, @Nullable Purpose purpose) {
		Donor donor = byToken(pseudonym, token);
		if (purpose == null) {
			throw new ValidationException("purpose", "validation.required");
		}
		if (!this.donors.withdrawConsent(donor.id(), purpose, pseudonym)) {
			throw new ValidationException("purpose", "exchange.donor.noConsent");
		}
		Dataset dataset = this.datasetRepository.dataset(donor.datasetId()).orElseThrow();
		this.audit.record(dataset.organisationId(), pseudonym, TYPE, donor.id(), "WITHDRAWN",
				pseudonym + ": " + purpose.odrl(), Map.of());
		return this.donors.donor(pseudonym).orElseThrow();
	}

	/**
	 * The donor of the pseudonym and token; an unknown one and a wrong token alike 404.
	 */
	private Donor byToken(@Nullable String pseudonym, @Nullable String token) {
		String expected = pseudonym == null ? null : this.donors.tokenSha256(pseudonym).orElse(null);
		if (expected == null || token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				sha256(token).getBytes(StandardCharsets.US_ASCII))) {
			throw new NotFoundException(TYPE, "?");
		}
		return this.donors.donor(pseudonym).orElseThrow();
	}

	/** Records which donors' consents covered the deal's purpose at its close. */
	void snapshot(long dealId, long datasetId, Purpose purpose, Instant closedAt) {
		this.donors.snapshot(dealId, datasetId, purpose, closedAt);
	}

	/** The pseudonyms whose consents covered the deal at its close. */
	List<String> covered(long dealId) {
		return this.donors.covered(dealId);
	}

	/**
	 * The pseudonyms that covered the deal at its close and have withdrawn their consent
	 * for its purpose since.
	 */
	List<String> withdrawnSince(Deal deal) {
		List<String> covered = covered(deal.id());
		if (covered.isEmpty()) {
			return List.of();
		}
		return this.donors.donors(deal.datasetId())
			.stream()
			.filter(d -> covered.contains(d.pseudonym()))
			.filter(d -> !d.consentsTo(deal.purpose(), Instant.now()))
			.map(Donor::pseudonym)
			.toList();
	}

	/**
	 * The delivery of a file: when the schema has a {@value #DONOR_FIELD} field, only the
	 * rows of donors whose consent covered the deal at its close, written as CSV;
	 * otherwise the file as stored.
	 */
	Deals.Delivery delivery(Deal deal, Dataset dataset, Dataset.FileVersion file, byte[] content) {
		int column = dataset.fields().stream().map(Dataset.Field::name).toList().indexOf(DONOR_FIELD);
		if (column < 0) {
			return new Deals.Delivery(file.filename(), file.mediaType(), content);
		}
		byte[] kept = DatasetFiles.keepRows(file.filename(), content, column, covered(deal.id()));
		String name = file.filename().replaceFirst("\\.[^.]*$", "") + ".csv";
		return new Deals.Delivery(name, "text/csv", kept);
	}

	private static String pseudonym() {
		StringBuilder s = new StringBuilder("DN-");
		for (int i = 0; i < 10; i++) {
			s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return s.toString();
	}

	private static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String sha256(String token) {
		return DatasetFiles.sha256(token.getBytes(StandardCharsets.UTF_8));
	}

}
