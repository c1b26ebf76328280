package se.stratlas.exchange;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;

/**
 * The exchange's pages as view models: the market (open listings, the organisation's
 * datasets, listings and deals, where the user stands with the rulebook) and a dataset's
 * page (description, schema, sample, files, rights and listings).
 */
@Service
public class ExchangePages {

	/** The market as one user sees it. */
	public record Market(Rulebook.Standing rulebook, List<Listing> open, List<Dataset> datasets,
			List<Listing> ownListings, List<Deal> deals, boolean steward) {
	}

	/** A dataset's page, with the choices its forms offer. */
	public record DatasetPage(Dataset dataset, List<List<String>> sample, List<Right> rights, List<Listing> listings,
			Rulebook.Standing rulebook) {

		public List<Purpose> purposes() {
			return List.of(Purpose.values());
		}

		public List<Listing.Auction> auctions() {
			return List.of(Listing.Auction.values());
		}

		/**
		 * The deliveries a listing may offer: a file, or the policy-checked data API.
		 */
		public List<Listing.Delivery> deliveries() {
			return List.of(Listing.Delivery.values());
		}

		/** What a volume limit of the data API may count. */
		public List<Listing.Volume.Unit> volumeUnits() {
			return List.of(Listing.Volume.Unit.values());
		}

		public List<Right.Subject> subjects() {
			return List.of(Right.Subject.values());
		}

		public List<Right.Kind> kinds() {
			return List.of(Right.Kind.values());
		}

		public List<Right.Basis> bases() {
			return List.of(Right.Basis.values());
		}

		/** The schema as the form writes it: a field per line. */
		public String schemaText() {
			return String.join("\n",
					this.dataset.fields()
						.stream()
						.map(f -> f.name() + "; " + f.type().name().toLowerCase(Locale.ROOT) + "; " + f.unit() + "; "
								+ f.description())
						.toList());
		}

	}

	private final Datasets datasets;

	private final RightsRegister rights;

	private final Auctions auctions;

	private final Deals deals;

	private final Rulebook rulebook;

	ExchangePages(Datasets datasets, RightsRegister rights, Auctions auctions, Deals deals, Rulebook rulebook) {
		this.datasets = datasets;
		this.rights = rights;
		this.auctions = auctions;
		this.deals = deals;
		this.rulebook = rulebook;
	}

	public Market market(StratlasPrincipal user) {
		return new Market(this.rulebook.standing(user), this.auctions.open(), this.datasets.own(user),
				this.auctions.own(user), this.deals.deals(user), user.can(Role.STRATEGIST));
	}

	public DatasetPage dataset(StratlasPrincipal user, long id) {
		Dataset dataset = this.datasets.own(user, id);
		return new DatasetPage(dataset, this.datasets.sample(dataset), this.rights.rights(id),
				this.auctions.ofDataset(id), this.rulebook.standing(user));
	}

}
