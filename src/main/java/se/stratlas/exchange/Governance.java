package se.stratlas.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.MarketRepository;

/**
 * The administrator's oversight of the exchange (seed 000's D11, D17): the rights
 * register summarised per holder, deals and prices per month, the concentration of
 * sellers and buyers (shares and the Herfindahl–Hirschman index), the ledger's balance,
 * and the register as open data (CSV and JSON) without personal data.
 */
@Service
public class Governance {

	private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

	private static final BigDecimal HUNDRED = new BigDecimal(100);

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final Deals deals;

	private final Clock clock;

	Governance(DatasetRepository datasetRepository, MarketRepository marketRepository, Deals deals,
			Optional<Clock> clock) {
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.deals = deals;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The oversight: rights per holder, months, concentration, the ledger's check. */
	public GovernanceView view() {
		Instant now = this.clock.instant();
		List<Dataset> datasets = this.datasetRepository.datasets(null);
		Map<String, List<Right>> byHolder = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<Long, String> titles = new LinkedHashMap<>();
		for (Dataset dataset : datasets) {
			titles.put(dataset.id(), dataset.title());
			for (Right right : this.datasetRepository.rights(dataset.id())) {
				if (right.validAt(now)) {
					byHolder.computeIfAbsent(right.holder(), h -> new ArrayList<>()).add(right);
				}
			}
		}
		List<GovernanceView.Holder> holders = byHolder.entrySet().stream().map(e -> {
			List<Right> rights = e.getValue();
			List<String> held = rights.stream().map(r -> titles.get(r.datasetId())).distinct().sorted().toList();
			return new GovernanceView.Holder(e.getKey(),
					rights.stream().anyMatch(r -> r.holderOrganisationId() != null), held.size(),
					count(rights, r -> r.kind() == Right.Kind.OWNERSHIP),
					count(rights, r -> r.kind() == Right.Kind.USE),
					count(rights, r -> r.subject() == Right.Subject.DATA),
					count(rights, r -> r.subject() == Right.Subject.METADATA), held);
		}).toList();
		List<Deal> done = this.marketRepository.deals(null)
			.stream()
			.filter(d -> d.state() != Deal.State.REFUNDED)
			.toList();
		return new GovernanceView(holders, months(done), concentration(done, Deal::seller),
				concentration(done, Deal::buyer), this.deals.unbalanced(), datasets.size(), done.size());
	}

	private static int count(List<Right> rights, Predicate<Right> test) {
		return (int) rights.stream().filter(test).count();
	}

	static List<GovernanceView.Month> months(List<Deal> deals) {
		Map<YearMonth, List<BigDecimal>> byMonth = new TreeMap<>();
		deals.forEach(d -> byMonth.computeIfAbsent(YearMonth.from(d.createdAt().atZone(SWEDEN)), m -> new ArrayList<>())
			.add(d.price()));
		return byMonth.entrySet().stream().map(e -> {
			List<BigDecimal> prices = e.getValue();
			BigDecimal total = prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			return new GovernanceView.Month(e.getKey(), prices.size(), total,
					prices.stream().min(Comparator.naturalOrder()).orElseThrow(),
					total.divide(BigDecimal.valueOf(prices.size()), 2, RoundingMode.HALF_UP),
					prices.stream().max(Comparator.naturalOrder()).orElseThrow());
		}).toList();
	}

	/**
	 * The parties' shares of the deals' value and the Herfindahl–Hirschman index of those
	 * shares (in percent, squared and summed, rounded to a whole number).
	 */
	static GovernanceView.Concentration concentration(List<Deal> deals, Function<Deal, String> party) {
		BigDecimal all = deals.stream().map(Deal::price).reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<String, List<Deal>> byParty = deals.stream().collect(Collectors.groupingBy(party));
		List<GovernanceView.Share> shares = byParty.entrySet().stream().map(e -> {
			BigDecimal amount = e.getValue().stream().map(Deal::price).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal percent = all.signum() == 0 ? BigDecimal.ZERO
					: amount.multiply(HUNDRED).divide(all, 10, RoundingMode.HALF_UP);
			return new GovernanceView.Share(e.getKey(), e.getValue().size(), amount, percent);
		})
			.sorted(Comparator.comparing(GovernanceView.Share::amount)
				.reversed()
				.thenComparing(GovernanceView.Share::party))
			.toList();
		int hhi = shares.stream()
			.map(s -> s.percent().pow(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(0, RoundingMode.HALF_UP)
			.intValue();
		List<GovernanceView.Share> rounded = shares.stream()
			.map(s -> new GovernanceView.Share(s.party(), s.deals(), s.amount(),
					s.percent().setScale(1, RoundingMode.HALF_UP)))
			.toList();
		return new GovernanceView.Concentration(rounded, hhi, GovernanceView.Level.of(hhi, all.signum() != 0));
	}

	/** The register as open data: each dataset with its rights and deals. */
	public RegisterExport register() {
		Map<Long, List<Deal>> dealsByDataset = this.marketRepository.deals(null)
			.stream()
			.collect(Collectors.groupingBy(Deal::datasetId));
		List<RegisterExport.Entry> entries = this.datasetRepository.datasets(null)
			.stream()
			.map(d -> new RegisterExport.Entry(d.id(), d.title(), d.provider(), d.theme(), d.openData(), d.licence(),
					d.personalData(), d.provenanceKind(),
					this.datasetRepository.rights(d.id())
						.stream()
						.map(r -> new RegisterExport.RightEntry(r.id(), r.subject(), r.kind(), r.basis(),
								r.holderOrganisationId() == null ? null : r.holder(), r.previousId(), r.dealId(),
								r.validFrom(), r.validUntil()))
						.toList(),
					dealsByDataset.getOrDefault(d.id(), List.of())
						.stream()
						.sorted(Comparator.comparing(Deal::id))
						.map(x -> new RegisterExport.DealEntry(x.id(), x.seller(), x.buyer(), x.price(), x.purpose(),
								x.state(), x.createdAt(), x.licenceFrom(), x.licenceUntil()))
						.toList()))
			.toList();
		return new RegisterExport(this.clock.instant(), entries);
	}

	private static final String[] HEADERS = { "dataset_id", "dataset", "provider", "theme", "open_data", "licence",
			"personal_data", "record", "id", "subject", "kind", "basis", "holder", "previous_id", "valid_from",
			"valid_until", "seller", "buyer", "price_sek", "purpose", "state" };

	/**
	 * The register as CSV (RFC 4180, UTF-8): one row per right and per deal, each with
	 * its dataset's columns; a holder that is not an organisation is left empty.
	 */
	public byte[] registerCsv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADERS).get())) {
			for (RegisterExport.Entry d : register().datasets()) {
				List<Object> dataset = List.of(d.id(), d.title(), d.provider(), d.theme(), d.openData(),
						d.licence() == null ? "" : d.licence(), d.personalData());
				for (RegisterExport.RightEntry r : d.rights()) {
					List<Object> row = new ArrayList<>(dataset);
					row.addAll(List.of("right", r.id(), r.subject(), r.kind(), r.basis(), text(r.holder()),
							text(r.previousId()), r.validFrom(), text(r.validUntil()), "", "", "", "", ""));
					csv.printRecord(row);
				}
				for (RegisterExport.DealEntry x : d.deals()) {
					List<Object> row = new ArrayList<>(dataset);
					row.addAll(List.of("deal", x.id(), "", "", "", "", "", x.licenceFrom(), x.licenceUntil(),
							x.seller(), x.buyer(), x.price().toPlainString(), x.purpose(), x.state()));
					csv.printRecord(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Object text(Object value) {
		return value == null ? "" : value;
	}

}
