package se.stratlas.exchange;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * What a data steward states when listing a dataset's newest file: the auction, reserve
 * price and increment, the licence (permitted purposes, days, onward sale), how the data
 * is delivered (as a file, or through the data API with an optional volume limit a day),
 * specific terms beside the rulebook, the deadline and the extension a late bid gives.
 */
public record ListingDraft(Listing.Auction auction, BigDecimal reservePrice, @Nullable BigDecimal minIncrement,
		List<Purpose> purposes, Integer licenceDays, @Nullable Boolean onwardSale, Listing.@Nullable Delivery delivery,
		@Nullable String specificTerms, Instant closesAt, @Nullable Integer extensionMinutes,
		@Nullable Integer volumeLimit, Listing.Volume.@Nullable Unit volumeUnit) {

	/** A draft without a volume limit. */
	public ListingDraft(Listing.Auction auction, BigDecimal reservePrice, @Nullable BigDecimal minIncrement,
			List<Purpose> purposes, Integer licenceDays, @Nullable Boolean onwardSale,
			Listing.@Nullable Delivery delivery, @Nullable String specificTerms, Instant closesAt,
			@Nullable Integer extensionMinutes) {
		this(auction, reservePrice, minIncrement, purposes, licenceDays, onwardSale, delivery, specificTerms, closesAt,
				extensionMinutes, null, null);
	}

	/** The most rows or requests a day a volume limit may name. */
	static final int MAX_VOLUME = 10_000_000;

	/** The most a price may be: what the ledger's columns hold, in kronor and öre. */
	static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");

	/** The latest a deadline may be set. */
	static final Duration LONGEST = Duration.ofDays(365);

	/**
	 * The draft checked against the rules a form shows at each field.
	 * @throws ValidationException with every field that is wrong
	 */
	public ListingDraft checked(Instant now) {
		List<ValidationException.Violation> violations = new ArrayList<>();
		if (this.auction == null) {
			violations.add(new ValidationException.Violation("auction", "validation.required"));
		}
		if (!price(this.reservePrice, true)) {
			violations.add(new ValidationException.Violation("reservePrice", "exchange.listing.price"));
		}
		BigDecimal increment = this.minIncrement == null ? BigDecimal.ONE : this.minIncrement;
		if (!price(increment, false)) {
			violations.add(new ValidationException.Violation("minIncrement", "exchange.listing.price"));
		}
		if (this.purposes == null || this.purposes.isEmpty()) {
			violations.add(new ValidationException.Violation("purposes", "exchange.listing.purposes"));
		}
		if (this.licenceDays == null || this.licenceDays < 1 || this.licenceDays > 3650) {
			violations.add(new ValidationException.Violation("licenceDays", "validation.range", 1, 3650));
		}
		if (this.closesAt == null || !this.closesAt.isAfter(now) || this.closesAt.isAfter(now.plus(LONGEST))) {
			violations.add(new ValidationException.Violation("closesAt", "exchange.listing.deadline"));
		}
		boolean api = this.delivery == Listing.Delivery.API;
		if (this.volumeLimit != null && (this.volumeLimit < 1 || this.volumeLimit > MAX_VOLUME)) {
			violations.add(new ValidationException.Violation("volumeLimit", "validation.range", 1, MAX_VOLUME));
		}
		else if (api && (this.volumeLimit == null) != (this.volumeUnit == null)) {
			violations.add(new ValidationException.Violation(this.volumeLimit == null ? "volumeLimit" : "volumeUnit",
					"exchange.listing.volume"));
		}
		int extension = this.extensionMinutes == null ? 0 : this.extensionMinutes;
		if (extension < 0 || extension > 60) {
			violations.add(new ValidationException.Violation("extensionMinutes", "validation.range", 0, 60));
		}
		String terms = null;
		try {
			terms = Texts.optional("specificTerms", this.specificTerms, 4000);
		}
		catch (ValidationException ex) {
			violations.addAll(ex.violations());
		}
		if (!violations.isEmpty()) {
			throw new ValidationException(violations);
		}
		return new ListingDraft(this.auction, this.reservePrice, increment,
				this.purposes.stream().distinct().sorted().toList(), this.licenceDays,
				Boolean.TRUE.equals(this.onwardSale), this.delivery == null ? Listing.Delivery.FILE : this.delivery,
				terms == null ? "" : terms, this.closesAt, extension, api ? this.volumeLimit : null,
				api && this.volumeLimit != null ? this.volumeUnit : null);
	}

	/** The volume limit of a checked draft, if any. */
	public Listing.@Nullable Volume volume() {
		return this.volumeLimit == null || this.volumeUnit == null ? null
				: new Listing.Volume(this.volumeLimit, this.volumeUnit);
	}

	/** An amount in kronor with at most two decimals, positive or (when allowed) zero. */
	static boolean price(BigDecimal amount, boolean zero) {
		return amount != null && (zero ? amount.signum() >= 0 : amount.signum() > 0)
				&& amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(MAX_PRICE) <= 0;
	}

}
