package se.stratlas.exchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditEvent.FieldChange;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DonorRepository;
import se.stratlas.exchange.internal.LedgerRepository;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * How the value of a dataset's deals is shared (seed 000, D16 and D18): the distribution
 * rule per dataset, the payout at settlement by that rule, and a comparison of the
 * pricing variants on the dataset's past deals with each party's outcome and risk.
 */
@Service
public class SharedValue {

	static final String TYPE = "exchange_distribution";

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/** The parties of the comparison. */
	public enum Party {

		PROVIDER, DONORS, EXCHANGE, BUYER;

		public String messageKey() {
			return "exchange.party." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * What a steward states: the shares, the kickback model, the fund's purpose, the
	 * variant.
	 */
	public record RuleForm(@Nullable BigDecimal providerPct, @Nullable BigDecimal donorsPct,
			@Nullable BigDecimal exchangePct, Distribution.@Nullable Kickback kickback, @Nullable String fundPurpose,
			Distribution.@Nullable Pricing pricing) {
	}

	/**
	 * One party's outcome under one variant over the past deals: the total, the mean per
	 * deal, the spread (standard deviation), the least, and what a refund takes from the
	 * party (its mean over the deals that were not refunded: a refunded deal gives every
	 * party nothing).
	 */
	public record Outcome(Party party, BigDecimal total, BigDecimal mean, BigDecimal spread, BigDecimal least,
			BigDecimal atStake) {
	}

	/** The comparison: per variant, each party's outcome, over the deals counted. */
	public record Comparison(Dataset dataset, @Nullable Distribution rule, int deals, int refunded,
			Map<Distribution.Pricing, List<Outcome>> outcomes) {
	}

	private final DonorRepository donors;

	private final MarketRepository marketRepository;

	private final LedgerRepository ledgerRepository;

	private final Datasets datasets;

	private final AuditTrail audit;

	SharedValue(DonorRepository donors, MarketRepository marketRepository, LedgerRepository ledgerRepository,
			Datasets datasets, AuditTrail audit) {
		this.donors = donors;
		this.marketRepository = marketRepository;
		this.ledgerRepository = ledgerRepository;
		this.datasets = datasets;
		this.audit = audit;
	}

	/** The dataset's rule, if the steward has stated one. */
	public @Nullable Distribution rule(StratlasPrincipal user, long datasetId) {
		this.datasets.own(user, datasetId);
		return this.donors.distribution(datasetId).orElse(null);
	}

	/** States the dataset's rule; the shares must sum to 100. */
	@Transactional
	public Distribution save(StratlasPrincipal user, long datasetId, RuleForm form) {
		Dataset dataset = this.datasets.own(user, datasetId);
		// The rule in force when a listing opened is the one its deals settle by: it
		// cannot
		// change while the dataset is listed or a deal on it is not yet settled.
		if (this.marketRepository.listedOrUnsettled(datasetId)) {
			throw new ValidationException("providerPct", "exchange.distribution.locked");
		}
		BigDecimal provider = pct("providerPct", form.providerPct());
		BigDecimal donorShare = pct("donorsPct", form.donorsPct());
		BigDecimal exchange = pct("exchangePct", form.exchangePct());
		if (provider.add(donorShare).add(exchange).compareTo(HUNDRED) != 0) {
			throw new ValidationException("providerPct", "exchange.distribution.sum");
		}
		if (form.kickback() == null) {
			throw new ValidationException("kickback", "validation.required");
		}
		if (form.pricing() == null) {
			throw new ValidationException("pricing", "validation.required");
		}
		String fund = form.kickback() == Distribution.Kickback.COLLECTIVE_FUND
				? Texts.required("fundPurpose", form.fundPurpose(), 400)
				: Texts.optional("fundPurpose", form.fundPurpose(), 400);
		Distribution before = this.donors.distribution(datasetId).orElse(null);
		Distribution rule = new Distribution(datasetId, provider, donorShare, exchange, form.kickback(), fund,
				form.pricing());
		this.donors.saveDistribution(rule, user.username());
		this.audit.record(user.organisationId(), user.username(), TYPE, datasetId,
				before == null ? "CREATED" : "UPDATED", dataset.title(),
				Map.of("rule", new FieldChange(describe(before), describe(rule))));
		return rule;
	}

	private static String describe(@Nullable Distribution rule) {
		if (rule == null) {
			return null;
		}
		String pricing = switch (rule.pricing()) {
			case FIXED_PRICE -> "fast pris";
			case REVENUE_SHARE -> "intäktsdelning";
			case OUTCOME_BASED -> "utfallsbaserad";
		};
		return "leverantören " + rule.providerPct().toPlainString() + " %, donatorerna "
				+ rule.donorsPct().toPlainString() + " %, regionen " + rule.exchangePct().toPlainString() + " %; "
				+ (rule.kickback() == Distribution.Kickback.EQUAL_PER_DONOR ? "lika per donator"
						: "fond: " + rule.fundPurpose())
				+ "; " + pricing;
	}

	private static BigDecimal pct(String field, @Nullable BigDecimal value) {
		if (value == null) {
			throw new ValidationException(field, "validation.required");
		}
		if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.scale() > 2) {
			throw new ValidationException(field, "exchange.distribution.pct");
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	/**
	 * The settlement's payout of a deal's escrow: by the dataset's rule and its variant,
	 * or all to the seller without a rule.
	 */
	List<Distribution.Share> payOut(Deal deal) {
		return this.donors.distribution(deal.datasetId())
			.map(rule -> rule.payOut(rule.pricing(), deal.price(), deal.sellerOrganisationId(),
					deal.buyerOrganisationId(), this.donors.covered(deal.id()), outcomeMet(deal)))
			.orElse(List
				.of(new Distribution.Share(Distribution.sellerAccount(deal.sellerOrganisationId()), deal.price())));
	}

	/** The outcome-based variant's outcome: the buyer took delivery at least once. */
	private boolean outcomeMet(Deal deal) {
		return this.ledgerRepository.delivered(deal.id());
	}

	/**
	 * Each party's outcome under each variant on the dataset's past deals (settled or
	 * refunded), with the dataset's rule's shares; a refunded deal gives every party
	 * nothing and costs the buyer nothing.
	 */
	public Comparison compare(StratlasPrincipal user, long datasetId) {
		Dataset dataset = this.datasets.own(user, datasetId);
		Distribution rule = this.donors.distribution(datasetId).orElse(null);
		List<Deal> past = this.marketRepository.deals(dataset.organisationId())
			.stream()
			.filter(d -> d.datasetId() == datasetId)
			.filter(d -> d.state() == Deal.State.SETTLED || d.state() == Deal.State.REFUNDED)
			.toList();
		Map<Distribution.Pricing, List<Outcome>> outcomes = new EnumMap<>(Distribution.Pricing.class);
		if (rule != null && !past.isEmpty()) {
			for (Distribution.Pricing variant : Distribution.Pricing.values()) {
				Map<Party, List<BigDecimal>> perParty = new EnumMap<>(Party.class);
				Map<Party, List<BigDecimal>> delivered = new EnumMap<>(Party.class);
				for (Deal deal : past) {
					Map<Party, BigDecimal> got = outcome(rule, variant, deal);
					got.forEach((party, amount) -> perParty.computeIfAbsent(party, p -> new ArrayList<>()).add(amount));
					if (deal.state() != Deal.State.REFUNDED) {
						got.forEach((party, amount) -> delivered.computeIfAbsent(party, p -> new ArrayList<>())
							.add(amount));
					}
				}
				outcomes.put(variant,
						perParty.entrySet()
							.stream()
							.map(e -> summary(e.getKey(), e.getValue(), delivered.getOrDefault(e.getKey(), List.of())))
							.toList());
			}
		}
		return new Comparison(dataset, rule, past.size(),
				(int) past.stream().filter(d -> d.state() == Deal.State.REFUNDED).count(), outcomes);
	}

	private Map<Party, BigDecimal> outcome(Distribution rule, Distribution.Pricing variant, Deal deal) {
		Map<Party, BigDecimal> got = new EnumMap<>(Party.class);
		for (Party party : Party.values()) {
			got.put(party, BigDecimal.ZERO.setScale(2));
		}
		if (deal.state() == Deal.State.REFUNDED) {
			return got;
		}
		got.put(Party.BUYER, deal.price().negate());
		for (Distribution.Share share : rule.payOut(variant, deal.price(), deal.sellerOrganisationId(),
				deal.buyerOrganisationId(), this.donors.covered(deal.id()), outcomeMet(deal))) {
			Party party = share.account().startsWith("seller:") ? Party.PROVIDER : share.account().startsWith("buyer:")
					? Party.BUYER : share.account().equals(Distribution.EXCHANGE) ? Party.EXCHANGE : Party.DONORS;
			got.merge(party, share.amount(), BigDecimal::add);
		}
		return got;
	}

	private static Outcome summary(Party party, List<BigDecimal> amounts, List<BigDecimal> delivered) {
		BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal mean = mean(amounts);
		BigDecimal variance = amounts.stream()
			.map(a -> a.subtract(mean).pow(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(amounts.size()), MathContext.DECIMAL64);
		return new Outcome(party, total, mean, variance.sqrt(MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN),
				amounts.stream().min(BigDecimal::compareTo).orElseThrow(), mean(delivered));
	}

	private static BigDecimal mean(List<BigDecimal> amounts) {
		return amounts.isEmpty() ? BigDecimal.ZERO.setScale(2)
				: amounts.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(amounts.size()), 2, RoundingMode.HALF_EVEN);
	}

}
